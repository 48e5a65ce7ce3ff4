import tablesData from '../../../../data/tables.json';
import columnsData from '../../../../data/columns.json';
import type { TableDef, TableKey } from './types';

export const TABLE_DEFS: ReadonlyMap<TableKey, TableDef> = new Map(
  Object.entries(tablesData.tables).map(([key, def]) => [key as TableKey, { key: key as TableKey, ...(def as Omit<TableDef, 'key'>) }]),
);

export const TABLE_KEYS: readonly TableKey[] = [...TABLE_DEFS.keys()];

export function isTableKey(key: string): key is TableKey {
  return TABLE_DEFS.has(key as TableKey);
}

export const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(columnsData.columns);

export interface ColumnRelation {
  readonly id: string;
  readonly whole: string;
  readonly parts: readonly string[];
  readonly requires: readonly string[];
  readonly unless?: readonly string[];
  readonly kind?: 'sum' | 'includes';
  readonly derive?: boolean;
}

export const COLUMN_RELATIONS: readonly ColumnRelation[] = columnsData.relations as ColumnRelation[];

export const ITEM_LISTS = tablesData.itemLists as Record<string, { lists: string[]; scalars: string[]; groups?: string[] }>;
