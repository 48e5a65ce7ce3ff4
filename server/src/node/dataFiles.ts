import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { CodeEntry, CodeTableData, CodeTables, systemOfCode } from '../service/codes/codeTables';
import { t } from '../service/i18n/l10n';
import { describeError } from '../service/i18n/plainError';

/** The product's data folder (code tables), found from the running file whether built or bundled. */
export function findDataDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'data', 'codes');
    if (fs.existsSync(candidate)) return path.join(dir, 'data');
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`data folder not found above ${start}`);
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
}

let bundled: CodeTableData | undefined;

/** The bundled classification tables (read once per process). */
export function loadBundledCodeData(dataDir: string = findDataDir()): CodeTableData {
  if (bundled) return bundled;
  const dir = path.join(dataDir, 'codes');
  const entries: CodeEntry[] = [];
  for (const row of readCsv(path.join(dir, 'function-codes.csv'))) {
    entries.push({ code: row.code, name: row.name, system: 'function', from: Number(row.from) || 0, to: Number(row.to) || 9999, source: row.source ?? '' });
  }
  for (const [file, system] of [['economic-department.csv', 'economic-department'], ['economic-government.csv', 'economic-government']] as const) {
    for (const row of readCsv(path.join(dir, file))) entries.push({ code: row.code, name: row.name, system, from: 0, to: 9999, source: row.source ?? '' });
  }
  const pairs = readCsv(path.join(dir, 'economic-pairs.csv')).map((row) => ({ department: row.department_code, government: row.government_code, side: row.side ?? '', source: row.source ?? '' }));
  const classAliases = readCsv(path.join(dir, 'function-class-aliases.csv')).map((row) => [row.name, row.code] as const);
  const renames = readCsv(path.join(dir, 'function-renames.csv')).map((row) => ({ code: row.code, oldName: row.old_name, newName: row.new_name, year: Number(row.year) || 0 }));
  bundled = { entries, pairs, classAliases, renames };
  return bundled;
}

export interface ExtraTableProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Reads a user's code table (`code,name`, optional `from,to`), as data only. The system of
 * each code follows from its first digit.
 */
export function readExtraCodeTable(file: string): { entries: CodeEntry[]; problems: ExtraTableProblem[] } {
  const entries: CodeEntry[] = [];
  const problems: ExtraTableProblem[] = [];
  let rows: Record<string, string>[];
  try {
    rows = readCsv(file);
  } catch (error) {
    return { entries, problems: [{ file, line: 0, message: t('cannot read the code table: {0}', describeError('code table', error)) }] };
  }
  rows.forEach((row, i) => {
    const code = (row.code ?? '').replace(/\s+/g, '');
    const system = systemOfCode(code);
    if (!system || !row.name) {
      problems.push({ file, line: i + 2, message: t('not a row of a classification code table (code,name): {0}', Object.values(row).join(',')) });
      return;
    }
    entries.push({ code, name: row.name, system, from: Number(row.from) || 0, to: Number(row.to) || 9999, source: `extra:${path.basename(file)}` });
  });
  return { entries, problems };
}

export function createCodeTables(extraFiles: readonly string[] = []): { tables: CodeTables; problems: ExtraTableProblem[] } {
  const problems: ExtraTableProblem[] = [];
  const extra: CodeEntry[] = [];
  for (const file of extraFiles) {
    const result = readExtraCodeTable(file);
    extra.push(...result.entries);
    problems.push(...result.problems);
  }
  return { tables: new CodeTables(loadBundledCodeData(), extra), problems };
}
