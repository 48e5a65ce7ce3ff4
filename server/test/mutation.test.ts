import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { goldenSamples } from './goldenFindings';
import { readSample, service } from './helpers';
import type { Cell } from '../src/service/model/types';

/** Every printed amount of a sample's tables (tables marked incomplete excluded: they cannot be checked). */
export function amountCells(text: string): Array<{ table: string; cell: Cell }> {
  const parsed = service().parse(text);
  const cells: Array<{ table: string; cell: Cell }> = [];
  for (const table of parsed.report.tables.values()) {
    if (table.incomplete) continue;
    const records = [...(table.total ? [table.total] : []), ...table.rows, ...table.groups.values(), ...[...table.lists.values()].flat()];
    for (const record of records) for (const cell of record.cells.values()) if (!cell.amount.blank && cell.span.end > cell.span.start) cells.push({ table: table.key, cell });
    for (const cell of table.scalars.values()) if (!cell.amount.blank && cell.span.end > cell.span.start) cells.push({ table: table.key, cell });
  }
  return cells.sort((a, b) => a.cell.span.start - b.cell.span.start);
}

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
