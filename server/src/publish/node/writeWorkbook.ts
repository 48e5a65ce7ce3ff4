import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { SheetLayout, PlacedCell } from '../export/sheetLayout';
import { METADATA_SHEET } from '../import/recognise';

/**
 * Writes laid-out tables to an .xlsx workbook with exceljs: one sheet per table, A4 page setup,
 * merged header cells, amounts as numbers with a two-decimal format.
 */

export interface WorkbookMeta {
  readonly kind?: string;
  readonly template?: string;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'SimSun';

/**
 * A decimal text as the number Excel stores. Excel keeps 15 significant digits: an amount with
 * more is written as text rather than silently rounded.
 */
function storedNumber(value: string): number | undefined {
  const digits = value.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15 || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function writeCell(sheet: ExcelJS.Worksheet, top: number, placed: PlacedCell, header: boolean): void {
  const row = top + placed.row;
  const col = 1 + placed.col;
  const cell = sheet.getCell(row, col);
  if (placed.style === 'amount' && placed.value !== undefined) {
    const stored = storedNumber(placed.value);
    if (stored !== undefined) {
      cell.value = stored;
      cell.numFmt = numberFormat(placed.decimals ?? 2);
    } else {
      cell.value = placed.value;
    }
    cell.alignment = { horizontal: 'right', vertical: 'middle' };
  } else if (placed.style === 'number' && placed.value !== undefined && storedNumber(placed.value) !== undefined) {
    cell.value = storedNumber(placed.value)!;
    cell.alignment = { horizontal: 'right', vertical: 'middle' };
  } else {
    cell.value = placed.text;
    if (placed.style === 'code') cell.numFmt = '@';
    cell.alignment = {
      horizontal: header || placed.style === 'code' ? 'center' : 'left',
      vertical: 'middle',
      wrapText: true,
      indent: placed.indent ? Math.min(placed.indent, 6) : undefined,
    };
  }
  cell.font = { name: FONT, size: header ? 10 : 10, bold: header || placed.bold };
  if (placed.rowSpan > 1 || placed.colSpan > 1) sheet.mergeCells(row, col, row + placed.rowSpan - 1, col + placed.colSpan - 1);
}

function addSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): void {
  const columns = Math.max(layout.columns, 1);
  const sheet = workbook.addWorksheet(layout.sheetName, {
    pageSetup: { paperSize: 9, orientation: layout.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  layout.widths.forEach((width, i) => { sheet.getColumn(i + 1).width = width; });
  let row = 1;
  const line = (text: string, align: 'center' | 'left' | 'right', font: Partial<ExcelJS.Font>): void => {
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: align === 'left' };
    cell.font = { name: FONT, ...font };
    if (columns > 1) sheet.mergeCells(row, 1, row, columns);
    row += 1;
  };
  line(layout.title, 'center', { size: 16, bold: true });
  sheet.getRow(1).height = 30;
  if (layout.department) line(layout.department, 'left', { size: 10 });
  if (layout.unit) line(`单位：${layout.unit}`, 'right', { size: 10 });
  for (const meta of layout.metaLines) line(meta, 'left', { size: 10 });
  const headerTop = row;
  for (const placed of layout.header.cells) writeCell(sheet, headerTop, placed, true);
  const bodyTop = headerTop + layout.header.rows;
  for (const placed of layout.body.cells) writeCell(sheet, bodyTop, placed, false);
  const end = bodyTop + layout.body.rows;
  for (let r = headerTop; r < end; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      if (r < bodyTop) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
  row = end;
  for (const note of layout.notes) line(note, 'left', { size: 10 });
  if (layout.header.rows > 0) {
    sheet.views = [{ state: 'frozen', ySplit: bodyTop - 1, xSplit: 0 }];
    sheet.pageSetup.printTitlesRow = `${headerTop}:${bodyTop - 1}`;
  }
}

export function buildWorkbook(layouts: readonly SheetLayout[], meta: WorkbookMeta = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'budget-check';
  for (const layout of layouts) addSheet(workbook, layout);
  // A workbook needs a visible sheet; a report without tables gets an empty one.
  if (layouts.length === 0) workbook.addWorksheet('Sheet1');
  // What the visible sheets cannot show (a table recorded as incomplete, the report kind),
  // for a later import of this workbook.
  const hidden = workbook.addWorksheet(METADATA_SHEET, { state: 'veryHidden' });
  hidden.addRow(['format', 'budget-report/1']);
  if (meta.kind) hidden.addRow(['kind', meta.kind]);
  if (meta.template) hidden.addRow(['template', meta.template]);
  for (const layout of layouts) {
    const flags = [layout.incomplete ? 'incomplete' : '', layout.standardTitle ? 'standard-title' : '', layout.generatedNote ? 'generated-note' : ''].filter(Boolean);
    hidden.addRow(['sheet', layout.sheetName, layout.key, flags.join(',')]);
  }
  return workbook;
}

export async function workbookBuffer(layouts: readonly SheetLayout[], meta: WorkbookMeta = {}): Promise<Buffer> {
  const data = await buildWorkbook(layouts, meta).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export async function writeWorkbook(file: string, layouts: readonly SheetLayout[], meta: WorkbookMeta = {}): Promise<void> {
  await fs.promises.writeFile(file, await workbookBuffer(layouts, meta));
}
