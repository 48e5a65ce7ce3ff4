import { t } from '../i18n/l10n';
import type { RefreshResult } from '../refresh/refresh';
import type { NextYearResult } from '../nextYear/nextYear';
import type { ClaimCounts } from '../checkResults';

/**
 * What refresh and next-year did, as lines of plain text: for budget-check's stderr
 * (commands/) and the editor's output channel (node/lsp/) alike.
 */

/** Line:column (1-based) of an offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return `${line}:${offset - start + 1}`;
}

export function claimCountsText(c: ClaimCounts): string {
  return t('{0} total, {1} verified, {2} mismatched, {3} unverified', c.total, c.verified, c.mismatched, c.unverified);
}

/** What refresh did, one line each: rewritten tokens, numbers left as written, the claims before and after. */
export function refreshReport(file: string, original: string, result: RefreshResult): string[] {
  const lines: string[] = [];
  for (const change of result.changes) lines.push(t('{0}:{1}: rewritten {2} → {3}', file, lineColumn(original, change.span.start), change.before, change.after));
  for (const note of result.notes) lines.push(t('{0}:{1}: {2}', file, lineColumn(result.text, note.span.start), note.message));
  for (const entry of result.listed) lines.push(`${file}:${lineColumn(result.text, entry.span.start)}: ${t('left as written {0}: {1}', entry.text, entry.reason)}`);
  lines.push(t('{0}: {1} numbers rewritten, {2} left as written; claims before: {3}; after: {4}', file, result.changes.filter((c) => c.kind !== 'word').length, result.listed.length, claimCountsText(result.before), claimCountsText(result.after)));
  return lines;
}

/** What next-year did, for stderr and the editor's output channel. */
export function nextYearSummary(name: string, result: NextYearResult): string[] {
  const lines: string[] = [];
  lines.push(t('{0}: {1} report; {2} years moved on ({3} of them corrected), {4} figures of this year in previous:', name, result.year, result.years, result.yearsCorrected, result.previousFigures));
  if (result.tablesReplaced.length || result.tablesAdded.length) lines.push(t('{0}: tables from the workbook: {1}', name, [...result.tablesReplaced, ...result.tablesAdded].join(', ')));
  // The numbers refreshed, counted (their places are those of the text before the markers).
  const report = refreshReport(name, result.refresh.text, result.refresh);
  lines.push(report[report.length - 1]);
  for (const marker of result.markers) lines.push(t('{0}:{1}: marker {2} ({3})', name, lineColumn(result.text, marker.offset), marker.marker, marker.sentence));
  if (result.executedBases > 0) lines.push(t('{0}: {1} 执行数 of last year stand in as this year\'s 预算数, each marked {2}: replace them with the real 执行数', name, result.executedBases, '【请核对执行数】'));
  return lines;
}
