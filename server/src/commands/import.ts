import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import { tableTitle } from '../service/schema/schemaInfo';
import { importXlsx } from '../publish/node/workbooks';
import { WorkbookReadError } from '../publish/node/readWorkbook';
import { describeError } from '../service/i18n/plainError';
import { mergeIntoReport, newReportYaml } from '../publish/import/emitYaml';
import type { ImportResult } from '../publish/import/types';
import { problemLine } from '../publish/import/problemLine';
import { importPdf, PdfReadError } from '../publish/node/pdfImport';
import type { PdfImport } from '../publish/pdf/importPdf';
import { narrativeSummary } from '../publish/pdf/importPdf';

/**
 * budget-check import — the budget system's Excel exports, or a published report's PDF, into a
 * report.
 *
 *   budget-check import <file.xlsx>... [-o report.budget.yaml] [--new] [--locale zh-cn|en]
 *   budget-check import <report.pdf> [-o report.budget.yaml] [--new] [--locale zh-cn|en]
 *
 * Without -o the report is written to stdout. With -o and an existing report, only the imported
 * tables are replaced (narrative, comments and the other tables are kept; a PDF's narrative is
 * added when the report has none); --new writes a new report instead. What is not recognised is
 * listed with its sheet and cell, or for a PDF with its page and position.
 * Exit 0 when everything was imported, 1 when something was reported, 2 for usage or unreadable input.
 */

const USAGE = 'usage: budget-check import <file.xlsx>... | <report.pdf> [-o report.budget.yaml] [--new] [--locale zh-cn|en]';

export function isPdfPath(file: string): boolean {
  return /\.pdf$/i.test(file);
}

interface Options {
  inputs: string[];
  output?: string;
  fresh: boolean;
  locale?: string;
}

function readOptions(argv: readonly string[]): Options | string {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      new: { type: 'boolean', default: false },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.output === '') return '-o takes the report file to write';
  if (values.help || positionals.length === 0) return USAGE;
  return { inputs: positionals, output: values.output, fresh: values.new, locale: values.locale };
}

function summary(result: ImportResult): string[] {
  return result.sheets.map((sheet) => {
    const where = `${sheet.file ? sheet.file + ': ' : ''}${sheet.sheet}`;
    return sheet.table
      ? t('{0} → tables.{1} ({2}), {3} rows', where, sheet.table, tableTitle(sheet.table), sheet.rows)
      : t('{0} → not imported', where);
  });
}

export async function runImport(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = readOptions(argv);
  if (typeof parsed === 'string') {
    io.stderr(parsed + '\n');
    return 2;
  }
  setFrontEndLocale(parsed.locale ?? 'zh-cn');
  const sources: Array<{ file: string; data: Buffer }> = [];
  for (const input of parsed.inputs) {
    try {
      sources.push({ file: input, data: fs.readFileSync(input) });
    } catch (error) {
      io.stderr(t('budget-check import: cannot read {0}: {1}', input, describeError('budget-check import', error)) + '\n');
      return 2;
    }
  }
  const pdfs = parsed.inputs.filter(isPdfPath);
  if (pdfs.length > 0 && parsed.inputs.length > 1) {
    io.stderr(t('budget-check import: a PDF is imported on its own (one report per PDF)') + '\n');
    return 2;
  }
  let result: ImportResult;
  let pdf: PdfImport | undefined;
  try {
    if (pdfs.length) {
      pdf = await importPdf(sources[0]);
      result = pdf.result;
    } else {
      result = await importXlsx(sources);
    }
  } catch (error) {
    const file = (error instanceof WorkbookReadError || error instanceof PdfReadError) && error.file ? error.file : parsed.inputs.join(', ');
    io.stderr(t('budget-check import: cannot read {0}: {1}', file, describeError('budget-check import', error)) + '\n');
    return 2;
  }
  const report = (text: string): void => (parsed.output ? io.stdout(text) : io.stderr(text));
  for (const line of summary(result)) report(line + '\n');
  if (pdf) report(narrativeSummary(pdf) + '\n');
  for (const problem of result.problems) io.stderr(problemLine(problem) + '\n');
  if (result.tables.length === 0 && !result.narrative?.length) {
    io.stderr(t('budget-check import: no published table recognised; nothing written') + '\n');
    return 1;
  }
  let text: string;
  let existing: string | undefined;
  if (parsed.output && !parsed.fresh && fs.existsSync(parsed.output)) {
    try {
      existing = fs.readFileSync(parsed.output, 'utf8');
    } catch (error) {
      io.stderr(t('budget-check import: cannot read {0}: {1}', parsed.output, describeError('budget-check import', error)) + '\n');
      return 2;
    }
  }
  if (existing !== undefined) {
    try {
      const merged = mergeIntoReport(existing, result);
      text = merged.text;
      if (merged.replaced.length) report(t('Replaced in {0}: {1}', parsed.output!, merged.replaced.join(', ')) + '\n');
      if (merged.added.length) report(t('Added to {0}: {1}', parsed.output!, merged.added.join(', ')) + '\n');
      if (merged.narrativeAdded) report(t('Added to {0}: the narrative', parsed.output!) + '\n');
      else if (result.narrative?.length) report(t('{0} has a narrative already; it is kept (the imported one is not written)', parsed.output!) + '\n');
    } catch (error) {
      io.stderr(t('budget-check import: {0} is not a report this command can update ({1}); use --new to write a new report', parsed.output!, describeError('budget-check import', error)) + '\n');
      return 2;
    }
  } else {
    const schema = parsed.output ? schemaPathFrom(parsed.output) : undefined;
    text = newReportYaml(result, { sources: parsed.inputs.map((f) => path.basename(f)), schemaPath: schema });
  }
  if (parsed.output) {
    try {
      fs.writeFileSync(parsed.output, text);
    } catch (error) {
      io.stderr(t('budget-check import: cannot write {0}: {1}', parsed.output, describeError('budget-check import', error)) + '\n');
      return 2;
    }
  } else {
    io.stdout(text);
  }
  return result.problems.length > 0 ? 1 : 0;
}

/** The bundled schema relative to the report, when the report is written inside this project. */
function schemaPathFrom(output: string): string | undefined {
  let dir = path.dirname(path.resolve(output));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'schemas', 'budget-report.schema.json');
    if (fs.existsSync(candidate)) return path.relative(path.dirname(path.resolve(output)), candidate).split(path.sep).join('/');
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
