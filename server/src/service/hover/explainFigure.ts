import { columnValue, isPrinted } from '../model/columnValues';
import { rowTree } from '../model/hierarchy';
import { rowLabel } from '../model/labels';
import { COLUMN_RELATIONS } from '../model/tableDefs';
import { columnTitle, tableTitle } from '../schema/schemaInfo';
import { show } from '../amount/format';
import { roundHalfUp, ZERO } from '../amount/rounding';
import type { Dec } from '../amount/rounding';
import { resolveFigure } from '../figures/figurePaths';
import { CROSS_TABLE_RELATIONS } from '../relations/crossTable';
import type { Cell, Report, Row, Table } from '../model/types';
import type { CodeTables } from '../codes/codeTables';
import { t } from '../i18n/l10n';

/** One way a printed figure is computed from others: "= 基本支出 223.40 + 项目支出 305.80 = 529.20". */
export interface Explanation {
  readonly what: string;
  readonly value: string;
  readonly formula: string;
  readonly agrees: boolean;
}

function sumOf(table: Table, rows: readonly Row[], column: string): { value: Dec; decimals: number; terms: string[] } {
  let value: Dec = ZERO;
  let decimals = 0;
  const terms: string[] = [];
  for (const row of rows) {
    const figure = columnValue(table, row, column);
    if (!figure) continue;
    value = value.plus(figure.value);
    decimals = Math.max(decimals, figure.decimals);
    if (terms.length < 8) terms.push(`${rowLabel(row)} ${show(figure.value, figure.decimals)}`);
  }
  if (rows.length > 8) terms.push(t('… {0} rows in all', rows.length));
  return { value, decimals, terms };
}

/** What a cell of a row table adds up, and what it is compared with across tables. */
export function explainCell(report: Report, codes: CodeTables, table: Table, row: Row, column: string, cell: Cell): Explanation[] {
  const result: Explanation[] = [];
  const printed = cell.amount.value;
  const decimals = cell.amount.blank ? 2 : cell.amount.decimals;
  const add = (what: string, value: Dec, valueDecimals: number, formula: string) =>
    result.push({ what, value: show(value, Math.max(decimals, valueDecimals)), formula, agrees: roundHalfUp(value, decimals).eq(printed) });
  const tree = rowTree(table);
  if (row === table.total) {
    const top = tree.top.map((i) => table.rows[i]);
    const sum = sumOf(table, top, column);
    if (top.length) add(t('Sum of the rows'), sum.value, sum.decimals, sum.terms.join(' + '));
  } else if (row.index >= 0 && tree.children[row.index]?.length) {
    const children = tree.children[row.index].map((i) => table.rows[i]);
    const sum = sumOf(table, children, column);
    add(t('Sum of the rows under it'), sum.value, sum.decimals, sum.terms.join(' + '));
  }
  for (const relation of COLUMN_RELATIONS) {
    if (relation.whole !== column || relation.unless?.some((c) => isPrinted(table, c))) continue;
    const parts = relation.parts.filter((p) => isPrinted(table, p) || COLUMN_RELATIONS.some((r) => r.derive && r.whole === p && r.parts.some((q) => isPrinted(table, q))));
    if (!parts.length || !relation.requires.some((r) => parts.includes(r))) continue;
    let value: Dec = ZERO;
    let valueDecimals = 0;
    const terms: string[] = [];
    for (const part of parts) {
      const figure = columnValue(table, row, part);
      if (!figure) continue;
      value = value.plus(figure.value);
      valueDecimals = Math.max(valueDecimals, figure.decimals);
      terms.push(`${columnTitle(part)} ${show(figure.value, figure.decimals)}`);
    }
    add(relation.kind === 'includes' ? t('Includes') : `${columnTitle(column)} =`, value, valueDecimals, terms.join(' + '));
  }
  for (const relation of CROSS_TABLE_RELATIONS) {
    if (relation.op === 'by-class') continue;
    for (const [mine, other] of [[relation.left, relation.right], [relation.right, relation.left]] as const) {
      const here = resolveFigure(report, codes, mine);
      if (here.kind !== 'figure' || !here.figure.cells.includes(cell)) continue;
      const there = resolveFigure(report, codes, other);
      if (there.kind !== 'figure') continue;
      add(relation.title, there.figure.value, there.figure.decimals, `${tableTitle(there.figure.table.key)} ${show(there.figure.value, there.figure.decimals)}`);
    }
  }
  return result;
}
