import * as vscode from 'vscode';
import { fileName } from '../documents';

/** Read-only documents holding generated text, shown as the right side of a diff. */
export const GENERATED_SCHEME = 'budget-generated';

class GeneratedTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

let provider: GeneratedTexts | undefined;
let counter = 0;

function generatedTexts(context: vscode.ExtensionContext): GeneratedTexts {
  if (!provider) {
    const created = new GeneratedTexts();
    provider = created;
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(GENERATED_SCHEME, created), { dispose: () => { if (provider === created) provider = undefined; } });
  }
  return provider;
}

async function closeDiff(generated: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === generated.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

/**
 * Hand-edited sections are never replaced unseen: the current document and the document with
 * the generated text are shown side by side (`vscode.diff`, the generated side read-only), and
 * a modal message asks 应用 / 取消. The diff closes whatever the answer. True when the user
 * chose to apply.
 */
export async function confirmWithDiff(context: vscode.ExtensionContext, document: vscode.TextDocument, generatedText: string, handEdited: readonly string[]): Promise<boolean> {
  const texts = generatedTexts(context);
  const name = fileName(document.uri);
  // A plain .yaml name: highlighted as YAML, but not a budget-yaml document, so the language
  // server does not check it and its findings never mix with the report's in the Problems view.
  const generated = vscode.Uri.from({ scheme: GENERATED_SCHEME, path: `/${++counter}/${name.replace(/(\.budget)?\.ya?ml$/i, '')}.generated.yaml` });
  texts.set(generated, generatedText);
  try {
    await vscode.commands.executeCommand('vscode.diff', document.uri, generated, vscode.l10n.t('{0} ↔ generated text', name), { preview: true });
    const apply: vscode.MessageItem = { title: vscode.l10n.t('Apply') };
    const cancel: vscode.MessageItem = { title: vscode.l10n.t('Cancel'), isCloseAffordance: true };
    const titles = handEdited.map((t) => t.trim()).filter(Boolean);
    const message = vscode.l10n.t('Text edited by hand would be replaced ({0} sections): {1}', handEdited.length, titles.join('、'));
    const detail = vscode.l10n.t('The comparison shows the current text on the left and the generated text on the right. Sentences of your own (reasons, notes) are kept where the generator could place them. Apply the generated text?');
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, apply, cancel);
    return choice === apply;
  } finally {
    await closeDiff(generated).catch(() => undefined);
    texts.delete(generated);
  }
}
