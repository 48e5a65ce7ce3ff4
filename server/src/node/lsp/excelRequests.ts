import * as path from 'path';
import { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../service/document';
import { t } from '../../service/i18n/l10n';
import { describeError } from '../../service/i18n/plainError';
import { yamlProblemText } from '../../service/yaml/problemMessages';
import { tableTitle } from '../../service/schema/schemaInfo';
import type { ImportResult } from '../../publish';
import { ExportXlsxRequest, ExportXlsxResult, ImportXlsxParams, ImportXlsxRequest, ImportXlsxResult } from '../../../../protocol/src/protocol';
import type { ServerContext } from './serverContext';
import { problemLine } from '../../publish/import/problemLine';

/**
 * Excel for the editor (issue 9), in the server: the workbooks travel base64 over the
 * connection, so the server reads no user files and the extension host never loads exceljs.
 * exceljs takes about half a second to load, so it is loaded on the first request, not when
 * the server starts. A published report's PDF (issue 17) comes the same way and is read with
 * pdf.js, loaded on the first PDF.
 */

const workbooks = () => import('../../publish/node/workbooks');

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The report's tables as a workbook, and what the export could not show. */
export async function exportXlsx(parsed: ParsedDocument): Promise<ExportXlsxResult> {
  const { reportToXlsx } = await workbooks();
  const problems: string[] = [];
  for (const problem of parsed.yaml.problems) problems.push(t('line {0}: {1}; the export shows what could be read', lineOf(parsed.text, problem.start), yamlProblemText(problem, parsed.text)));
  for (const problem of parsed.modelProblems) problems.push(t('line {0}: "{1}" is not an amount; it is left blank in the export', lineOf(parsed.text, problem.span.start), problem.text));
  const data = await reportToXlsx(parsed.report);
  return { data: data.toString('base64'), tables: parsed.report.tables.size, problems };
}

function sheetLines(result: ImportResult): string[] {
  return result.sheets.map((sheet) => {
    const where = `${sheet.file ? sheet.file + ': ' : ''}${sheet.sheet}`;
    return sheet.table ? t('{0} → tables.{1} ({2}), {3} rows', where, sheet.table, tableTitle(sheet.table), sheet.rows) : t('{0} → not imported', where);
  });
}

export interface ImportTarget {
  readonly document: TextDocument;
  readonly name: string;
}

/**
 * Reads the workbooks and writes their tables: into the target report as the minimal edits
 * (only the imported tables are replaced; narrative, comments and other tables stay byte for
 * byte), or as a new report. Every cell that could not be taken over is listed.
 */
export async function importWorkbooks(params: ImportXlsxParams, target: ImportTarget | undefined): Promise<ImportXlsxResult> {
  const empty = { replaced: [], added: [], recognised: [], sheets: [], problems: [] };
  const files = (Array.isArray(params?.files) ? params.files : []).filter((f) => f && typeof f.name === 'string' && typeof f.data === 'string');
  if (files.length === 0) return { mode: 'failed', ...empty, error: t('no workbook to import') };
  const { importXlsx } = await workbooks();
  const { mergeIntoReport, newReportYaml } = await import('../../publish');
  const names = files.map((f) => path.basename(f.name));
  const pdf = names.some((name) => /\.pdf$/i.test(name));
  if (pdf && files.length > 1) return { mode: 'failed', ...empty, error: t('budget-check import: a PDF is imported on its own (one report per PDF)') };
  let result: ImportResult;
  try {
    if (pdf) {
      const { importPdf } = await import('../../publish/node/pdfImport');
      result = (await importPdf({ file: names[0], data: Buffer.from(files[0].data, 'base64') })).result;
    } else {
      result = await importXlsx(files.map((f, i) => ({ file: names[i], data: Buffer.from(f.data, 'base64') })));
    }
  } catch (error) {
    const file = (error as { file?: string }).file ?? names.join(', ');
    return { mode: 'failed', ...empty, error: t('cannot read {0}: {1}', file, describeError('import', error)) };
  }
  const summary = {
    recognised: result.tables.map((table) => table.key),
    sheets: sheetLines(result),
    problems: result.problems.map((p) => ({ file: p.file, sheet: p.sheet, cell: p.cell, message: p.message, line: problemLine(p) })),
  };
  if (result.tables.length === 0 && !result.narrative?.length) return { mode: 'failed', replaced: [], added: [], ...summary, error: t('no published table recognised; nothing imported') };
  if (!target) {
    return { mode: 'new', text: newReportYaml(result, { sources: names }), replaced: [], added: result.tables.map((table) => table.key), ...summary };
  }
  const { document } = target;
  try {
    const merged = mergeIntoReport(document.getText(), result);
    const edits = merged.edits.map((e) => TextEdit.replace(Range.create(document.positionAt(e.start), document.positionAt(e.end)), e.text));
    return { mode: 'merge', version: document.version, edits, replaced: [...merged.replaced], added: [...merged.added], ...summary };
  } catch (error) {
    return { mode: 'failed', replaced: [], added: [], ...summary, error: t('{0} is not a report the import can update ({1})', target.name, describeError('import', error)) };
  }
}

/** Export of a report (open, or sent as text) and import of workbooks or a PDF (into an open report, or as a new one). */
export function registerExcelRequests(context: ServerContext): void {
  const { connection, state } = context;

  connection.onRequest(ExportXlsxRequest.type, async (params): Promise<ExportXlsxResult> => {
    const { parsed } = await context.requireReport(params?.uri, params?.text);
    return exportXlsx(parsed);
  });

  connection.onRequest(ImportXlsxRequest.type, async (params): Promise<ImportXlsxResult> => {
    await context.snapshot();
    const into = typeof params?.into === 'string' ? params.into : undefined;
    const document = into ? state.documents.get(into) : undefined;
    const name = into ? decodeURIComponent(into.slice(into.lastIndexOf('/') + 1)) : '';
    if (into && !document) return { mode: 'failed', replaced: [], added: [], recognised: [], sheets: [], problems: [], error: context.t('{0} is not open in the editor', name) };
    return importWorkbooks(params, document ? { document, name } : undefined);
  });
}
