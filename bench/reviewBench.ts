import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * `budget-check review` on a folder of the seven real samples (000–006), as a user runs it: a new
 * process each time (module loading and, with workers, each worker's own start included), with
 * the checking in this thread (--jobs 0), in one worker, and in the default pool (one worker per
 * core). Wall time, median of three runs.
 */

const ROOT = path.resolve(__dirname, '..', '..');

export interface ReviewRow {
  readonly jobs: string;
  readonly reports: number;
  readonly ms: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function reviewTimes(runs = 3): ReviewRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-bench-review-'));
  try {
    const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => /^\d{3}-.*\.budget\.yaml$/.test(f));
    for (const file of samples) fs.copyFileSync(path.join(ROOT, 'samples', file), path.join(dir, file));
    const cli = path.join(ROOT, 'bin', 'budget-check.js');
    const rows: ReviewRow[] = [];
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    for (const jobs of ['0', '1', String(cores)]) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const result = spawnSync(process.execPath, [cli, 'review', dir, '--jobs', jobs], { encoding: 'utf8' });
        times.push(performance.now() - started);
        if (result.status !== 0 && result.status !== 1) throw new Error(`review --jobs ${jobs} exited with ${result.status}: ${result.stderr}`);
      }
      rows.push({ jobs, reports: samples.length, ms: median(times) });
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printReviewTimes(rows: readonly ReviewRow[]): void {
  const label = (jobs: string): string => (jobs === '0' ? 'in the main thread (--jobs 0)' : jobs === '1' ? 'one worker thread (--jobs 1)' : `${jobs} worker threads (default)`);
  console.log(`\n| budget-check review, ${rows[0]?.reports ?? 0} samples | wall time (new process, median of 3) |`);
  console.log('|---|---|');
  for (const row of rows) console.log(`| ${label(row.jobs)} | ${(row.ms / 1000).toFixed(2)} s |`);
  console.log(`\nSUMMARY: review of the ${rows[0]?.reports ?? 0} samples ` + rows.map((r) => `${(r.ms / 1000).toFixed(2)} s with --jobs ${r.jobs}`).join(', ') + ` (${os.loadavg()[0].toFixed(1)} load average)`);
}
