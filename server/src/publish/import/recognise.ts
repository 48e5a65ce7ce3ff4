import { t } from '../../service/i18n/l10n';
import { templateOfPlace } from '../../service/narrative/templatePlaces';
import { isMoneyUnit, MoneyUnit } from '../../service/amount/units';
import { isTableKey, TABLE_DEFS } from '../../service/model/tableDefs';
import type { TableKey } from '../../service/model/types';
import { address, Grid, normalizeLabel } from '../grid';
import { layoutOf, tableEntry } from '../vocabulary';
import { readSheet, rowTexts, SheetParts } from './sheet';
import { SheetContext } from './context';
import { importRowTable } from './rowTables';
import { importItemTable } from './itemTables';
import { importAssets, importCatalog, importScalarTable } from './simpleTables';
import { importOverallPerformance, importPerformance } from './performanceTables';
import type { ImportedTable, ImportProblem, ImportResult, PlainMap, SheetSummary } from './types';

/**
 * Recognises the published tables in workbooks (grids) and turns each into the YAML value of
 * its table key. What is not recognised is reported with its sheet and cell.
 */

/** Name of the hidden sheet in which an export records what the visible sheets cannot show. */
export const METADATA_SHEET = '_budget-report';

export interface WorkbookGrids {
  readonly file?: string;
  readonly grids: readonly Grid[];
  /** What reading the workbook found (external links, values from outside the workbook). */
  readonly problems?: readonly ImportProblem[];
}

interface Metadata {
  readonly fields: Map<string, string>;
  readonly sheets: Map<string, SheetFlags>;
}

interface SheetFlags {
  readonly key?: TableKey;
  readonly incomplete: boolean;
  /** The title was not printed in the report; the export printed the standard one. */
  readonly standardTitle: boolean;
  /** The note is the 空表 note the export added. */
  readonly generatedNote: boolean;
}

function readMetadata(grid: Grid | undefined): Metadata {
  const fields = new Map<string, string>();
  const sheets = new Map<string, SheetFlags>();
  for (const row of grid?.rows ?? []) {
    const [a, b, c, d] = row.map((cell) => cell.text);
    const flags = (d ?? '').split(/[,\s]+/);
    if (a === 'sheet' && b) sheets.set(b, { key: c && isTableKey(c) ? c : undefined, incomplete: flags.includes('incomplete'), standardTitle: flags.includes('standard-title'), generatedNote: flags.includes('generated-note') });
    else if (a) fields.set(a, b ?? '');
  }
  return { fields, sheets };
}

function importSheet(parts: SheetParts, key: TableKey, ctx: SheetContext): { body: PlainMap; rows: number } {
  switch (layoutOf(key)) {
    case 'items': return importItemTable(parts, key, ctx);
    case 'three_public': case 'procurement': return importScalarTable(parts, key, ctx);
    case 'assets': return importAssets(parts, ctx);
    case 'catalog': return importCatalog(parts, ctx);
    case 'performance': return importPerformance(parts, ctx);
    case 'overall': return importOverallPerformance(parts, ctx);
    default: return importRowTable(parts, ctx, TABLE_DEFS.get(key)?.classification !== undefined);
  }
}

export function recogniseWorkbooks(workbooks: readonly WorkbookGrids[]): ImportResult {
  const problems: ImportProblem[] = [];
  const sheets: SheetSummary[] = [];
  const tables = new Map<TableKey, ImportedTable>();
  const departments: string[] = [];
  const years: number[] = [];
  const units: MoneyUnit[] = [];
  const titles: string[] = [];
  let kind: 'department' | 'unit' | undefined;
  let template: string | undefined;
  const withoutUnit: ImportProblem[] = [];
  for (const workbook of workbooks) {
    for (const problem of workbook.problems ?? []) problems.push({ ...problem, file: problem.file ?? workbook.file });
    const metadata = readMetadata(workbook.grids.find((g) => g.name === METADATA_SHEET));
    const metaKind = metadata.fields.get('kind');
    if (metaKind === 'department' || metaKind === 'unit') kind = metaKind;
    template = metadata.fields.get('template') || template;
    for (const grid of workbook.grids) {
      if (grid.name === METADATA_SHEET) continue;
      const ctx = new SheetContext(grid.name, workbook.file);
      const hint = metadata.sheets.get(grid.name);
      const parts = readSheet(grid, (key) => (key ? layoutOf(key) : 'rows'), hint?.key);
      const nonEmpty = grid.rows.some((r) => r.some((c) => c.text));
      if (!nonEmpty) continue;
      if (!parts.key) {
        const first = grid.rows.findIndex((r) => r.some((c) => c.text));
        const firstText = first >= 0 ? rowTexts(grid, first)[0] : undefined;
        ctx.report(firstText ? address(first, firstText.col) : undefined, t('Sheet not recognised as a published table (title "{0}"); nothing is imported from it', firstText?.text.slice(0, 40) ?? ''));
        problems.push(...ctx.problems);
        sheets.push({ file: workbook.file, sheet: grid.name, rows: 0 });
        continue;
      }
      const key = parts.key;
      if (parts.headerRows.length === 0 && layoutOf(key) !== 'overall') {
        ctx.report(address(parts.firstRow, 0), t('No header row found under the title "{0}"; the table is left out', parts.title?.text ?? tableEntry(key).standardTitle));
        problems.push(...ctx.problems);
        sheets.push({ file: workbook.file, sheet: grid.name, table: key, rows: 0 });
        continue;
      }
      if (tables.has(key)) {
        ctx.report(parts.title ? address(parts.title.row, parts.title.col) : undefined, t('A second sheet with the {0}; only the first is imported', tableEntry(key).standardTitle));
        problems.push(...ctx.problems);
        sheets.push({ file: workbook.file, sheet: grid.name, table: key, rows: 0 });
        continue;
      }
      const { body, rows } = importSheet(parts, key, ctx);
      if (hint?.incomplete) body.incomplete = true;
      if (hint?.standardTitle) delete body.title;
      if (hint?.generatedNote) delete body.note;
      if (parts.department) departments.push(parts.department.text);
      if (parts.year) years.push(parts.year);
      if (parts.title) {
        titles.push(parts.title.text);
        const year = /(\d{4})\s*年/.exec(parts.title.text);
        if (year) years.push(Number(year[1]));
      }
      const unit = parts.unit ?? unitInHeader(parts);
      if (unit) units.push(unit);
      else if (['rows', 'items', 'three_public', 'procurement'].includes(layoutOf(key)) && rows > 0) {
        withoutUnit.push({ file: workbook.file, sheet: grid.name, cell: parts.title ? address(parts.title.row, parts.title.col) : undefined, message: '' });
      }
      tables.set(key, { key, sheet: grid.name, file: workbook.file, unit, body });
      sheets.push({ file: workbook.file, sheet: grid.name, table: key, rows });
      problems.push(...ctx.problems);
    }
  }
  // A table without a 单位 line takes the unit the other tables print; with none printed anywhere, 万元 is a guess.
  if (units.length === 0) for (const place of withoutUnit) problems.push({ ...place, message: t('No 单位 line (元 or 万元) in the workbook; 万元 is assumed') });
  const unit = mostCommon(units);
  if (!kind) kind = titles.some((title) => /^(\d{4}\s*年度?)?\s*单位/.test(normalizeLabel(title)) || /单位预算/.test(title)) ? 'unit' : 'department';
  const department = mostCommon(departments);
  return {
    department,
    year: mostCommon(years),
    kind,
    template: template ?? templateOfPlace([department, ...titles]),
    unit: unit && isMoneyUnit(unit) ? unit : undefined,
    tables: [...tables.values()],
    sheets,
    problems,
  };
}

/** A unit printed in the header instead of a 单位 line: 项目金额（万元）. */
function unitInHeader(parts: SheetParts): MoneyUnit | undefined {
  for (const row of parts.headerRows) {
    for (const cell of parts.grid.rows[row] ?? []) {
      const match = /[（(]\s*(万元|元)\s*[)）]/.exec(cell.text);
      if (match) return match[1] as MoneyUnit;
    }
  }
  return undefined;
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) { best = v; bestCount = n; }
  return best;
}
