import type { DocumentAnalysis } from '../../service/analysis/documentAnalysis';
import { Messages, messagesFor } from '../../service/i18n/l10n';
import type { InitializationOptions } from '../../../../protocol/src/protocol';
import { AnalysisCache } from './analysisCache';
import { DocumentStore } from './documentStore';
import type { EditorSettings } from './editorSettings';
import { LastYearIndex } from './lastYearIndex';
import { ServiceCache } from './serviceCache';
import { AdaptiveDelay } from './validationScheduler';

/** The longest wait between the last edit and validation, unless the client says otherwise. */
export const DEFAULT_DEBOUNCE_MS = 200;

/** What the client declared it can do (from `initialize`). */
export interface ClientFeatures {
  /** workspace/configuration: settings are asked for per document. */
  readonly configuration: boolean;
  /** workspace/didChangeConfiguration may be registered for the `budget` section. */
  readonly dynamicConfiguration: boolean;
  /** workspace/didChangeWorkspaceFolders. */
  readonly folderEvents: boolean;
  /** Disabled code actions are shown with their reason. */
  readonly codeActionDisabledSupport: boolean;
}

/**
 * What a request or a validation reads of the server's state. A snapshot never changes: a change
 * (initialize, a configuration pushed, folders added, the workspace trusted) makes a new one, so
 * a request that has taken one reads the same values from its start to its end.
 */
export interface ServerSnapshot {
  readonly options: InitializationOptions;
  /** The `budget` section of the initialization options (clients without workspace/configuration). */
  readonly initialSection: unknown;
  /** The last `budget` section pushed with workspace/didChangeConfiguration. */
  readonly pushedSection: unknown;
  /** The editor's locale (`initialize`), used unless `budget.locale` says otherwise. */
  readonly editorLocale: string | undefined;
  readonly client: ClientFeatures;
  readonly workspaceFolders: readonly string[];
  /** false in an untrusted workspace: extra code tables and last year's reports are not read. */
  readonly trusted: boolean;
  /** The longest wait before validating an edited document. */
  readonly debounceMs: number;
  /** The locale of the server's own messages (notifications, errors of requests). */
  readonly messages: Messages;
}

const NO_CLIENT_FEATURES: ClientFeatures = Object.freeze({ configuration: false, dynamicConfiguration: false, folderEvents: false, codeActionDisabledSupport: false });

/**
 * The language server's state: the values requests read, as one immutable snapshot replaced on
 * every change, and the caches the server owns (documents, analyses, services, settings of each
 * document, what was already told to the user). Handler modules (node/lsp/*Handlers.ts,
 * *Requests.ts) read and change it through a ServerContext; nothing else in the server is mutable.
 */
export class ServerState {
  private current: ServerSnapshot = Object.freeze({
    options: {},
    initialSection: undefined,
    pushedSection: undefined,
    editorLocale: undefined,
    client: NO_CLIENT_FEATURES,
    workspaceFolders: [],
    trusted: true,
    debounceMs: DEFAULT_DEBOUNCE_MS,
    messages: messagesFor('zh-cn'),
  });

  readonly documents = new DocumentStore();
  readonly analyses = new AnalysisCache();
  readonly services = new ServiceCache();
  /** Each open document's settings (workspace/configuration), until the configuration changes. */
  readonly settings = new Map<string, Promise<EditorSettings>>();
  /** Reports published by the "check all reports" request and not open in the editor. */
  readonly workspaceReports = new Set<string>();
  /** Code table files whose problems were told to the user (once each). */
  readonly reportedTableProblems = new Set<string>();
  /** Settings values not taken that were told to the user (once each). */
  readonly reportedSettingsProblems = new Set<string>();
  /** Analyses whose internal errors are already in the log. */
  readonly loggedErrors = new WeakSet<DocumentAnalysis>();
  /** Last year's report of a report's department, in the workspace (the figures previous: lacks). */
  readonly lastYears = new LastYearIndex(() => this.documents.all(), () => this.current.workspaceFolders, () => this.current.trusted);
  /** The wait before validating, per document, following the cost of its last check. */
  delays = new AdaptiveDelay(DEFAULT_DEBOUNCE_MS);
  /** Settles once the settings and the server's locale are read after a change of configuration. */
  ready: Promise<void> = Promise.resolve();

  /** The current values, fixed: take it once per request. */
  get snapshot(): ServerSnapshot {
    return this.current;
  }

  /** Replaces the snapshot by one with `change` applied; requests that hold the old one keep it. */
  update(change: Partial<ServerSnapshot>): ServerSnapshot {
    this.current = Object.freeze({ ...this.current, ...change });
    if (change.debounceMs !== undefined) this.delays = new AdaptiveDelay(change.debounceMs);
    return this.current;
  }
}
