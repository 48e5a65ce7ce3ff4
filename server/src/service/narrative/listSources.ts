import { ZERO } from '../amount/rounding';
import type { Dec as Decimal } from '../amount/rounding';
import { convert } from '../amount/units';
import type { MoneyUnit } from '../amount/units';
import type { CodeTables } from '../codes/codeTables';
import { classFigures, listClassFigures, resolveFigure } from '../figures/figurePaths';
import { columnValue } from '../model/columnValues';
import { rowTree } from '../model/hierarchy';
import type { Cell, Report, Row, Table, TableKey } from '../model/types';
import type { ImpliedPrevious } from './impliedPrevious';

/** One line of a generated list (功能科目 items, 经济分类 classes, 人员经费 items …). */
export interface ListItem {
  readonly code?: string;
  readonly name: string;
  readonly value: Decimal;
  readonly previous?: Decimal;
  /** Key of `previous:` to name in the placeholder when the previous figure is missing. */
  readonly previousKey: string;
  /** Last year's 执行数 (`previous.executed`), in the unit of the text. */
  readonly executed?: Decimal;
  /** 功能科目 items: the 类, 款 and 项 with their own digits (204, 06, 01) and names. */
  readonly path?: ReadonlyArray<{ readonly code: string; readonly name: string }>;
}

/** Sources read figures in the unit of the text they go into. */
type Source = (report: Report, codes: CodeTables, unit: MoneyUnit, implied: ImpliedPrevious) => ListItem[] | undefined;

function usable(report: Report, key: TableKey): Table | undefined {
  const table = report.tables.get(key);
  return table && !table.incomplete ? table : undefined;
}

function inTextUnit(table: Table, value: Decimal, unit: MoneyUnit): Decimal {
  return convert(value, table.unit, unit);
}

/** Printed code rows of a given code length, in printed order, with a non-zero total. */
function codeRows(table: Table, length: number): Row[] {
  return table.rows.filter((row) => row.kind === 'code' && row.code?.digits.length === length);
}

function rowTotal(table: Table, row: Row, column = 'total'): Decimal {
  return columnValue(table, row, column)?.value ?? ZERO;
}

/** 一般公共预算支出 by 功能科目 项 (seed 004: “（1）机关事业单位基本养老保险缴费支出（2080505）61.02 万元”). */
const functionItems: Source = (report, codes, unit) => {
  const table = usable(report, 'general_expense');
  if (!table) return undefined;
  const rows = codeRows(table, 7);
  if (rows.length === 0) return undefined;
  const byCode = new Map<string, ListItem>();
  const nameOf = (code: string): string | undefined => {
    const row = table.rows.find((r) => r.kind === 'code' && r.code?.digits === code);
    return codes.lookup(code, report.year)?.name ?? row?.name?.value;
  };
  for (const row of rows) {
    const code = row.code!.digits;
    const value = inTextUnit(table, rowTotal(table, row), unit);
    const existing = byCode.get(code);
    if (existing) {
      byCode.set(code, { ...existing, value: existing.value.plus(value) });
      continue;
    }
    const name = row.name?.value ?? code;
    const path = [
      { code: code.slice(0, 3), name: nameOf(code.slice(0, 3)) ?? code.slice(0, 3) },
      { code: code.slice(3, 5), name: nameOf(code.slice(0, 5)) ?? code.slice(0, 5) },
      { code: code.slice(5, 7), name },
    ];
    byCode.set(code, { code, name, value, previous: previousIn(report, report.previous.functions.get(code), unit), executed: executedIn(report, report.previous.executed.functions.get(code), unit), previousKey: `functions.${code}`, path });
  }
  return [...byCode.values()].filter((item) => !item.value.isZero());
};

/** 一般公共预算支出 by 功能分类 类 (seed 002: “社会保障和就业支出290.63万元，占4.70%”). */
const functionClasses: Source = (report, codes, unit) => {
  const year = report.year;
  const name = (code: string) => codes.lookup(code, year)?.name ?? code;
  const general = usable(report, 'general_expense');
  let figures: Map<string, { value: Decimal }> | undefined;
  if (general) {
    const byClass = classFigures(general, 'total');
    if (byClass) figures = new Map([...byClass].map(([code, f]) => [code, { value: convert(f.value, f.unit, unit) }]));
  }
  if (!figures) {
    const fiscal = usable(report, 'fiscal_summary');
    const listed = fiscal ? listClassFigures(fiscal, 'expense', 'general', codes) : undefined;
    if (listed && listed.unknown.length === 0) figures = new Map([...listed.figures].map(([code, f]) => [code, { value: convert(f.value, f.unit, unit) }]));
  }
  if (!figures) return undefined;
  return [...figures]
    .filter(([, f]) => !f.value.isZero())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, f]) => ({ code, name: name(code), value: f.value, previous: previousIn(report, report.previous.functions.get(code), unit), executed: executedIn(report, report.previous.executed.functions.get(code), unit), previousKey: `functions.${code}` }));
};

function economicTable(report: Report): Table | undefined {
  return usable(report, 'general_expense_economic') ?? usable(report, 'economic_summary');
}

/** 一般公共预算支出 by 部门预算支出经济分类 类 (301, 302, 303, 310), seed 004. */
const economicClasses: Source = (report, _codes, unit) => {
  const table = economicTable(report);
  if (!table) return undefined;
  const sums = new Map<string, { name: string; value: Decimal }>();
  const tree = rowTree(table);
  table.rows.forEach((row, index) => {
    if (row.kind !== 'code' || !row.code || !/^3\d{2,4}$/.test(row.code.digits)) return;
    const parent = tree.parent[index];
    if (parent >= 0 && table.rows[parent].kind === 'code') return;
    const code = row.code.digits.slice(0, 3);
    const existing = sums.get(code);
    const value = inTextUnit(table, rowTotal(table, row), unit);
    const name = row.code.digits.length === 3 ? row.name?.value ?? code : existing?.name ?? code;
    sums.set(code, { name, value: (existing?.value ?? ZERO).plus(value) });
  });
  if (sums.size === 0) return undefined;
  return [...sums]
    .filter(([, s]) => !s.value.isZero())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, s]) => ({ code, name: s.name, value: s.value, previous: previousIn(report, report.previous.economics.get(code), unit), previousKey: `economics.${code}` }));
};

/**
 * 一般公共预算支出 by 政府预算支出经济分类 类 (501, 502, 505 …), seed 004: the classes the
 * rows' paired codes fall in; each amount as printed in the 财政拨款收支总表's 政府经济分类 list
 * when it prints the class (the figure the prose checker compares with), else Σ of the rows.
 */
const governmentClasses: Source = (report, codes, unit) => {
  const table = economicTable(report);
  if (!table) return undefined;
  const sums = new Map<string, Decimal>();
  for (const row of table.rows) {
    const gov = row.govCode?.digits;
    if (row.kind !== 'code' || !gov || !/^5\d{4}$/.test(gov)) continue;
    const code = gov.slice(0, 3);
    sums.set(code, (sums.get(code) ?? ZERO).plus(inTextUnit(table, rowTotal(table, row), unit)));
  }
  if (sums.size === 0) return undefined;
  const fiscal = usable(report, 'fiscal_summary');
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, sum]) => {
      const name = codes.lookup(code, report.year)?.name ?? code;
      const printed = fiscal ? resolveFigure(report, codes, `fiscal_summary.expense_government_economic[label:${name}]`) : undefined;
      const value = printed?.kind === 'figure' && !printed.figure.blank ? convert(printed.figure.value, printed.figure.unit, unit) : sum;
      return { code, name, value, previous: previousIn(report, report.previous.economics.get(code), unit), previousKey: `economics.${code}` };
    })
    .filter((item) => !item.value.isZero());
};

/** Names of the 经济科目 款 of the 基本支出 with a non-zero amount in a column, in code order (seed 002 六). */
function basicItemNames(column: 'personnel' | 'public'): Source {
  return (report, _codes, unit) => {
    const table = usable(report, 'general_basic');
    if (!table) return undefined;
    const seen = new Map<string, ListItem>();
    for (const row of table.rows) {
      if (row.kind !== 'code' || !row.code || row.code.digits.length !== 5) continue;
      const value = columnValue(table, row, column)?.value ?? ZERO;
      if (value.isZero()) continue;
      const code = row.code.digits;
      const existing = seen.get(code);
      const amount = inTextUnit(table, value, unit);
      seen.set(code, { code, name: existing?.name ?? row.name?.value ?? code, value: (existing?.value ?? ZERO).plus(amount), previousKey: `economics.${code}`, previous: previousIn(report, report.previous.economics.get(code), unit) });
    }
    if (seen.size === 0) return undefined;
    return [...seen.values()].sort((a, b) => a.code!.localeCompare(b.code!));
  };
}

const SOURCES: Readonly<Record<string, Source>> = {
  functionItems,
  functionClasses,
  economicClasses,
  governmentClasses,
  personnelItems: basicItemNames('personnel'),
  publicItems: basicItemNames('public'),
};

/** The items of a list source, their amounts in `unit` (the unit of the text they go into). */
export function listItems(source: string, report: Report, codes: CodeTables, unit: MoneyUnit, implied: ImpliedPrevious = new Map()): ListItem[] | undefined {
  const fn = SOURCES[source];
  const items = fn ? fn(report, codes, unit, implied) : undefined;
  // What `previous:` lacks, the author's own change sentences may imply.
  return items?.map((item) => {
    if (item.previous !== undefined) return item;
    const value = implied.get(item.previousKey);
    return value === undefined ? item : { ...item, previous: convert(value, '万元', unit) };
  });
}

export function isListSource(source: string): boolean {
  return source in SOURCES;
}

/** A `previous:` figure in the unit of the text (previous figures may be written in another unit). */
function previousIn(report: Report, cell: Cell | undefined, unit: MoneyUnit): Decimal | undefined {
  return cell ? convert(cell.amount.value, report.previous.unit, unit) : undefined;
}

function executedIn(report: Report, cell: Cell | undefined, unit: MoneyUnit): Decimal | undefined {
  return previousIn(report, cell, unit);
}
