import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { analyzeProse } from '../../src/service/prose';
import type { Claim, ProseAnalysis } from '../../src/service/prose';
import { toCheckSettings } from '../../src/service/settings';
import { readSample, sampleFiles, service } from '../helpers';
import { analyse, patched } from './proseHelpers';

/** The same number with its first (or last) significant digit one higher: 529.20 → 629.20, 529.21. */
function bump(text: string, which: 'first' | 'last'): string {
  const chars = [...text];
  const digits = chars.map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = which === 'first' ? digits[0] : digits[digits.length - 1];
  const d = Number(chars[at]);
  chars[at] = String(d === 9 ? 8 : d + 1);
  return chars.join('');
}

function covers(analysis: ProseAnalysis, claim: Claim): boolean {
  const inside = (s: { start: number; end: number }): boolean => s.start <= claim.span.start && s.end >= claim.span.end;
  return analysis.issues.some((i) => inside(i.span) || (i.data.related ?? []).some((r) => inside(r.span)));
}

/**
 * Changing any amount or percentage the checker verified produces a finding at that number (or
 * naming it among the figures it involves). Both the first digit and the last digit are changed;
 * a change of one unit in the last place of an amount of change (Δ of 增加 1614.17 万元) moves its
 * percentage by less than its printed last digit, so Δs are only changed in their first digit.
 * One number per section is changed at a time, on the parsed report (no re-parse), to stay fast.
 */
test('mutation: every verified amount, share, change and count of every sample is checked', () => {
  const settings = toCheckSettings({});
  const codes = service().codeTables;
  let runs = 0;
  let mutated = 0;
  for (const file of sampleFiles()) {
    const { document, analysis } = analyse(readSample(path.basename(file)));
    // A figure labelled with another year is a figure of that year once it no longer matches this
    // year's table (must not fire): the slip there is the year label, reported as text/year.
    const otherYear = new Set(analysis.claims.filter((c) => c.kind === 'year' && c.status === 'mismatched').map((c) => c.sentence));
    const candidates = analysis.claims.filter((c) => c.kind !== 'year' && c.kind !== 'parts' && (c.status === 'verified' || c.status === 'information') && /^[0-9.]+$/.test(c.text) && !otherYear.has(c.sentence));
    for (const which of ['first', 'last'] as const) {
      const isPercent = (c: Claim): boolean => /^\s*[%％]/.test(document.text.slice(c.span.end, c.span.end + 3));
      const pending = candidates.filter((c) => which === 'first' || c.kind !== 'change' || isPercent(c));
      // Batches: at most one number per section.
      const queue = [...pending];
      while (queue.length > 0) {
        const batch: Claim[] = [];
        for (let i = 0; i < queue.length; ) {
          if (batch.some((b) => b.section === queue[i].section)) i++;
          else batch.push(...queue.splice(i, 1));
        }
        const variant = patched(document, batch.map((c) => ({ start: c.span.start, end: c.span.end, text: bump(c.text, which) })));
        const result = analyzeProse(variant, codes, settings);
        runs++;
        for (const claim of batch) {
          // Another reading of the same figures gives the new value (a rate from the stated
          // current figure rather than the table's exact one): not a slip.
          if (claim.accepts?.includes(bump(claim.text, which))) continue;
          // Verified only to fewer decimals than it prints (a part of a sum whose whole is rounder).
          if (which === 'last' && claim.verifiedDecimals !== undefined && claim.verifiedDecimals < (claim.text.split('.')[1]?.length ?? 0)) continue;
          mutated++;
          assert.ok(covers(result, claim), `${path.basename(file)}: ${claim.kind} ${claim.text} → ${bump(claim.text, which)} in “${claim.sentence}” gives no finding`);
        }
      }
    }
  }
  assert.ok(mutated > 300, `only ${mutated} mutations`);
  console.log(`${mutated} mutations in ${runs} analyses`);
});
