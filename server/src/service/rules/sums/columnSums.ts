import { t } from '../../i18n/l10n';
import { columnValue, isUnreadable } from '../../model/columnValues';
import { rowTree } from '../../model/hierarchy';
import { rowLabel } from '../../model/labels';
import { columnTitle, tableTitle } from '../../schema/schemaInfo';
import type { Row, Table } from '../../model/types';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { checkSum, Term } from './sumCheck';
import { contextKey, memoizedWith } from '../memo';
import { labelUsesIndex } from './rowRelations';

function terms(table: Table, rows: readonly Row[], column: string): Term[] | undefined {
  const result: Term[] = [];
  for (const row of rows) {
    if (isUnreadable(table, row, column)) return undefined;
    const figure = columnValue(table, row, column);
    if (!figure) continue;
    // The label is only needed for a message: build it lazily.
    result.push({ get label() { return rowLabel(row); }, value: figure.value, decimals: figure.decimals, blank: figure.cells.every((c) => c.amount.blank), text: !figure.derived && figure.cells.length === 1 ? figure.cells[0].amount.text : undefined, cells: figure.cells });
  }
  return result;
}

function compare(context: RuleContext, run: RuleRun, table: Table, whole: Row, parts: readonly Row[], wholeLabel: string, relation: string): void {
  for (const column of table.columns) {
    const cell = whole.cells.get(column);
    const addends = terms(table, parts, column);
    if (!addends || isUnreadable(table, whole, column)) {
      run.couldNotCheck(t('{0} {1}: a cell is not an amount', wholeLabel, columnTitle(column)));
      continue;
    }
    if ((!cell || cell.amount.blank) && addends.every((a) => a.blank)) continue;
    checkSum(context, run, {
      wholeLabel: `${wholeLabel}${columnTitle(column)}`,
      whole: cell,
      span: whole.span,
      terms: addends,
      kind: 'sum',
      relation,
      termsLabel: t('{0} rows', addends.length),
      unit: table.unit,
    });
  }
}

/** Why a table with a code row nobody can place is not summed (the rows are named as printed). */
export function unplacedReason(table: Table, unplaced: readonly number[]): string {
  const codes = unplaced.slice(0, 3).map((i) => `“${table.rows[i].code?.value ?? ''}”`).join('、');
  return t('{0}: the code {1} cannot be read, so which subtotal its row belongs to is unknown', tableTitle(table.key), codes);
}

export const columnTotals: Rule = {
  id: 'sum/column',
  area: 'sum',
  severity: 'error',
  title: '合计行 = 各行之和（按列）',
  companions: ['sum/rounding'],
  run(context, run) {
    for (const table of context.report.tables.values()) {
      if (table.def.shape !== 'rows' || !table.total || table.rows.length === 0) continue;
      if (table.incomplete) {
        run.couldNotCheck(t('{0} is marked incomplete', tableTitle(table.key)));
        continue;
      }
      const tree = rowTree(table);
      if (tree.unplaced.length > 0) {
        run.couldNotCheck(unplacedReason(table, tree.unplaced));
        continue;
      }
      // The 合计 row's result depends on it and the top rows (not on the rows under them): an
      // edit below a subtotal replays it.
      const total = table.total;
      const top = tree.top;
      let positions = '';
      for (const i of top) if (labelUsesIndex(table.rows[i])) positions += `|${i}`;
      const key = `sum/column|${table.key}|${table.unit}|${[...table.columns].sort().join(',')}|${contextKey(context)}${positions}`;
      const dependencyAt = (k: number): object => (k === 0 ? total.node : table.rows[top[k - 1]].node);
      memoizedWith(run, total.node, key, top.length + 1, dependencyAt, (r) => compare(context, r, table, total, top.map((i) => table.rows[i]), `${tableTitle(table.key)}「${t('total row')}」`, 'total=Σrows'));
    }
  },
};

export const hierarchyTotals: Rule = {
  id: 'sum/hierarchy',
  area: 'sum',
  severity: 'error',
  title: '小计 = 下级之和：类 = Σ款 = Σ项，301 = Σ301xx，单位小计 = 其下各行之和',
  companions: ['sum/rounding'],
  run(context, run) {
    for (const table of context.report.tables.values()) {
      if (table.def.shape !== 'rows' || table.rows.length === 0) continue;
      const tree = rowTree(table);
      const hasContainers = tree.children.some((c) => c.length > 0);
      if (!hasContainers) continue;
      if (tree.unplaced.length > 0) {
        run.couldNotCheck(unplacedReason(table, tree.unplaced));
        continue;
      }
      if (table.incomplete) {
        run.couldNotCheck(t('{0} is marked incomplete', tableTitle(table.key)));
        continue;
      }
      const key = `sum/hierarchy|${table.key}|${table.unit}|${[...table.columns].sort().join(',')}|${contextKey(context)}`;
      const title = tableTitle(table.key);
      for (let index = 0; index < table.rows.length; index++) {
        const below = tree.children[index];
        if (below.length === 0) continue;
        const row = table.rows[index];
        // A subtotal's result depends on its own row and exactly which rows are under it (and
        // on their positions where a row is named by its number).
        let positions = labelUsesIndex(row) ? `|@${row.index}` : '';
        for (const i of below) if (labelUsesIndex(table.rows[i])) positions += `|${i}`;
        const dependencyAt = (k: number): object => (k === 0 ? row.node : table.rows[below[k - 1]].node);
        memoizedWith(run, row.node, key + positions, below.length + 1, dependencyAt, (r) => compare(context, r, table, row, below.map((i) => table.rows[i]), `${title}「${rowLabel(row)}」`, 'subtotal=Σchildren'));
      }
    }
  },
};
