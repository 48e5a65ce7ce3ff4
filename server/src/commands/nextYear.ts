import * as fs from 'fs';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { problemLine } from '../publish/import/problemLine';
import { readReportText } from '../node/reportFiles';
import { describeError } from '../service/i18n/plainError';
import { createCodeTables } from '../node/dataFiles';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import { parseBudgetDocument } from '../service/document';
import { nextYearReport, NextYearError, NextYearResult } from '../service/nextYear/nextYear';
import { toCheckSettings } from '../service/settings';
import { importXlsx } from '../publish/node/workbooks';
import { mergeIntoReport } from '../publish/import/emitYaml';
import type { ImportResult } from '../publish/import/types';
import { nextYearSummary } from '../service/text/resultLines';

/**
 * budget-check next-year <report> [--tables new.xlsx]... [-o out] [--locale zh-cn|en]
 *
 * Next year's report from this year's (service/nextYear): years moved on, `previous:` filled
 * with this year's 预算数, the tables replaced from the budget system's workbook when given (the
 * Excel import's merge), the narrative's numbers refreshed, and a marker for the author on every
 * reason whose figures changed and every 执行数 that stands in for the real one. Writes to -o
 * (never over the report itself) or stdout; what it did goes to stderr. Exit 0 when written,
 * 1 when the workbook had something that could not be imported, 2 for usage errors, unreadable
 * input, or -o naming the report itself.
 */
export const NEXT_YEAR_USAGE = 'usage: budget-check next-year <report> [--tables new.xlsx]... [-o out.budget.yaml] [--locale zh-cn|en]';

export async function runNextYear(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      tables: { type: 'string', multiple: true, default: [] },
      output: { type: 'string', short: 'o' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string' || parsed.values.help || parsed.positionals.length !== 1 || parsed.values.output === '') {
    io.stderr((typeof parsed === 'string' ? parsed : NEXT_YEAR_USAGE) + '\n');
    return 2;
  }
  setFrontEndLocale(parsed.values.locale ?? 'zh-cn');
  const file = parsed.positionals[0];
  const output = parsed.values.output;
  if (output && fs.existsSync(output) && fs.realpathSync(output) === fs.realpathSync(file)) {
    io.stderr(t('budget-check next-year: -o names the report itself; next year\'s report is a new file') + '\n');
    return 2;
  }
  const read = readReportText(file);
  if ('message' in read) {
    io.stderr(read.message + '\n');
    return 2;
  }
  let imported: ImportResult | undefined;
  if (parsed.values.tables.length > 0) {
    try {
      imported = await importXlsx(parsed.values.tables);
    } catch (error) {
      io.stderr(t('budget-check next-year: cannot read {0}: {1}', parsed.values.tables.join(', '), describeError('budget-check next-year', error)) + '\n');
      return 2;
    }
    for (const problem of imported.problems) io.stderr(problemLine(problem) + '\n');
  }
  let result: NextYearResult;
  try {
    result = nextYearReport(parseBudgetDocument(read.text), {
      codes: createCodeTables().tables,
      settings: toCheckSettings(),
      replaceTables: imported ? (text) => mergeIntoReport(text, { ...imported!, narrative: undefined }) : undefined,
    });
  } catch (error) {
    if (!(error instanceof NextYearError)) throw error;
    io.stderr(t('budget-check next-year: {0} states no year', file) + '\n');
    return 2;
  }
  const name = output ?? t('next year\'s report');
  for (const line of nextYearSummary(name, result)) io.stderr(line + '\n');
  if (output) {
    try {
      fs.writeFileSync(output, result.text, 'utf8');
    } catch (error) {
      io.stderr(t('budget-check: cannot write {0}: {1}', output, describeError('budget-check next-year', error)) + '\n');
      return 2;
    }
  } else io.stdout(result.text);
  return imported && imported.problems.length > 0 ? 1 : 0;
}
