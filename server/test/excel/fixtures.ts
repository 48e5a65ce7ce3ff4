import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

/**
 * Builds test workbooks with exceljs, the way the budget system exports them: titles in merged
 * cells, multi-row merged headers, amounts as numbers with a number format (or as text).
 */

/** A number stored with a number format (default #,##0.00). */
export interface Num { readonly n: number; readonly fmt?: string }
/** A formula, with or without a stored result. */
export interface Formula { readonly formula: string; readonly result?: number }
export type CellSpec = string | number | null | undefined | Num | Formula;

export interface SheetSpec {
  readonly name: string;
  /** Rows from A1; a number is stored as a number with the format #,##0.00. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellSpec>>;
  readonly merges?: readonly string[];
  readonly state?: 'visible' | 'hidden';
}

export function num(n: number, fmt?: string): Num {
  return { n, fmt };
}

export async function buildWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        const cell = sheet.getCell(r + 1, c + 1);
        if (typeof value === 'number') {
          cell.value = value;
          cell.numFmt = '#,##0.00';
        } else if (typeof value === 'string') {
          cell.value = value;
        } else if ('formula' in value) {
          cell.value = value.result === undefined ? { formula: value.formula, date1904: false } as ExcelJS.CellFormulaValue : { formula: value.formula, result: value.result, date1904: false } as ExcelJS.CellFormulaValue;
        } else {
          cell.value = value.n;
          if (value.fmt) cell.numFmt = value.fmt;
        }
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}

/** A fresh directory under the system's temp folder. */
export function tempDir(prefix = 'budget-excel-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
