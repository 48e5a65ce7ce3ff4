import { parseAmount } from '../src/service/amount/amount';
import type { Finding, OffsetEdit } from '../src/service/findings';
import type { Cell } from '../src/service/model/types';
import type { MoneyUnit } from '../src/service/amount/units';
import type { ParsedDocument } from '../src/service/document';
import { applyEdits } from '../src/service/narrative/blockEdit';
import { nonOverlapping } from '../src/service/actions/codeActions';
import { formatLike } from '../src/service/amount/format';
import { asWritten } from '../src/service/rules/evidence/placement';
import { readSample, service } from './helpers';
import { amountCells } from './sampleCells';

/**
 * The fix-application test of issue 15 ("quick fixes must never make a correct report wrong"):
 * change one printed figure of a sample, apply every quick fix the checker then offers, and
 * check that
 *
 *   - every edit either restores the changed cell to what the sample prints, or is a fix the
 *     checker offers on the unchanged sample too (a real slip of the published report), with
 *     the same text — so no correct cell and no correct number of the narrative changes, and
 *     no slip is "fixed" with a value computed from the changed cell;
 *   - no two fixes offered write different values into the same place;
 *   - the report after all offered fixes, and after the certain ones only ("fix all"), has no
 *     more errors and warnings than the changed report (or the sample, when a restored cell lets
 *     the sample's own slips be found again), and none that neither of them has.
 *
 * Every cell is its own run: a second changed cell in the same run could take away the
 * evidence that makes a wrong fix visible.
 */
export interface FixSafetyResult {
  readonly cells: number;
  /** Distinct edits applied over all runs (certain or not). */
  readonly fixesApplied: number;
  readonly certainApplied: number;
  /** Runs in which an offered fix restored the changed cell; of those, by a certain fix. */
  readonly restored: number;
  readonly restoredCertain: number;
  readonly violations: string[];
  readonly validations: number;
}

const problemKeys = (findings: readonly Finding[]): string[] => findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}|${f.message}`);
const editKey = (e: OffsetEdit): string => `${e.span.start}|${e.span.end}|${e.newText}`;

/** The amount a cell's source text (quotes and all) writes; undefined when it is not one. */
function amountOf(raw: string): string | undefined {
  const parsed = parseAmount(raw.trim().replace(/^(["'])(.*)\1$/, '$2'));
  return parsed.ok && !parsed.amount.blank ? parsed.amount.value.toString() : undefined;
}

export function checkFixSafety(sample: string, mutate: (raw: string, cell: Cell, unit: MoneyUnit) => string | undefined): FixSafetyResult {
  const s = service();
  const text = readSample(sample);
  const base = s.parse(text);
  const baseline = s.validate(base).findings;
  const baselineEdits = new Set(baseline.flatMap((f) => (f.data?.fixes ?? []).flatMap((fix) => fix.edits.map(editKey))));
  const original = problemKeys(baseline);
  const inOriginal = new Set(original);
  const problemsOf = new Map<string, string[]>([[text, original]]);
  let validations = 1;
  const problemsAfter = (candidate: string, from: ParsedDocument): string[] => {
    let found = problemsOf.get(candidate);
    if (found === undefined) {
      found = problemKeys(s.validate(s.parse(candidate, from)).findings);
      validations++;
      if (problemsOf.size > 200) problemsOf.clear();
      problemsOf.set(candidate, found);
    }
    return found;
  };
  /**
   * A fixed report is no worse than the changed one: no more errors and warnings than the
   * changed report or the sample has (restoring a cell that could not be read lets the sample's
   * own slips be found again), and no problem of structure (YAML, schema, amounts) that neither
   * of them has — a fix never breaks the file.
   */
  const worse = (after: readonly string[], before: readonly string[]): string | undefined => {
    const known = new Set(before);
    const fresh = after.filter((k) => /^(yaml|schema|amount)\//.test(k) && !known.has(k) && !inOriginal.has(k));
    if (fresh.length > 0) return `a new finding ${fresh[0].slice(0, 160)}`;
    if (after.length > Math.max(before.length, original.length)) return `${after.length} errors and warnings, ${before.length} before`;
    return undefined;
  };
  const result = { cells: 0, fixesApplied: 0, certainApplied: 0, restored: 0, restoredCertain: 0, violations: [] as string[], validations: 0 };
  for (const { table, cell, unit } of amountCells(text)) {
    const start = cell.span.start;
    const raw = text.slice(start, cell.span.end);
    const changed = mutate(raw, cell, unit);
    if (changed === undefined || changed === raw) continue;
    result.cells++;
    const end = start + changed.length;
    const delta = changed.length - raw.length;
    const mutated = text.slice(0, start) + changed + text.slice(cell.span.end);
    const parsed = s.parse(mutated, base);
    const findings = s.validate(parsed).findings;
    validations++;
    const before = problemKeys(findings);
    const where = `${sample} ${table} ${raw.trim()} → ${changed.trim()} (offset ${start})`;
    const offered = findings.flatMap((finding) => (finding.data?.fixes ?? []).map((fix) => ({ finding, fix })));
    const byKey = new Map<string, { edit: OffsetEdit; certain: boolean; preferred: boolean; what: string; findings: Set<Finding> }>();
    for (const { finding, fix } of offered) {
      // Offsets copied now: spans are live nodes that move when a later version is parsed from this one.
      for (const edit of fix.edits.map((e) => ({ span: { start: e.span.start, end: e.span.end }, newText: e.newText }))) {
        const known = byKey.get(editKey(edit));
        byKey.set(editKey(edit), {
          edit,
          certain: (known?.certain ?? false) || !!fix.certain,
          // Of a finding's alternative fixes (the likely meanings of a label) one is applied: the first.
          preferred: (known?.preferred ?? false) || fix === finding.data!.fixes![0],
          what: `${finding.rule} “${fix.title}” (${finding.message.slice(0, 80)})`,
          findings: new Set([...(known?.findings ?? []), finding]),
        });
      }
    }
    const edits = [...byKey.values()];
    const sorted = [...edits].sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1].edit;
      const b = sorted[i].edit;
      // The alternatives of one finding (the likely meanings of a label) are a choice, not a conflict.
      const alternatives = [...sorted[i - 1].findings].some((f) => sorted[i].findings.has(f));
      if (!alternatives && (b.span.start < a.span.end || (a.span.start === b.span.start && a.span.end === b.span.end))) {
        result.violations.push(`${where}: two fixes write different values into one place: “${a.newText}” and “${b.newText}” (${sorted[i - 1].what}; ${sorted[i].what})`);
      }
    }
    let restoredHere = false;
    let restoredCertainHere = false;
    for (const { edit, certain, what } of edits) {
      if (edit.span.start >= start && edit.span.end <= end) {
        const after = changed.slice(0, edit.span.start - start) + edit.newText + changed.slice(edit.span.end - start);
        // Back to the printed figure, or to the value the unchanged report's own fix gives a slip.
        const slipFix = [...baselineEdits].some((k) => k.startsWith(`${start}|${start + raw.length}|`) && amountOf(k.split('|').slice(2).join('|')) === amountOf(after));
        if (amountOf(after) !== amountOf(raw) && !slipFix) result.violations.push(`${where}: ${what} writes “${after.trim()}” into the changed cell, not its figure ${raw.trim()}`);
        else {
          restoredHere = true;
          restoredCertainHere ||= certain;
        }
        continue;
      }
      if (edit.span.start < end && edit.span.end > start) {
        result.violations.push(`${where}: ${what} edits across the changed cell`);
        continue;
      }
      const original: OffsetEdit = edit.span.start >= end ? { span: { start: edit.span.start - delta, end: edit.span.end - delta }, newText: edit.newText } : edit;
      if (!baselineEdits.has(editKey(original))) {
        result.violations.push(`${where}: ${what} changes “${text.slice(original.span.start, original.span.end)}” at ${original.span.start} to “${edit.newText}”, a fix the unchanged report does not need`);
      }
    }
    result.fixesApplied += edits.length;
    result.certainApplied += edits.filter((e) => e.certain).length;
    if (restoredHere) result.restored++;
    if (restoredCertainHere) result.restoredCertain++;
    if (edits.length === 0) continue;
    const all = applyEdits(mutated, nonOverlapping(edits.filter((e) => e.preferred).map((e) => e.edit)));
    const afterAll = worse(problemsAfter(all, parsed), before);
    if (afterAll) result.violations.push(`${where}: after every offered fix, ${afterAll}`);
    const certainEdits = edits.filter((e) => e.certain && e.preferred).map((e) => e.edit);
    if (certainEdits.length > 0 && certainEdits.length < edits.filter((e) => e.preferred).length) {
      const afterCertain = worse(problemsAfter(applyEdits(mutated, nonOverlapping(certainEdits)), parsed), before);
      if (afterCertain) result.violations.push(`${where}: after the certain fixes, ${afterCertain}`);
    }
  }
  result.validations = validations;
  return result;
}

/** The mutation of the fix-application test: the figure plus 10 in its unit, written like it (decimals, separators, quotes). */
export function plusTen(raw: string, cell: Cell): string {
  return asWritten(formatLike(cell.amount.value.plus(10), cell.amount.text), raw);
}

/** The unreadable mutation: the figure with its table's unit written after it (`300.00万`, `"1,200.00元"`). */
export function withUnit(raw: string, _cell: Cell, unit: MoneyUnit): string {
  const suffix = unit === '元' ? '元' : '万';
  return /^["']/.test(raw) ? raw.slice(0, -1) + suffix + raw.slice(-1) : raw + suffix;
}
