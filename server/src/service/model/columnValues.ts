import { ZERO } from '../amount/rounding';
import type { Dec } from '../amount/rounding';
import { convert, MoneyUnit } from '../amount/units';
import { COLUMN_RELATIONS } from './tableDefs';
import type { AmountRecord, Cell, Table } from './types';

/** A value read from a table, with what it was computed from. */
export interface Figure {
  readonly value: Dec;
  /** Decimals of the printed figure(s) it comes from. */
  readonly decimals: number;
  readonly unit: MoneyUnit;
  /** The printed cells behind the value (one for a printed cell, several for a derived whole). */
  readonly cells: readonly Cell[];
  /** True when the value is the sum of printed parts rather than a printed cell. */
  readonly derived: boolean;
}

const DERIVATIONS = COLUMN_RELATIONS.filter((r) => r.derive);

export function isPrinted(table: Table, column: string): boolean {
  return table.columns.has(column);
}

/** A column is available when printed, or derivable from printed parts (人员经费 from 工资福利 + 对个人和家庭). */
export function isAvailable(table: Table, column: string): boolean {
  if (isPrinted(table, column)) return true;
  return DERIVATIONS.some((r) => r.whole === column && r.parts.some((p) => isPrinted(table, p)));
}

/**
 * The value of `column` in `row`: the printed cell, 0 for a blank cell of a printed column,
 * the sum of printed parts for a derivable whole, undefined when the table has no such column.
 */
export function columnValue(table: Table, row: AmountRecord, column: string, depth = 0): Figure | undefined {
  const cell = row.cells.get(column);
  if (cell) return { value: cell.amount.value, decimals: cell.amount.decimals, unit: table.unit, cells: [cell], derived: false };
  if (row.unreadable.has(column)) return undefined;
  if (isPrinted(table, column)) return { value: ZERO, decimals: 0, unit: table.unit, cells: [], derived: false };
  if (depth > 3) return undefined;
  for (const relation of DERIVATIONS) {
    if (relation.whole !== column || !relation.parts.some((p) => isAvailable(table, p))) continue;
    let value: Dec = ZERO;
    let decimals = 0;
    const cells: Cell[] = [];
    for (const part of relation.parts) {
      const figure = columnValue(table, row, part, depth + 1);
      if (!figure) continue;
      value = value.plus(figure.value);
      decimals = Math.max(decimals, figure.decimals);
      cells.push(...figure.cells);
    }
    return { value, decimals, unit: table.unit, cells, derived: true };
  }
  return undefined;
}

export function inUnit(figure: Figure, unit: MoneyUnit): Figure {
  if (figure.unit === unit) return figure;
  return { ...figure, value: convert(figure.value, figure.unit, unit), unit, decimals: figure.unit === '元' && unit === '万元' ? figure.decimals + 4 : Math.max(0, figure.decimals - 4) };
}
