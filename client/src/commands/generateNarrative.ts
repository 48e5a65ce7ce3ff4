import * as vscode from 'vscode';
import { GenerateNarrativeRequest, GenerateNarrativeParams } from '../../../protocol/src/protocol';
import { applyServerEdits, outdatedMessage, reportDocument, textWithEdits } from '../documents';
import { confirmWithDiff } from '../narrative/generatedDiff';
import { budgetOutput, writeBlock } from '../output';
import type { BudgetCommand } from './command';

export interface GenerateNarrativeOutcome {
  /** Sections whose text was replaced. */
  readonly applied: number;
  /** Sections left as written because they cannot be generated from this report. */
  readonly skipped: number;
  readonly cancelled?: boolean;
}

/**
 * "生成说明文字": every section of the 情况说明 the generator knows is written from the tables.
 * The server computes the edits (content lines of `text: |` blocks only); they are applied as
 * one edit. When a section to be replaced was edited by hand, a diff is shown first and the
 * user decides. Sections that cannot be generated are named in the output channel.
 */
export const generateNarrative: BudgetCommand = {
  id: 'budget.generateNarrative',
  async run({ context, client }, uriArg?: unknown): Promise<GenerateNarrativeOutcome | undefined> {
    const document = await reportDocument(uriArg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return undefined;
    }
    const params: GenerateNarrativeParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Generating the narrative text…') },
      () => client.sendRequest(GenerateNarrativeRequest.type, params),
    );
    const skipped = result.skipped.length;
    if (skipped) {
      writeBlock(budgetOutput(context), vscode.l10n.t('Generate narrative text: sections left as written in {0}', document.uri.fsPath || document.uri.toString()), result.skipped.map((s) => `${s.title.trim()}: ${s.reason}`));
    }
    const changed = result.sections.filter((s) => s.changed);
    if (changed.length === 0) {
      const message = result.sections.length
        ? vscode.l10n.t('The narrative already says what the tables say ({0} sections).', result.sections.length)
        : vscode.l10n.t('No section of this report can be generated from its tables.');
      void notify(context, skipped ? `${message} ${vscode.l10n.t('{0} sections left as written (see the output).', skipped)}` : message, skipped > 0);
      return { applied: 0, skipped };
    }
    if (result.version !== document.version) {
      outdatedMessage();
      return undefined;
    }
    const handEdited = changed.filter((s) => s.handEdited);
    if (handEdited.length) {
      const edits = await client.protocol2CodeConverter.asTextEdits([...result.edits]);
      const confirmed = await confirmWithDiff(context, document, textWithEdits(document, edits ?? []), handEdited.map((s) => s.title));
      if (!confirmed) return { applied: 0, skipped, cancelled: true };
    }
    const outcome = await applyServerEdits(client, document, result.version, result.edits);
    if (outcome === 'outdated') {
      outdatedMessage();
      return undefined;
    }
    if (outcome === 'refused') throw new Error(vscode.l10n.t('the editor did not apply the edit'));
    const message = vscode.l10n.t('Regenerated {0} sections of the narrative.', changed.length);
    void notify(context, skipped ? `${message} ${vscode.l10n.t('{0} sections left as written (see the output).', skipped)}` : message, skipped > 0);
    return { applied: changed.length, skipped };
  },
};

async function notify(context: vscode.ExtensionContext, message: string, withOutput: boolean): Promise<void> {
  const show = vscode.l10n.t('Show Output');
  const choice = withOutput ? await vscode.window.showInformationMessage(message, show) : await vscode.window.showInformationMessage(message);
  if (choice === show) budgetOutput(context).show(true);
}
