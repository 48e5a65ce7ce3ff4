import { ZERO } from '../amount/rounding';
import type { Dec } from '../amount/rounding';
import type { MoneyUnit } from '../amount/units';
import { cannotRead, columnValue, isAvailable, isUnreadable, UNKNOWN_COLUMN } from '../model/columnValues';
import { rowTree } from '../model/hierarchy';
import { ITEM_IDS, itemIdOf, listTree, unknownEntries } from '../model/itemLists';
import { TABLE_DEFS, isTableKey } from '../model/tableDefs';
import type { Cell, FundScope, ItemEntry, Report, Row, Table } from '../model/types';
import type { CodeTables } from '../codes/codeTables';
import { normalizeName } from '../codes/names';
import { t } from '../i18n/l10n';
import { columnTitle, tableTitle } from '../schema/schemaInfo';

/**
 * Figure paths name an amount of the report for cross-table relations and prose claims:
 *
 *   T.total.C            column C of table T's 合计 row (Σ of the top rows when no 合计 is printed)
 *   T.S                  scalar S of table T (summary.income_total, three_public.reception)
 *   T.G.C                column C of the amount group G (fiscal_summary.expense_total.general)
 *   T.L[id]              the item `id` of item list L (summary.income[general]); `.C` picks a column
 *   T.code[X,Y].C        Σ of column C over the rows under codes X, Y (class row when printed)
 *   T.classes.C          (by-class) column C per 功能分类 类, from a row table
 *   T.L.classes[.C]      (by-class) per 类, from an item list
 *   T.L.class[X][.C]     the top entry of item list L for 功能分类 类 X (by its code or 类 label)
 *   T.L[label:NAME][.C]  the entry of item list L printed as NAME (ordinal and 其中 removed)
 *   T.gov[X,Y].C         Σ of column C over the rows whose 政府经济分类 code starts with X or Y
 *   T.item[NAME].C       the item row printed as NAME (assets: 资产总额)
 *
 * Alternatives are separated by `|`: the first that resolves is used.
 */
export interface ResolvedFigure {
  readonly value: Dec;
  readonly decimals: number;
  readonly unit: MoneyUnit;
  /** The printed cells behind the value; the first is where a finding is reported. */
  readonly cells: readonly Cell[];
  readonly derived: boolean;
  readonly scope: FundScope;
  /** True when the figure is a blank or absent cell of a printed table (value 0). */
  readonly blank: boolean;
  readonly table: Table;
}

export type Resolution =
  | { readonly kind: 'figure'; readonly figure: ResolvedFigure }
  | { readonly kind: 'absent'; readonly reason: string }
  /** `notAnAmount`: the figure is printed, but a cell of it is not an amount (no alternative stands in for it). */
  | { readonly kind: 'unreadable'; readonly reason: string; readonly notAnAmount?: boolean };

const COLUMN_SCOPES: Readonly<Record<string, FundScope>> = {
  general: 'general', general_fiscal: 'general', general_special: 'general', fund: 'fund', state_capital: 'state_capital',
};

/** Scopes by path: paths are a fixed vocabulary of the rules and the prose dictionary, asked for on every check. */
const scopes = new Map<string, FundScope | undefined>();

export function scopeOfPath(path: string): FundScope | undefined {
  if (scopes.has(path)) return scopes.get(path);
  const scope = pathScope(path);
  // Bounded all the same: a path is built from a code or label in a few places.
  if (scopes.size > 10_000) scopes.clear();
  scopes.set(path, scope);
  return scope;
}

function pathScope(path: string): FundScope | undefined {
  const first = path.split('|')[0];
  const [tableKey, ...rest] = first.split('.');
  if (!isTableKey(tableKey)) return undefined;
  const item = /\[([a-z_]+)\]/.exec(first)?.[1];
  if (item && COLUMN_SCOPES[item]) return COLUMN_SCOPES[item];
  const last = rest[rest.length - 1];
  if (last && COLUMN_SCOPES[last]) return COLUMN_SCOPES[last];
  return TABLE_DEFS.get(tableKey)!.scope;
}

export function resolveFigure(report: Report, codes: CodeTables, path: string): Resolution {
  let last: Resolution = { kind: 'absent', reason: path };
  for (const alternative of path.split('|')) {
    last = resolveOne(report, codes, alternative.trim());
    // A printed figure that cannot be read is unknown: another table's figure does not stand in for it.
    if (last.kind === 'figure' || (last.kind === 'unreadable' && last.notAnAmount)) return last;
  }
  return last;
}

function resolveOne(report: Report, codes: CodeTables, path: string): Resolution {
  const [tableKey, ...rest] = path.split('.');
  if (!isTableKey(tableKey)) return { kind: 'absent', reason: `unknown table ${tableKey}` };
  const table = report.tables.get(tableKey);
  if (!table) return { kind: 'absent', reason: `table ${tableKey} absent` };
  const scope = scopeOfPath(path) ?? table.def.scope;
  const head = rest[0] ?? '';
  const listMatch = /^([a-z_]+)\[([a-z_]+)\]$/.exec(head);
  const codeMatch = /^code\[([\d,]+)\]$/.exec(head);
  if (head === 'total' && table.def.shape === 'rows') {
    const column = rest[1] ?? 'total';
    return totalFigure(table, column, scope);
  }
  if (codeMatch) {
    const column = rest[1] ?? 'total';
    return codeFigure(table, codeMatch[1].split(','), column, scope);
  }
  const govMatch = /^gov\[([\d,]+)\]$/.exec(head);
  if (govMatch) {
    const column = rest[1] ?? 'total';
    return govFigure(table, govMatch[1].split(','), column, scope);
  }
  const labelMatch = /^([a-z_]+)\[label:(.+)\]$/.exec(head);
  if (labelMatch) return labelledEntryFigure(table, labelMatch[1], labelMatch[2], rest[1] ?? 'amount', scope, path);
  const itemMatch = /^item\[(.+)\]$/.exec(head);
  if (itemMatch && table.def.shape === 'rows') return itemRowFigure(table, itemMatch[1], rest[1] ?? 'total', scope);
  const classMatch = rest.length >= 2 ? /^class\[(\d{3})\]$/.exec(rest[1]) : null;
  if (classMatch && table.lists.has(head)) return listClassFigure(table, head, classMatch[1], rest[2] ?? 'amount', codes, scope);
  if (listMatch) {
    const entries = table.lists.get(listMatch[1]);
    if (!entries) return { kind: 'absent', reason: `${tableKey}.${listMatch[1]} absent` };
    const wanted = listMatch[2];
    const entry = entries.find((e, i) => itemIdOf(entries, i) === wanted);
    if (!entry) {
      // Absent from a list whose every label is understood: printed as nothing, 0. Absent from
      // a list with a label nobody knows: perhaps that entry — not known, never 0.
      const unknown = unknownEntries(entries);
      if (unknown.length > 0) return { kind: 'unreadable', reason: unknownLabelsReason(unknown.map((e) => e.label.value.trim())) };
      return { kind: 'figure', figure: zeroFigure(table, scope) };
    }
    const column = rest[1] ?? 'amount';
    if (cannotRead(entry, column)) return { kind: 'unreadable', reason: notAnAmount(table, column), notAnAmount: true };
    const cell = entry.cells.get(column);
    return { kind: 'figure', figure: cellFigure(table, cell, scope) };
  }
  if (rest.length === 1 && table.scalars.has(head)) {
    return { kind: 'figure', figure: cellFigure(table, table.scalars.get(head), scope) };
  }
  if (rest.length === 1 && table.groups.has(head)) {
    // A total printed by column (支出总计: 合计, 人员经费 …): its 合计 is the total.
    const group = table.groups.get(head)!;
    if (cannotRead(group, 'total')) return { kind: 'unreadable', reason: notAnAmount(table, 'total'), notAnAmount: true };
    if (group.cells.has('total')) return { kind: 'figure', figure: cellFigure(table, group.cells.get('total'), scope) };
  }
  if (table.incomplete) return { kind: 'unreadable', reason: `${tableKey} is incomplete` };
  if (rest.length === 1 && scalarUnreadable(table, head)) return { kind: 'unreadable', reason: notAnAmount(table, head), notAnAmount: true };
  if (rest.length === 2 && table.groups.has(head)) {
    const group = table.groups.get(head)!;
    const column = rest[1];
    if (cannotRead(group, column)) return { kind: 'unreadable', reason: notAnAmount(table, column), notAnAmount: true };
    if (!printsColumn(table, column)) return { kind: 'absent', reason: `${tableKey} prints no ${column} column` };
    return { kind: 'figure', figure: cellFigure(table, group.cells.get(column), scope) };
  }
  if (rest.length === 1 && TABLE_DEFS.get(tableKey)?.scalars?.includes(head) && !TABLE_DEFS.get(tableKey)?.optionalScalars?.includes(head)) {
    // A scalar the table could print but does not: blank.
    return { kind: 'figure', figure: zeroFigure(table, scope) };
  }
  return { kind: 'absent', reason: `${path} not printed` };
  void codes;
}

/** Why a figure of a list with labels the vocabulary does not know cannot be read. */
export function unknownLabelsReason(labels: readonly string[]): string {
  return t('the checker does not understand the label {0}', labels.map((l) => `“${l}”`).join('、'));
}

/** Whether any amount group or list entry of an item-list table prints the column. */
function printsColumn(table: Table, column: string): boolean {
  for (const group of table.groups.values()) if (group.cells.has(column)) return true;
  for (const entries of table.lists.values()) for (const entry of entries) if (entry.cells.has(column)) return true;
  return false;
}

/**
 * The precision of a figure: that of its printed cells (a table printed in whole 元 has 0
 * decimals); 2 for a figure with no printed cell (blank: 0.00).
 */
function printedDecimals(decimals: number, cells: readonly Cell[]): number {
  return cells.some((c) => !c.amount.blank) ? decimals : 2;
}

function cellFigure(table: Table, cell: Cell | undefined, scope: FundScope): ResolvedFigure {
  if (!cell) return zeroFigure(table, scope);
  return { value: cell.amount.value, decimals: cell.amount.decimals, unit: table.unit, cells: [cell], derived: false, scope, blank: cell.amount.blank, table };
}

function zeroFigure(table: Table, scope: FundScope): ResolvedFigure {
  return { value: ZERO, decimals: 2, unit: table.unit, cells: [], derived: false, scope, blank: true, table };
}

function totalFigure(table: Table, column: string, scope: FundScope): Resolution {
  if (!isAvailable(table, column)) return { kind: 'absent', reason: `${table.key} has no column ${column}` };
  if (table.total) {
    if (isUnreadable(table, table.total, column)) return { kind: 'unreadable', reason: notAnAmount(table, column), notAnAmount: true };
    const figure = columnValue(table, table.total, column);
    if (!figure) return { kind: 'absent', reason: `${table.key}.total.${column}` };
    return { kind: 'figure', figure: { value: figure.value, decimals: printedDecimals(figure.decimals, figure.cells), unit: table.unit, cells: figure.cells, derived: figure.derived, scope, blank: figure.cells.length === 0, table } };
  }
  if (table.rows.length === 0) return { kind: 'figure', figure: zeroFigure(table, scope) };
  if (table.incomplete) return { kind: 'unreadable', reason: `${table.key} is incomplete` };
  const tree = rowTree(table);
  if (tree.unplaced.length > 0) return { kind: 'unreadable', reason: t('a code of {0} cannot be read', table.key) };
  return sumRows(table, tree.top.map((i) => table.rows[i]), column, scope);
}

function sumRows(table: Table, rows: readonly Row[], column: string, scope: FundScope): Resolution {
  let value: Dec = ZERO;
  let decimals = 0;
  const cells: Cell[] = [];
  for (const row of rows) {
    if (isUnreadable(table, row, column)) return { kind: 'unreadable', reason: notAnAmount(table, column), notAnAmount: true };
    const figure = columnValue(table, row, column);
    if (!figure) continue;
    value = value.plus(figure.value);
    decimals = Math.max(decimals, figure.decimals);
    cells.push(...figure.cells);
  }
  return { kind: 'figure', figure: { value, decimals: printedDecimals(decimals, cells), unit: table.unit, cells, derived: cells.length !== 1, scope, blank: cells.every((c) => c.amount.blank), table } };
}

/** Whether a scalar of a table is written but cannot be read (or may be under a key the format does not know). */
export function scalarUnreadable(table: Table, key: string): boolean {
  return table.unreadableScalars.has(key) || (table.unreadableScalars.has(UNKNOWN_COLUMN) && !table.scalars.has(key));
}

/** Why a figure cannot be read: a cell of the column is not an amount. */
function notAnAmount(table: Table, column: string): string {
  return t('{0}: a cell is not an amount', `${tableTitle(table.key)} ${columnTitle(column)}`);
}

/** Σ of a column over the rows under the given codes (a printed class row counts for its class). */
function codeFigure(table: Table, prefixes: readonly string[], column: string, scope: FundScope): Resolution {
  if (table.incomplete) return { kind: 'unreadable', reason: `${table.key} is incomplete` };
  if (!isAvailable(table, column)) return { kind: 'absent', reason: `${table.key} has no column ${column}` };
  const tree = rowTree(table);
  const picked: Row[] = [];
  table.rows.forEach((row, index) => {
    if (row.kind !== 'code' || !row.code) return;
    const digits = row.code.digits;
    if (!prefixes.some((p) => digits.startsWith(p))) return;
    // Take the highest printed row under a prefix: skip rows whose code parent is also picked.
    let parent = tree.parent[index];
    while (parent >= 0) {
      const p = table.rows[parent];
      if (p.kind === 'code' && p.code && prefixes.some((x) => p.code!.digits.startsWith(x))) return;
      parent = tree.parent[parent];
    }
    picked.push(row);
  });
  return sumRows(table, picked, column, scope);
}

/** Σ of a column over the rows whose 政府经济分类 code starts with one of the prefixes. */
function govFigure(table: Table, prefixes: readonly string[], column: string, scope: FundScope): Resolution {
  if (table.incomplete) return { kind: 'unreadable', reason: `${table.key} is incomplete` };
  if (!isAvailable(table, column)) return { kind: 'absent', reason: `${table.key} has no column ${column}` };
  const picked = table.rows.filter((row) => row.govCode && prefixes.some((p) => row.govCode!.digits.startsWith(p)));
  if (picked.length === 0) return { kind: 'absent', reason: `${table.key} has no row under 政府经济分类 ${prefixes.join(',')}` };
  return sumRows(table, picked, column, scope);
}

/** Labels compared without their ordinal, 其中 marker, spacing, bracket width or a 的. */
function sameLabel(a: string, b: string): boolean {
  const norm = (x: string): string => normalizeName(x).replace(/的/g, '');
  return norm(a) === norm(b);
}

function labelledEntryFigure(table: Table, listKey: string, label: string, column: string, scope: FundScope, path: string): Resolution {
  const entries = table.lists.get(listKey);
  if (!entries) return { kind: 'absent', reason: `${table.key}.${listKey} absent` };
  const entry = entries.find((e) => sameLabel(e.bareLabel, label));
  if (!entry) return table.incomplete ? { kind: 'unreadable', reason: `${table.key} is incomplete` } : { kind: 'absent', reason: `${path} not printed` };
  if (cannotRead(entry, column)) return { kind: 'unreadable', reason: notAnAmount(table, column), notAnAmount: true };
  return { kind: 'figure', figure: cellFigure(table, entry.cells.get(column), scope) };
}

function itemRowFigure(table: Table, label: string, column: string, scope: FundScope): Resolution {
  if (table.incomplete) return { kind: 'unreadable', reason: `${table.key} is incomplete` };
  const row = table.rows.find((r) => r.item && sameLabel(r.item.value.replace(/^\s*(\d+|[一二三四五六七八九十]+)[、.．]\s*/, ''), label));
  if (!row) return { kind: 'absent', reason: `${table.key} has no item ${label}` };
  if (cannotRead(row, column)) return { kind: 'unreadable', reason: notAnAmount(table, column), notAnAmount: true };
  return { kind: 'figure', figure: cellFigure(table, row.cells.get(column), scope) };
}

function listClassFigure(table: Table, listKey: string, classCode: string, column: string, codes: CodeTables, scope: FundScope): Resolution {
  if (table.incomplete) return { kind: 'unreadable', reason: `${table.key} is incomplete` };
  const byClass = listClassFigures(table, listKey, column, codes);
  if (!byClass) return { kind: 'absent', reason: `${table.key}.${listKey} prints no ${column}` };
  if (byClass.unreadable.has(classCode)) return { kind: 'unreadable', reason: t('{0}: a cell is not an amount', `${tableTitle(table.key)} ${classCode}`), notAnAmount: true };
  const figure = byClass.figures.get(classCode);
  if (figure) return { kind: 'figure', figure: { ...figure, scope } };
  if (byClass.unknown.length > 0) return { kind: 'unreadable', reason: `${table.key}.${listKey}: ${byClass.unknown.join('、')}` };
  return { kind: 'figure', figure: zeroFigure(table, scope) };
}

/** The top code rows of a row table that stand for their 类 (the class row when printed, else the leaf rows). */
function classRows(table: Table): Row[] {
  const tree = rowTree(table);
  return table.rows.filter((row, index) => {
    if (row.kind !== 'code' || !row.code || !/^\d{3,}$/.test(row.code.digits)) return false;
    const parent = tree.parent[index];
    return !(parent >= 0 && table.rows[parent].kind === 'code');
  });
}

/** The 类 whose figure in a column cannot be read: a row of the class has a cell that is not an amount. */
export function unreadableClasses(table: Table, column: string): Set<string> {
  return new Set(classRows(table).filter((row) => isUnreadable(table, row, column)).map((row) => row.code!.digits.slice(0, 3)));
}

/**
 * Per-类 figures of a row table (class row when printed, otherwise Σ of the leaf code rows). A
 * class with a cell that is not an amount is left out (unknown, never the sum of the cells that
 * can be read; unreadableClasses names them).
 */
export function classFigures(table: Table, column: string): Map<string, ResolvedFigure> | undefined {
  if (!isAvailable(table, column) || table.incomplete) return undefined;
  const tree = rowTree(table);
  // A row whose code cannot be read may belong to any class: no class is known for sure.
  if (tree.unplaced.length > 0) return undefined;
  const unreadable = unreadableClasses(table, column);
  const result = new Map<string, { value: Dec; decimals: number; cells: Cell[] }>();
  classRows(table).forEach((row) => {
    if (unreadable.has(row.code!.digits.slice(0, 3))) return;
    const figure = columnValue(table, row, column);
    if (!figure) return;
    const key = row.code!.digits.slice(0, 3);
    const acc = result.get(key) ?? { value: ZERO, decimals: 0, cells: [] };
    acc.value = acc.value.plus(figure.value);
    acc.decimals = Math.max(acc.decimals, figure.decimals);
    acc.cells.push(...figure.cells);
    result.set(key, acc);
  });
  const scope = TABLE_DEFS.get(table.key)!.scope;
  return new Map([...result].map(([key, acc]) => [key, { value: acc.value, decimals: printedDecimals(acc.decimals, acc.cells), unit: table.unit, cells: acc.cells, derived: acc.cells.length > 1, scope, blank: acc.cells.every((c) => c.amount.blank), table }]));
}

/**
 * The entries of an expense list that stand for 功能分类 类: its top entries, except that a
 * heading which is no 类 but has sub-entries (“一、财政拨款” over “8、社会保障和就业支出” …)
 * stands for its sub-entries.
 */
export function classEntries(entries: readonly ItemEntry[], codes: CodeTables): number[] {
  const tree = listTree(entries);
  const result: number[] = [];
  const visit = (index: number, depth: number): void => {
    const entry = entries[index];
    const isClass = !!(entry.code?.digits ?? codes.classOfLabel(entry.bareLabel));
    if (!isClass && depth < 2 && tree.children[index].length > 0 && tree.exhaustive[index]) {
      for (const child of tree.children[index]) visit(child, depth + 1);
      return;
    }
    result.push(index);
  };
  entries.forEach((_, index) => {
    if (tree.parent[index] < 0) visit(index, 0);
  });
  return result;
}

/**
 * Per-类 figures of an item list (labels resolved to 类 codes through the class names);
 * `unknown`: labels that name no class; `unreadable`: classes whose amount is not an amount.
 */
export function listClassFigures(table: Table, listKey: string, column: string, codes: CodeTables): { figures: Map<string, ResolvedFigure>; unknown: string[]; unreadable: Set<string> } | undefined {
  const entries = table.lists.get(listKey);
  if (!entries || !entries.some((e) => e.cells.has(column) || e.unreadable.has(column))) return undefined;
  const figures = new Map<string, ResolvedFigure>();
  const unknown: string[] = [];
  const unreadable = new Set<string>();
  for (const index of classEntries(entries, codes)) {
    const entry = entries[index];
    const code = entry.code?.digits ?? codes.classOfLabel(entry.bareLabel);
    if (cannotRead(entry, column)) {
      if (code) unreadable.add(code);
      else unknown.push(entry.label.value);
      continue;
    }
    const cell = entry.cells.get(column);
    if (!code) {
      if (cell && !cell.amount.blank) unknown.push(entry.label.value);
      continue;
    }
    figures.set(code, cellFigure(table, cell, TABLE_DEFS.get(table.key)!.scope));
  }
  return { figures, unknown, unreadable };
}

export { ITEM_IDS };
