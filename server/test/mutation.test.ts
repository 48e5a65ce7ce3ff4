import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { goldenSamples } from './goldenFindings';
import { readSample, service } from './helpers';
import { amountCells } from './sampleCells';

test('a changed figure in a table cell of any sample is reported', () => {
  const s = service();
  const unreported: string[] = [];
  let tried = 0;
  for (const sample of goldenSamples()) {
    const text = readSample(sample);
    const base = s.parse(text);
    const before = new Set(s.validate(base).findings.map((f) => `${f.rule}|${f.span.start}|${f.message}`));
    const cells = amountCells(text);
    // Every fifth cell (all cells: scripts/mutation-coverage.js) keeps the suite fast.
    for (let i = 0; i < cells.length; i += 5) {
      const { table, cell } = cells[i];
      const changed = cell.amount.value.plus(1).toFixed(cell.amount.decimals);
      const edited = text.slice(0, cell.span.start) + changed + text.slice(cell.span.end);
      const after = s.validate(s.parse(edited, base)).findings;
      tried++;
      if (!after.some((f) => !before.has(`${f.rule}|${f.span.start}|${f.message}`))) unreported.push(`${sample} ${table} ${cell.amount.text} → ${changed}`);
    }
  }
  assert.ok(tried > 300, `only ${tried} cells tried`);
  assert.deepEqual(unreported, []);
});
