import { service } from './helpers';
import type { Cell } from '../src/service/model/types';
import type { MoneyUnit } from '../src/service/amount/units';

/** Every printed amount of a sample's tables (tables marked incomplete excluded: they cannot be checked). */
export function amountCells(text: string): Array<{ table: string; cell: Cell; unit: MoneyUnit }> {
  const parsed = service().parse(text);
  const cells: Array<{ table: string; cell: Cell; unit: MoneyUnit }> = [];
  for (const table of parsed.report.tables.values()) {
    if (table.incomplete) continue;
    const records = [...(table.total ? [table.total] : []), ...table.rows, ...table.groups.values(), ...[...table.lists.values()].flat()];
    for (const record of records) for (const cell of record.cells.values()) if (!cell.amount.blank && cell.span.end > cell.span.start) cells.push({ table: table.key, cell, unit: table.unit });
    for (const cell of table.scalars.values()) if (!cell.amount.blank && cell.span.end > cell.span.start) cells.push({ table: table.key, cell, unit: table.unit });
  }
  return cells.sort((a, b) => a.cell.span.start - b.cell.span.start);
}
