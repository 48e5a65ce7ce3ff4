import * as path from 'path';
import { check, readSample, SAMPLES } from './helpers';
import * as fs from 'fs';

export interface GoldenFinding {
  readonly rule: string;
  readonly severity: string;
  /** 1-based line and column of the finding's start. */
  readonly line: number;
  readonly column: number;
  /** The text the finding's range covers. */
  readonly text: string;
  readonly message: string;
}

export interface GoldenSample {
  readonly sample: string;
  readonly claims: { total: number; verified: number; mismatched: number; unverified: number };
  readonly findings: readonly GoldenFinding[];
  /** Bugs of the checker met on the sample (stacks): must be none. */
  readonly internalErrors: readonly string[];
}

/** Every sample (the seeds and the teaching samples), relative to samples/. */
export function goldenSamples(): string[] {
  const list: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && entry.name !== 'expected') walk(path.join(dir, entry.name), prefix + entry.name + '/');
      else if (/\.budget\.ya?ml$/.test(entry.name)) list.push(prefix + entry.name);
    }
  };
  walk(SAMPLES, '');
  return list;
}

/** The checker's findings on every sample, in the form the golden files record (Chinese messages). */
export function goldenFindings(): GoldenSample[] {
  return goldenSamples().map((sample) => {
    const text = readSample(sample);
    const result = check(text);
    const findings = result.findings.map((f) => {
      const before = text.slice(0, f.span.start);
      const line = before.split('\n').length;
      const column = f.span.start - before.lastIndexOf('\n');
      return { rule: f.rule, severity: f.severity, line, column, text: text.slice(f.span.start, f.span.end).slice(0, 200), message: f.message };
    });
    return { sample, claims: result.claims, findings, internalErrors: result.internalErrors.map((e) => `${e.where}: ${e.stack ?? e.message}`) };
  });
}
