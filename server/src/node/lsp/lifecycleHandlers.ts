import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { setFrontEndLocale } from '../../service/i18n/l10n';
import { InitializationOptions, WorkspaceTrustNotification } from '../../../../protocol/src/protocol';
import { budgetSection, effectiveLocale, readEditorSettings } from './editorSettings';
import type { ServerContext } from './serverContext';
import type { Validator } from './validation';

/**
 * The server's life and its inputs from outside the documents: initialize (what the client can
 * do, its options, folders, locale), the configuration, workspace folders and trust, code tables
 * and reports changed on disk, shutdown. Each change makes a new snapshot of the state and
 * validates again what it affects.
 */

/** `version`: the package's version, for serverInfo. */
export function registerLifecycleHandlers(context: ServerContext, validator: Validator, version: () => string): void {
  const { connection, state } = context;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const initialSection = budgetSection(options);
    const capabilities = params.capabilities;
    const client = {
      configuration: !!capabilities.workspace?.configuration,
      dynamicConfiguration: !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration,
      folderEvents: !!capabilities.workspace?.workspaceFolders,
      codeActionDisabledSupport: !!capabilities.textDocument?.codeAction?.disabledSupport,
    };
    state.update({
      options,
      initialSection,
      editorLocale: params.locale,
      trusted: options.trusted !== false,
      debounceMs: typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : state.snapshot.debounceMs,
      client,
      workspaceFolders: params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []),
      messages: setFrontEndLocale(effectiveLocale(readEditorSettings(initialSection).locale, params.locale)),
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: client.folderEvents } },
      },
      serverInfo: { name: 'budget-language-server', version: version() },
    };
  });

  connection.onInitialized(() => {
    state.ready = context.refreshLocale();
    const { client } = state.snapshot;
    if (client.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'budget' });
    if (client.folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        state.update({ workspaceFolders: [...state.snapshot.workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)] });
        state.settings.clear();
        validator.revalidateAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    state.update({ pushedSection: budgetSection(params.settings) ?? state.snapshot.pushedSection });
    state.settings.clear();
    state.ready = context.refreshLocale();
    validator.revalidateAll();
  });

  connection.onNotification(WorkspaceTrustNotification.type, (params) => {
    const now = params?.trusted !== false;
    if (now === state.snapshot.trusted) return;
    state.update({ trusted: now });
    validator.revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let tablesChanged = false;
    for (const change of params.changes) {
      if (/\.csv$/i.test(change.uri)) {
        tablesChanged = true;
        continue;
      }
      if (state.documents.get(change.uri) || !state.workspaceReports.has(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        state.workspaceReports.delete(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else {
        validator.recheckFromDisk(change.uri);
      }
    }
    if (tablesChanged) validator.revalidateAll();
  });

  connection.onShutdown(() => validator.scheduler.cancelAll());
}
