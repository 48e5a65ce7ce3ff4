import type { Report } from '../../service/model/types';
import { layoutReport } from '../export/layoutTables';
import { recogniseWorkbooks } from '../import/recognise';
import type { ImportResult } from '../import/types';
import { readWorkbookFile, workbookErrorText, WorkbookReadError } from './readWorkbook';
import { workbookBuffer } from './writeWorkbook';

/** The report's tables as an .xlsx workbook (one sheet per table, official order). */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  return workbookBuffer(layoutReport(report), { kind: report.kind, template: report.template?.value });
}

/** Reads and recognises workbooks (paths, or named buffers). Throws WorkbookReadError for an unreadable file. */
export async function importXlsx(sources: ReadonlyArray<string | { file: string; data: Buffer }>): Promise<ImportResult> {
  const workbooks = [];
  for (const source of sources) {
    const file = typeof source === 'string' ? source : source.file;
    try {
      workbooks.push({ file, ...(await readWorkbookFile(typeof source === 'string' ? source : source.data)) });
    } catch (error) {
      throw new WorkbookReadError(workbookErrorText(error), file);
    }
  }
  return recogniseWorkbooks(workbooks);
}
