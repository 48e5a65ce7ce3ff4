import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { goldenSamples } from './goldenFindings';
import { checkFixSafety, FixSafetyResult, withUnit } from './fixSafety';

/**
 * Issue 15: a cell that cannot be read never makes other cells look wrong. Every printed figure
 * of every sample is written with its table's unit after it in turn (`300.00万`, one run per
 * cell): no fix may change another cell or number, and the cell's own fix takes the unit away.
 */
const totals = { cells: 0, restoredCertain: 0, validations: 0, ms: 0 };

for (const sample of goldenSamples()) {
  test(`fix application: every figure of ${sample} written with its unit`, () => {
    const started = Date.now();
    const result: FixSafetyResult = checkFixSafety(sample, withUnit);
    totals.ms += Date.now() - started;
    totals.cells += result.cells;
    totals.restoredCertain += result.restoredCertain;
    totals.validations += result.validations;
    assert.deepEqual(result.violations, []);
    assert.equal(result.restoredCertain, result.cells, `${sample}: every “300.00万” gets the certain fix “300.00”`);
  });
}

test('fix application (unreadable cells): the figures', () => {
  console.log(`fix application (unit written in the cell): ${totals.cells} cells, ${totals.restoredCertain} restored by a certain fix, ${totals.validations} validations, ${(totals.ms / 1000).toFixed(1)} s`);
  assert.ok(totals.cells > 2500);
});
