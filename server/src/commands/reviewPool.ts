import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { t } from '../service/i18n/l10n';
import type { ReviewedReport } from '../publish/review/reviewedReport';
import { isPdfPath } from './import';
import { ReviewAnswer, reviewContext, reviewOne, ReviewSetup, ReviewTask, WORKER_FLAG } from './reviewWorker';

/**
 * Checks the reports of a review in a pool of worker threads (node:worker_threads), each with its
 * own language service; `jobs: 0` checks them one after the other in this thread. The answers
 * keep the order of `files`, whichever worker finishes first. A worker that crashes (an uncaught
 * error, an exit) turns the report it was checking into a failure, and a new worker takes over
 * the reports still waiting: one bad report never ends the run.
 */

export interface PoolOptions {
  readonly files: readonly string[];
  /** Workers at most (the pool has min(jobs, files) of them); 0 checks in this thread. */
  readonly jobs: number;
  readonly setup: ReviewSetup;
  /** Called as each report is done (in the order they finish). */
  readonly onReport?: (index: number, report: ReviewedReport) => void;
  /** What a worker wrote to its stdout (pdf.js warnings): kept off the review's stdout. */
  readonly onWorkerOutput?: (text: string) => void;
}

/** The default size of the pool: one worker per core the process may use. */
export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * The file a worker runs: the compiled worker module next to this one (tsc's out/), or else the
 * bundle this code is part of (esbuild's dist/cli.js), which starts the worker when it is loaded
 * with workerData[WORKER_FLAG].
 */
export function workerScript(): string {
  const compiled = path.join(__dirname, 'reviewWorker.js');
  return fs.existsSync(compiled) ? compiled : __filename;
}

export async function reviewFiles(options: PoolOptions): Promise<ReviewedReport[]> {
  const { files } = options;
  const reports: ReviewedReport[] = new Array(files.length);
  const done = (index: number, report: ReviewedReport): void => {
    reports[index] = report;
    options.onReport?.(index, report);
  };
  if (files.length === 0) return reports;
  if (options.jobs <= 0) {
    const context = reviewContext(options.setup);
    for (const [index, file] of files.entries()) done(index, await reviewOne(context, file));
    return reports;
  }
  const size = Math.min(options.jobs, files.length);
  const script = workerScript();
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    let live = 0;
    const settle = (): void => {
      if (live === 0 && finished === files.length) resolve(reports);
    };
    const startWorker = (): void => {
      if (next >= files.length) return;
      live += 1;
      const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true, setup: options.setup }, stdout: true });
      worker.stdout.on('data', (chunk: Buffer) => options.onWorkerOutput?.(chunk.toString('utf8')));
      let current: number | undefined;
      let failure: Error | undefined;
      const give = (): void => {
        if (next >= files.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current] } satisfies ReviewTask);
      };
      worker.on('message', (answer: ReviewAnswer) => {
        if (answer.index !== current) return;
        finished += 1;
        done(answer.index, answer.report);
        give();
      });
      worker.on('error', (error) => {
        failure = error;
      });
      worker.on('exit', (code) => {
        live -= 1;
        if (current !== undefined) {
          const file = files[current];
          const detail = failure ? failure.stack ?? failure.message : `the worker thread exited with code ${code}`;
          finished += 1;
          done(current, {
            file,
            pdf: isPdfPath(file),
            failure: t('the checker stopped while checking this report (please report it; the details are on stderr)'),
            stderr: [t('budget-check: internal error of the checker on {0} (please report it): {1}', file, detail)],
          });
          current = undefined;
          // The reports still waiting go to a new worker.
          startWorker();
        }
        settle();
      });
      give();
    };
    for (let i = 0; i < size; i++) startWorker();
  });
}
