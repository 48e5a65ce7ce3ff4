import * as vscode from 'vscode';
import { CheckDocumentsRequest, CheckDocumentsParams } from '../../../protocol/src/protocol';
import type { BudgetCommand } from './command';

const REPORT_GLOB = '**/*.{budget.yaml,budget.yml}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
/** Reports sent to the server per request: progress and cancellation stay responsive. */
const BATCH = 10;

async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** Checks every report of the workspace, open or not; the findings go to the Problems view. */
export const checkWorkspace: BudgetCommand = {
  id: 'budget.checkWorkspace',
  async run({ client, reports }) {
    const files = await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDE_GLOB);
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No budget reports (*.budget.yaml) in the workspace.'));
      return { files: 0 };
    }
    const totals = { files: 0, errors: 0, warnings: 0, notes: 0 };
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking budget reports'), cancellable: true },
      async (progress, token) => {
        for (let i = 0; i < files.length; i += BATCH) {
          if (token.isCancellationRequested) return true;
          const batch = files.slice(i, i + BATCH);
          const params: CheckDocumentsParams = {
            documents: await Promise.all(batch.map(async (uri) => ({ uri: client.code2ProtocolConverter.asUri(uri), text: await readText(uri) }))),
          };
          const result = await client.sendRequest(CheckDocumentsRequest.type, params, token);
          for (const file of result.files) {
            totals.files++;
            totals.errors += file.counts.errors;
            totals.warnings += file.counts.warnings;
            totals.notes += file.counts.information + file.counts.hints;
            reports.update({ uri: client.protocol2CodeConverter.asUri(file.uri).toString(), ledger: file.ledger, counts: file.counts });
          }
          progress.report({ increment: (batch.length / files.length) * 100, message: `${Math.min(i + BATCH, files.length)} / ${files.length}` });
        }
        return false;
      },
    );
    const summary = vscode.l10n.t('Checked {0} reports: {1} errors, {2} warnings, {3} notes.', totals.files, totals.errors, totals.warnings, totals.notes);
    const showProblems = vscode.l10n.t('Show Problems');
    void vscode.window.showInformationMessage(cancelled ? `${summary} ${vscode.l10n.t('(cancelled)')}` : summary, showProblems).then((choice) => {
      if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return totals;
  },
};
