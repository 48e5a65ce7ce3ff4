import * as fs from 'fs';
import { parseSettings, settingsProblemText } from '../service/settingsInput';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { exitStatus, EXIT_INTERNAL_ERROR } from './checkFile';
import { FileResult, severityCounts } from '../service/fileResult';
import { createCodeTables } from '../node/dataFiles';
import { collectReports, inputProblemText, InputProblem, ReportFileSystem } from '../node/reportFiles';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import { describeError } from '../service/i18n/plainError';
import type { UserSettings } from '../service/settings';
import type { ReviewedReport, ReviewInputProblem } from '../publish/review/reviewedReport';
import { moneyClaims, renderReviewPage } from '../publish/review/reviewPage';
import { defaultJobs, reviewFiles } from './reviewPool';
import type { ReviewSetup } from './reviewWorker';

/**
 * budget-check review — every report of a folder, YAML or published PDF, checked as the check
 * command checks it, one line per report; with --html the page a reviewer hands on.
 *
 *   budget-check review <folder|file>... [--html review.html] [--locale zh-cn|en] [--progress]
 *                       [--jobs N] [--codes FILE.csv]... [--rule ID=SEVERITY]...
 *
 * Folders are searched as the check command searches them, for *.budget.yaml / *.budget.yml and
 * also *.pdf. The reports are checked in worker threads (--jobs, one per core by default; 0 checks
 * them in this thread); the lines come in the order of the paths, whatever finishes first.
 * Progress (`[3/40] file`) goes to stderr when it is a terminal, or with --progress.
 * Exit as the check command: 0 no report has an error, 1 some report has one, 2 usage errors and
 * input that could not be read (a missing path, a folder without reports, a PDF that cannot be
 * imported — the others are still reviewed), 3 the checker failed (an internal error, a crashed
 * worker).
 */

const USAGE = 'usage: budget-check review <folder|file>... [--html review.html] [--locale zh-cn|en] [--progress] [--jobs N] [--codes FILE.csv] [--rule ID=SEVERITY]';

/** What a review reads in folders: reports and published PDFs. */
export const REVIEW_FILE = /\.budget\.ya?ml$|\.pdf$/i;

interface Options {
  readonly inputs: string[];
  readonly html?: string;
  readonly locale?: string;
  readonly progress: boolean;
  readonly jobs?: number;
  readonly codes: string[];
  readonly settings: UserSettings;
}

function readOptions(argv: readonly string[]): Options | string {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      html: { type: 'string' },
      locale: { type: 'string' },
      progress: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      codes: { type: 'string', multiple: true, default: [] },
      rule: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return USAGE;
  if (values.html === '') return t('--html takes the page to write');
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs) || !Number.isSafeInteger(jobs)) return t('--jobs takes a number of worker threads (0: check in this thread)');
  }
  const rules: Record<string, string> = {};
  for (const rule of values.rule) {
    const [id, severity] = rule.split('=');
    if (!id || !severity) return t('--rule takes ID=SEVERITY (error, warning, information, hint, off)');
    rules[id] = severity;
  }
  const checked = parseSettings({ rules, locale: values.locale });
  if (checked.problems.length > 0) return checked.problems.map(settingsProblemText).join('\n');
  return { inputs: positionals, html: values.html, locale: values.locale, progress: values.progress, jobs, codes: values.codes, settings: checked.user };
}

function problemText(problem: InputProblem): string {
  return problem.kind === 'empty' ? t('budget-check: no report (*.budget.yaml, *.budget.yml, *.pdf) in the folder {0}', problem.path) : inputProblemText(problem);
}

/** The line of one report on stdout. */
export function reportLine(report: ReviewedReport): string {
  if (report.problem !== undefined) return report.problem.replace(/\n/g, ' ');
  if (!report.result) return `${report.file}: ${report.failure ?? ''}`;
  const result = report.result;
  const counts = severityCounts(result.diagnostics);
  const money = moneyClaims(result);
  const internal = result.internalErrors.length ? t('; {0} internal errors of the checker', result.internalErrors.length) : '';
  return t('{0}: {1} errors, {2} warnings, {3} notes; money and percentages in the text: {4} ({5} verified, {6} mismatched, {7} unverified)', report.file, counts.error, counts.warning, counts.information + counts.hint, money.total, money.verified, money.mismatched, money.unverified) + internal;
}

function totalLine(reports: readonly ReviewedReport[]): string {
  const sum = { error: 0, warning: 0, notes: 0, total: 0, verified: 0, mismatched: 0, unverified: 0 };
  for (const report of reports) {
    if (!report.result) continue;
    const counts = severityCounts(report.result.diagnostics);
    const money = moneyClaims(report.result);
    sum.error += counts.error;
    sum.warning += counts.warning;
    sum.notes += counts.information + counts.hint;
    sum.total += money.total;
    sum.verified += money.verified;
    sum.mismatched += money.mismatched;
    sum.unverified += money.unverified;
  }
  const notChecked = reports.filter((r) => !r.result).length;
  return t('Total: {0} reports, {1} errors, {2} warnings, {3} notes; money and percentages in the text: {4} ({5} verified, {6} mismatched, {7} unverified)', reports.length, sum.error, sum.warning, sum.notes, sum.total, sum.verified, sum.mismatched, sum.unverified)
    + (notChecked ? t('; {0} could not be checked', notChecked) : '');
}

/** For tests: the pool's size and faults to inject (see ReviewSetup.testFaults). */
export interface ReviewHooks {
  readonly testFaults?: ReviewSetup['testFaults'];
}

export async function runReview(argv: readonly string[], io: CommandIO, fsys: ReportFileSystem = fs, hooks: ReviewHooks = {}): Promise<number> {
  const parsed = readOptions(argv);
  if (typeof parsed === 'string') {
    io.stderr(parsed + '\n');
    return 2;
  }
  const messages = setFrontEndLocale(parsed.locale ?? 'zh-cn');
  const locale = messages.locale;
  const collected = collectReports(parsed.inputs, fsys, REVIEW_FILE);
  const inputProblems: ReviewInputProblem[] = collected.problems.map((p) => ({ path: p.path, message: problemText(p) }));
  for (const problem of inputProblems) io.stderr(problem.message + '\n');
  if (parsed.codes.length > 0) {
    // Read here once for their problems; every worker reads them again for its own service.
    try {
      const created = createCodeTables(parsed.codes);
      for (const p of created.problems) io.stderr(`${p.file}:${p.line}: ${p.message}\n`);
    } catch (error) {
      io.stderr(t('budget-check: the code tables cannot be read: {0}', describeError('budget-check', error)) + '\n');
      return 2;
    }
  }
  const files = [...new Set(collected.files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const showProgress = parsed.progress || io.stderrIsTTY === true;
  const ready: Array<ReviewedReport | undefined> = new Array(files.length);
  let printed = 0;
  let finished = 0;
  const reports = await reviewFiles({
    files,
    jobs: parsed.jobs ?? defaultJobs(),
    setup: { locale, codes: parsed.codes, settings: parsed.settings, withText: parsed.html !== undefined, testFaults: hooks.testFaults },
    onWorkerOutput: (text) => io.stderr(text),
    onReport: (index, report) => {
      finished += 1;
      if (showProgress) io.stderr(`[${finished}/${files.length}] ${report.file}\n`);
      ready[index] = report;
      // Lines in the order of the paths: each as soon as those before it are done.
      while (printed < files.length && ready[printed]) {
        const next = ready[printed]!;
        for (const line of next.stderr) io.stderr(line + '\n');
        io.stdout(reportLine(next) + '\n');
        ready[printed] = undefined;
        printed += 1;
      }
    },
  });
  if (reports.length > 1) io.stdout(totalLine(reports) + '\n');
  let unwritten = false;
  if (parsed.html !== undefined) {
    try {
      await fs.promises.writeFile(parsed.html, renderReviewPage(reports, { messages, inputProblems }));
      io.stderr(t('Wrote {0}', parsed.html) + '\n');
    } catch (error) {
      io.stderr(t('budget-check: cannot write {0}: {1}', parsed.html, describeError('budget-check', error)) + '\n');
      unwritten = true;
    }
  }
  const results = reports.map((r) => r.result).filter((r): r is FileResult => r !== undefined);
  const unreadable = inputProblems.length > 0 || reports.some((r) => r.problem !== undefined) || unwritten;
  const status = exitStatus(results, unreadable);
  if (status !== 2 && reports.some((r) => r.failure !== undefined)) return EXIT_INTERNAL_ERROR;
  return status;
}
