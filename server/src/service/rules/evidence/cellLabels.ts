import { t } from '../../i18n/l10n';
import { rowLabel } from '../../model/labels';
import type { Cell, Report } from '../../model/types';
import { columnTitle, tableKeyTitle, tableTitle } from '../../schema/schemaInfo';
import { cellKey } from './relationEvidence';

/**
 * What amount cells of a report are called in a message ("支出总表「2010501 行政运行」合计"), by
 * cell key: those of `wanted` (the figures findings move to), in one pass over the report.
 */
export function cellLabels(report: Report, wanted: ReadonlySet<number>): Map<number, string> {
  const labels = new Map<number, string>();
  if (wanted.size === 0) return labels;
  // The range of the wanted keys: most cells are outside it and rejected by two comparisons.
  let low = Infinity;
  let high = -Infinity;
  for (const key of wanted) {
    if (key < low) low = key;
    if (key > high) high = key;
  }
  /** Whether a record has a wanted cell (no allocation: the rows of a large table are many). */
  const wants = (cells: ReadonlyMap<string, Cell>): boolean => {
    for (const cell of cells.values()) {
      const key = cellKey(cell);
      if (key >= low && key <= high && wanted.has(key)) return true;
    }
    return false;
  };
  const add = (cells: ReadonlyMap<string, Cell>, prefix: () => string, single = false): void => {
    if (!wants(cells)) return;
    for (const [column, cell] of cells) {
      if (wanted.has(cellKey(cell))) labels.set(cellKey(cell), single && column === 'amount' ? prefix() : `${prefix()}${columnTitle(column)}`);
    }
  };
  for (const table of report.tables.values()) {
    const title = tableTitle(table.key);
    if (table.total) add(table.total.cells, () => `${title}「${t('total row')}」`);
    for (const row of table.rows) if (wants(row.cells)) add(row.cells, () => `${title}「${rowLabel(row)}」`);
    for (const [key, group] of table.groups) add(group.cells, () => `${title}「${tableKeyTitle(table.key, key)}」`);
    for (const entries of table.lists.values()) for (const entry of entries) add(entry.cells, () => `${title}「${entry.label.value.trim()}」`, true);
    for (const [key, cell] of table.scalars) if (wanted.has(cellKey(cell))) labels.set(cellKey(cell), `${title} ${columnTitle(key)}`);
  }
  return labels;
}
