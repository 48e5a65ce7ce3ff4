import * as vscode from 'vscode';
import { NextYearRequest, NextYearParams } from '../../../protocol/src/protocol';
import { fileName, reportDocument } from '../documents';
import { budgetOutput, writeBlock } from '../output';
import { LANGUAGE_ID } from '../reportStore';
import type { BudgetCommand } from './command';

export interface NextYearOutcome {
  readonly year?: number;
  readonly markers: number;
  /** The new report: a file beside this one, or an untitled document when that name is taken. */
  readonly uri?: string;
}

/**
 * "生成下一年度报告": next year's report from this one — years moved on, this year's 预算数 as
 * `previous:`, the new year's tables from the budget system's workbook when one is chosen, the
 * narrative's numbers refreshed, a marker for the author on every reason to review. The new
 * report opens beside this one (a new file named with the next year, or an untitled document
 * when that file exists); the report itself is never changed. Arguments (for tests and menus):
 * the report's uri, and `false` to skip the workbook question, or the workbooks' uris.
 */
export const nextYearReport: BudgetCommand = {
  id: 'budget.nextYearReport',
  async run({ context, client }, uriArg?: unknown, workbooksArg?: unknown): Promise<NextYearOutcome | undefined> {
    const document = await reportDocument(uriArg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return undefined;
    }
    let workbooks: vscode.Uri[] = [];
    if (Array.isArray(workbooksArg)) workbooks = workbooksArg.filter((u): u is vscode.Uri => u instanceof vscode.Uri);
    else if (workbooksArg !== false) {
      const choose = vscode.l10n.t('Choose Workbook…');
      const keep = vscode.l10n.t('Keep This Year\'s Tables');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Take next year\'s tables from the budget system\'s Excel export?'), choose, keep);
      if (choice === undefined) return undefined;
      if (choice === choose) {
        workbooks = (await vscode.window.showOpenDialog({ canSelectMany: true, filters: { [vscode.l10n.t('Excel workbooks')]: ['xlsx'] }, openLabel: vscode.l10n.t('Import') })) ?? [];
        if (workbooks.length === 0) return undefined;
      }
    }
    const params: NextYearParams = {
      uri: client.code2ProtocolConverter.asUri(document.uri),
      files: await Promise.all(workbooks.map(async (uri) => ({ name: fileName(uri), data: Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64') }))),
    };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Making next year\'s report…') },
      () => client.sendRequest(NextYearRequest.type, params),
    );
    const output = budgetOutput(context);
    writeBlock(output, vscode.l10n.t('Next year\'s report from {0}', fileName(document.uri)), [...result.lines, ...result.problems, ...(result.error ? [result.error] : [])]);
    if (result.text === undefined) {
      void vscode.window.showErrorMessage(result.error ?? vscode.l10n.t('Next year\'s report could not be made.'));
      return { markers: 0 };
    }
    // A file beside this one when the name is free; never over an existing file.
    let target: vscode.TextDocument;
    const sibling = result.fileName && document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..', result.fileName) : undefined;
    let exists = true;
    if (sibling) {
      try {
        await vscode.workspace.fs.stat(sibling);
      } catch {
        exists = false;
      }
    }
    if (sibling && !exists) {
      await vscode.workspace.fs.writeFile(sibling, Buffer.from(result.text, 'utf8'));
      target = await vscode.workspace.openTextDocument(sibling);
    } else {
      target = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
    }
    await vscode.window.showTextDocument(target, { preview: false });
    const show = vscode.l10n.t('Show Output');
    const message = vscode.l10n.t('Made the {0} report; {1} markers for you to review (【请核对…】).', result.year ?? '', result.markers);
    void vscode.window.showInformationMessage(result.problems.length ? `${message} ${vscode.l10n.t('{0} cells or sheets could not be imported; they are listed in the output.', result.problems.length)}` : message, show).then((choice) => {
      if (choice === show) output.show(true);
    });
    return { year: result.year, markers: result.markers, uri: target.uri.toString() };
  },
};
