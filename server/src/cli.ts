import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createBudgetService, BudgetService } from './service/budgetService';
import { toDiagnostic } from './service/protocol';
import { setLocale, t } from './service/i18n/l10n';
import { createCodeTables } from './node/dataFiles';
import type { UserSettings } from './service/settings';
import type { LedgerEntry } from './service/rules/ruleTypes';
import { runGenerate } from './commands/generate';
import { runImport } from './commands/import';
import { runExport } from './commands/export';

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
 *                [--rule ID=SEVERITY]... [--tolerance N] [--code-year YYYY] <file|dir>...
 *   budget-check generate <file> [--section TITLE] [--in-place]
 *   budget-check import <file.xlsx>... [-o report.budget.yaml]
 *   budget-check export <report> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf]
 *
 * Exit 0 when no file has an error, 1 when some file has one, 2 for usage or unreadable input.
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

interface Options {
  format: 'text' | 'json';
  codes: string[];
  ledger: boolean;
  locale?: string;
  settings: { rules: Record<string, string>; tolerance?: string; codeYear?: number };
  inputs: string[];
}

const USAGE = 'usage: budget-check [check] [--format text|json] [--codes FILE.csv] [--ledger] [--locale zh-cn|en] [--rule ID=SEVERITY] [--tolerance N] [--code-year YYYY] <file|dir>...\n       budget-check generate <file> [--section TITLE] [--in-place]\n       budget-check import <file.xlsx>... [-o report.budget.yaml]\n       budget-check export <report> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf]';

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { format: 'text', codes: [], ledger: false, settings: { rules: {} }, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string | undefined => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      i += 1;
      return argv[i];
    };
    const name = arg.startsWith('--') ? arg.split('=')[0] : arg;
    switch (name) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') return `--format takes text or json`;
        options.format = v;
        break;
      }
      case '--codes': {
        const v = value();
        if (!v) return '--codes takes a CSV file';
        options.codes.push(v);
        break;
      }
      case '--ledger': options.ledger = true; break;
      case '--locale': options.locale = value(); break;
      case '--rule': {
        const v = value() ?? '';
        const [id, severity] = v.split('=');
        if (!id || !severity) return '--rule takes ID=SEVERITY (error, warning, information, hint, off)';
        options.settings.rules[id] = severity;
        break;
      }
      case '--tolerance': options.settings.tolerance = value(); break;
      case '--code-year': options.settings.codeYear = Number(value()); break;
      case '-h': case '--help': return USAGE;
      default:
        if (arg.startsWith('-')) return `unknown option ${arg}`;
        options.inputs.push(arg);
    }
  }
  if (options.inputs.length === 0) return USAGE;
  return options;
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
}

export function checkText(service: BudgetService, file: string, text: string, settings: UserSettings): FileResult {
  const document = service.parse(text);
  const result = service.validate(document, settings);
  const textDocument = TextDocument.create(pathToUri(file), 'budget-yaml', 0, text);
  return { file, diagnostics: result.findings.map((f) => toDiagnostic(textDocument, f)), ledger: result.ledger, claims: result.claims };
}

function pathToUri(file: string): string {
  return 'file://' + path.resolve(file).split(path.sep).map(encodeURIComponent).join('/');
}

export async function main(argv: readonly string[], io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const subcommand = SUBCOMMANDS[argv[0]];
  if (subcommand) return subcommand(argv.slice(1), io);
  const parsed = parseArgs(argv[0] === 'check' ? argv.slice(1) : argv);
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
    diagnostics: result.diagnostics.map((d) => ({ rule: d.code, severity: SEVERITY_NAMES[d.severity ?? 4], message: d.message, range: d.range })),
    claims: result.claims,
    ...(withLedger ? { ledger: result.ledger } : {}),
  };
}

function textResult(result: FileResult, withLedger: boolean): string {
  const lines = result.diagnostics.map((d) => `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAMES[d.severity ?? 4]} ${d.code}: ${d.message}`);
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
