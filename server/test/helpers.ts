import * as fs from 'fs';
import * as path from 'path';
import { createBudgetService, BudgetService } from '../src/service/budgetService';
import { createCodeTables } from '../src/node/dataFiles';
import type { Finding } from '../src/service/findings';
import type { UserSettings } from '../src/service/settings';
import type { ValidationResult } from '../src/service/rules/ruleTypes';

/** The repository root (tests run from out/server/test). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SAMPLES = path.join(ROOT, 'samples');

let shared: BudgetService | undefined;

export function service(): BudgetService {
  if (!shared) shared = createBudgetService({ codeTables: createCodeTables().tables });
  return shared;
}

export function check(text: string, settings?: UserSettings): ValidationResult & { text: string } {
  const s = service();
  return { ...s.validate(s.parse(text), settings), text };
}

export function findings(text: string, rule: string, settings?: UserSettings): Finding[] {
  return check(text, settings).findings.filter((f) => f.rule === rule);
}

/** The text a finding's span covers. */
export function spanText(text: string, finding: { span: { start: number; end: number } }): string {
  return text.slice(finding.span.start, finding.span.end);
}

export function sampleFiles(): string[] {
  return fs.readdirSync(SAMPLES).filter((f) => /\.budget\.ya?ml$/.test(f)).sort().map((f) => path.join(SAMPLES, f));
}

export function readSample(name: string): string {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}

/** A minimal valid report around the given YAML of `tables:` (indented by the caller) and `narrative:`. */
export function report(body: string, header = 'department: 测试单位\nkind: department\nyear: 2024\nunit: 万元\n'): string {
  return header + body.replace(/^\n/, '');
}

/** A seeded generator of integers in [0, n): the same "random" sequence on every run. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % n;
  };
}
