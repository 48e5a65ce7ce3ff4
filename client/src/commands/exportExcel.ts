import * as vscode from 'vscode';
import { ExportXlsxRequest, ExportXlsxParams } from '../../../protocol/src/protocol';
import { fileName, reportDocument, siblingWithExtension } from '../documents';
import { budgetOutput, writeBlock } from '../output';
import type { BudgetCommand } from './command';

/**
 * Where a file made from a report goes: next to the report (asking before replacing an existing
 * file), or where a save dialog says when the report is untitled or its file system is read-only.
 */
export async function targetNextTo(document: vscode.TextDocument, extension: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const sibling = siblingWithExtension(document.uri, extension);
  const saveAs = () => vscode.window.showSaveDialog({ defaultUri: document.isUntitled ? undefined : sibling, filters });
  if (document.isUntitled || vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return saveAs();
  const exists = await vscode.workspace.fs.stat(sibling).then(() => true, () => false);
  if (!exists) return sibling;
  const replace: vscode.MessageItem = { title: vscode.l10n.t('Replace') };
  const other: vscode.MessageItem = { title: vscode.l10n.t('Save As…') };
  const cancel: vscode.MessageItem = { title: vscode.l10n.t('Cancel'), isCloseAffordance: true };
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', fileName(sibling)), { modal: true }, replace, other, cancel);
  if (choice === replace) return sibling;
  if (choice === other) return saveAs();
  return undefined;
}

export async function offerToReveal(message: string, target: vscode.Uri): Promise<void> {
  const reveal = vscode.l10n.t('Show in Folder');
  const choice = target.scheme === 'file' ? await vscode.window.showInformationMessage(message, reveal) : await vscode.window.showInformationMessage(message);
  if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
}

/** "导出为 Excel": the report's tables as the official workbook, one sheet per table (written by the server with exceljs). */
export const exportExcel: BudgetCommand = {
  id: 'budget.exportExcel',
  async run({ client, context }, uriArg?: unknown): Promise<string | undefined> {
    const document = await reportDocument(uriArg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return undefined;
    }
    const params: ExportXlsxParams = { uri: client.code2ProtocolConverter.asUri(document.uri), text: document.getText() };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} to Excel…', fileName(document.uri)) },
      () => client.sendRequest(ExportXlsxRequest.type, params),
    );
    const target = await targetNextTo(document, '.xlsx', { [vscode.l10n.t('Excel workbooks')]: ['xlsx'] });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
    if (result.problems.length) {
      const output = budgetOutput(context);
      writeBlock(output, vscode.l10n.t('Export to Excel: {0}', target.fsPath || target.toString()), result.problems);
      output.show(true);
    }
    const message = vscode.l10n.t('Exported {0} tables to {1}.', result.tables, fileName(target));
    void offerToReveal(result.problems.length ? `${message} ${vscode.l10n.t('{0} problems; see the output.', result.problems.length)}` : message, target);
    return target.toString();
  },
};
