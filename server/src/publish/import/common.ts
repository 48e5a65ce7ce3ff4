import { t } from '../../service/i18n/l10n';
import { address, cellAt } from '../grid';
import type { SheetParts } from './sheet';
import type { SheetContext } from './context';
import { BlockText } from './types';

/** The printed title of the table. */
export function titleOf(parts: SheetParts): string | undefined {
  return parts.title?.text.replace(/\s*\n\s*/g, '');
}

/** The notes under the table: one line as a plain string, several as a literal block. */
export function noteValue(parts: SheetParts): string | BlockText | undefined {
  const lines = parts.notes.map((n) => n.text.trim()).filter((s) => s.length > 0);
  if (lines.length === 0) return undefined;
  const text = lines.join('\n');
  return lines.length === 1 && !text.includes('\n') ? text : new BlockText(text + '\n');
}

/** Columns whose header is not understood: named with their cells, never dropped silently. */
export function reportUnknownColumns(parts: SheetParts, paths: readonly string[][], cols: readonly number[], ctx: SheetContext): void {
  for (const col of cols) {
    const filled = parts.bodyRows.filter((row) => cellAt(parts.grid, row, col).text !== '');
    const header = paths[col].join(' / ');
    if (!header && filled.length === 0) continue;
    const headerRow = parts.headerRows[parts.headerRows.length - 1] ?? parts.firstRow;
    if (!header) {
      ctx.report(`${address(filled[0], col)}:${address(filled[filled.length - 1], col)}`, t('A column without a header holds {0} cells; they are left out', filled.length));
    } else {
      const range = filled.length ? `${address(headerRow, col)}:${address(filled[filled.length - 1], col)}` : address(headerRow, col);
      ctx.report(range, t('Column "{0}" is not a column of this table; its {1} cells are left out', header, filled.length));
    }
  }
}
