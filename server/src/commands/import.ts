import * as fs from 'fs';
import * as path from 'path';
import { setLocale, t } from '../service/i18n/l10n';
import { tableTitle } from '../service/schema/schemaInfo';
import { importXlsx } from '../publish/node/workbooks';
import { WorkbookReadError } from '../publish/node/readWorkbook';
import { mergeIntoReport, newReportYaml } from '../publish/import/emitYaml';
import type { ImportProblem, ImportResult } from '../publish/import/types';

/**
 * budget-check import — the budget system's Excel exports into a report.
 *
 *   budget-check import <file.xlsx>... [-o report.budget.yaml] [--new] [--locale zh-cn|en]
 *
 * Without -o the report is written to stdout. With -o and an existing report, only the imported
 * tables are replaced (narrative, comments and the other tables are kept); --new writes a new
 * report instead. What is not recognised is listed with its sheet and cell.
 * Exit 0 when everything was imported, 1 when something was reported, 2 for usage or unreadable input.
 */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = 'usage: budget-check import <file.xlsx>... [-o report.budget.yaml] [--new] [--locale zh-cn|en]';

interface Options {
  inputs: string[];
  output?: string;
  fresh: boolean;
  locale?: string;
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { inputs: [], fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '-o': case '--output': {
        const v = value();
        if (!v) return '-o takes the report file to write';
        options.output = v;
        break;
      }
      case '--new': options.fresh = true; break;
      case '--locale': options.locale = value(); break;
      case '-h': case '--help': return USAGE;
      default:
        if (arg.startsWith('-')) return `unknown option ${arg}`;
        options.inputs.push(arg);
    }
  }
  if (options.inputs.length === 0) return USAGE;
  return options;
}

export function problemLine(problem: ImportProblem): string {
  const place = `${problem.sheet}${problem.cell ? '!' + problem.cell : ''}`;
  return `${problem.file ? problem.file + ': ' : ''}${place}: ${problem.message}`;
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
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.stderr(parsed + '\n');
    return 2;
  }
  setLocale(parsed.locale ?? 'zh-cn');
  const sources: Array<{ file: string; data: Buffer }> = [];
  for (const input of parsed.inputs) {
    try {
      sources.push({ file: input, data: fs.readFileSync(input) });
    } catch (error) {
      io.stderr(t('budget-check import: cannot read {0}: {1}', input, (error as Error).message) + '\n');
      return 2;
    }
  }
  let result: ImportResult;
  try {
    result = await importXlsx(sources);
  } catch (error) {
    const file = error instanceof WorkbookReadError && error.file ? error.file : parsed.inputs.join(', ');
    io.stderr(t('budget-check import: cannot read {0}: {1}', file, (error as Error).message) + '\n');
    return 2;
  }
  const report = (text: string): void => (parsed.output ? io.stdout(text) : io.stderr(text));
  for (const line of summary(result)) report(line + '\n');
  for (const problem of result.problems) io.stderr(problemLine(problem) + '\n');
  if (result.tables.length === 0) {
    io.stderr(t('budget-check import: no published table recognised; nothing written') + '\n');
    return 1;
  }
  let text: string;
  let existing: string | undefined;
  if (parsed.output && !parsed.fresh && fs.existsSync(parsed.output)) {
    try {
      existing = fs.readFileSync(parsed.output, 'utf8');
    } catch (error) {
      io.stderr(t('budget-check import: cannot read {0}: {1}', parsed.output, (error as Error).message) + '\n');
      return 2;
    }
  }
  if (existing !== undefined) {
    try {
      const merged = mergeIntoReport(existing, result);
      text = merged.text;
      if (merged.replaced.length) report(t('Replaced in {0}: {1}', parsed.output!, merged.replaced.join(', ')) + '\n');
      if (merged.added.length) report(t('Added to {0}: {1}', parsed.output!, merged.added.join(', ')) + '\n');
    } catch (error) {
      io.stderr(t('budget-check import: {0} is not a report this command can update ({1}); use --new to write a new report', parsed.output!, (error as Error).message) + '\n');
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
      io.stderr(t('budget-check import: cannot write {0}: {1}', parsed.output, (error as Error).message) + '\n');
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
