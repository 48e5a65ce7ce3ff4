import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { BudgetService } from '../service/budgetService';
import { toDiagnostic } from '../service/protocol';
import { Messages, messagesFor, t, withMessages } from '../service/i18n/l10n';
import { describeInternalError } from '../service/analysis/internalErrors';
import { toCheckSettings, UserSettings } from '../service/settings';
import type { FileResult } from '../service/fileResult';
import { isPdfPath } from './import';
import { problemLine } from '../publish/import/problemLine';
import { importPdf, PdfReadError } from '../publish/node/pdfImport';
import { newReportYaml } from '../publish/import/emitYaml';
import { pageLocator } from '../publish/pdf/sourcePages';
import type { CommandIO } from './args';
import { inputProblemText, readReportBytes, ReportFileSystem } from '../node/reportFiles';
import { decodeReport, ENCODING_LABELS } from '../service/yaml/encoding';
import { notUtf8Gate } from '../service/rules/inputGates';

/**
 * Checking report files as budget-check does: a report's bytes read and checked (checkFiles), a
 * published report's PDF imported in memory and checked (checkReportFile), and the exit status of
 * a run. The check command (cli.ts) and `budget-check review` (review.ts, reviewWorker.ts) share it.
 */

export function checkText(service: BudgetService, file: string, text: string, settings: UserSettings, messages?: Messages): FileResult {
  const document = service.parse(text);
  const result = service.validate(document, settings, messages);
  const textDocument = TextDocument.create(pathToUri(file), 'budget-yaml', 0, text);
  return { file, diagnostics: result.findings.map((f) => toDiagnostic(textDocument, f)), ledger: result.ledger, claims: result.claims, internalErrors: result.internalErrors, text };
}

/** Exit status of a check: usage and unreadable input (2) and bugs of the checker (3) outrank findings. */
export const EXIT_INTERNAL_ERROR = 3;

/**
 * Checks a report file's bytes: UTF-8 (with or without a byte order mark) is checked as text;
 * a file in another encoding gets the one yaml/encoding finding (unless that rule is off, when
 * its text, decoded as well as the encoding was recognised, is checked).
 */
export function checkBytes(service: BudgetService, file: string, bytes: Uint8Array, settings: UserSettings, messages?: Messages): FileResult {
  const decoded = decodeReport(bytes);
  if (decoded.encoding === 'utf-8') return checkText(service, file, decoded.text, settings, messages);
  const label = ENCODING_LABELS[decoded.encoding] || undefined;
  const result = withMessages(messages ?? messagesFor('zh-cn'), () => notUtf8Gate(decoded.text, toCheckSettings(settings), label));
  if (!result) return checkText(service, file, decoded.text, settings, messages);
  const textDocument = TextDocument.create(pathToUri(file), 'budget-yaml', 0, decoded.text);
  return { file, diagnostics: result.findings.map((f) => toDiagnostic(textDocument, f)), ledger: result.ledger, claims: result.claims, internalErrors: result.internalErrors, text: decoded.text };
}

/**
 * One report file as the check command checks it: a .pdf imported in memory (checkPdf), any other
 * file read and checked as a report (checkFiles). Undefined when it cannot be read or imported;
 * why is on io.stderr, with the import's problems and every internal error of the checker.
 */
export async function checkReportFile(service: BudgetService, file: string, settings: UserSettings, messages: Messages, io: CommandIO, fsys: ReportFileSystem = fs): Promise<FileResult | undefined> {
  if (isPdfPath(file)) return checkPdf(service, file, settings, messages, io, fsys);
  return checkFiles(service, [file], settings, messages, io, fsys).results[0];
}

/**
 * A published report's PDF, checked as `budget-check import` would write it: what the import could
 * not place goes to stderr, every finding carries the page its place came from. Undefined when
 * the PDF cannot be read (the reason is on stderr).
 */
export async function checkPdf(service: BudgetService, file: string, settings: UserSettings, messages: Messages, io: CommandIO, fsys: ReportFileSystem): Promise<FileResult | undefined> {
  const read = readReportBytes(file, fsys);
  if ('problem' in read) {
    io.stderr(inputProblemText(read.problem) + '\n');
    return undefined;
  }
  try {
    const imported = await importPdf({ file, data: read.bytes });
    for (const problem of imported.result.problems) io.stderr(problemLine(problem) + '\n');
    const text = newReportYaml(imported.result, { sources: [path.basename(file)] });
    const result = checkText(service, file, text, settings, messages);
    for (const error of result.internalErrors) io.stderr(t('budget-check: internal error of the checker on {0} (please report it): {1}', file, describeInternalError(error)) + '\n');
    const locate = pageLocator(text, imported);
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const pages = result.diagnostics.map((d) => locate((lineStarts[d.range.start.line] ?? 0) + d.range.start.character));
    return { ...result, pages };
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    io.stderr(t('budget-check: cannot read {0}: {1}', file, error.message) + '\n');
    return undefined;
  }
}

/** Checks each file; what cannot be read and every internal error of the checker go to stderr. */
export function checkFiles(service: BudgetService, files: readonly string[], settings: UserSettings, messages: Messages, io: CommandIO, fsys: ReportFileSystem = fs): { results: FileResult[]; unreadable: boolean } {
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = readReportBytes(file, fsys);
    if ('problem' in read) {
      unreadable = true;
      io.stderr(inputProblemText(read.problem) + '\n');
      continue;
    }
    const result = checkBytes(service, file, read.bytes, settings, messages);
    for (const error of result.internalErrors) io.stderr(t('budget-check: internal error of the checker on {0} (please report it): {1}', file, describeInternalError(error)) + '\n');
    results.push(result);
  }
  return { results, unreadable };
}

/** 2: input could not be read; 3: the checker met a bug of its own; 1: a file has an error; else 0. */
export function exitStatus(results: readonly FileResult[], unreadable: boolean): number {
  if (unreadable) return 2;
  if (results.some((r) => r.internalErrors.length > 0)) return EXIT_INTERNAL_ERROR;
  return results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}

function pathToUri(file: string): string {
  return 'file://' + path.resolve(file).split(path.sep).map(encodeURIComponent).join('/');
}
