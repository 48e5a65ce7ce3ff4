import * as vscode from 'vscode';
import { CodeListRequest, CodeListItem, InsertCodeRequest, InsertCodeParams } from '../../../protocol/src/protocol';
import { LANGUAGE_ID } from '../reportStore';
import type { BudgetCommand } from './command';

function systemLabel(system: CodeListItem['system']): string {
  switch (system) {
    case 'function': return vscode.l10n.t('Function classification');
    case 'economic-department': return vscode.l10n.t('Department economic classification');
    case 'economic-government': return vscode.l10n.t('Government economic classification');
  }
}

interface CodePick extends vscode.QuickPickItem {
  readonly entry: CodeListItem;
}

/**
 * A quick pick of the codes valid in the report year (the classification of the table at the
 * cursor), filterable by code, name, pinyin initials or path; inserts code and name together.
 */
export const insertCode: BudgetCommand = {
  id: 'budget.insertCode',
  async run({ client }) {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return undefined;
    }
    const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    const position = client.code2ProtocolConverter.asPosition(editor.selection.active);
    const list = await client.sendRequest(CodeListRequest.type, { uri, position });
    const items: CodePick[] = list.codes.map((entry) => ({
      label: `${entry.code} ${entry.name}`,
      description: `${systemLabel(entry.system)} · ${entry.initials}`,
      detail: entry.path,
      entry,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: list.year ? vscode.l10n.t('Insert a classification code ({0} code table)', list.year) : vscode.l10n.t('Insert a classification code'),
      placeHolder: vscode.l10n.t('Type a code, a name or pinyin initials'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    const version = editor.document.version;
    const params: InsertCodeParams = { uri, position, code: picked.entry.code, name: picked.entry.name };
    const edits = await client.protocol2CodeConverter.asTextEdits(await client.sendRequest(InsertCodeRequest.type, params));
    if (editor.document.version !== version) return undefined;
    await editor.edit((builder) => {
      for (const edit of edits) builder.replace(edit.range, edit.newText);
    });
    return picked.entry.code;
  },
};
