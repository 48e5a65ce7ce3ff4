import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { goldenSamples } from './goldenFindings';
import { checkFixSafety, FixSafetyResult, plusTen } from './fixSafety';

/**
 * Issue 15: quick fixes never make a correct report wrong. Every printed figure of every sample
 * is changed by 10 in turn (one run per cell), every fix offered is applied, and no correct cell
 * or number of the narrative may change (fixSafety.ts). The figures are printed for the record.
 */
const totals = { cells: 0, fixesApplied: 0, certainApplied: 0, restored: 0, restoredCertain: 0, validations: 0, ms: 0 };

for (const sample of goldenSamples()) {
  test(`fix application: every figure of ${sample} changed by 10`, () => {
    const started = Date.now();
    const result: FixSafetyResult = checkFixSafety(sample, plusTen);
    totals.ms += Date.now() - started;
    for (const key of ['cells', 'fixesApplied', 'certainApplied', 'restored', 'restoredCertain', 'validations'] as const) totals[key] += result[key];
    assert.deepEqual(result.violations, []);
    // Most changed figures are found and put back by a certain fix (the others have no evidence
    // that tells them from their neighbours, and get no fix at all).
    assert.ok(result.restoredCertain >= result.cells * 0.85, `${sample}: only ${result.restoredCertain} of ${result.cells} changed figures restored by a certain fix`);
  });
}

test('fix application: the figures', () => {
  console.log(`fix application (+10): ${totals.cells} cells changed one at a time, ${totals.restored} restored by an offered fix (${totals.restoredCertain} by a certain one), ${totals.fixesApplied} edits applied (${totals.certainApplied} certain), ${totals.validations} validations, ${(totals.ms / 1000).toFixed(1)} s`);
  assert.ok(totals.cells > 2500);
});
