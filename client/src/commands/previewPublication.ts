import * as vscode from 'vscode';
import { reportDocument } from '../documents';
import { publicationPreviews } from '../publication/publicationPreview';
import type { BudgetCommand } from './command';

/** "预览公开文件": the print publication of the report in a webview beside the editor, following edits and the cursor. */
export const previewPublication: BudgetCommand = {
  id: 'budget.previewPublication',
  async run({ context, client }, uriArg?: unknown): Promise<boolean> {
    const document = await reportDocument(uriArg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return false;
    }
    publicationPreviews(context, client).show(document);
    return true;
  },
};
