import * as path from 'path';
import { CodeAction, CodeActionKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../../service/analysis/documentAnalysis';
import { t, withMessages } from '../../service/i18n/l10n';
import { describeError } from '../../service/i18n/plainError';
import type { RefreshResult } from '../../service/refresh/refresh';
import { nextYearReport, NextYearError } from '../../service/nextYear/nextYear';
import type { ImportResult } from '../../publish/import/types';
import { claimCountsText, lineColumn, nextYearSummary } from '../../service/text/resultLines';
import { NextYearParams, NextYearRequest, NextYearResult, RefreshNumbersRequest, RefreshNumbersResult } from '../../../../protocol/src/protocol';
import { problemLine } from '../../publish/import/problemLine';
import type { ServerContext } from './serverContext';

/**
 * Refresh and next year's report for the editor (issue 14). The service computes the texts and
 * edits (number tokens and direction words only); this module translates them to LSP. Callers
 * run these inside `withMessages` of the analysis' locale.
 */

function edits(document: TextDocument, result: RefreshResult, filter: (span: { start: number; end: number }) => boolean = () => true): TextEdit[] {
  return result.edits.filter((e) => filter(e.span)).map((e) => TextEdit.replace(Range.create(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.newText));
}

/** "按数据更新说明中的数字": every refreshable number of the narrative. */
export function refreshNumbers(document: TextDocument, analysis: DocumentAnalysis): RefreshNumbersResult {
  const result = analysis.refreshed();
  if (!result) return { version: document.version, edits: [], changes: [], lines: [], summary: t('the numbers of the narrative cannot be read; nothing was changed') };
  const lines = [
    ...result.notes.map((n) => `${lineColumn(result.text, n.span.start)}: ${n.message}`),
    ...result.listed.map((l) => `${lineColumn(result.text, l.span.start)}: ${t('left as written {0}: {1}', l.text, l.reason)}`),
  ];
  return {
    version: document.version,
    edits: edits(document, result),
    changes: result.changes.map((c) => ({ range: Range.create(document.positionAt(c.span.start), document.positionAt(c.span.end)), before: c.before, after: c.after })),
    lines,
    summary: t('{0} numbers rewritten, {1} left as written; claims before: {2}; after: {3}', result.changes.filter((c) => c.kind !== 'word').length, result.listed.length, claimCountsText(result.before), claimCountsText(result.after)),
  };
}

const ACTION_KIND = CodeActionKind.QuickFix;

/**
 * On a mismatched number that the data give: "按数据更新本段中的数字" (the numbers of its
 * paragraph) and "按数据更新说明中的数字" (all of them), each one edit.
 */
export function refreshCodeActions(document: TextDocument, analysis: DocumentAnalysis, range: Range): CodeAction[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  let claims;
  try {
    claims = analysis.prose().claims;
  } catch {
    return [];
  }
  const here = claims.filter((c) => c.status === 'mismatched' && c.refresh && c.span.start <= end && start <= c.span.end);
  if (here.length === 0) return [];
  const result = analysis.refreshed();
  if (!result || result.edits.length === 0) return [];
  const text = document.getText();
  const lineStart = text.lastIndexOf('\n', here[0].span.start - 1) + 1;
  const lineEnd = text.indexOf('\n', here[0].span.end) < 0 ? text.length : text.indexOf('\n', here[0].span.end);
  const paragraph = edits(document, result, (span) => span.start >= lineStart && span.end <= lineEnd);
  const all = edits(document, result);
  const actions: CodeAction[] = [];
  if (paragraph.length > 0 && paragraph.length < all.length) {
    actions.push(CodeAction.create(t('Update the numbers of this paragraph from the data ({0})', paragraph.length), { changes: { [document.uri]: paragraph } }, ACTION_KIND));
  }
  actions.push(CodeAction.create(t('Update the numbers of the narrative from the data ({0})', all.length), { changes: { [document.uri]: all } }, ACTION_KIND));
  return actions;
}

/** The file name of next year's report: the year in this one's name moved on, else `-YYYY` added. */
export function nextYearFileName(name: string, year: number, next: number): string {
  if (name.includes(String(year))) return name.split(String(year)).join(String(next));
  return name.replace(/((?:\.budget)?\.ya?ml)$/i, `-${next}$1`);
}

/** The new year's workbooks of a "生成下一年度报告" request, read (async: exceljs is loaded on first use). */
export interface NextYearInput {
  readonly imported?: ImportResult;
  readonly merge?: (text: string, result: ImportResult) => { text: string; replaced: readonly string[]; added: readonly string[] };
  readonly problems: readonly ImportResult['problems'][number][];
  readonly failed?: { readonly file: string; readonly error: unknown };
}

export async function readNextYearInput(params: NextYearParams): Promise<NextYearInput> {
  const files = (Array.isArray(params?.files) ? params.files : []).filter((f) => f && typeof f.name === 'string' && typeof f.data === 'string');
  if (files.length === 0) return { problems: [] };
  const names = files.map((f) => path.basename(f.name));
  try {
    const { importXlsx } = await import('../../publish/node/workbooks');
    const { mergeIntoReport } = await import('../../publish/import/emitYaml');
    const imported = await importXlsx(files.map((f, i) => ({ file: names[i], data: Buffer.from(f.data, 'base64') })));
    return { imported, merge: mergeIntoReport, problems: imported.problems };
  } catch (error) {
    return { problems: [], failed: { file: (error as { file?: string }).file ?? names.join(', '), error } };
  }
}

/** "生成下一年度报告": the new report's text, with the new year's workbooks when given. */
export function nextYear(document: TextDocument, analysis: DocumentAnalysis, input: NextYearInput): NextYearResult {
  const problems = input.problems.map(problemLine);
  if (input.failed) return { lines: [], markers: 0, problems, error: t('cannot read {0}: {1}', input.failed.file, describeError('next-year', input.failed.error)) };
  const report = analysis.document.report;
  const name = decodeURIComponent(document.uri.slice(document.uri.lastIndexOf('/') + 1));
  const { imported, merge } = input;
  try {
    const result = nextYearReport(analysis.document, {
      codes: analysis.inputs.codes,
      settings: analysis.inputs.settings,
      replaceTables: imported && merge ? (text) => merge(text, { ...imported, narrative: undefined }) : undefined,
    });
    const fileName = nextYearFileName(name, report.year!, result.year);
    return { text: result.text, year: result.year, fileName, lines: nextYearSummary(fileName, result), markers: result.markers.length + result.executedBases, problems };
  } catch (error) {
    if (error instanceof NextYearError) return { lines: [], markers: 0, problems, error: t('{0} states no year (year:): next year\'s report cannot be made', name) };
    return { lines: [], markers: 0, problems, error: t('next year\'s report cannot be made: {0}', describeError('next-year', error)) };
  }
}

/** "按数据更新说明中的数字" and "生成下一年度报告" (the refresh code actions are registered with the other code actions, featureHandlers.ts). */
export function registerYearRequests(context: ServerContext): void {
  const { connection, state } = context;

  connection.onRequest(RefreshNumbersRequest.type, (params, token) =>
    context.withDocument<RefreshNumbersResult>(params?.uri, token, { version: null, edits: [], changes: [], lines: [], summary: '' }, (document, request) =>
      refreshNumbers(document, state.analyses.analysis(document, request)),
    ),
  );

  connection.onRequest(NextYearRequest.type, async (params, token): Promise<NextYearResult> => {
    const empty: NextYearResult = { lines: [], markers: 0, problems: [] };
    const snapshot = await context.snapshot();
    const uri = params?.uri;
    const settings = typeof uri === 'string' ? await context.settingsFor(uri, snapshot) : undefined;
    const document = typeof uri === 'string' ? state.documents.get(uri) : undefined;
    if (!document || !settings || token.isCancellationRequested) return { ...empty, error: context.t('{0} is not open in the editor', String(uri)) };
    const request = context.requestFor(uri, settings, snapshot);
    const input = await readNextYearInput(params);
    return withMessages(request.messages, () => {
      try {
        return nextYear(document, state.analyses.analysis(document, request), input);
      } catch (error) {
        context.logError(`next year of ${uri}`, error);
        return { ...empty, error: context.t('next year\'s report cannot be made: {0}', describeError('next-year', error)) };
      }
    });
  });
}
