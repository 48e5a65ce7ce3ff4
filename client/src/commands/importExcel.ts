import * as vscode from 'vscode';
import { ImportXlsxRequest, ImportXlsxParams, ImportXlsxResult } from '../../../protocol/src/protocol';
import { applyServerEdits, fileName, outdatedMessage } from '../documents';
import { budgetOutput, writeBlock } from '../output';
import { LANGUAGE_ID } from '../reportStore';
import type { BudgetCommand, CommandServices } from './command';

export interface ImportOutcome {
  readonly mode: ImportXlsxResult['mode'];
  readonly problems: number;
  /** The report written to: the merged one, or the new untitled one. */
  readonly uri?: string;
}

function workbookUris(uriArg: unknown, urisArg: unknown): vscode.Uri[] {
  // From the explorer: the clicked file, and all selected files when several are.
  const selected = Array.isArray(urisArg) ? urisArg.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
  const all = selected.length ? selected : uriArg instanceof vscode.Uri ? [uriArg] : [];
  return all.filter((u) => /\.(xlsx|pdf)$/i.test(u.path));
}

/**
 * "从 Excel 或 PDF 导入…": the budget system's workbooks, or a published report's PDF (tables and
 * narrative), into a report. With a report in the active
 * editor, only its imported tables are replaced (the server's minimal edits, one undo step;
 * narrative, comments and the other tables stay); otherwise a new untitled report opens, to be
 * saved where the user wants. What could not be imported is listed by sheet and cell in the
 * output channel, and said in a message — never silently dropped.
 */
export const importExcel: BudgetCommand = {
  id: 'budget.importExcel',
  async run(services, uriArg?: unknown, urisArg?: unknown): Promise<ImportOutcome | undefined> {
    let files = workbookUris(uriArg, urisArg);
    if (files.length === 0) {
      files = (await vscode.window.showOpenDialog({
        canSelectMany: true,
        filters: { [vscode.l10n.t('Excel workbooks')]: ['xlsx'], [vscode.l10n.t('Published reports (PDF)')]: ['pdf'] },
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('Import tables from Excel'),
      })) ?? [];
    }
    if (files.length === 0) return undefined;
    const editor = vscode.window.activeTextEditor;
    const target = editor?.document.languageId === LANGUAGE_ID ? editor.document : undefined;
    return importInto(services, files, target);
  },
};

async function importInto(services: CommandServices, files: readonly vscode.Uri[], target: vscode.TextDocument | undefined): Promise<ImportOutcome | undefined> {
  const { client, context } = services;
  const names = files.map(fileName);
  const params: ImportXlsxParams = {
    files: await Promise.all(files.map(async (uri) => ({ name: fileName(uri), data: Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64') }))),
    into: target ? client.code2ProtocolConverter.asUri(target.uri) : undefined,
  };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', names.join(', ')) },
    () => client.sendRequest(ImportXlsxRequest.type, params),
  );
  const output = budgetOutput(context);
  const destination = target ? fileName(target.uri) : vscode.l10n.t('a new report');
  writeBlock(output, vscode.l10n.t('Import from Excel: {0} → {1}', names.join(', '), destination), [
    ...result.sheets,
    ...(result.problems.length ? [vscode.l10n.t('Not imported ({0}):', result.problems.length), ...result.problems.map((p) => `  ${p.line}`)] : []),
    ...(result.error ? [result.error] : []),
  ]);
  const problems = result.problems.length;

  if (result.mode === 'failed') {
    const asNew = vscode.l10n.t('Import as a New Report');
    const show = vscode.l10n.t('Show Output');
    const choice = target && result.recognised.length
      ? await vscode.window.showErrorMessage(result.error ?? '', asNew, show)
      : await vscode.window.showErrorMessage(result.error ?? '', show);
    if (choice === show) output.show(true);
    if (choice === asNew) return importInto(services, files, undefined);
    return { mode: 'failed', problems };
  }

  let written: vscode.Uri;
  let summary: string;
  if (result.mode === 'merge' && target) {
    const outcome = await applyServerEdits(client, target, result.version, result.edits ?? []);
    if (outcome === 'outdated') {
      outdatedMessage();
      return undefined;
    }
    if (outcome === 'refused') throw new Error(vscode.l10n.t('the editor did not apply the edit'));
    written = target.uri;
    const parts = [
      result.replaced.length ? vscode.l10n.t('replaced {0}', result.replaced.join(', ')) : '',
      result.added.length ? vscode.l10n.t('added {0}', result.added.join(', ')) : '',
    ].filter(Boolean);
    summary = vscode.l10n.t('Imported into {0}: {1}.', fileName(target.uri), parts.join('; '));
  } else {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text ?? '' });
    await vscode.window.showTextDocument(document);
    written = document.uri;
    summary = vscode.l10n.t('Imported {0} tables into a new report; save it as *.budget.yaml.', result.added.length);
  }
  if (problems) {
    output.show(true);
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('{0} cells or sheets could not be imported; they are listed in the output.', problems)}`, show).then((choice) => {
      if (choice === show) output.show(true);
    });
  } else {
    void vscode.window.showInformationMessage(summary);
  }
  return { mode: result.mode, problems, uri: written.toString() };
}
