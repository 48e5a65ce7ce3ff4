import { address, EMPTY_CELL, GridCell, normalizeLabel } from '../grid';
import { chunksOf, Line } from './lines';
import type { Place, TableGrid } from './tableGrid';

/**
 * Tables printed without ruling lines (or with horizontal rules only), rebuilt from the text
 * positions alone: the columns are the bands the cells of the data rows occupy (a cell is a
 * piece of a line set apart by at least one em); the header lines above the first data row are
 * put in those columns — a header printed over several columns (centred over them, like 支出预算
 * over 合计/基本支出/项目支出) spans the columns it is centred on; a line with no figure right
 * under a data row and inside its name column is the rest of a wrapped name.
 */

export interface TextTable {
  readonly title: readonly Line[];
  readonly meta: readonly Line[];
  /** Header and body lines, in order (over one or more pages). */
  readonly lines: readonly Line[];
  readonly notes: readonly Line[];
}

interface Band {
  x1: number;
  x2: number;
}

/** Gap between two cells of a row, in ems. */
const CELL_GAP = 1;
const AMOUNT = /^[-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$/;

export function cellsOf(line: Line): Line[] {
  return chunksOf(line, CELL_GAP);
}

/** A row of figures: one of its cells (not the first) is an amount. */
export function isDataLine(line: Line): boolean {
  const cells = cellsOf(line);
  return cells.length >= 2 && cells.slice(1).some((c) => AMOUNT.test(c.text.trim()));
}

function bandsOf(lines: readonly Line[]): Band[] {
  const intervals = lines.flatMap((l) => cellsOf(l).map((c) => ({ x1: c.x, x2: c.right }))).sort((a, b) => a.x1 - b.x1);
  const bands: Band[] = [];
  for (const interval of intervals) {
    const last = bands[bands.length - 1];
    if (last && interval.x1 <= last.x2 + 1) last.x2 = Math.max(last.x2, interval.x2);
    else bands.push({ ...interval });
  }
  return bands;
}

function overlap(a: Band, x1: number, x2: number): number {
  return Math.max(0, Math.min(a.x2, x2) - Math.max(a.x1, x1));
}

/** The band a cell falls in: most overlap, else the nearest. */
function bandOf(bands: readonly Band[], cell: Line): number {
  let best = 0;
  let bestScore = -Infinity;
  bands.forEach((band, i) => {
    const score = overlap(band, cell.x, cell.right) || -Math.min(Math.abs(band.x1 - cell.right), Math.abs(cell.x - band.x2));
    if (score > bestScore) { best = i; bestScore = score; }
  });
  return best;
}

/**
 * The columns a header cell spans: the run of columns, containing the cell, whose middle is
 * closest to the cell's middle (the widest of equally close runs), not reaching the columns of
 * the neighbouring cells of the same line.
 */
function spanOf(bands: readonly Band[], cell: Line, left: number, right: number): [number, number] {
  const home = bandOf(bands, cell);
  const center = (cell.x + cell.right) / 2;
  let best: [number, number] = [home, home];
  let bestDistance = Infinity;
  for (let a = Math.max(left, 0); a <= home; a++) {
    for (let b = home; b <= Math.min(right, bands.length - 1); b++) {
      const distance = Math.abs((bands[a].x1 + bands[b].x2) / 2 - center);
      const wider = b - a > best[1] - best[0];
      if (distance < bestDistance - 1 || (Math.abs(distance - bestDistance) <= 1 && wider)) {
        best = [a, b];
        bestDistance = distance;
      }
    }
  }
  return best;
}

export function textTableGrid(table: TextTable, name: string): TableGrid {
  const firstData = table.lines.findIndex(isDataLine);
  const headerLines = firstData > 0 ? table.lines.slice(0, firstData) : [];
  const bodyLines = firstData >= 0 ? table.lines.slice(firstData) : table.lines;
  const bands = bandsOf(bodyLines.filter(isDataLine));
  const width = Math.max(1, bands.length);
  const rows: GridCell[][] = [];
  const rowPages: number[] = [];
  const places = new Map<string, Place>();
  const newRow = (page: number): GridCell[] => {
    const row = new Array<GridCell>(width).fill(EMPTY_CELL);
    rows.push(row);
    rowPages.push(page);
    return row;
  };
  const put = (row: GridCell[], col: number, text: string, cell: Line, span?: [number, number]): void => {
    const r = rows.indexOf(row);
    const [a, b] = span ?? [col, col];
    const from = address(r, a);
    for (let c = a; c <= b; c++) row[c] = { text: row[c].text && c === a ? `${row[c].text} ${text}` : text, numeric: false, printed: true, ...(b > a ? { mergedFrom: from } : {}) };
    places.set(from, { page: cell.page, x: cell.x, y: cell.top });
  };

  if (table.title.length) put(newRow(table.title[0].page), 0, table.title.map((l) => l.text.trim()).join(''), table.title[0]);
  for (const line of table.meta) {
    const row = newRow(line.page);
    const cells = chunksOf(line, 2);
    cells.forEach((cell, i) => put(row, i === 0 ? 0 : i === cells.length - 1 ? width - 1 : bandOf(bands, cell), cell.text.trim(), cell));
  }
  headerLines.forEach((line, index) => {
    const row = newRow(line.page);
    const cells = cellsOf(line);
    const lowest = index === headerLines.length - 1;
    const homes = cells.map((cell) => bandOf(bands, cell));
    cells.forEach((cell, i) => {
      const span: [number, number] = lowest ? [homes[i], homes[i]] : spanOf(bands, cell, i > 0 ? homes[i - 1] + 1 : 0, i + 1 < cells.length ? homes[i + 1] - 1 : width - 1);
      put(row, span[0], cell.text.trim(), cell, span);
    });
  });
  let previousData: { row: GridCell[]; line: Line } | undefined;
  const headerSignatures = new Set(headerLines.map((l) => normalizeLabel(l.text)));
  for (const line of bodyLines) {
    if (headerSignatures.has(normalizeLabel(line.text))) continue;
    const cells = cellsOf(line);
    if (!isDataLine(line) && previousData && cells.length === 1 && line.page === previousData.line.page && line.top - previousData.line.bottom < line.size) {
      // The rest of a name wrapped in its cell.
      const band = bandOf(bands, cells[0]);
      const cell = previousData.row[band];
      previousData.row[band] = { text: cell.text + cells[0].text.trim(), numeric: false, printed: true };
      continue;
    }
    const row = newRow(line.page);
    for (const cell of cells) put(row, bandOf(bands, cell), cell.text.trim(), cell);
    previousData = isDataLine(line) ? { row, line } : undefined;
  }
  for (const line of table.notes) put(newRow(line.page), 0, line.text.trim(), line);
  return { grid: { name, rows }, places, rowPages, pages: [...new Set(rowPages)] };
}

const LEADERS = /(?:[.…·．]\s*){3,}/;

/** A line that may be the title of a table: it names a table, stands alone and is not a sentence. */
function titleCandidate(line: Line, isTitle: (line: Line) => boolean): boolean {
  const text = line.text.trim();
  return isTitle(line) && text.length <= 40 && !/[。；;]$/.test(text) && !LEADERS.test(text) && cellsOf(line).length === 1;
}

/**
 * Finds the tables printed without rules in the text lines (document order): a title, its
 * 编制部门 / 单位 lines, then header and data lines — lines of several cells, a data line having
 * figures — continued at the top of the next page, and the notes under them. Returns the tables
 * and the lines that are not part of one.
 */
export function findTextTables(lines: readonly Line[], isTitle: (line: Line) => boolean, isMeta: (line: Line) => boolean, isNote: (line: Line) => boolean): { tables: TextTable[]; rest: Line[] } {
  const tables: TextTable[] = [];
  const rest: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const title = lines[i];
    if (!titleCandidate(title, isTitle)) { rest.push(title); i++; continue; }
    let k = i + 1;
    const meta: Line[] = [];
    while (k < lines.length && lines[k].page === title.page && isMeta(lines[k])) meta.push(lines[k++]);
    const body: Line[] = [];
    let last = meta[meta.length - 1] ?? title;
    let hasData = false;
    for (; k < lines.length; k++) {
      const line = lines[k];
      const text = line.text.trim();
      if (LEADERS.test(text) || isNote(line) || titleCandidate(line, isTitle)) break;
      const samePage = line.page === last.page;
      if (samePage && line.top - last.bottom > 3 * line.size) break;
      const cells = cellsOf(line).length;
      if (!samePage && cells < 2) break;
      if (cells < 2) {
        // Before the figures: a header line of one cell; after: the rest of a wrapped name.
        const wrappedName = hasData && samePage && line.top - last.bottom < line.size && isDataLine(last);
        if (hasData && !wrappedName) break;
        if (!hasData && text.length > 20) break;
      }
      if (isDataLine(line)) hasData = true;
      body.push(line);
      last = line;
    }
    if (!hasData) { rest.push(title); i++; continue; }
    // Trailing lines without figures after the last data line are not the table's.
    while (body.length && !isDataLine(body[body.length - 1]) && cellsOf(body[body.length - 1]).length < 2) { k--; body.pop(); }
    const notes: Line[] = [];
    while (k < lines.length && isNote(lines[k]) && lines[k].page === last.page) notes.push(lines[k++]);
    tables.push({ title: [title], meta, lines: body, notes });
    i = k;
  }
  return { tables, rest };
}
