import { address, EMPTY_CELL, Grid, GridCell, normalizeLabel } from '../grid';
import type { FrameContent } from './frameText';
import { chunksOf, Line } from './lines';

/**
 * A printed table rebuilt as a Grid, the shape the Excel import reads: its title and 编制部门 /
 * 单位 lines as rows above the header, the rows of its frame (merged areas as merged cells, their
 * text in every cell they cover, as Excel shows them), the rows of the frames that continue it on
 * the next pages (a repeated header left out), and the notes under it. Every cell keeps the page
 * and position it was printed at, so that what the recogniser reports names a place on paper.
 */

export interface Place {
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

export interface PdfTable {
  /** The title line(s), when printed. */
  readonly title: readonly Line[];
  /** Lines between title and frame (编制部门, 单位). */
  readonly meta: readonly Line[];
  /** The frame and the frames continuing it on the following pages. */
  readonly parts: readonly FrameContent[];
  /** Lines under the last frame (注：…). */
  readonly notes: readonly Line[];
}

export interface TableGrid {
  readonly grid: Grid;
  /** Where each non-empty cell (A1 address) was printed. */
  readonly places: ReadonlyMap<string, Place>;
  /** Page of each grid row. */
  readonly rowPages: readonly number[];
  readonly pages: readonly number[];
}

function placeOf(line: Line): Place {
  return { page: line.page, x: line.x, y: line.top };
}

/** Texts of the areas that start in a row, left to right: how a header row reads. */
function rowSignature(part: FrameContent, row: number): string {
  return part.frame.areas
    .map((area, i) => ({ area, text: normalizeLabel(part.texts[i]) }))
    .filter(({ area, text }) => area.row === row && text !== '')
    .map(({ text }) => text)
    .join('|');
}

/** Columns of a continuing frame → columns of the first: by position when the counts differ. */
function columnMap(first: FrameContent, next: FrameContent): number[] {
  const a = first.frame.xs;
  const b = next.frame.xs;
  if (a.length === b.length) return b.slice(0, -1).map((_, i) => i);
  const relative = (xs: readonly number[], i: number): number => ((xs[i] + xs[i + 1]) / 2 - xs[0]) / (xs[xs.length - 1] - xs[0]);
  return b.slice(0, -1).map((_, j) => {
    const target = relative(b, j);
    let best = 0;
    for (let i = 1; i < a.length - 1; i++) if (Math.abs(relative(a, i) - target) < Math.abs(relative(a, best) - target)) best = i;
    return best;
  });
}

export function tableGrid(table: PdfTable, name: string): TableGrid {
  const first = table.parts[0];
  const width = first.frame.xs.length - 1;
  const rows: GridCell[][] = [];
  const rowPages: number[] = [];
  const places = new Map<string, Place>();
  const newRow = (page: number): GridCell[] => {
    const row = new Array<GridCell>(width).fill(EMPTY_CELL);
    rows.push(row);
    rowPages.push(page);
    return row;
  };
  const putText = (row: GridCell[], col: number, text: string, place: Place): void => {
    const r = rows.indexOf(row);
    row[col] = { text: row[col].text ? `${row[col].text} ${text}` : text, numeric: false, printed: true };
    if (!places.has(address(r, col))) places.set(address(r, col), place);
  };

  if (table.title.length) {
    const row = newRow(table.title[0].page);
    putText(row, 0, table.title.map((l) => l.text.trim()).join(''), placeOf(table.title[0]));
  }
  for (const line of table.meta) {
    const row = newRow(line.page);
    const chunks = chunksOf(line, 2);
    chunks.forEach((chunk, i) => {
      let col = i === 0 ? 0 : i === chunks.length - 1 ? width - 1 : 0;
      if (i > 0 && i < chunks.length - 1) {
        const center = (chunk.x + chunk.right) / 2;
        col = Math.max(0, first.frame.xs.findIndex((x, k) => k < width && center >= x && center <= first.frame.xs[k + 1]));
      }
      putText(row, col, chunk.text.trim(), placeOf(chunk));
    });
  }

  const headerSignatures = new Set<string>();
  for (let r = 0; r < Math.min(6, first.frame.ys.length - 1); r++) {
    const signature = rowSignature(first, r);
    if (signature) headerSignatures.add(signature);
  }
  table.parts.forEach((part, index) => {
    const map = index === 0 ? first.frame.xs.slice(0, -1).map((_, i) => i) : columnMap(first, part);
    const partRows = part.frame.ys.length - 1;
    let start = 0;
    if (index > 0) {
      // A continuation repeats the header: its leading rows that read like header rows of the first frame.
      while (start < partRows && headerSignatures.has(rowSignature(part, start))) start++;
    }
    const gridRowOf = new Map<number, number>();
    for (let r = start; r < partRows; r++) {
      newRow(part.page);
      gridRowOf.set(r, rows.length - 1);
    }
    part.frame.areas.forEach((area, i) => {
      const text = part.texts[i];
      const top = Math.max(area.row, start);
      if (area.row + area.rows - 1 < start) return;
      const firstRow = gridRowOf.get(top)!;
      const firstCol = map[area.col];
      const lastCol = map[area.col + area.cols - 1];
      const merged = area.rows > 1 || lastCol > firstCol;
      const from = address(firstRow, firstCol);
      if (text) places.set(from, { page: part.page, x: part.frame.xs[area.col], y: part.frame.ys[area.row] });
      for (let r = top; r < area.row + area.rows; r++) {
        const gridRow = gridRowOf.get(r);
        if (gridRow === undefined) continue;
        for (let c = firstCol; c <= lastCol; c++) {
          const previous = rows[gridRow][c];
          // Two areas of a continuation mapped onto one column: their texts are kept side by side.
          const cellText = previous.text && previous.mergedFrom !== from && c === firstCol ? `${previous.text} ${text}` : text;
          rows[gridRow][c] = text || previous.text ? { text: cellText, numeric: false, printed: true, ...(merged ? { mergedFrom: from } : {}) } : EMPTY_CELL;
        }
      }
    });
  });

  let noteRow: GridCell[] | undefined;
  for (const line of table.notes) {
    const text = line.text.trim();
    if (noteRow && !/^(注|备注|说明)/.test(text)) {
      // A note wrapped onto the next line continues its row.
      noteRow[0] = { text: noteRow[0].text + text, numeric: false, printed: true };
      continue;
    }
    noteRow = newRow(line.page);
    putText(noteRow, 0, text, placeOf(line));
  }
  const pages = [...new Set(rowPages)];
  return { grid: { name, rows }, places, rowPages, pages };
}
