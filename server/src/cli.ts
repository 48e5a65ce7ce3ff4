import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { isMainThread } from 'worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createBudgetService, BudgetService } from './service/budgetService';
import { severityName, toDiagnostic } from './service/protocol';
import { Messages, messagesFor, setFrontEndLocale, t, withMessages } from './service/i18n/l10n';
import { describeInternalError } from './service/analysis/internalErrors';
import { createCodeTables } from './node/dataFiles';
import type { UserSettings } from './service/settings';
import { claimGroups, FileResult, severityCounts } from './service/fileResult';
import { runGenerate } from './commands/generate';
import { runRefresh } from './commands/refresh';
import { runNextYear } from './commands/nextYear';
import { isPdfPath, runImport } from './commands/import';
import { problemLine } from './publish/import/problemLine';
import { importPdf, PdfReadError } from './publish/node/pdfImport';
import { newReportYaml } from './publish/import/emitYaml';
import { pageLocator } from './publish/pdf/sourcePages';
import { runExport } from './commands/export';
import { runNew } from './commands/new';
import { CommandIO, isHelp, usageOr } from './commands/args';
import { parseSettings, settingsProblemText } from './service/settingsInput';
import { collectReports, inputProblemText, readReportBytes, ReportFileSystem } from './node/reportFiles';
import { decodeReport, ENCODING_LABELS } from './service/yaml/encoding';
import { notUtf8Result } from './service/rules/inputGates';
import { ENCODING_RULE_ID } from './service/rules/structure/encodingRule';
import { toCheckSettings } from './service/settings';
import { describeError } from './service/i18n/plainError';
import { runReview } from './commands/review';

/** Subcommands; anything else is `check` (the default). */
const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIO) => Promise<number>>> = {
  generate: runGenerate,
  refresh: runRefresh,
  'next-year': runNextYear,
  import: runImport,
  export: runExport,
  review: runReview,
  new: runNew,
};

/**
 * budget-check — the command-line front end of the language service.
 *
 *   budget-check [check] [--format text|json] [--codes FILE.csv]... [--ledger] [--locale zh-cn|en]
 *                [--rule ID=SEVERITY]... [--tolerance N] [--code-year YYYY] <file|dir|report.pdf>...
 *   budget-check generate <file> [--section TITLE] [--in-place]
 *   budget-check refresh <file> [--in-place]
 *   budget-check next-year <file> [--tables new.xlsx] [-o out]
 *   budget-check import <file.xlsx>... | <report.pdf> [-o report.budget.yaml]
 *   budget-check export <report> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf]
 *   budget-check review <folder|file>... [--html review.html] [--locale zh-cn|en] [--progress] [--jobs N]
 *   budget-check new --kind unit|department --template ID [--year YYYY] [--department NAME] [-o report.budget.yaml] [--force]
 *
 * A .pdf is imported in memory (as `budget-check import` would write it) and checked; its findings
 * name the line of that report and the page of the PDF.
 * Exit 0 when no file has an error, 1 when some file has one, 2 for usage errors and for input
 * that could not be checked (a path that does not exist, a folder or file that cannot be read, a
 * folder without reports), 3 when the checker met a bug of its own (the stack is printed on
 * stderr; the affected rules read internal-error in the ledger).
 */
export type CliIO = CommandIO;

/** A file's check result and its counts (service/fileResult.ts), as the subcommands and tests read them here. */
export { claimGroups, severityCounts };
export type { FileResult };

interface Options {
  format: 'text' | 'json';
  codes: string[];
  ledger: boolean;
  locale?: string;
  settings: UserSettings;
  inputs: string[];
}

const USAGE = 'usage: budget-check [check] [--format text|json] [--codes FILE.csv] [--ledger] [--locale zh-cn|en] [--rule ID=SEVERITY] [--tolerance N] [--code-year YYYY] <file|dir|report.pdf>...\n       budget-check generate <file> [--section TITLE] [--in-place]\n       budget-check refresh <file> [--in-place]\n       budget-check next-year <file> [--tables new.xlsx] [-o out]\n       budget-check import <file.xlsx>... | <report.pdf> [-o report.budget.yaml]\n       budget-check export <report> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf]\n       budget-check review <folder|file>... [--html review.html] [--locale zh-cn|en] [--progress] [--jobs N]\n       budget-check new --kind unit|department --template ID [--year YYYY] [--department NAME] [-o report.budget.yaml] [--force]';

function readOptions(argv: readonly string[]): Options | string {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      codes: { type: 'string', multiple: true, default: [] },
      ledger: { type: 'boolean', default: false },
      locale: { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      tolerance: { type: 'string' },
      'code-year': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return USAGE;
  if (values.format !== 'text' && values.format !== 'json') return '--format takes text or json';
  const rules: Record<string, string> = {};
  for (const rule of values.rule) {
    const [id, severity] = rule.split('=');
    if (!id || !severity) return t('--rule takes ID=SEVERITY (error, warning, information, hint, off)');
    rules[id] = severity;
  }
  // The flags are the `budget.*` settings: checked by the one function the server uses too.
  const checked = parseSettings({ rules, tolerance: values.tolerance, codeYear: values['code-year'], locale: values.locale === undefined ? undefined : values.locale });
  if (checked.problems.length > 0) return checked.problems.map(settingsProblemText).join('\n');
  return { format: values.format, codes: values.codes, ledger: values.ledger, locale: values.locale, settings: checked.user, inputs: positionals };
}

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
  const checkSettings = toCheckSettings(settings);
  if (decoded.encoding === 'utf-8' || checkSettings.rules[ENCODING_RULE_ID] === 'off') return checkText(service, file, decoded.text, settings, messages);
  const result = withMessages(messages ?? messagesFor('zh-cn'), () => notUtf8Result(decoded.text, checkSettings, decoded.encoding === 'utf-8' ? undefined : ENCODING_LABELS[decoded.encoding] || undefined));
  const textDocument = TextDocument.create(pathToUri(file), 'budget-yaml', 0, decoded.text);
  return { file, diagnostics: result.findings.map((f) => toDiagnostic(textDocument, f)), ledger: result.ledger, claims: result.claims, internalErrors: result.internalErrors, text: decoded.text };
}

/**
 * One report file as the check command checks it: a .pdf imported in memory (checkPdf), any other
 * file read and checked as a report (checkFiles). Undefined when it cannot be read or imported;
 * why is on io.stderr, with the import's problems and every internal error of the checker.
 */
export async function checkReportFile(service: BudgetService, file: string, settings: UserSettings, messages: Messages, io: CliIO, fsys: ReportFileSystem = fs): Promise<FileResult | undefined> {
  if (isPdfPath(file)) return checkPdf(service, file, settings, messages, io, fsys);
  return checkFiles(service, [file], settings, messages, io, fsys).results[0];
}

/**
 * A published report's PDF, checked as `budget-check import` would write it: what the import could
 * not place goes to stderr, every finding carries the page its place came from. Undefined when
 * the PDF cannot be read (the reason is on stderr).
 */
async function checkPdf(service: BudgetService, file: string, settings: UserSettings, messages: Messages, io: CliIO, fsys: ReportFileSystem): Promise<FileResult | undefined> {
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

function pathToUri(file: string): string {
  return 'file://' + path.resolve(file).split(path.sep).map(encodeURIComponent).join('/');
}

export async function main(argv: readonly string[], io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), stderrIsTTY: process.stderr.isTTY === true }, fsys: ReportFileSystem = fs): Promise<number> {
  // Asking for help is no usage error: the usage on stdout, exit 0.
  if (isHelp(argv)) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const subcommand = SUBCOMMANDS[argv[0]];
  if (subcommand) return subcommand(argv.slice(1), io);
  const parsed = readOptions(argv[0] === 'check' ? argv.slice(1) : argv);
  if (typeof parsed === 'string') {
    io.stderr(parsed + '\n');
    return 2;
  }
  const messages = setFrontEndLocale(parsed.locale ?? 'zh-cn');
  const { files, problems } = collectReports(parsed.inputs, fsys);
  for (const problem of problems) io.stderr(inputProblemText(problem) + '\n');
  let codeTables;
  try {
    const created = createCodeTables(parsed.codes);
    for (const p of created.problems) io.stderr(`${p.file}:${p.line}: ${p.message}\n`);
    codeTables = created.tables;
  } catch (error) {
    io.stderr(t('budget-check: the code tables cannot be read: {0}', describeError('budget-check', error)) + '\n');
    return 2;
  }
  const service = createBudgetService({ codeTables });
  // Reports are checked as they are; a published report's PDF is imported in memory first.
  const checked = checkFiles(service, files.filter((f) => !isPdfPath(f)), parsed.settings, messages, io, fsys);
  let unreadable = checked.unreadable;
  const byFile = new Map(checked.results.map((r) => [r.file, r]));
  for (const file of files.filter(isPdfPath)) {
    const result = await checkPdf(service, file, parsed.settings, messages, io, fsys);
    if (result) byFile.set(file, result);
    else unreadable = true;
  }
  const results = files.map((f) => byFile.get(f)).filter((r): r is FileResult => r !== undefined);
  if (parsed.format === 'json') {
    io.stdout(JSON.stringify({ files: results.map((r) => jsonResult(r, parsed.ledger)) }, null, 2) + '\n');
  } else {
    for (const result of results) io.stdout(textResult(result, parsed.ledger));
    if (results.length > 1) io.stdout(totalLine(results) + '\n');
  }
  return exitStatus(results, unreadable || problems.length > 0);
}

/** Checks each file; what cannot be read and every internal error of the checker go to stderr. */
export function checkFiles(service: BudgetService, files: readonly string[], settings: UserSettings, messages: Messages, io: CliIO, fsys: ReportFileSystem = fs): { results: FileResult[]; unreadable: boolean } {
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

function jsonResult(result: FileResult, withLedger: boolean): unknown {
  return {
    file: result.file,
    ...(result.pages ? { imported: 'pdf' } : {}),
    diagnostics: result.diagnostics.map((d, i) => ({ rule: d.code, severity: severityName(d.severity), message: d.message, range: d.range, ...(result.pages?.[i] !== undefined ? { page: result.pages[i] } : {}) })),
    claims: result.claims,
    ...(result.internalErrors.length ? { internalErrors: result.internalErrors.map((e) => ({ where: e.where, message: e.message })) } : {}),
    ...(withLedger ? { ledger: result.ledger } : {}),
  };
}

/** The last line of a run over several files: the files, findings and claims added up. */
function totalLine(results: readonly FileResult[]): string {
  const sum = { error: 0, warning: 0, notes: 0, total: 0, verified: 0, mismatched: 0, unverified: 0 };
  for (const result of results) {
    const counts = severityCounts(result.diagnostics);
    sum.error += counts.error;
    sum.warning += counts.warning;
    sum.notes += counts.information + counts.hint;
    sum.total += result.claims.total;
    sum.verified += result.claims.verified;
    sum.mismatched += result.claims.mismatched;
    sum.unverified += result.claims.unverified;
  }
  return t('Total: {0} files, {1} errors, {2} warnings, {3} notes; claims in the text: {4} total, {5} verified, {6} mismatched, {7} unverified', results.length, sum.error, sum.warning, sum.notes, sum.total, sum.verified, sum.mismatched, sum.unverified);
}

function kindLine(byKind: NonNullable<FileResult['claims']['byKind']>): string {
  const { money, years, others } = claimGroups(byKind);
  return t('money and percentages {0} ({1} verified, {2} mismatched, {3} unverified); years {4} ({5}, {6}, {7}); counts and words {8} ({9}, {10}, {11})', money.total, money.verified, money.mismatched, money.unverified, years.total, years.verified, years.mismatched, years.unverified, others.total, others.verified, others.mismatched, others.unverified);
}

function textResult(result: FileResult, withLedger: boolean): string {
  const lines = result.diagnostics.map((d, i) => {
    const page = result.pages?.[i];
    return `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d.severity)} ${d.code}: ${d.message}${page !== undefined ? ` (${t('page {0}', page)})` : ''}`;
  });
  if (result.pages) lines.unshift(t('{0}: checked as imported; lines and columns are those of the report `budget-check import {0}` writes', result.file));
  const counts = severityCounts(result.diagnostics);
  const c = result.claims;
  lines.push(t('{0}: {1} errors, {2} warnings, {3} notes; claims in the text: {4} total, {5} verified, {6} mismatched, {7} unverified', result.file, counts.error, counts.warning, counts.information + counts.hint, c.total, c.verified, c.mismatched, c.unverified));
  if (c.byKind && c.total > 0) lines.push('  ' + kindLine(c.byKind));
  if (withLedger) {
    for (const entry of result.ledger) lines.push(`  ${entry.outcome.padEnd(16)} ${entry.rule}${entry.checks ? ` (${entry.checks})` : ''}${entry.reasons.length ? ' — ' + entry.reasons[0] : ''}`);
  }
  return lines.join('\n') + '\n';
}

// A review worker (commands/reviewWorker.ts) may run this file, bundled, in a worker thread.
if (require.main === module && isMainThread) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
