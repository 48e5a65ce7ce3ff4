import * as fs from 'fs';
import { parseArgs } from 'util';
import { isMainThread } from 'worker_threads';
import { createBudgetService } from './service/budgetService';
import { severityName } from './service/protocol';
import { setFrontEndLocale, t } from './service/i18n/l10n';
import { createCodeTables } from './node/dataFiles';
import type { UserSettings } from './service/settings';
import { claimGroups, FileResult, severityCounts } from './service/fileResult';
import { runGenerate } from './commands/generate';
import { runRefresh } from './commands/refresh';
import { runNextYear } from './commands/nextYear';
import { isPdfPath, runImport } from './commands/import';
import { runExport } from './commands/export';
import { runNew } from './commands/new';
import { CommandIO, isHelp, usageOr } from './commands/args';
import { parseSettings, settingsProblemText } from './service/settingsInput';
import { collectReports, inputProblemText, ReportFileSystem } from './node/reportFiles';
import { describeError } from './service/i18n/plainError';
import { runReview } from './commands/review';
import { checkFiles, checkPdf, exitStatus } from './commands/checkFile';

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

/** Checking a file and the exit status (commands/checkFile.ts, shared with `budget-check review`), as the tests read them here. */
export { checkBytes, checkFiles, checkReportFile, checkText, exitStatus, EXIT_INTERNAL_ERROR } from './commands/checkFile';

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
