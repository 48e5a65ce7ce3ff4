import * as fs from 'fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { InitializationOptions, REGENERATE_SECTION_COMMAND } from '../../protocol/src/protocol';
import { LANGUAGE_ID } from './reportStore';

/** The server module: the bundle next to this file in a package, the compiled one in a checkout. */
function serverModule(context: vscode.ExtensionContext): string {
  const candidates = [context.asAbsolutePath('dist/server.js'), context.asAbsolutePath('out/server/src/server.js')];
  return candidates.find((file) => fs.existsSync(file)) ?? candidates[0];
}

/**
 * The language client. It starts the same server that other editors start with
 * `budget-language-server --stdio`, here over Node IPC. The server reads the `budget.*`
 * settings itself (workspace/configuration) and picks the message language from the editor's
 * locale unless `budget.locale` says otherwise.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = {
    trusted: vscode.workspace.isTrusted,
    ledgerNotifications: true,
    // The code action on a hand-edited section runs this command, which shows a diff first.
    clientCommands: [REGENERATE_SECTION_COMMAND],
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    diagnosticCollectionName: 'budget',
    initializationOptions,
    synchronize: {
      // Reports checked from disk follow their files; edited code tables are read again.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.{budget.yaml,budget.yml}'), vscode.workspace.createFileSystemWatcher('**/*.csv')],
    },
  };
  return new LanguageClient('budget', vscode.l10n.t('Budget Report Checker'), serverOptions, clientOptions);
}
