import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReportStore } from '../reportStore';

/** What every command may use: the running language client and the report statuses. */
export interface CommandServices {
  readonly context: vscode.ExtensionContext;
  readonly client: LanguageClient;
  readonly reports: ReportStore;
}

/**
 * One command of the extension: its id (declared in package.json `contributes.commands`, with
 * its title in package.nls*.json) and what it does. A new command — generate the narrative,
 * import from or export to Excel, a preview — is one module exporting a BudgetCommand plus
 * its entry in commands/index.ts and in the manifest.
 */
export interface BudgetCommand {
  readonly id: string;
  run(services: CommandServices, ...args: unknown[]): unknown;
}
