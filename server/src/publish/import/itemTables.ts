import { t } from '../../service/i18n/l10n';
import { parseItemLabel } from '../../service/model/itemLabels';
import { AMOUNT_COLUMNS } from '../../service/model/tableDefs';
import type { TableKey } from '../../service/model/types';
import { address, cellAt, normalizeLabel } from '../grid';
import { amountOfCell } from '../cellText';
import { columnKeyOfPath, IMPORT } from '../vocabulary';
import { headerPaths, SheetParts } from './sheet';
import type { SheetContext } from './context';
import { flow, PlainMap, PlainValue, PrintedAmount } from './types';
import { noteValue, reportUnknownColumns, titleOf } from './common';

/**
 * 收支总表 and 财政拨款收支总表: two (or more) sides printed next to each other, each a list of
 * labelled lines; the lines 本年收入合计 / 上年结转 / 收入总计 (and their 支出 twins) are the
 * table's totals, the others its items.
 */

type ListKey = 'income' | 'expense' | 'expense_department_economic' | 'expense_government_economic';

interface Side {
  readonly list: ListKey;
  readonly labelCol: number;
  readonly amounts: Array<{ key: string; col: number }>;
}

const TOTALS = IMPORT.itemTotals as Record<string, string[]>;

function totalKind(label: string, side: 'income' | 'expense'): string | undefined {
  const bare = normalizeLabel(parseItemLabel(label).bare).replace(/[:：]$/, '');
  for (const [key, labels] of Object.entries(TOTALS)) {
    if (!key.startsWith(side)) continue;
    if (labels.some((l) => normalizeLabel(l) === bare)) return key;
  }
  return undefined;
}

export function importItemTable(parts: SheetParts, key: TableKey, ctx: SheetContext): { body: PlainMap; rows: number } {
  const { grid } = parts;
  const fiscal = key === 'fiscal_summary';
  const paths = headerPaths(parts);
  const sides: Side[] = [];
  const unknown: number[] = [];
  paths.forEach((path, col) => {
    const columnKey = columnKeyOfPath(path, 'items');
    const top = normalizeLabel(path[0] ?? '');
    const leaf = normalizeLabel(path[path.length - 1] ?? '');
    if (columnKey === 'label') {
      let list: ListKey = sides.length === 0 ? 'income' : 'expense';
      if (top.includes('支出') && !top.includes('收入')) list = 'expense';
      else if (top.includes('收入') && !top.includes('支出')) list = 'income';
      if (/部门预算支出经济分类|部门经济分类/.test(leaf)) list = 'expense_department_economic';
      else if (/政府预算支出经济分类|政府经济分类/.test(leaf)) list = 'expense_government_economic';
      sides.push({ list, labelCol: col, amounts: [] });
    } else if (columnKey && columnKey !== 'ignore' && (AMOUNT_COLUMNS.has(columnKey)) && sides.length > 0) {
      const side = sides[sides.length - 1];
      if (side.amounts.some((a) => a.key === columnKey)) unknown.push(col);
      else side.amounts.push({ key: columnKey, col });
    } else if (columnKey !== 'ignore') {
      unknown.push(col);
    }
  });
  reportUnknownColumns(parts, paths, unknown, ctx);

  const lists = new Map<ListKey, PlainMap[]>();
  const totals = new Map<string, PlainValue>();
  const functionExpense = sides.find((s) => s.list === 'expense');
  // The expense side prints one amount per column: by fund (财政拨款收支总表) or, in a 单位
  // 财务收支预算总表 (上海), by 合计 / 人员经费 / 公用经费 / 项目支出.
  const byColumn = fiscal || (functionExpense?.amounts.length ?? 0) > 1;
  const expenseKeys = new Set<string>();
  let rows = 0;
  let inIncomeCarryover = false;
  for (const row of parts.bodyRows) {
    for (const side of sides) {
      const label = cellAt(grid, row, side.labelCol).text;
      const amounts = new Map<string, string | null>();
      side.amounts.forEach((a, i) => {
        const cell = cellAt(grid, row, a.col);
        const amount = amountOfCell(cell);
        if (!amount.ok) { ctx.notAmount(address(row, a.col), cell.text); return; }
        const amountKey = side.list === 'expense' && byColumn ? (side.amounts.length === 1 ? 'total' : a.key) : (i === 0 ? 'amount' : a.key);
        if (amountKey !== 'amount' && side.list !== 'expense') {
          if (amount.text !== null) ctx.report(address(row, a.col), t('A second amount column of the list "{0}"; the cell is left out', label));
          return;
        }
        if (side.list === 'expense' && !byColumn && i > 0) {
          if (amount.text !== null) ctx.report(address(row, a.col), t('A second amount column of the list "{0}"; the cell is left out', label));
          return;
        }
        amounts.set(amountKey, amount.text);
      });
      const figures = [...amounts.values()].filter((v) => v !== null);
      if (!label) {
        if (figures.length) ctx.report(address(row, side.labelCol), t('Figures without a label; they are left out'));
        continue;
      }
      const direction = side.list === 'income' ? 'income' : 'expense';
      const total = totalKind(label, direction);
      if (total) {
        if (side.list === 'income') inIncomeCarryover = total === 'income_carryover';
        if (side.list !== 'income' && side !== functionExpense) continue;
        if (byColumn && direction === 'expense') {
          const group: PlainMap = {};
          for (const [k, v] of amounts) if (v !== null) { group[k] = new PrintedAmount(v); expenseKeys.add(k); }
          totals.set(total, flow(group));
        } else {
          const value = amounts.get('amount') ?? null;
          totals.set(total, value === null ? null : new PrintedAmount(value));
        }
        continue;
      }
      if (side.list === 'income' && inIncomeCarryover) {
        // Lines under 上年结转 break the carryover down by fund; the format keeps only its total.
        if (figures.length) ctx.report(address(row, side.labelCol), t('"{0}" breaks down 上年结转, which the format keeps as one figure; the line is left out', label));
        continue;
      }
      const entry: PlainMap = { item: label.replace(/\s*\n\s*/g, '') };
      for (const [k, v] of amounts) if (v !== null) { entry[k] = new PrintedAmount(v); if (side.list === 'expense') expenseKeys.add(k); }
      const list = lists.get(side.list) ?? [];
      list.push(flow(entry));
      lists.set(side.list, list);
      rows += 1;
    }
  }

  const body: PlainMap = {};
  const title = titleOf(parts);
  if (title) body.title = title;
  const note = noteValue(parts);
  if (note !== undefined) body.note = note;
  if (byColumn && functionExpense && functionExpense.amounts.length > 1) {
    const printed = functionExpense.amounts.map((a) => a.key);
    if (printed.some((k) => !expenseKeys.has(k))) body.columns = flow(printed);
  }
  const order = ['income', 'expense', 'expense_department_economic', 'expense_government_economic'] as const;
  for (const list of order) if (lists.has(list)) body[list] = lists.get(list)!;
  for (const key of ['income_current', 'income_carryover', 'income_total', 'expense_current', 'expense_carryover', 'expense_total']) {
    if (totals.has(key)) body[key] = totals.get(key)!;
  }
  if (sides.length === 0) ctx.report(address(parts.headerRows[0] ?? parts.firstRow, 0), t('No 项目 column found in the header; the table is left out'));
  return { body, rows };
}
