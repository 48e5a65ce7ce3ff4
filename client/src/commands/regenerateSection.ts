import * as vscode from 'vscode';
import { GenerateSectionRequest, GenerateSectionParams } from '../../../protocol/src/protocol';
import { applyServerEdits, outdatedMessage, reportDocument, textWithEdits } from '../documents';
import { confirmWithDiff } from '../narrative/generatedDiff';
import type { BudgetCommand } from './command';

/**
 * "用数据重新生成本节": the section at the cursor, or the one a code action names (arguments:
 * report uri and section path — the server's code action carries this command
 * instead of an edit when the section was edited by hand). Replaces only that section's text,
 * after a diff when it was edited by hand.
 */
export const regenerateSection: BudgetCommand = {
  id: 'budget.regenerateSection',
  async run({ context, client }, uriArg?: unknown, pathArg?: unknown): Promise<boolean> {
    const document = await reportDocument(uriArg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return false;
    }
    const uri = client.code2ProtocolConverter.asUri(document.uri);
    const path = Array.isArray(pathArg) && pathArg.every((n) => typeof n === 'number') ? (pathArg as number[]) : undefined;
    const active = vscode.window.activeTextEditor;
    const editor = active?.document === document ? active : vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (!path && !editor) return false;
    const params: GenerateSectionParams = path ? { uri, path } : { uri, position: client.code2ProtocolConverter.asPosition(editor!.selection.active) };
    const result = await client.sendRequest(GenerateSectionRequest.type, params);
    const section = result.section;
    if (!section) {
      const reason = result.reason ?? '';
      void vscode.window.showInformationMessage(result.title ? vscode.l10n.t('{0} cannot be generated: {1}', result.title.trim(), reason) : vscode.l10n.t('Put the cursor in a section of the narrative: {0}', reason));
      return false;
    }
    if (!section.changed) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already says what the data say.', section.title.trim()));
      return false;
    }
    if (result.version !== document.version) {
      outdatedMessage();
      return false;
    }
    if (section.handEdited) {
      const edits = await client.protocol2CodeConverter.asTextEdits([section.edit]);
      if (!(await confirmWithDiff(context, document, textWithEdits(document, edits ?? []), [section.title]))) return false;
    }
    const outcome = await applyServerEdits(client, document, result.version, [section.edit]);
    if (outcome === 'outdated') outdatedMessage();
    return outcome === 'applied';
  },
};
