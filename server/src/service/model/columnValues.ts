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

/**
 * In a record's `unreadable`: a key the format does not know holds an amount (`合计: 180.00`),
 * so any column the record does not write may be that one — each is unknown.
 */
export const UNKNOWN_COLUMN = '?';

/** Whether a record's own cell in `column` is written but cannot be read (or may be under an unknown key). */
export function cannotRead(record: AmountRecord, column: string): boolean {
  return record.unreadable.has(column) || (record.unreadable.has(UNKNOWN_COLUMN) && !record.cells.has(column));
}

export function isPrinted(table: Table, column: string): boolean {
  return table.columns.has(column);
}

/** A column is available when printed, or derivable from printed parts (人员经费 from 工资福利 + 对个人和家庭). */
export function isAvailable(table: Table, column: string): boolean {
  if (isPrinted(table, column)) return true;
  return DERIVATIONS.some((r) => r.whole === column && r.parts.some((p) => isPrinted(table, p)));
}

/**
 * Whether the value of `column` in `row` cannot be read: its cell is not an amount, or it is
 * derived from parts one of which is not (人员经费 from 工资福利 “300.00万” + 对个人和家庭的补助).
 * Such a value is unknown — never 0, never the sum of the parts that can be read.
 */
export function isUnreadable(table: Table, row: AmountRecord, column: string, depth = 0): boolean {
  if (cannotRead(row, column)) return true;
  if (row.cells.has(column) || isPrinted(table, column) || depth > 3) return false;
  const relation = DERIVATIONS.find((r) => r.whole === column && r.parts.some((p) => isAvailable(table, p)));
  return !!relation && relation.parts.some((part) => isUnreadable(table, row, part, depth + 1));
}

/**
 * The value of `column` in `row`: the printed cell, 0 for a blank cell of a printed column,
 * the sum of printed parts for a derivable whole; undefined when the table has no such column
 * or the value cannot be read (isUnreadable tells these apart).
 */
export function columnValue(table: Table, row: AmountRecord, column: string, depth = 0): Figure | undefined {
  const cell = row.cells.get(column);
  if (cell) return { value: cell.amount.value, decimals: cell.amount.decimals, unit: table.unit, cells: [cell], derived: false };
  if (cannotRead(row, column)) return undefined;
  if (isPrinted(table, column)) return { value: ZERO, decimals: 0, unit: table.unit, cells: [], derived: false };
  if (depth > 3) return undefined;
  for (const relation of DERIVATIONS) {
    if (relation.whole !== column || !relation.parts.some((p) => isAvailable(table, p))) continue;
    let value: Dec = ZERO;
    let decimals = 0;
    const cells: Cell[] = [];
    for (const part of relation.parts) {
      const figure = columnValue(table, row, part, depth + 1);
      if (!figure) {
        if (isUnreadable(table, row, part, depth + 1)) return undefined;
        continue;
      }
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
