import { t } from '../../i18n/l10n';
import { cannotRead } from '../../model/columnValues';
import { scalarUnreadable } from '../../figures/figurePaths';
import { listTree } from '../../model/itemLists';
import { parseItemLabel } from '../../model/itemLabels';
import { columnTitle, tableTitle } from '../../schema/schemaInfo';
import type { Cell, ItemEntry, Table } from '../../model/types';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { cellTerm, checkSum, Term } from './sumCheck';

const TOTALS: ReadonlyArray<{ list: string; current: string; carryover: string; total: string }> = [
  { list: 'income', current: 'income_current', carryover: 'income_carryover', total: 'income_total' },
  { list: 'expense', current: 'expense_current', carryover: 'expense_carryover', total: 'expense_total' },
];

/** The amount of a list entry or group in a column ('amount' for single-amount lists). */
function cellOf(cells: ReadonlyMap<string, Cell> | undefined, column: string): Cell | undefined {
  return cells?.get(column);
}

function entryTerm(entry: ItemEntry, column: string): Term {
  return cellTerm(entry.label.value.trim(), cellOf(entry.cells, column));
}

function columnsOf(entries: readonly ItemEntry[]): string[] {
  const columns = new Set<string>();
  for (const entry of entries) for (const key of entry.cells.keys()) columns.add(key);
  return [...columns];
}

function checkList(context: RuleContext, run: RuleRun, table: Table, listKey: string, entries: readonly ItemEntry[]): void {
  const tree = listTree(entries);
  const title = tableTitle(table.key);
  for (const column of columnsOf(entries)) {
    entries.forEach((entry, index) => {
      const children = tree.children[index];
      if (children.length === 0) return;
      if (children.some((c) => cannotRead(entries[c], column)) || cannotRead(entry, column)) {
        run.couldNotCheck(t('{0}: a cell is not an amount', entry.label.value));
        return;
      }
      const terms = children.map((c) => entryTerm(entries[c], column));
      const whole = cellOf(entry.cells, column);
      if ((!whole || whole.amount.blank) && terms.every((x) => x.blank)) return;
      checkSum(context, run, {
        wholeLabel: `${title}「${entry.label.value.trim()}」`,
        whole,
        span: entry.span,
        terms,
        kind: tree.exhaustive[index] ? 'sum' : 'includes',
        relation: `${listKey}:children`,
        unit: table.unit,
      });
    });
  }
  void listKey;
}

/** The current-year total of a list side: a scalar (收支总表) or a column of an amount group (财政拨款收支总表). */
function sideTotal(table: Table, key: string, column: string): Cell | undefined | null {
  if (table.scalars.has(key)) return column === 'amount' || column === 'total' ? table.scalars.get(key) : null;
  const group = table.groups.get(key);
  if (group) return group.cells.get(column === 'amount' ? 'total' : column);
  return null;
}

function checkSides(context: RuleContext, run: RuleRun, table: Table): void {
  const title = tableTitle(table.key);
  for (const side of TOTALS) {
    const entries = table.lists.get(side.list);
    const tree = entries ? listTree(entries) : undefined;
    const columns = entries && entries.length ? columnsOf(entries) : [];
    for (const column of columns.length ? columns : ['amount']) {
      // A figure that is not an amount makes every sum it is in unknown: that sum is not checked.
      const unreadable = (keys: readonly string[], items: boolean): boolean => {
        const which = keys.find((key) => sideUnreadable(table, key, column)) ?? (items && entries?.some((entry) => cannotRead(entry, column)) ? side.list : undefined);
        if (which) run.couldNotCheck(t('{0}: a cell is not an amount', `${title} ${columnTitle(which)}`));
        return !!which;
      };
      const current = sideTotal(table, side.current, column);
      if (entries && current !== null && !table.incomplete && !unreadable([side.current], true)) {
        const top = entries.filter((_, i) => tree!.parent[i] < 0);
        const terms = top.map((entry) => entryTerm(entry, column));
        if (!(current === undefined || current.amount.blank) || terms.some((x) => !x.blank)) {
          checkSum(context, run, { wholeLabel: `${title} ${columnTitle(side.current)}`, whole: current, span: current?.span ?? entries[0]?.span ?? table.keySpan, terms, kind: 'sum', relation: `${side.current}=Σ${side.list}`, unit: table.unit });
        }
      }
      const total = sideTotal(table, side.total, column);
      const carryover = sideTotal(table, side.carryover, column);
      if (entries && current === null && total && !total.amount.blank && !table.incomplete && !unreadable([side.total, side.carryover], true)) {
        // No 本年合计 line (上海's 财务收支预算总表 prints only 总计): the total adds up the items.
        const top = entries.filter((_, i) => tree!.parent[i] < 0);
        const terms = [...top.map((entry) => entryTerm(entry, column)), ...(carryover ? [cellTerm(columnTitle(side.carryover), carryover)] : [])];
        checkSum(context, run, { wholeLabel: `${title} ${columnTitle(side.total)}`, whole: total, span: total.span, terms, kind: 'sum', relation: `${side.total}=Σ${side.list}+${side.carryover}`, unit: table.unit });
      }
      if (total !== null && current !== null && (total || current) && !unreadable([side.total, side.current, side.carryover], false)) {
        const terms = [cellTerm(columnTitle(side.current), current ?? undefined), cellTerm(columnTitle(side.carryover), carryover ?? undefined)];
        if ((total && !total.amount.blank) || terms.some((x) => !x.blank)) {
          checkSum(context, run, { wholeLabel: `${title} ${columnTitle(side.total)}`, whole: total ?? undefined, span: total?.span ?? table.keySpan, terms, kind: 'sum', relation: `${side.total}=${side.current}+${side.carryover}`, unit: table.unit });
        }
      }
    }
  }
}

/** Whether a side total is written but is not an amount (unknown, never blank). */
function sideUnreadable(table: Table, key: string, column: string): boolean {
  const group = table.groups.get(key);
  return group ? cannotRead(group, column === 'amount' ? 'total' : column) : scalarUnreadable(table, key);
}

/** The 国有资产 table is an item list in disguise: 资产总额 = 1、房屋 + 2、车辆 + …, 其中 parts within. */
function assetEntries(table: Table): ItemEntry[] {
  return table.rows.filter((row) => row.item).map((row, index) => {
    const parsed = parseItemLabel(row.item!.value);
    return { index, span: row.span, label: row.item!, bareLabel: parsed.bare, ordinalLevel: parsed.ordinalLevel, isOfWhich: parsed.isOfWhich, cells: row.cells, unreadable: row.unreadable };
  });
}

export const itemListTotals: Rule = {
  id: 'sum/items',
  area: 'sum',
  severity: 'error',
  title: '收支总表、财政拨款收支总表：本年收入（支出）合计 = 各项之和，总计 = 本年合计 + 结转，分项 = 其细项之和',
  companions: ['sum/rounding'],
  run(context, run) {
    for (const table of context.report.tables.values()) {
      if (table.key === 'assets' && !table.incomplete) checkList(context, run, table, 'rows', assetEntries(table).map((e) => ({ ...e, cells: new Map([...e.cells].filter(([k]) => k === 'value')) })));
      if (table.def.shape !== 'items') continue;
      for (const [key, entries] of table.lists) checkList(context, run, table, key, entries);
      checkSides(context, run, table);
    }
  },
};
