import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { t } from '../../service/i18n/l10n';
import { isExpectedError, logErrorDetail, PlainError, plainErrorText } from '../../service/i18n/plainError';
import { numberText } from '../cellText';
import { address, EMPTY_CELL, Grid, GridCell } from '../grid';
import type { ImportProblem } from '../import/types';
import { inspectXlsxPackage } from './xlsxPackage';

/**
 * Reads an .xlsx workbook into grids with exceljs. The workbook is only read: formulas are not
 * calculated (their stored result is used), macros and external links are never run or
 * followed. Numbers are turned into text through decimal.js (cellText.ts).
 */

const MAX_ROWS = 50000;
const MAX_COLUMNS = 300;

type CellValue = ExcelJS.CellValue;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function valueText(value: CellValue, numFmt: string | undefined): { text: string; numeric: boolean; stored?: string; problem?: string } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: numberText(value, numFmt), numeric: true, stored: numberText(value) };
  if (typeof value === 'string') return { text: value.replace(/\r\n?/g, '\n').trim(), numeric: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: isoDate(value), numeric: false };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text).join('').trim(), numeric: false };
    if ('error' in value) return { text: String(value.error), numeric: false, problem: t('The cell holds the error {0}', String(value.error)) };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: CellValue }).result;
      if (result === undefined || result === null) return { text: '', numeric: false, problem: t('A formula without a stored result; it is not calculated') };
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { text: String(result.error), numeric: false, problem: t('The cell holds the error {0}', String(result.error)) };
      return valueText(result as CellValue, numFmt);
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return { text: text.trim(), numeric: false };
      if (text && typeof text === 'object' && 'richText' in text) return { text: (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('').trim(), numeric: false };
    }
  }
  return { text: String(value), numeric: false };
}

/**
 * A formula whose value comes from outside the workbook: a reference into another workbook
 * (`[1]Sheet1!A1`, `'C:\\dir\\[book.xlsx]Sheet1'!A1`), a web or real-time function
 * (WEBSERVICE, FILTERXML, RTD, STOCKHISTORY) or a DDE link (`app|topic!item`).
 */
export function externalSource(formula: string): string | undefined {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const web = /\b(?:_xlfn\.)?(WEBSERVICE|FILTERXML|RTD|STOCKHISTORY)\s*\(/i.exec(withoutStrings);
  if (web) return web[1].toUpperCase();
  if (/\[[^\]]+\][^!]*!/.test(withoutStrings)) return t('another workbook');
  if (/(^|[^A-Za-z0-9_.'])[A-Za-z][A-Za-z0-9_.]*\|/.test(withoutStrings)) return t('a DDE link');
  return undefined;
}

export function worksheetGrid(worksheet: ExcelJS.Worksheet, problems?: ImportProblem[]): Grid {
  const rowCount = Math.min(worksheet.rowCount, MAX_ROWS);
  const columnCount = Math.min(worksheet.columnCount, MAX_COLUMNS);
  const rows: GridCell[][] = Array.from({ length: rowCount }, () => new Array<GridCell>(columnCount).fill(EMPTY_CELL));
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > rowCount) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > columnCount) return;
      const master = cell.isMerged ? cell.master : undefined;
      const source = master ?? cell;
      const { text, numeric, stored, problem } = valueText(source.value, source.numFmt);
      const formula = source.type === ExcelJS.ValueType.Formula ? source.formula : undefined;
      const external = typeof formula === 'string' && problems && source === cell ? externalSource(formula) : undefined;
      if (external) problems!.push({ sheet: worksheet.name, cell: address(r - 1, c - 1), message: t('The value comes from outside the workbook ({0}: ={1}); the copy Excel stored is taken, check it', external, formula!.slice(0, 80)) });
      if (text || master || problem) rows[r - 1][c - 1] = { text, numeric, stored, mergedFrom: master?.address, problem };
    });
  });
  return { name: worksheet.name, rows, hidden: worksheet.state !== 'visible' };
}

/** A workbook that cannot be read; its message is plain and localised (exceljs' own words go to the log). */
export class WorkbookReadError extends PlainError {
  constructor(message: string, file?: string) {
    super(message, file);
    this.name = 'WorkbookReadError';
  }
}

/** The plain reason a workbook could not be read. */
export function workbookErrorText(error: unknown): string {
  if (isExpectedError(error)) return plainErrorText(error);
  logErrorDetail('exceljs', error);
  return t('the workbook cannot be read: the file is damaged or not an .xlsx workbook');
}

/** Reads all worksheets of an .xlsx file (buffer or path). Throws WorkbookReadError when the file is not a readable workbook. */
export async function readWorkbook(source: string | Buffer): Promise<Grid[]> {
  return (await readWorkbookFile(source)).grids;
}

/**
 * Reads all worksheets, after checking the package (xlsxPackage.ts: its unpacked size, before
 * exceljs loads it). Values the workbook did not compute itself — cached from links to other
 * workbooks or from web formulas — are taken as stored and listed as problems, as is every
 * external link of the workbook. Throws WorkbookReadError when the file cannot be read.
 */
export async function readWorkbookFile(source: string | Buffer): Promise<{ grids: Grid[]; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  const problems: ImportProblem[] = [];
  try {
    const data = typeof source === 'string' ? await fs.promises.readFile(source) : source;
    if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new PlainError(t('not an .xlsx workbook (an .xls file must be saved as .xlsx first)'));
    const pkg = inspectXlsxPackage(data);
    for (const link of pkg.externalLinks) {
      problems.push({ sheet: '', message: t('The workbook links to another workbook ({0}); values taken from it are the copies Excel stored when the link was last updated', link.target ?? link.part) });
    }
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError(workbookErrorText(error), typeof source === 'string' ? source : undefined);
  }
  const grids = workbook.worksheets.map((worksheet) => worksheetGrid(worksheet, problems));
  return { grids, problems };
}
