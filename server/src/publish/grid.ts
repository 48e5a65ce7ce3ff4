/**
 * A worksheet as the publication code sees it: the text of every cell as it is displayed,
 * independent of the Excel library. Reading a workbook (node/readWorkbook.ts) produces grids;
 * everything that interprets them is pure.
 */

export interface GridCell {
  /** Displayed text, trimmed; '' for an empty cell. For a cell inside a merged area, the text of the area. */
  readonly text: string;
  /** True when the cell holds a number (its text is then the number as displayed, without separators). */
  readonly numeric: boolean;
  /** For a number: its stored value as decimal text, whatever the format shows (codes stored as numbers). */
  readonly stored?: string;
  /** Address of the first cell of the merged area this cell is part of (undefined when not merged). */
  readonly mergedFrom?: string;
  /** A problem found while reading the cell (formula without a stored value, error value). */
  readonly problem?: string;
  /**
   * The text is as printed on paper (a PDF), not a workbook's display of a stored value: an
   * amount keeps its printed form, thousands separators included ("96,282,213.44").
   */
  readonly printed?: boolean;
}

export interface Grid {
  readonly name: string;
  /** Rows of cells, 0-based; all rows have the same length. */
  readonly rows: readonly (readonly GridCell[])[];
  /** Whether the sheet was hidden in the workbook. */
  readonly hidden?: boolean;
}

export const EMPTY_CELL: GridCell = { text: '', numeric: false };

export function cellAt(grid: Grid, row: number, col: number): GridCell {
  return grid.rows[row]?.[col] ?? EMPTY_CELL;
}

/** A1-style address of a 0-based row and column. */
export function address(row: number, col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return `${name}${row + 1}`;
}

/** The text of a code cell: a code stored as a number is read from its value, not its format (208, not 208.00). */
export function codeText(cell: GridCell): string {
  return cell.numeric && cell.stored !== undefined ? cell.stored : cell.text;
}

/** True when the cell is a merged cell other than the first of its area (its text repeats the first's). */
export function isMergeFollower(cell: GridCell, row: number, col: number): boolean {
  return cell.mergedFrom !== undefined && cell.mergedFrom !== address(row, col);
}

/** Builds a grid from plain texts (tests, and grids read from other sources). */
export function gridFromTexts(name: string, rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): Grid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    name,
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => {
      const v = r[i];
      if (v === null || v === undefined) return EMPTY_CELL;
      return typeof v === 'number' ? { text: String(v), numeric: true, stored: String(v) } : { text: v.trim(), numeric: false };
    })),
  };
}

/**
 * Texts are compared the way a reader compares them: full-width and half-width forms alike
 * (NFKC), no spaces or line breaks (cells wrap and seeds print "项 目", "科目编 码").
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
