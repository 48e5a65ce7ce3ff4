import { address, cellAt, Grid, GridCell, isMergeFollower, normalizeLabel } from '../grid';
import { columnKeyOfPath, IMPORT, Layout, tableKeyOfTitle } from '../vocabulary';
import { isMoneyUnit, MoneyUnit } from '../../service/amount/units';
import type { TableKey } from '../../service/model/types';

/**
 * The parts every published table sheet has: title, 部门名称 / 单位 / 预算年度 lines, a header
 * of one or more rows, the body, and notes under it. Finding them needs no knowledge of the
 * table's columns, only of how the lines read.
 */
export interface TextAt {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

export interface SheetParts {
  readonly grid: Grid;
  readonly title?: TextAt;
  readonly key?: TableKey;
  readonly department?: TextAt;
  readonly unit?: MoneyUnit;
  readonly year?: number;
  readonly asOf?: string;
  /** Rows of the header, in order. */
  readonly headerRows: readonly number[];
  /** Rows of the body (blank rows, 栏次 rows and notes left out). */
  readonly bodyRows: readonly number[];
  readonly notes: readonly TextAt[];
  /** First row after the title lines. */
  readonly firstRow: number;
  readonly width: number;
}

const UNIT_LINE = /^[(（]?(?:金额|计量)?单位[:：]\s*(万元|元)[)）]?$/;
const MARKER_LINE = /^(?:附?表\s*[0-9０-９]+(?:[-－][0-9０-９]+)?|预算\s*[0-9０-９]+\s*表|[0-9０-９]+[-－][0-9０-９]+)$/;
const CODE_LIKE = /^\d{3,}$/;
const ORDINAL = /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d+\s*[、．.]|[（(]\d+[）)])/;
const DATE_LINE = /^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇一二三四五六七八九零]{4}年.{1,3}月(?:.{1,3}日)?)$/;

function prefixed(text: string, prefixes: readonly string[]): string | undefined {
  const normalized = text.replace(/\s+/g, '');
  for (const prefix of prefixes) {
    const match = new RegExp(`^${prefix}[:：](.*)$`).exec(normalized);
    if (match) return text.slice(text.search(/[:：]/) + 1).trim();
  }
  return undefined;
}

/** Texts of a row, left to right, without the repeats of merged cells. */
export function rowTexts(grid: Grid, row: number): TextAt[] {
  const texts: TextAt[] = [];
  const cells = grid.rows[row] ?? [];
  cells.forEach((cell, col) => {
    if (cell.text && !isMergeFollower(cell, row, col)) texts.push({ text: cell.text, row, col });
  });
  return texts;
}

export function isBlankRow(grid: Grid, row: number): boolean {
  return (grid.rows[row] ?? []).every((c) => !c.text);
}

function isNumberText(cell: GridCell): boolean {
  if (cell.numeric) return true;
  return /^[-+]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?$/.test(cell.text.trim());
}

/** A 栏次 row: "栏次 1 2 3 …" or the column numbers alone. */
function isColumnNumberRow(grid: Grid, row: number): boolean {
  const texts = rowTexts(grid, row);
  if (texts.length === 0) return false;
  if (/^(栏次|行次)$/.test(normalizeLabel(texts[0].text))) return true;
  const numbers = texts.map((t) => normalizeLabel(t.text));
  return numbers.length >= 3 && numbers.every((n, i) => n === String(i + 1));
}

const TOTAL_LABELS = new Set((IMPORT.totalRowLabels as string[]).map(normalizeLabel));

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABELS.has(normalizeLabel(text).replace(/[:：]$/, ''));
}

/** A row that holds table data rather than column headers. */
function isDataRow(grid: Grid, row: number): boolean {
  const texts = rowTexts(grid, row);
  if (texts.length === 0) return false;
  if (isTotalLabel(texts[0].text) && texts.slice(1).every((t) => isNumberText(grid.rows[row][t.col]))) return true;
  for (const t of texts) {
    const cell = grid.rows[row][t.col];
    if (cell.numeric) return true;
    const text = normalizeLabel(t.text);
    if (CODE_LIKE.test(text)) return true;
    if (/^[-+]?\d[\d,]*\.\d+$/.test(text)) return true;
    if (ORDINAL.test(t.text.trim())) return true;
  }
  return false;
}

const NOTE_LINE = /^(?:注\s*\d*\s*[:：.、]|备\s*注\s*[:：]|说\s*明\s*[:：])/;

function noteText(text: string): boolean {
  return NOTE_LINE.test(text.trim().normalize('NFKC'));
}

const HEADER_GROUPS = new Set((IMPORT.headerGroups as string[]).map(normalizeLabel));

/** Whether a text reads as a column header of the layout (a known header word). */
function isHeaderWord(text: string, layout: Layout): boolean {
  const normalized = normalizeLabel(text);
  return columnKeyOfPath([text], layout) !== undefined || HEADER_GROUPS.has(normalized) || /(编码|代码|科目|名称|小计|合计|金额)(\(万元\)|\(元\))?$/.test(normalized);
}

/**
 * Splits a sheet into its parts. `layoutFor` gives the layout of the table the title names
 * (headers are read with that layout's vocabulary).
 */
export function readSheet(grid: Grid, layoutFor: (key: TableKey | undefined) => Layout, keyHint?: TableKey): SheetParts {
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  let title: TextAt | undefined;
  let key: TableKey | undefined;
  let department: TextAt | undefined;
  let unit: MoneyUnit | undefined;
  let year: number | undefined;
  let asOf: string | undefined;
  let row = 0;
  // Lines above the header: title, 表N marker, 部门名称, 单位, 预算年度, 截止时间, date.
  for (; row < grid.rows.length; row++) {
    if (isBlankRow(grid, row)) continue;
    const texts = rowTexts(grid, row);
    let meta = true;
    for (const t of texts) {
      const text = t.text.trim();
      const unitMatch = UNIT_LINE.exec(text.replace(/\s+/g, ''));
      if (unitMatch && isMoneyUnit(unitMatch[1])) { unit = unitMatch[1] as MoneyUnit; continue; }
      const yearText = prefixed(text, IMPORT.yearPrefixes as string[]);
      if (yearText !== undefined && /^\d{4}/.test(yearText)) { year = Number(yearText.slice(0, 4)); continue; }
      const asOfText = prefixed(text, IMPORT.asOfPrefixes as string[]);
      if (asOfText !== undefined) { asOf = asOfText; continue; }
      const departmentText = prefixed(text, IMPORT.departmentPrefixes as string[]);
      if (departmentText !== undefined) {
        const inner = UNIT_LINE.exec(`单位:${departmentText}`.replace(/\s+/g, ''));
        if (inner) unit = inner[1] as MoneyUnit;
        else department = { text: departmentText, row, col: t.col };
        continue;
      }
      if (MARKER_LINE.test(text.replace(/\s+/g, '')) || DATE_LINE.test(text.replace(/\s+/g, ''))) continue;
      if (!title && texts.length <= 2) {
        const named = tableKeyOfTitle(text);
        const cell = grid.rows[row][t.col];
        const wide = cell.mergedFrom !== undefined && (grid.rows[row][t.col + 2]?.mergedFrom === cell.mergedFrom);
        if (named || (texts.length === 1 && (/表|目录/.test(text) || keyHint !== undefined || wide))) {
          title = { text, row, col: t.col };
          key = named;
          continue;
        }
      }
      // Hebei: the department printed with its code ("450平乡县医疗保障局") on a line of its own.
      if (title && !department && /^\d{3,}\s*\S/.test(text) && !/\d$/.test(text) && texts.length <= 3) {
        department = { text: text.replace(/^\d+\s*/, ''), row, col: t.col };
        continue;
      }
      meta = false;
    }
    if (!meta) break;
  }
  if (!key && keyHint) key = keyHint;
  if (!key) key = tableKeyOfTitle(grid.name);
  const layout = layoutFor(key);
  // Header: from the first line that is not a title line, up to the first data row.
  const headerRows: number[] = [];
  let bodyStart = row;
  for (let r = row; r < grid.rows.length; r++) {
    if (isBlankRow(grid, r)) { if (headerRows.length) { bodyStart = r + 1; } continue; }
    if (isColumnNumberRow(grid, r)) { bodyStart = r + 1; break; }
    if (isDataRow(grid, r)) { bodyStart = r; break; }
    const texts = rowTexts(grid, r);
    if (texts.length === 1 && noteText(texts[0].text)) { bodyStart = r; break; }
    if (headerRows.length > 0 && !texts.some((t) => isHeaderWord(t.text, layout))) { bodyStart = r; break; }
    if (headerRows.length >= 6) { bodyStart = r; break; }
    headerRows.push(r);
    bodyStart = r + 1;
  }
  const bodyRows: number[] = [];
  const notes: TextAt[] = [];
  for (let r = bodyStart; r < grid.rows.length; r++) {
    if (isBlankRow(grid, r)) continue;
    if (isColumnNumberRow(grid, r)) continue;
    const texts = rowTexts(grid, r);
    if (notes.length > 0 || (texts.length === 1 && noteText(texts[0].text) && !grid.rows[r][texts[0].col].numeric)) {
      notes.push(...texts);
      continue;
    }
    bodyRows.push(r);
  }
  return { grid, title, key, department, unit, year, asOf, headerRows, bodyRows, notes, firstRow: row, width };
}

/**
 * The header path of each column: the texts above it, top to bottom, repeats of merged cells
 * and empty cells left out.
 */
export function headerPaths(parts: SheetParts): string[][] {
  const paths: string[][] = [];
  for (let col = 0; col < parts.width; col++) {
    const path: string[] = [];
    for (const row of parts.headerRows) {
      const text = cellAt(parts.grid, row, col).text;
      if (text && path[path.length - 1] !== text) path.push(text);
    }
    paths.push(path);
  }
  return paths;
}

export { address };
