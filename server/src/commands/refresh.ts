import * as fs from 'fs';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { readReportText } from '../node/reportFiles';
import { describeError } from '../service/i18n/plainError';
import { createCodeTables } from '../node/dataFiles';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import type { RefreshResult } from '../service/refresh/refresh';
import { DocumentAnalysis } from '../service/analysis/documentAnalysis';
import { describeInternalError } from '../service/analysis/internalErrors';
import { parseBudgetDocument } from '../service/document';
import { toCheckSettings } from '../service/settings';
import type { ClaimCounts } from '../service/rules/ruleTypes';

/**
 * budget-check refresh <file> [--in-place] [--locale zh-cn|en]
 *
 * Rewrites every number of the narrative that the checker ties to data and finds different
 * from the data, in the sentence's own wording and precision (service/refresh). Prints the whole
 * document (or writes it back with --in-place); on stderr, every number rewritten and every
 * number left as written with the reason, then the claims before and after. Exit 0 when done,
 * 2 for usage errors or a file that cannot be read.
 */
export const REFRESH_USAGE = 'usage: budget-check refresh <file> [--in-place] [--locale zh-cn|en]';

export async function runRefresh(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'in-place': { type: 'boolean', default: false },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string' || parsed.values.help || parsed.positionals.length !== 1) {
    io.stderr((typeof parsed === 'string' ? parsed : REFRESH_USAGE) + '\n');
    return 2;
  }
  const messages = setFrontEndLocale(parsed.values.locale ?? 'zh-cn');
  const file = parsed.positionals[0];
  const read = readReportText(file);
  if ('message' in read) {
    io.stderr(read.message + '\n');
    return 2;
  }
  // The analysis the editor uses: nothing is rewritten from a figure in question.
  const analysis = new DocumentAnalysis(parseBudgetDocument(read.text), { codes: createCodeTables().tables, settings: toCheckSettings(), messages });
  const result = analysis.refreshed();
  if (!result) {
    for (const error of analysis.internalErrors) io.stderr(t('budget-check: internal error of the checker on {0} (please report it): {1}', file, describeInternalError(error)) + '\n');
    return 3;
  }
  for (const line of refreshReport(file, read.text, result)) io.stderr(line + '\n');
  if (parsed.values['in-place']) {
    try {
      if (result.text !== read.text) fs.writeFileSync(file, result.text, 'utf8');
    } catch (error) {
      io.stderr(t('budget-check: cannot write {0}: {1}', file, describeError('budget-check refresh', error)) + '\n');
      return 2;
    }
  } else io.stdout(result.text);
  return 0;
}

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
