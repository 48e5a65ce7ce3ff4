import emptyTablesData from '../../../../data/review/empty-tables.json';
import { getValue, isMap } from '../yaml/ast';
import type { AmountRecord, Table } from './types';

/** Tables whose rows carry data even without amounts (data/review/empty-tables.json `dataTables`). */
const DATA_TABLES: ReadonlySet<string> = new Set(emptyTablesData.dataTables);

function hasFigure(record: AmountRecord): boolean {
  for (const cell of record.cells.values()) if (!cell.amount.blank && !cell.amount.value.isZero()) return true;
  return false;
}

/**
 * Whether a published table carries data: a figure other than 0 anywhere in it, or — for the
 * tables whose lines are data without figures (project blocks, asset lines) — any such line.
 * A table printed with blank or 0.00 cells only has no data.
 */
export function tableHasData(table: Table): boolean {
  // Most tables with data show it in their first rows: no list of all records is built.
  if (table.total && hasFigure(table.total)) return true;
  for (const row of table.rows) if (hasFigure(row)) return true;
  for (const group of table.groups.values()) if (hasFigure(group)) return true;
  for (const list of table.lists.values()) for (const entry of list) if (hasFigure(entry)) return true;
  for (const cell of table.scalars.values()) if (!cell.amount.blank && !cell.amount.value.isZero()) return true;
  if (!DATA_TABLES.has(table.key)) return false;
  if (table.rows.some((row) => row.kind === 'item' || row.indicators.length > 0)) return true;
  const node = table.node;
  if (table.key === 'overall_performance' && isMap(node)) return ['goal', 'tasks', 'indicators'].some((k) => getValue(node, k));
  return false;
}
