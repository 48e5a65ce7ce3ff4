import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createBudgetService, BudgetService } from './service/budgetService';
import { toDiagnostic } from './service/protocol';
import { setLocale, t } from './service/i18n/l10n';
import { createCodeTables } from './node/dataFiles';
import type { UserSettings } from './service/settings';
import type { LedgerEntry } from './service/rules/ruleTypes';
import { runGenerate } from './commands/generate';
import { isPdfPath, problemLine, runImport } from './commands/import';
import { importPdf, PdfReadError } from './publish/node/pdfImport';
import { newReportYaml } from './publish/import/emitYaml';
import { pageLocator } from './publish/pdf/sourcePages';
import { runExport } from './commands/export';
import { CommandIO, usageOr } from './commands/args';

/** Subcommands; anything else is `check` (the default). */
const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIO) => Promise<number>>> = {
  generate: runGenerate,
  import: runImport,
  export: runExport,
};

/**
 * budget-check — the command-line front end of the language service.
 *
 *   budget-check [check] [--format text|json] [--codes FILE.csv]... [--ledger] [--locale zh-cn|en]
 *                [--rule ID=SEVERITY]... [--tolerance N] [--code-year YYYY] <file|dir|report.pdf>...
 *   budget-check generate <file> [--section TITLE] [--in-place]
 *   budget-check import <file.xlsx>... | <report.pdf> [-o report.budget.yaml]
 *   budget-check export <report> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf]
 *
 * A .pdf is imported in memory (as `budget-check import` would write it) and checked; its findings
 * name the line of that report and the page of the PDF.
 * Exit 0 when no file has an error, 1 when some file has one, 2 for usage or unreadable input.
 */
export type CliIO = CommandIO;

interface Options {
  format: 'text' | 'json';
  codes: string[];
  ledger: boolean;
  locale?: string;
  settings: { rules: Record<string, string>; tolerance?: string; codeYear?: number };
  inputs: string[];
}

const USAGE = 'usage: budget-check [check] [--format text|json] [--codes FILE.csv] [--ledger] [--locale zh-cn|en] [--rule ID=SEVERITY] [--tolerance N] [--code-year YYYY] <file|dir|report.pdf>...\n       budget-check generate <file> [--section TITLE] [--in-place]\n       budget-check import <file.xlsx>... | <report.pdf> [-o report.budget.yaml]\n       budget-check export <report> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf]';

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
    if (!id || !severity) return '--rule takes ID=SEVERITY (error, warning, information, hint, off)';
    rules[id] = severity;
  }
  const codeYear = values['code-year'] === undefined ? undefined : Number(values['code-year']);
  return { format: values.format, codes: values.codes, ledger: values.ledger, locale: values.locale, settings: { rules, tolerance: values.tolerance, codeYear }, inputs: positionals };
}

/** Report files under the inputs: files as given, directories searched for *.budget.yaml / *.budget.yml. */
export function collectFiles(inputs: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.budget\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, missing };
}

export interface FileResult {
  readonly file: string;
  readonly diagnostics: ReturnType<typeof toDiagnostic>[];
  readonly ledger: readonly LedgerEntry[];
  readonly claims: { total: number; verified: number; mismatched: number; unverified: number };
  readonly error?: string;
  /** For a PDF checked as imported: the page each diagnostic's place came from. */
  readonly pages?: ReadonlyArray<number | undefined>;
}

export function checkText(service: BudgetService, file: string, text: string, settings: UserSettings): FileResult {
  const document = service.parse(text);
  const result = service.validate(document, settings);
  const textDocument = TextDocument.create(pathToUri(file), 'budget-yaml', 0, text);
  return { file, diagnostics: result.findings.map((f) => toDiagnostic(textDocument, f)), ledger: result.ledger, claims: result.claims };
}

/**
 * A published report's PDF, checked as `budget-check import` would write it: what the import could
 * not place goes to stderr, every finding carries the page its place came from. Undefined when
 * the PDF cannot be read (the reason is on stderr).
 */
async function checkPdf(service: BudgetService, file: string, settings: UserSettings, io: CliIO): Promise<FileResult | undefined> {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    io.stderr(t('budget-check: cannot read {0}', file) + '\n');
    return undefined;
  }
  try {
    const imported = await importPdf({ file, data });
    for (const problem of imported.result.problems) io.stderr(problemLine(problem) + '\n');
    const text = newReportYaml(imported.result, { sources: [path.basename(file)] });
    const result = checkText(service, file, text, settings);
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

export async function main(argv: readonly string[], io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const subcommand = SUBCOMMANDS[argv[0]];
  if (subcommand) return subcommand(argv.slice(1), io);
  const parsed = readOptions(argv[0] === 'check' ? argv.slice(1) : argv);
  if (typeof parsed === 'string') {
    io.stderr(parsed + '\n');
    return 2;
  }
  setLocale(parsed.locale ?? 'zh-cn');
  const { files, missing } = collectFiles(parsed.inputs);
  for (const m of missing) io.stderr(t('budget-check: cannot read {0}', m) + '\n');
  let codeTables;
  try {
    const created = createCodeTables(parsed.codes);
    for (const p of created.problems) io.stderr(`${p.file}:${p.line}: ${p.message}\n`);
    codeTables = created.tables;
  } catch (error) {
    io.stderr(String((error as Error).message) + '\n');
    return 2;
  }
  const service = createBudgetService({ codeTables });
  const results: FileResult[] = [];
  let unreadable = missing.length > 0;
  for (const file of files) {
    if (isPdfPath(file)) {
      const result = await checkPdf(service, file, parsed.settings, io);
      if (result) results.push(result);
      else unreadable = true;
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      unreadable = true;
      io.stderr(t('budget-check: cannot read {0}', file) + '\n');
      continue;
    }
    results.push(checkText(service, file, text, parsed.settings));
  }
  if (parsed.format === 'json') {
    io.stdout(JSON.stringify({ files: results.map((r) => jsonResult(r, parsed.ledger)) }, null, 2) + '\n');
  } else {
    for (const result of results) io.stdout(textResult(result, parsed.ledger));
  }
  if (unreadable || (files.length === 0 && missing.length > 0)) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

function jsonResult(result: FileResult, withLedger: boolean): unknown {
  return {
    file: result.file,
    ...(result.pages ? { imported: 'pdf' } : {}),
    diagnostics: result.diagnostics.map((d, i) => ({ rule: d.code, severity: SEVERITY_NAMES[d.severity ?? 4], message: d.message, range: d.range, ...(result.pages?.[i] !== undefined ? { page: result.pages[i] } : {}) })),
    claims: result.claims,
    ...(withLedger ? { ledger: result.ledger } : {}),
  };
}

function textResult(result: FileResult, withLedger: boolean): string {
  const lines = result.diagnostics.map((d, i) => {
    const page = result.pages?.[i];
    return `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAMES[d.severity ?? 4]} ${d.code}: ${d.message}${page !== undefined ? ` (${t('page {0}', page)})` : ''}`;
  });
  if (result.pages) lines.unshift(t('{0}: checked as imported; lines and columns are those of the report `budget-check import {0}` writes', result.file));
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of result.diagnostics) counts[SEVERITY_NAMES[d.severity ?? 4] as keyof typeof counts] += 1;
  const c = result.claims;
  lines.push(t('{0}: {1} errors, {2} warnings, {3} notes; claims in the text: {4} total, {5} verified, {6} mismatched, {7} unverified', result.file, counts.error, counts.warning, counts.information + counts.hint, c.total, c.verified, c.mismatched, c.unverified));
  if (withLedger) {
    for (const entry of result.ledger) lines.push(`  ${entry.outcome.padEnd(16)} ${entry.rule}${entry.checks ? ` (${entry.checks})` : ''}${entry.reasons.length ? ' — ' + entry.reasons[0] : ''}`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
