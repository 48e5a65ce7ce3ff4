import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { runReview, ReviewHooks } from '../../src/commands/review';
import { setFrontEndLocale } from '../../src/service/i18n/l10n';
import { readSample, sampleFiles, SAMPLES } from '../helpers';
import { DEPARTMENT_PDF, UNIT_PDF } from '../pdf/fixtures';
import { buildPdf } from '../pdf/pdfWriter';

/** Folders to review: copies of the samples and of the two published PDFs, broken PDFs, a hostile report. */

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'budget-review-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Runs `budget-check …` in this process; review hooks go to the review command. */
export async function run(args: readonly string[], hooks?: ReviewHooks): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => { stdout += s; }, stderr: (s: string) => { stderr += s; } };
  try {
    const code = hooks ? await runReview(args.slice(1), io, fs, hooks) : await main(args, io);
    return { code, stdout, stderr };
  } finally {
    setFrontEndLocale('zh-cn');
  }
}

export const HOSTILE_NAME = 'a<b>&c.budget.yaml';
export const HOSTILE_TEXT = '<script>alert("budget")</script>';

/** The teaching sample with a script tag and a placeholder (review/placeholder) in its first paragraph. */
export function hostileReport(): string {
  return readSample(path.join('teaching', 'clean.budget.yaml')).replace('示例县统计局负责全县统计调查', `示例县统计局${HOSTILE_TEXT}负责XX全县统计调查`);
}

/** A truncated copy of a real PDF, and a PDF with a user password. */
export function brokenPdf(): Buffer {
  const real = fs.readFileSync(DEPARTMENT_PDF);
  return real.subarray(0, Math.floor(real.length / 2));
}

export function encryptedPdf(): Buffer {
  return buildPdf({ pages: [{ texts: [{ x: 60, y: 60, size: 12, text: '机密' }] }], userPassword: 'secret' });
}

/**
 * The seven samples, the two published PDFs, a truncated and an encrypted PDF, and in a
 * subfolder a hostile report with markup in its name and text.
 */
export function fullFolder(): string {
  const dir = tempDir();
  for (const file of sampleFiles()) fs.copyFileSync(file, path.join(dir, path.basename(file)));
  fs.copyFileSync(DEPARTMENT_PDF, path.join(dir, path.basename(DEPARTMENT_PDF)));
  fs.copyFileSync(UNIT_PDF, path.join(dir, path.basename(UNIT_PDF)));
  fs.writeFileSync(path.join(dir, 'broken.pdf'), brokenPdf());
  fs.writeFileSync(path.join(dir, 'encrypted.pdf'), encryptedPdf());
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', HOSTILE_NAME), hostileReport());
  // Neither a report nor a PDF: not reviewed.
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a report');
  return dir;
}

/** A small folder of YAML reports (fast): three samples, the teaching pair and a truncated PDF. */
export function smallFolder(withBrokenPdf = true): string {
  const dir = tempDir();
  for (const name of ['000-jiyuan-2022-unit.budget.yaml', '003-jiyuan-2024.budget.yaml', '004-changan-2022.budget.yaml']) fs.copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
  fs.mkdirSync(path.join(dir, 'teaching'));
  for (const name of ['clean.budget.yaml', 'mistakes.budget.yaml']) fs.copyFileSync(path.join(SAMPLES, 'teaching', name), path.join(dir, 'teaching', name));
  if (withBrokenPdf) fs.writeFileSync(path.join(dir, 'broken.pdf'), brokenPdf());
  return dir;
}

/** The files a review of `dir` reads, in the order of its lines. */
export function reviewedFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.budget\.ya?ml$|\.pdf$/i.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
