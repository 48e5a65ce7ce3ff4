import * as vscode from 'vscode';
import { RefreshNumbersRequest, RefreshNumbersParams } from '../../../protocol/src/protocol';
import { applyServerEdits, fileName, outdatedMessage, reportDocument } from '../documents';
import { budgetOutput, writeBlock } from '../output';
import type { BudgetCommand } from './command';

export interface RefreshNumbersOutcome {
  /** Tokens rewritten (numbers and direction words). */
  readonly rewritten: number;
  /** Lines written to the output (numbers left as written, reasons to check). */
  readonly listed: number;
}

/**
 * "按数据更新说明中的数字": every number of the narrative that the checker ties to data and finds
 * different from it is rewritten in the sentence's own wording and precision (the server's
 * edits touch number tokens and direction words only, as one undo step). What was left as
 * written, and why, goes to the output channel.
 */
export const refreshNumbers: BudgetCommand = {
  id: 'budget.refreshNumbers',
  async run({ context, client }, uriArg?: unknown): Promise<RefreshNumbersOutcome | undefined> {
    const document = await reportDocument(uriArg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return undefined;
    }
    const params: RefreshNumbersParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Updating the numbers of the narrative…') },
      () => client.sendRequest(RefreshNumbersRequest.type, params),
    );
    const output = budgetOutput(context);
    writeBlock(output, vscode.l10n.t('Update numbers from the data: {0}', fileName(document.uri)), [
      ...result.changes.map((c) => `${c.range.start.line + 1}:${c.range.start.character + 1}: ${c.before} → ${c.after}`),
      ...result.lines,
      result.summary,
    ]);
    if (result.edits.length > 0) {
      const outcome = await applyServerEdits(client, document, result.version, result.edits);
      if (outcome === 'outdated') {
        outdatedMessage();
        return undefined;
      }
      if (outcome === 'refused') throw new Error(vscode.l10n.t('the editor did not apply the edit'));
    }
    const show = vscode.l10n.t('Show Output');
    const message = result.edits.length > 0 ? vscode.l10n.t('Updated the numbers of the narrative: {0}', result.summary) : vscode.l10n.t('No number of the narrative differs from the data: {0}', result.summary);
    void vscode.window.showInformationMessage(message, show).then((choice) => {
      if (choice === show) output.show(true);
    });
    return { rewritten: result.changes.length, listed: result.lines.length };
  },
};
