import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LedgerNotification, LedgerParams, WorkspaceTrustNotification, WorkspaceTrustParams } from '../../protocol/src/protocol';
import { createLanguageClient } from './languageClient';
import { ReportStore } from './reportStore';
import { createStatusItem } from './statusItem';
import { createCoverageView } from './coverageView';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const reports = new ReportStore();
  const languageClient = createLanguageClient(context);
  client = languageClient;
  languageClient.onNotification(LedgerNotification.type, (params: LedgerParams) => {
    reports.update({ uri: languageClient.protocol2CodeConverter.asUri(params.uri).toString(), ledger: params.ledger, claims: params.claims, counts: params.counts });
  });
  context.subscriptions.push(
    reports,
    createStatusItem(reports),
    createCoverageView(reports),
    registerCommands({ context, client: languageClient, reports }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: WorkspaceTrustParams = { trusted: true };
      void languageClient.sendNotification(WorkspaceTrustNotification.type, params);
    }),
  );
  await vscode.commands.executeCommand('setContext', 'budget.active', true);
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
