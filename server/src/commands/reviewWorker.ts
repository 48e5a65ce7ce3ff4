import * as path from 'path';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { checkReportFile } from './checkFile';
import { createBudgetService, BudgetService } from '../service/budgetService';
import { createCodeTables } from '../node/dataFiles';
import { Messages, setFrontEndLocale, t } from '../service/i18n/l10n';
import type { UserSettings } from '../service/settings';
import { isPdfPath } from './import';
import type { ReviewedReport } from '../publish/review/reviewedReport';

/**
 * The checking side of `budget-check review`: one report at a time through the check command's
 * own path (checkFile.ts checkReportFile: a YAML report read and checked, a PDF imported in memory and
 * checked). It runs in a worker thread of the review's pool, or in the review's own thread
 * (`--jobs 0`).
 *
 * A worker thread runs this module with workerData[WORKER_FLAG]: from a checkout the compiled
 * file (out/server/src/commands/reviewWorker.js), from the package the bundle dist/cli.js itself,
 * which holds this module and starts it here (cli.ts runs its command line only on the main
 * thread).
 */

export const WORKER_FLAG = 'budgetReviewWorker';

/** What every worker is started with. */
export interface ReviewSetup {
  readonly locale: string;
  /** Extra code tables (CSV files), as `--codes` of the check command. */
  readonly codes: readonly string[];
  readonly settings: UserSettings;
  /** Keep the checked text with each result (the review page quotes it). */
  readonly withText: boolean;
  /** For tests only: the file name on which a worker crashes, or the check throws. */
  readonly testFaults?: { readonly crash?: string; readonly throw?: string };
}

export interface ReviewContext {
  readonly setup: ReviewSetup;
  readonly service: BudgetService;
  readonly messages: Messages;
}

export function reviewContext(setup: ReviewSetup): ReviewContext {
  const messages = setFrontEndLocale(setup.locale);
  // The review read the code tables once before starting (their problems are its to show).
  const service = createBudgetService({ codeTables: createCodeTables([...setup.codes]).tables });
  return { setup, service, messages };
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** Checks one report; never throws: a failure of the checker becomes the report's `failure`. */
export async function reviewOne(context: ReviewContext, file: string): Promise<ReviewedReport> {
  const stderr: string[] = [];
  const io = { stdout: (): void => undefined, stderr: (text: string): void => { stderr.push(...lines(text)); } };
  const pdf = isPdfPath(file);
  try {
    if (context.setup.testFaults?.throw === path.basename(file)) throw new Error(`a fault injected by a test on ${path.basename(file)}`);
    const result = await checkReportFile(context.service, file, context.setup.settings, context.messages, io);
    if (!result) return { file, pdf, problem: stderr.join('\n'), stderr: [] };
    return { file, pdf, result: context.setup.withText ? result : { ...result, text: undefined }, stderr };
  } catch (error) {
    stderr.push(t('budget-check: internal error of the checker on {0} (please report it): {1}', file, error instanceof Error ? error.stack ?? error.message : String(error)));
    return { file, pdf, failure: t('the checker failed on this report (please report it; the details are on stderr)'), stderr };
  }
}

/** A task of the pool, and its answer. */
export interface ReviewTask {
  readonly index: number;
  readonly file: string;
}

export interface ReviewAnswer {
  readonly index: number;
  readonly report: ReviewedReport;
}

function serve(setup: ReviewSetup): void {
  const port = parentPort!;
  const context = reviewContext(setup);
  port.on('message', (task: ReviewTask) => {
    if (setup.testFaults?.crash === path.basename(task.file)) {
      setImmediate(() => { throw new Error(`a crash injected by a test on ${path.basename(task.file)}`); });
      return;
    }
    void reviewOne(context, task.file).then((report) => port.postMessage({ index: task.index, report } satisfies ReviewAnswer));
  });
}

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  // Started once the bundle (or this file and what it imports) has been evaluated completely.
  const setup = (workerData as { setup: ReviewSetup }).setup;
  setImmediate(() => serve(setup));
}
