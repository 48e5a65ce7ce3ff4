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
import { refreshReport } from '../service/text/resultLines';

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
