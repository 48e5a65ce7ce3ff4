import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PrintPdfRequest, PrintPdfParams, PublicationHtmlRequest, PublicationHtmlParams } from '../../../protocol/src/protocol';
import { fileName, reportDocument } from '../documents';
import { activePreviewDocument } from '../publication/publicationPreview';
import { targetNextTo } from './exportExcel';
import type { BudgetCommand } from './command';

async function offerToOpen(message: string, target: vscode.Uri, openLabel: string): Promise<void> {
  const choice = target.scheme === 'file' ? await vscode.window.showInformationMessage(message, openLabel) : await vscode.window.showInformationMessage(message);
  if (choice === openLabel) await vscode.env.openExternal(target);
}

/** Without chromium: the publication as a standalone HTML file (no script), to print from a browser. */
async function exportHtml(client: LanguageClient, document: vscode.TextDocument): Promise<string | undefined> {
  const target = await targetNextTo(document, '.html', { HTML: ['html'] });
  if (!target) return undefined;
  const params: PublicationHtmlParams = { uri: client.code2ProtocolConverter.asUri(document.uri), text: document.getText() };
  const result = await client.sendRequest(PublicationHtmlRequest.type, params);
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.html, 'utf8'));
  void offerToOpen(vscode.l10n.t('Saved {0}. Open it in a browser and print it there (A4, without headers and footers).', fileName(target)), target, vscode.l10n.t('Open in Browser'));
  return target.toString();
}

/**
 * "打印 / 导出 PDF" (from the preview's title bar, or for the active report): the server prints
 * the publication with headless chromium and the PDF is saved next to the report. Without
 * chromium the user is told so and offered an HTML file to print from a browser.
 */
export const printPublication: BudgetCommand = {
  id: 'budget.printPublication',
  async run({ client, reports }, uriArg?: unknown): Promise<string | undefined> {
    // From the preview's title bar the focus is on the webview: no text editor is active then.
    const explicit = uriArg instanceof vscode.Uri || typeof uriArg === 'string';
    const document = (explicit ? await reportDocument(uriArg) : activePreviewDocument() ?? (await reportDocument(undefined) ?? await reportDocument(reports.activeReport())));
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return undefined;
    }
    const params: PrintPdfParams = { uri: client.code2ProtocolConverter.asUri(document.uri), text: document.getText() };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Printing {0} to PDF with chromium…', fileName(document.uri)) },
      () => client.sendRequest(PrintPdfRequest.type, params),
    );
    if (!result.chromium) {
      const html = vscode.l10n.t('Export HTML…');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('No chromium was found to print a PDF (install chromium, or set BUDGET_CHROMIUM to its path). Export the publication as an HTML file and print it from your browser instead.'),
        html,
      );
      return choice === html ? exportHtml(client, document) : undefined;
    }
    if (!result.data) throw new Error(vscode.l10n.t('chromium could not print: {0}', result.error ?? ''));
    const target = await targetNextTo(document, '.pdf', { PDF: ['pdf'] });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
    void offerToOpen(vscode.l10n.t('Saved {0}.', fileName(target)), target, vscode.l10n.t('Open'));
    return target.toString();
  },
};
