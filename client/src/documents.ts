import * as vscode from 'vscode';
import type { LanguageClient, TextEdit as ProtocolTextEdit } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './reportStore';

/**
 * The report a command works on: the document of the given uri (from a menu or a code action),
 * else the active editor's report. Undefined when there is none.
 */
export async function reportDocument(uriArg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : undefined;
  if (uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ?? (await vscode.workspace.openTextDocument(uri));
  }
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === LANGUAGE_ID ? editor.document : undefined;
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** `dir/003-jiyuan-2024.budget.yaml` → `dir/003-jiyuan-2024.xlsx` (same folder, new extension). */
export function siblingWithExtension(uri: vscode.Uri, extension: string): vscode.Uri {
  const name = fileName(uri).replace(/(\.budget)?\.ya?ml$/i, '') + extension;
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/') + 1) + name, query: '', fragment: '' });
}

/** The text of a document with edits applied (for the generated side of a diff). */
export function textWithEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const text = document.getText();
  const ordered = edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of ordered) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

export type ApplyOutcome = 'applied' | 'outdated' | 'refused';

/**
 * Applies the server's edits for document version `version` as one WorkspaceEdit (one undo
 * step). Refuses when the document has changed since the server computed them.
 */
export async function applyServerEdits(client: LanguageClient, document: vscode.TextDocument, version: number | null | undefined, edits: readonly ProtocolTextEdit[]): Promise<ApplyOutcome> {
  if (version !== document.version) return 'outdated';
  const converted = await client.protocol2CodeConverter.asTextEdits([...edits]);
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, converted ?? []);
  if (document.version !== version) return 'outdated';
  return (await vscode.workspace.applyEdit(edit)) ? 'applied' : 'refused';
}

export function outdatedMessage(): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('The report changed in the meantime; nothing was changed. Run the command again.'));
}
