import { t } from '../i18n/l10n';
import { columnTitle, tableTitle } from '../schema/schemaInfo';
import type { ItemEntry, Row, Table } from './types';

/** How a row is named in messages: its code and name, unit, group or item. */
export function rowLabel(row: Row): string {
  if (row.index < 0) return t('total row');
  const parts: string[] = [];
  if (row.code) parts.push(row.code.digits);
  if (row.unit && row.kind === 'unit') parts.push(row.unit.digits);
  const name = row.name?.value ?? row.group?.value ?? row.item?.value;
  if (name) parts.push(name.length > 24 ? name.slice(0, 24) + '…' : name);
  return parts.length ? parts.join(' ') : t('row {0}', row.index + 1);
}

export function cellLabel(table: Table, row: Row, column: string): string {
  return `${tableTitle(table.key)}「${rowLabel(row)}」${columnTitle(column)}`;
}

export function entryLabel(entry: ItemEntry): string {
  return entry.label.value.trim();
}
