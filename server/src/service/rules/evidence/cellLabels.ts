import { t } from '../../i18n/l10n';
import { rowLabel } from '../../model/labels';
import type { Cell, Report } from '../../model/types';
import { columnTitle, tableKeyTitle, tableTitle } from '../../schema/schemaInfo';
import { cellKey } from './relationEvidence';

/**
 * What each amount cell of a report is called in a message ("支出总表「2010501 行政运行」合计"),
 * by cell key. Built only when a finding moves to a cell other than the one its rule reported on.
 */
export function cellLabels(report: Report): Map<number, string> {
  const labels = new Map<number, string>();
  const add = (cells: ReadonlyMap<string, Cell>, prefix: string, single = false): void => {
    for (const [column, cell] of cells) labels.set(cellKey(cell), single && column === 'amount' ? prefix : `${prefix}${columnTitle(column)}`);
  };
  for (const table of report.tables.values()) {
    const title = tableTitle(table.key);
    if (table.total) add(table.total.cells, `${title}「${t('total row')}」`);
    for (const row of table.rows) add(row.cells, `${title}「${rowLabel(row)}」`);
    for (const [key, group] of table.groups) add(group.cells, `${title}「${tableKeyTitle(table.key, key)}」`);
    for (const entries of table.lists.values()) for (const entry of entries) add(entry.cells, `${title}「${entry.label.value.trim()}」`, true);
    for (const [key, cell] of table.scalars) labels.set(cellKey(cell), `${title} ${columnTitle(key)}`);
  }
  return labels;
}
