import { CodeAction, CodeActionKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../../service/analysis/documentAnalysis';
import { t } from '../../service/i18n/l10n';
import { regenerateSectionTitle } from '../../service/narrative';
import type { NarrativeSectionInfo, SectionGeneration } from '../../service/narrative';
import {
  GenerateNarrativeRequest,
  GenerateNarrativeResult,
  GenerateSectionParams,
  GenerateSectionRequest,
  GenerateSectionResult,
  REGENERATE_SECTION_COMMAND,
  SectionGenerationInfo,
} from '../../../../protocol/src/protocol';
import type { ServerContext } from './serverContext';

/**
 * Narrative generation (issue 5) for the editor: the "生成说明文字" request, one section by
 * path or position, and the "用数据重新生成本节" code action. The service computes the texts and
 * the edits (which touch only the content lines of a `text: |` block); this module translates
 * them to LSP. The analysis of the document version keeps what it generated, because the code
 * action is asked for on every cursor move and generating a report's sections takes tens of
 * milliseconds. Callers run these inside `withMessages` of the analysis' locale.
 */

function samePath(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function toTextEdit(document: TextDocument, g: SectionGeneration): TextEdit {
  return TextEdit.replace(Range.create(document.positionAt(g.edit.span.start), document.positionAt(g.edit.span.end)), g.edit.newText);
}

export function sectionInfo(document: TextDocument, g: SectionGeneration): SectionGenerationInfo {
  return { path: [...g.path], title: g.title, topic: g.topic, changed: g.changed, handEdited: g.handEdited, edit: toTextEdit(document, g) };
}

const NO_TEXT_BLOCK = (): string => t('no text block can be written after this title');

/** "生成说明文字": every generatable section, the edits of those whose text changes, and what was left as written. */
export function generateNarrative(document: TextDocument, analysis: DocumentAnalysis): GenerateNarrativeResult {
  const sections: SectionGenerationInfo[] = [];
  const skipped: Array<GenerateNarrativeResult['skipped'][number]> = [];
  for (const info of analysis.generatableSections()) {
    const g = info.generatable ? analysis.sectionGeneration(info.path) : undefined;
    // A section written from figures in question is left as it is (issue 15).
    const blocker = g ? analysis.regenerationBlocker(info.path) : undefined;
    if (g && !blocker) sections.push(sectionInfo(document, g));
    else skipped.push({ path: [...info.path], title: info.title, reason: blocker ?? info.reason ?? NO_TEXT_BLOCK() });
  }
  return { version: document.version, sections, edits: sections.filter((s) => s.changed).map((s) => s.edit), skipped };
}

/** One section, by path, or the innermost generator-known section at a position. */
export function generateOneSection(document: TextDocument, analysis: DocumentAnalysis, params: GenerateSectionParams): GenerateSectionResult {
  const version = document.version;
  let info: NarrativeSectionInfo | undefined;
  if (Array.isArray(params.path)) {
    const path = params.path.filter((n): n is number => typeof n === 'number');
    info = analysis.generatableSections().find((s) => samePath(s.path, path));
  } else if (params.position) {
    info = analysis.sectionAt(document.offsetAt(params.position));
  }
  if (!info) return { version, reason: t('no section of the narrative that can be generated is here') };
  if (!info.generatable) return { version, title: info.title, reason: info.reason ?? NO_TEXT_BLOCK() };
  const g = analysis.sectionGeneration(info.path);
  if (!g) return { version, title: info.title, reason: NO_TEXT_BLOCK() };
  const blocker = analysis.regenerationBlocker(info.path);
  if (blocker) return { version, title: info.title, reason: blocker };
  return { version, title: info.title, section: sectionInfo(document, g) };
}

export interface SectionActionOptions {
  /** The client runs REGENERATE_SECTION_COMMAND (diff before replacing hand-edited text). */
  readonly clientCommand: boolean;
  /** The client shows disabled code actions (with the reason). */
  readonly disabledSupport: boolean;
}

const ACTION_KIND = CodeActionKind.RefactorRewrite;

function wanted(only: readonly string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((kind) => kind === '' || ACTION_KIND === kind || ACTION_KIND.startsWith(kind + '.'));
}

/**
 * "用数据重新生成本节" when the range starts in a section the generator knows. A hand-edited
 * section gets the client's command (which shows a diff first) when the client has it; an empty
 * section, or a client without the command, gets the edit. A section that cannot be generated
 * or already says what the data say gets a disabled action with the reason, if the client shows
 * those; outside the narrative there is none.
 */
export function sectionCodeActions(document: TextDocument, analysis: DocumentAnalysis, range: Range, only: readonly string[] | undefined, options: SectionActionOptions): CodeAction[] {
  if (!wanted(only)) return [];
  const offset = document.offsetAt(range.start);
  // Cheap test first: the code action is asked for on every cursor move.
  if (!analysis.document.report.narrative.some((s) => s.span.start <= offset && offset <= s.span.end)) return [];
  const info = analysis.sectionAt(offset);
  if (!info) return [];
  const title = regenerateSectionTitle();
  const disabled = (reason: string): CodeAction[] => (options.disabledSupport ? [{ title, kind: ACTION_KIND, disabled: { reason } }] : []);
  if (!info.generatable) return disabled(info.reason ?? NO_TEXT_BLOCK());
  const g = analysis.sectionGeneration(info.path);
  if (!g) return disabled(NO_TEXT_BLOCK());
  if (!g.changed) return disabled(t('the section already says what the data say'));
  // Never write a figure in question into the text (issue 15): the reason says which and what to do.
  const blocker = analysis.regenerationBlocker(info.path);
  if (blocker) return disabled(blocker);
  const action: CodeAction = { title, kind: ACTION_KIND };
  if (g.handEdited && options.clientCommand) {
    action.command = { title, command: REGENERATE_SECTION_COMMAND, arguments: [document.uri, [...g.path]] };
  } else {
    action.edit = { changes: { [document.uri]: [toTextEdit(document, g)] } };
  }
  return [action];
}

/** "生成说明文字" and one section of it (the code action is registered with the other code actions, featureHandlers.ts). */
export function registerNarrativeRequests(context: ServerContext): void {
  const { connection, state } = context;

  connection.onRequest(GenerateNarrativeRequest.type, (params, token) =>
    context.withDocument<GenerateNarrativeResult>(params?.uri, token, { version: null, sections: [], edits: [], skipped: [] }, (document, request) =>
      generateNarrative(document, state.analyses.analysis(document, request)),
    ),
  );

  connection.onRequest(GenerateSectionRequest.type, (params, token) =>
    context.withDocument<GenerateSectionResult>(params?.uri, token, { version: null }, (document, request) =>
      generateOneSection(document, state.analyses.analysis(document, request), params),
    ),
  );
}
