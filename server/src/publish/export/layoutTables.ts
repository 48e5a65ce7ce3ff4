import { AMOUNT_COLUMNS } from '../../service/model/tableDefs';
import type { Report, Row, Table, TableKey } from '../../service/model/types';
import { getString, getValue, isMap, isSeq, YMap, YNode } from '../../service/yaml/ast';
import { catalogLines } from '../../service/model/catalog';
import { tableHasData } from '../../service/model/tableData';
import { EXPORT, exportLabel, exportPaths, Layout, layoutOf, TABLE_ORDER, tableEntry } from '../vocabulary';
import { amountCell, CellBlock, compact, headerBlock, PlacedCell, SheetLayout, textCell } from './sheetLayout';

/**
 * Lays out each table of a report the way it is published: title, 部门名称 and 单位 lines,
 * header rows with merges, the rows, notes. Pure: the Excel writer and the HTML renderer print
 * the result.
 */

const TEXT = EXPORT.text as unknown as Record<string, string> & { codeParts: string[] };
const ITEM_TOTALS = EXPORT.itemTotals as Record<string, string>;
const AMOUNT_ORDER = [...AMOUNT_COLUMNS];

/** The title a table is published under: its printed title, or the standard one with the year. */
export function publishedTitle(report: Report, key: TableKey): string {
  const table = report.tables.get(key);
  if (table?.title?.value.trim()) return table.title.value.trim();
  const scope = report.kind === 'unit' ? '单位' : '部门';
  return `${report.year ? `${report.year}年` : ''}${scope}${tableEntry(key).standardTitle}`;
}

/** Tables of the report in the official order, or in the order of the report's own 目录 when it has one. */
export function publishedTables(report: Report): Table[] {
  const tables = TABLE_ORDER.map((key) => report.tables.get(key)).filter((t): t is Table => t !== undefined);
  const listed = new Map<TableKey, number>();
  if (report.tables.has('catalog')) catalogLines(report).forEach((line, i) => { if (line.table && !listed.has(line.table)) listed.set(line.table, i); });
  if (listed.size === 0) return tables;
  const rank = (table: Table): number => (table.key === 'catalog' ? -1 : listed.get(table.key) ?? Number.MAX_SAFE_INTEGER);
  return tables.map((table, i) => ({ table, i })).sort((a, b) => rank(a.table) - rank(b.table) || a.i - b.i).map((x) => x.table);
}

export function layoutReport(report: Report): SheetLayout[] {
  const used = new Set<string>();
  return publishedTables(report).map((table) => {
    const layout = layoutTable(report, table);
    // Sheet names are unique and at most 31 characters.
    let name = layout.sheetName.slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${layout.sheetName.slice(0, 28)}(${i})`;
    used.add(name);
    return { ...layout, sheetName: name };
  });
}

function blank(): CellBlock {
  return { rows: 0, cells: [] };
}

export function layoutTable(report: Report, table: Table): SheetLayout {
  const layout = layoutOf(table.key);
  let result: { header: CellBlock; body: CellBlock; widths: number[]; metaLines?: string[] };
  switch (layout) {
    case 'items': result = itemsLayout(table); break;
    case 'three_public': case 'procurement': result = scalarsLayout(table, layout); break;
    case 'assets': result = assetsLayout(table); break;
    case 'catalog': result = catalogLayout(table); break;
    case 'performance': result = performanceLayout(table); break;
    case 'overall': result = overallLayout(table); break;
    default: result = rowsLayout(table);
  }
  let notes = table.note?.value.split('\n').map((s) => s.trim()).filter((s) => s.length > 0) ?? [];
  // A table without data is published with a 空表 note; the catalog's reason goes into it.
  const generatedNote = notes.length === 0 && !table.incomplete && table.key !== 'catalog' && !tableHasData(table);
  if (generatedNote) {
    const reason = catalogLines(report).find((line) => line.table === table.key && line.empty)?.reason?.value.trim();
    notes = [reason ? EXPORT.emptyNoteWithReason.replace('{0}', reason.replace(/[。，,.]$/, '')) : EXPORT.emptyNote];
  }
  const columns = result.widths.length;
  return {
    key: table.key,
    sheetName: tableEntry(table.key).sheet,
    title: publishedTitle(report, table.key),
    standardTitle: !table.title?.value.trim(),
    department: report.department ? `${report.kind === 'unit' ? '单位名称' : '部门名称'}：${report.department.value.trim()}` : undefined,
    unit: layout === 'catalog' ? undefined : table.unit,
    metaLines: result.metaLines ?? [],
    columns,
    widths: result.widths,
    header: result.header,
    body: result.body,
    notes,
    generatedNote,
    empty: result.body.cells.every((c) => c.style !== 'amount') && result.body.rows === 0,
    incomplete: table.incomplete,
    landscape: result.widths.reduce((a, b) => a + b, 0) > 110,
  };
}

// ---------------------------------------------------------------- row tables

function amountColumnsOf(table: Table): string[] {
  const declared = (table.declaredColumns ?? []).filter((c) => AMOUNT_COLUMNS.has(c));
  const rest = AMOUNT_ORDER.filter((c) => table.columns.has(c) && !declared.includes(c));
  return [...new Set([...declared, ...rest])];
}

function codeParts(code: string): string[] {
  return code.trim().split(/\s+/);
}

function rowsLayout(table: Table): { header: CellBlock; body: CellBlock; widths: number[] } {
  const rows = table.rows;
  const amounts = amountColumnsOf(table);
  const codes = rows.filter((r) => r.code).map((r) => r.code!.value);
  const split = codes.some((c) => /\s/.test(c.trim()));
  const codeWidth = split ? Math.max(...codes.map((c) => codeParts(c).length)) : codes.length ? 1 : 0;
  const govCodes = rows.filter((r) => r.govCode).map((r) => r.govCode!.value);
  const govSplit = govCodes.some((c) => /\s/.test(c.trim()));
  const govWidth = govSplit ? Math.max(...govCodes.map((c) => codeParts(c).length)) : govCodes.length ? 1 : 0;
  const hasGovName = rows.some((r) => r.govName);
  const hasUnit = rows.some((r) => r.unit);
  const hasItem = rows.some((r) => r.kind === 'item');
  const hasGroup = rows.some((r) => r.kind === 'group');
  const hasType = rows.some((r) => r.type);
  const hasUnitName = rows.some((r) => r.unitName);
  const hasDescription = rows.some((r) => r.texts.has('description'));
  const codeRows = rows.filter((r) => r.kind === 'code');
  // One 名称 column for units, codes, groups and projects, unless a project row could then be
  // mistaken for a unit row (a project with a unit code but no type, 项目单位 or 简介).
  const ambiguousItem = rows.some((r) => r.kind === 'item' && r.unit && !r.type && !r.unitName && !r.texts.has('description'));
  const combined = (hasItem || hasGroup) && !ambiguousItem && codeRows.length === 0;
  const economic = table.def.classification === 'economic' && (govWidth > 0 || hasGovName);
  const itemCodes = rows.some((r) => r.kind === 'item' && r.code);

  type Column = { path: string[]; width: number; cell: (row: Row, r: number, c: number) => PlacedCell | undefined; amount?: string };
  const columns: Column[] = [];
  const codeGroup = economic ? [TEXT.departmentEconomic] : [];
  if (hasUnit) {
    const label = codeRows.length === 0 && !hasItem && !hasGroup ? TEXT.unitOnlyCode : TEXT.unit;
    columns.push({ path: [label], width: 9, cell: (row, r, c) => textCell(r, c, row.unit?.value, 'code') });
  }
  if (codeWidth > 0) {
    const codeLabel = itemCodes && codeRows.length === 0 ? TEXT.projectCode : TEXT.code;
    for (let i = 0; i < codeWidth; i++) {
      const path = split ? [...codeGroup, codeLabel, TEXT.codeParts[i] ?? String(i + 1)] : [...codeGroup, codeLabel];
      columns.push({ path, width: split ? 5 : itemCodes ? 22 : 10, cell: (row, r, c) => {
        if (!row.code) return undefined;
        const text = split ? codeParts(row.code.value)[i] : row.code.value;
        return textCell(r, c, text, 'code');
      } });
    }
  }
  const nameLabel = combined ? TEXT.nameOrItem : hasUnit && codeRows.length > 0 ? TEXT.unitName : hasUnit && !hasItem ? TEXT.unitOnlyName : TEXT.name;
  const labelOf = (row: Row): string | undefined => {
    if (combined) return row.name?.value ?? row.item?.value ?? row.group?.value;
    return row.name?.value ?? row.group?.value;
  };
  columns.push({ path: [...codeGroup, nameLabel], width: 30, cell: (row, r, c) => textCell(r, c, labelOf(row), 'text', row.kind === 'group' ? { indent: row.level } : {}) });
  if (economic) {
    for (let i = 0; i < Math.max(govWidth, 1); i++) {
      const path = govSplit ? [TEXT.governmentEconomic, TEXT.code, TEXT.codeParts[i] ?? String(i + 1)] : [TEXT.governmentEconomic, TEXT.code];
      columns.push({ path, width: govSplit ? 5 : 10, cell: (row, r, c) => {
        if (!row.govCode) return undefined;
        return textCell(r, c, govSplit ? codeParts(row.govCode.value)[i] : row.govCode.value, 'code');
      } });
    }
    columns.push({ path: [TEXT.governmentEconomic, TEXT.name], width: 20, cell: (row, r, c) => textCell(r, c, row.govName?.value) });
  }
  if (hasItem && !combined) columns.push({ path: [TEXT.item], width: 30, cell: (row, r, c) => textCell(r, c, row.item?.value) });
  if (hasType) columns.push({ path: [TEXT.type], width: 11, cell: (row, r, c) => textCell(r, c, row.type?.value) });
  if (hasUnitName) columns.push({ path: [TEXT.unit_name], width: 20, cell: (row, r, c) => textCell(r, c, row.unitName?.value) });
  const amountPaths = exportPaths(amounts, 'rows');
  amounts.forEach((key, i) => {
    columns.push({ path: amountPaths[i], width: 13, cell: (row, r, c) => amountCell(r, c, row.cells.get(key)?.amount), amount: key });
  });
  if (hasDescription) columns.push({ path: [TEXT.description], width: 40, cell: (row, r, c) => textCell(r, c, row.texts.get('description')?.value) });

  const nameCol = columns.findIndex((c) => c.path[c.path.length - 1] === nameLabel);
  const body: PlacedCell[] = [];
  let r = 0;
  if (table.total) {
    body.push({ row: r, col: nameCol, rowSpan: 1, colSpan: 1, text: '合计', style: 'label', bold: true });
    columns.forEach((column, c) => {
      if (!column.amount) return;
      const cell = amountCell(r, c, table.total!.cells.get(column.amount)?.amount, { bold: true });
      if (cell) body.push(cell);
    });
    r += 1;
  }
  for (const row of rows) {
    columns.forEach((column, c) => {
      const cell = column.cell(row, r, c);
      if (cell) body.push(cell);
    });
    r += 1;
  }
  return { header: headerBlock(columns.map((c) => c.path)), body: { rows: r, cells: body }, widths: columns.map((c) => c.width) };
}

// ---------------------------------------------------------------- item lists

type ListKey = 'income' | 'expense' | 'expense_department_economic' | 'expense_government_economic';

function itemsLayout(table: Table): { header: CellBlock; body: CellBlock; widths: number[] } {
  const fiscal = table.key === 'fiscal_summary';
  const income = table.lists.get('income') ?? [];
  const expense = table.lists.get('expense') ?? [];
  const departmentEconomic = table.lists.get('expense_department_economic');
  const governmentEconomic = table.lists.get('expense_government_economic');
  // The expense side of a 财政拨款收支总表 prints one amount per fund column; that of a 单位
  // 财务收支预算总表 (上海) one per 合计 / 人员经费 / 公用经费 / 项目支出 column.
  const byColumn = fiscal || table.groups.size > 0 || expense.some((entry) => [...entry.cells.keys()].some((key) => key !== 'amount'));
  let expenseKeys = ['amount'];
  if (byColumn) {
    const declared = (table.declaredColumns ?? []).filter((c) => AMOUNT_COLUMNS.has(c));
    const used = new Set<string>();
    for (const entry of expense) for (const key of entry.cells.keys()) used.add(key);
    for (const group of table.groups.values()) for (const key of group.cells.keys()) used.add(key);
    const ordered = [...new Set([...declared, ...AMOUNT_ORDER.filter((c) => used.has(c))])];
    expenseKeys = ordered.length ? ordered : ['total'];
  }
  type Side = { list: ListKey; top: string; label: string; keys: string[]; entries: Table['lists'] extends ReadonlyMap<string, infer E> ? E : never };
  const sides: Side[] = [
    { list: 'income', top: TEXT.income, label: TEXT.itemLabel, keys: ['amount'], entries: income },
    { list: 'expense', top: TEXT.expense, label: departmentEconomic || governmentEconomic ? '支出功能分类科目（按大类）' : TEXT.itemLabel, keys: expenseKeys, entries: expense },
  ];
  if (departmentEconomic) sides.push({ list: 'expense_department_economic', top: TEXT.expense, label: TEXT.expenseDepartmentEconomic, keys: ['amount'], entries: departmentEconomic });
  if (governmentEconomic) sides.push({ list: 'expense_government_economic', top: TEXT.expense, label: TEXT.expenseGovernmentEconomic, keys: ['amount'], entries: governmentEconomic });
  const paths: string[][] = [];
  const widths: number[] = [];
  const firstCol: number[] = [];
  for (const side of sides) {
    firstCol.push(paths.length);
    paths.push([side.top, side.label]);
    widths.push(28);
    const amountPaths = side.keys.length === 1 && (side.keys[0] === 'amount' || side.keys[0] === 'total')
      ? [[side.top, side.keys[0] === 'amount' ? TEXT.amount : exportLabel('total', 'items')]]
      : exportPaths(side.keys, 'items').map((p) => [side.top, ...p]);
    for (const p of amountPaths) { paths.push(p); widths.push(13); }
  }
  const cells: PlacedCell[] = [];
  const lines = Math.max(...sides.map((s) => s.entries.length), 0);
  sides.forEach((side, s) => {
    side.entries.forEach((entry, i) => {
      const label = textCell(i, firstCol[s], entry.label.value, 'label');
      if (label) cells.push(label);
      side.keys.forEach((key, k) => {
        const cell = amountCell(i, firstCol[s] + 1 + k, entry.cells.get(key)?.amount);
        if (cell) cells.push(cell);
      });
    });
  });
  let r = lines;
  for (const [incomeKey, expenseKey] of [['income_current', 'expense_current'], ['income_carryover', 'expense_carryover'], ['income_total', 'expense_total']] as const) {
    const incomePrinted = table.scalars.has(incomeKey) || table.unreadableScalars.has(incomeKey);
    const expensePrinted = (byColumn && table.groups.has(expenseKey)) || table.scalars.has(expenseKey) || table.unreadableScalars.has(expenseKey);
    if (!incomePrinted && !expensePrinted) continue;
    if (incomePrinted) {
      cells.push({ row: r, col: firstCol[0], rowSpan: 1, colSpan: 1, text: ITEM_TOTALS[incomeKey], style: 'label', bold: true });
      const cell = amountCell(r, firstCol[0] + 1, table.scalars.get(incomeKey)?.amount, { bold: true });
      if (cell) cells.push(cell);
    }
    if (expensePrinted) {
      cells.push({ row: r, col: firstCol[1], rowSpan: 1, colSpan: 1, text: ITEM_TOTALS[expenseKey], style: 'label', bold: true });
      if (byColumn && table.groups.has(expenseKey)) {
        const group = table.groups.get(expenseKey);
        expenseKeys.forEach((key, k) => {
          const cell = amountCell(r, firstCol[1] + 1 + k, group?.cells.get(key)?.amount, { bold: true });
          if (cell) cells.push(cell);
        });
      } else {
        const cell = amountCell(r, firstCol[1] + 1, table.scalars.get(expenseKey)?.amount, { bold: true });
        if (cell) cells.push(cell);
      }
    }
    r += 1;
  }
  return { header: headerBlock(paths), body: { rows: r, cells }, widths };
}

// ---------------------------------------------------------------- single figures

const SCALAR_DEFAULTS: Record<string, string[]> = {
  three_public: ['total', 'abroad', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception'],
  procurement: ['total', 'goods', 'works', 'services'],
};

function scalarsLayout(table: Table, layout: Layout): { header: CellBlock; body: CellBlock; widths: number[] } {
  const all = table.def.scalars ?? [];
  const printed = all.filter((k) => table.scalars.has(k) || table.unreadableScalars.has(k));
  if (layout === 'procurement' && table.rows.length > 0) return procurementRows(table);
  const keys = printed.length ? printed : SCALAR_DEFAULTS[layout] ?? all;
  const paths = exportPaths(keys, layout);
  const cells = compact(keys.map((key, c) => amountCell(0, c, table.scalars.get(key)?.amount)));
  const hasData = printed.length > 0;
  return { header: headerBlock(paths), body: { rows: hasData ? 1 : 0, cells }, widths: keys.map(() => 16) };
}

function procurementRows(table: Table): { header: CellBlock; body: CellBlock; widths: number[] } {
  const textKeys = ['source_project', 'item', 'catalog_no', 'measure'].filter((k) => table.rows.some((r) => r.texts.has(k)));
  const amountKeys = ['quantity', 'price', ...AMOUNT_ORDER, 'sme'].filter((k) => table.rows.some((r) => r.cells.has(k)) || (k === 'total' && table.scalars.has('total')));
  const label = (k: string): string => (k === 'item' ? TEXT.procurementItem : k === 'total' ? '金额' : TEXT[k] ?? exportLabel(k, 'procurement'));
  const paths = [...textKeys.map((k) => [label(k)]), ...amountKeys.map((k) => [label(k)])];
  const cells: PlacedCell[] = [];
  let r = 0;
  if (table.scalars.get('total') && !table.scalars.get('total')!.amount.blank) {
    cells.push({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '合计', style: 'label', bold: true });
    const cell = amountCell(0, textKeys.length + amountKeys.indexOf('total'), table.scalars.get('total')!.amount, { bold: true });
    if (cell) cells.push(cell);
    r = 1;
  }
  for (const row of table.rows) {
    textKeys.forEach((k, c) => { const cell = textCell(r, c, row.texts.get(k)?.value); if (cell) cells.push(cell); });
    amountKeys.forEach((k, c) => {
      const amount = row.cells.get(k)?.amount;
      const cell = k === 'quantity' && amount && !amount.blank ? { ...textCell(r, textKeys.length + c, amount.text.trim(), 'number')! } : amountCell(r, textKeys.length + c, amount);
      if (cell) cells.push(cell);
    });
    r += 1;
  }
  return { header: headerBlock(paths), body: { rows: r, cells }, widths: paths.map((p) => (p[0].length > 6 ? 22 : 12)) };
}

function assetsLayout(table: Table): { header: CellBlock; body: CellBlock; widths: number[]; metaLines: string[] } {
  const asOf = table.node && isMap(table.node) ? getString(table.node, 'as_of')?.value : undefined;
  const paths = [[TEXT.assetItem], [TEXT.quantity], [TEXT.assetValue]];
  const cells: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    const label = textCell(r, 0, row.item?.value, 'label');
    if (label) cells.push(label);
    const quantity = row.cells.get('quantity')?.amount;
    if (quantity && !quantity.blank) cells.push({ row: r, col: 1, rowSpan: 1, colSpan: 1, text: quantity.text.trim(), value: quantity.value.toFixed(quantity.decimals), style: 'number' });
    const value = amountCell(r, 2, row.cells.get('value')?.amount);
    if (value) cells.push(value);
  });
  return { header: headerBlock(paths), body: { rows: table.rows.length, cells }, widths: [36, 12, 16], metaLines: asOf ? [`${EXPORT.assetsAsOf}${asOf}`] : [] };
}

function catalogLayout(table: Table): { header: CellBlock; body: CellBlock; widths: number[] } {
  const paths = [[TEXT.catalogNo], [TEXT.catalogTitle], [TEXT.catalogEmpty], [TEXT.catalogReason]];
  const cells: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    const empty = row.texts.get('empty')?.value.trim();
    cells.push(...compact([
      textCell(r, 0, row.texts.get('no')?.value, 'code'),
      textCell(r, 1, row.texts.get('title')?.value),
      textCell(r, 2, empty === 'true' ? '是' : empty === 'false' ? '否' : empty, 'code'),
      textCell(r, 3, row.texts.get('reason')?.value),
    ]));
  });
  return { header: headerBlock(paths), body: { rows: table.rows.length, cells }, widths: [8, 60, 10, 20] };
}

// ---------------------------------------------------------------- performance

const INDICATOR_FIELDS = ['level1', 'level2', 'level3', 'value', 'description', 'basis', 'remark'] as const;
const INDICATOR_LABELS: Record<string, string> = { level1: TEXT.level1, level2: TEXT.level2, level3: TEXT.level3, value: TEXT.value, description: TEXT.indDescription, basis: TEXT.basis, remark: TEXT.remark };
const PERFORMANCE_AMOUNTS = ['total', 'government', 'special_account', 'unit_funds', 'other_funds'];

function indicatorsOf(node: YNode | null | undefined): Array<Record<string, string>> {
  const list = isMap(node) ? getValue(node, 'indicators') : node;
  if (!isSeq(list)) return [];
  return list.items.filter(isMap).map((item: YMap) => {
    const entry: Record<string, string> = {};
    for (const field of INDICATOR_FIELDS) {
      const value = getString(item, field);
      if (value) entry[field] = value.value.trim();
    }
    return entry;
  });
}

function performanceLayout(table: Table): { header: CellBlock; body: CellBlock; widths: number[] } {
  const rows = table.rows;
  const blocks = rows.map((row) => ({ row, indicators: indicatorsOf(row.node) }));
  const has = (key: string): boolean => rows.some((r) => r.texts.has(key));
  const amounts = PERFORMANCE_AMOUNTS.filter((k) => rows.some((r) => r.cells.has(k)) || table.total?.cells.has(k) || table.declaredColumns?.includes(k));
  const indicatorFields = INDICATOR_FIELDS.filter((f) => blocks.some((b) => b.indicators.some((i) => i[f] !== undefined)));
  type Column = { path: string[]; width: number; block: boolean; text: (row: Row) => string | undefined; amount?: string; field?: string };
  const columns: Column[] = [];
  if (rows.some((r) => r.unit)) columns.push({ path: [TEXT.unit], width: 9, block: true, text: (r) => r.unit?.value });
  if (has('code')) columns.push({ path: [TEXT.projectCode], width: 22, block: true, text: (r) => r.code?.value });
  if (has('name')) columns.push({ path: [TEXT.unitOnlyName], width: 20, block: true, text: (r) => r.name?.value });
  if (has('item')) columns.push({ path: [TEXT.item], width: 26, block: true, text: (r) => r.item?.value });
  if (has('department')) columns.push({ path: [TEXT.department], width: 16, block: true, text: (r) => r.texts.get('department')?.value });
  for (const key of amounts) columns.push({ path: amounts.length > 1 ? [TEXT.amountGroup, exportLabel(key, 'performance')] : [exportLabel(key, 'performance')], width: 12, block: true, text: () => undefined, amount: key });
  if (has('goal')) columns.push({ path: [TEXT.goal], width: 36, block: true, text: (r) => r.texts.get('goal')?.value.trim() });
  for (const field of indicatorFields) columns.push({ path: indicatorFields.length > 1 ? [TEXT.indicatorGroup, INDICATOR_LABELS[field]] : [INDICATOR_LABELS[field]], width: field === 'level3' || field === 'description' || field === 'basis' ? 24 : 12, block: false, text: () => undefined, field });
  const labelCol = Math.max(0, columns.findIndex((c) => c.path.includes(TEXT.item) || c.path.includes(TEXT.unitOnlyName)));
  const cells: PlacedCell[] = [];
  let r = 0;
  if (table.total) {
    cells.push({ row: r, col: labelCol, rowSpan: 1, colSpan: 1, text: '合计', style: 'label', bold: true });
    columns.forEach((column, c) => {
      if (!column.amount) return;
      const cell = amountCell(r, c, table.total!.cells.get(column.amount)?.amount, { bold: true });
      if (cell) cells.push(cell);
    });
    r += 1;
  }
  for (const { row, indicators } of blocks) {
    const height = Math.max(1, indicators.length);
    columns.forEach((column, c) => {
      if (column.block) {
        const span = { rowSpan: height };
        const cell = column.amount ? amountCell(r, c, row.cells.get(column.amount)?.amount, span) : textCell(r, c, column.text(row), column.path.includes(TEXT.projectCode) || column.path.includes(TEXT.unit) ? 'code' : 'text', span);
        // Empty block cells are still merged so that the block reads as one.
        cells.push(cell ?? { row: r, col: c, rowSpan: height, colSpan: 1, text: '', style: 'text' });
      } else {
        indicators.forEach((indicator, i) => {
          const text = indicator[column.field!];
          // A 一级/二级指标 repeated on consecutive lines is printed once, merged down.
          if ((column.field === 'level1' || column.field === 'level2') && i > 0 && sameLevel(indicators, i, column.field)) return;
          let span = 1;
          if (column.field === 'level1' || column.field === 'level2') while (i + span < indicators.length && sameLevel(indicators, i + span, column.field)) span++;
          const cell = textCell(r + i, c, text, 'text', { rowSpan: span });
          if (cell) cells.push(cell);
        });
      }
    });
    r += height;
  }
  return { header: headerBlock(columns.map((c) => c.path)), body: { rows: r, cells }, widths: columns.map((c) => c.width) };
}

function sameLevel(indicators: ReadonlyArray<Record<string, string>>, i: number, field: 'level1' | 'level2'): boolean {
  const a = indicators[i - 1];
  const b = indicators[i];
  if (!a || !b || a[field] === undefined || a[field] !== b[field]) return false;
  return field === 'level1' || a.level1 === b.level1;
}

// ---------------------------------------------------------------- 整体绩效目标表 (a form)

const OVERALL = EXPORT.overall as { department: string; goal: string; tasks: string; taskName: string; taskContent: string; budget: string; indicators: string; budgetLabels: Record<string, string> };

function overallLayout(table: Table): { header: CellBlock; body: CellBlock; widths: number[] } {
  const node = isMap(table.node) ? table.node : null;
  const cells: PlacedCell[] = [];
  const width = 6;
  let r = 0;
  const line = (label: string, text: string | undefined): void => {
    cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, text: label, style: 'label', bold: true });
    cells.push({ row: r, col: 1, rowSpan: 1, colSpan: width - 1, text: text ?? '', style: 'text' });
    r += 1;
  };
  const department = getString(node, 'department')?.value;
  if (department !== undefined) line(OVERALL.department, department.trim());
  const goal = getString(node, 'goal')?.value;
  if (goal !== undefined) line(OVERALL.goal, goal.replace(/\n+$/, ''));
  const tasks = getValue(node, 'tasks');
  if (isSeq(tasks) && tasks.items.length) {
    const start = r;
    cells.push({ row: r, col: 1, rowSpan: 1, colSpan: 1, text: OVERALL.taskName, style: 'header' });
    cells.push({ row: r, col: 2, rowSpan: 1, colSpan: width - 2, text: OVERALL.taskContent, style: 'header' });
    r += 1;
    for (const task of tasks.items.filter(isMap)) {
      cells.push({ row: r, col: 1, rowSpan: 1, colSpan: 1, text: getString(task, 'name')?.value ?? '', style: 'text' });
      cells.push({ row: r, col: 2, rowSpan: 1, colSpan: width - 2, text: getString(task, 'content')?.value ?? '', style: 'text' });
      r += 1;
    }
    cells.push({ row: start, col: 0, rowSpan: r - start, colSpan: 1, text: OVERALL.tasks, style: 'label', bold: true });
  }
  const budget = table.groups.get('budget');
  if (budget && budget.cells.size) {
    const start = r;
    for (const [key, label] of Object.entries(OVERALL.budgetLabels)) {
      const amount = budget.cells.get(key)?.amount;
      if (!budget.cells.has(key)) continue;
      cells.push({ row: r, col: 1, rowSpan: 1, colSpan: 1, text: label, style: 'label' });
      const cell = amountCell(r, 2, amount);
      cells.push(cell ?? { row: r, col: 2, rowSpan: 1, colSpan: 1, text: '', style: 'amount' });
      r += 1;
    }
    if (r > start) cells.push({ row: start, col: 0, rowSpan: r - start, colSpan: 1, text: OVERALL.budget, style: 'label', bold: true });
  }
  const indicators = indicatorsOf(node);
  if (indicators.length) {
    const fields = (['level1', 'level2', 'level3', 'value', 'description'] as const).filter((f) => f !== 'description' || indicators.some((i) => i.description));
    const start = r;
    fields.forEach((f, i) => cells.push({ row: r, col: 1 + i, rowSpan: 1, colSpan: 1, text: INDICATOR_LABELS[f], style: 'header' }));
    r += 1;
    for (const indicator of indicators) {
      fields.forEach((f, i) => { const cell = textCell(r, 1 + i, indicator[f]); if (cell) cells.push(cell); });
      r += 1;
    }
    cells.push({ row: start, col: 0, rowSpan: r - start, colSpan: 1, text: OVERALL.indicators, style: 'label', bold: true });
  }
  return { header: blank(), body: { rows: r, cells }, widths: [14, 16, 16, 24, 12, 30] };
}

