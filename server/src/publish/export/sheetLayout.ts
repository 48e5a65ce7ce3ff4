import type { MoneyUnit } from '../../service/amount/units';
import type { TableKey } from '../../service/model/types';
import { formatFixed } from '../../service/amount/rounding';
import { withThousands } from '../../service/amount/format';
import type { Amount } from '../../service/amount/amount';

/**
 * A published table laid out as a grid of cells with merges — the one layout both the Excel
 * export and the HTML publication print.
 */

export type CellStyle = 'header' | 'text' | 'code' | 'amount' | 'number' | 'label';

export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
  readonly style: CellStyle;
  /** For amounts: the value as decimal text (no separators) and the decimals to print. */
  readonly value?: string;
  readonly decimals?: number;
  readonly indent?: number;
  readonly bold?: boolean;
}

export interface CellBlock {
  readonly rows: number;
  readonly cells: readonly PlacedCell[];
}

export interface SheetLayout {
  readonly key: TableKey;
  readonly sheetName: string;
  readonly title: string;
  /** True when the report gives no title and the standard one is printed. */
  readonly standardTitle: boolean;
  /** The 部门名称 / 单位名称 line. */
  readonly department?: string;
  readonly unit?: MoneyUnit;
  /** Lines under the 单位 line (截止时间 …). */
  readonly metaLines: readonly string[];
  readonly columns: number;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  readonly header: CellBlock;
  readonly body: CellBlock;
  readonly notes: readonly string[];
  /** True when the notes are the 空表 note the export adds to a table without data and without a note. */
  readonly generatedNote: boolean;
  /** True when the table prints no figure and no row. */
  readonly empty: boolean;
  readonly incomplete: boolean;
  /** Wide tables are printed on landscape pages. */
  readonly landscape: boolean;
}

/** Header cells from the header path of each column: groups merged across, leaves down to the last header row. */
export function headerBlock(paths: readonly (readonly string[])[]): CellBlock {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const cells: PlacedCell[] = [];
  for (let level = 0; level < depth; level++) {
    let col = 0;
    while (col < paths.length) {
      const path = paths[col];
      if (path.length <= level) { col += 1; continue; }
      const leaf = level === path.length - 1;
      let end = col;
      if (!leaf) {
        while (end + 1 < paths.length) {
          const next = paths[end + 1];
          if (next.length <= level + 1 || next.slice(0, level + 1).join('\u0000') !== path.slice(0, level + 1).join('\u0000')) break;
          end += 1;
        }
      }
      cells.push({ row: level, col, rowSpan: leaf ? depth - level : 1, colSpan: end - col + 1, text: path[level], style: 'header' });
      col = end + 1;
    }
  }
  return { rows: depth, cells };
}

/** Decimals an amount is printed with: two, or more when written with more. */
export function printDecimals(amount: Amount): number {
  return Math.max(2, amount.decimals);
}

export function amountCell(row: number, col: number, amount: Amount | undefined, extra: Partial<PlacedCell> = {}): PlacedCell | undefined {
  if (!amount || amount.blank) return undefined;
  const decimals = printDecimals(amount);
  return { row, col, rowSpan: 1, colSpan: 1, style: 'amount', value: amount.value.toFixed(amount.decimals), decimals, text: withThousands(formatFixed(amount.value, decimals)), ...extra };
}

export function textCell(row: number, col: number, text: string | undefined, style: CellStyle = 'text', extra: Partial<PlacedCell> = {}): PlacedCell | undefined {
  if (text === undefined || text === '') return undefined;
  return { row, col, rowSpan: 1, colSpan: 1, text, style, ...extra };
}

export function compact(cells: ReadonlyArray<PlacedCell | undefined>): PlacedCell[] {
  return cells.filter((c): c is PlacedCell => c !== undefined);
}
