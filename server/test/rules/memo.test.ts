import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { memoizedEach, memoizedWith } from '../../src/service/rules/memo';
import type { RuleRun } from '../../src/service/rules/ruleTypes';
import { NodeBlockCache } from '../../src/service/yaml/nodeBlocks';

/** A run that collects reasons (what each recorded computation wrote). */
function collector(): { run: RuleRun; reasons: string[] } {
  const reasons: string[] = [];
  return { reasons, run: { checked() {}, couldNotCheck: (r) => reasons.push(r), report() {}, relation() {} } };
}

const nodes = (n: number, tag = 'n'): Array<{ tag: string; i: number }> => Array.from({ length: n }, (_, i) => ({ tag, i }));

test('memoizedEach computes each item once and replays unchanged items', () => {
  const items = nodes(200);
  let computed = 0;
  const check = (list: typeof items) => {
    const { run, reasons } = collector();
    memoizedEach(run, list, (x) => x, 'k', (r, x) => { computed++; r.couldNotCheck(`item ${x.i}`); });
    return reasons;
  };
  assert.equal(check(items).length, 200);
  assert.equal(computed, 200);
  const edited = [...items];
  edited[130] = { tag: 'edited', i: 130 };
  const reasons = check(edited);
  assert.equal(computed, 201, 'only the changed item is computed again');
  assert.deepEqual(reasons, items.map((x) => `item ${x.i}`));
});

test('memoizedEach: a positional item is checked again when rows are inserted above it, even by a whole block', () => {
  const items = nodes(128);
  const positional = (x: { i: number }) => x.i === 100;
  const labels = (list: typeof items) => {
    const { run, reasons } = collector();
    memoizedEach(run, list, (x) => x, 'k', (r, x) => r.couldNotCheck(`row ${list.indexOf(x) + 1}`), positional);
    return reasons;
  };
  labels(items);
  // 64 new rows above: the old blocks start at the same first nodes, 64 places further down.
  const moved = [...nodes(64, 'new'), ...items];
  const reasons = labels(moved);
  assert.equal(reasons[64 + 100], 'row 165', 'the row named by its number has its new number');
  assert.equal(reasons[64 + 99], 'row 100', 'a row not named by its number is replayed as recorded');
});

test('memoizedWith recomputes when a dependency is another node', () => {
  const whole = { w: 1 };
  const parts = nodes(3);
  let computed = 0;
  const run = collector().run;
  const dependent = (list: object[]) => memoizedWith(run, whole, 'k', list.length, (i) => list[i], () => { computed++; });
  dependent([whole, ...parts]);
  dependent([whole, ...parts]);
  assert.equal(computed, 1);
  dependent([whole, parts[0], { tag: 'changed', i: 1 }, parts[2]]);
  assert.equal(computed, 2, 'a changed part makes the whole be checked again');
  dependent([whole, parts[0]]);
  assert.equal(computed, 3, 'a part fewer too');
});

test('NodeBlockCache reuses blocks whose nodes and key are unchanged', () => {
  const cache = new NodeBlockCache<string>();
  const items = nodes(150);
  const computed: number[] = [];
  const values = (list: typeof items, key = '') => cache.values(list.length, (i) => list[i], (start) => `${start}${key}`, (start, end) => { computed.push(start); return `${start}-${end}`; });
  assert.deepEqual(values(items), ['0-64', '64-128', '128-150']);
  const edited = [...items];
  edited[70] = { tag: 'x', i: 70 };
  computed.length = 0;
  assert.deepEqual(values(edited), ['0-64', '64-128', '128-150']);
  assert.deepEqual(computed, [64]);
  computed.length = 0;
  values(edited, '|other');
  assert.deepEqual(computed, [0, 64, 128], 'another key computes every block');
});

test('the row tree is taken over after an amount edit and built again when a row moves to another subtotal', async () => {
  const { buildReport } = await import('../../src/service/model/buildReport');
  const { rowTree } = await import('../../src/service/model/hierarchy');
  const { parseYaml } = await import('../../src/service/yaml/incremental');
  const table = (text: string) => buildReport(parseYaml(text).root).report.tables.get('expense')!;
  const text = `tables:
  expense:
    rows:
      - { code: "201", name: 一般公共服务支出, total: 3.00 }
      - { code: "20101", name: 人大事务, total: 1.00 }
      - { code: "2010101", name: 行政运行, total: 1.00 }
      - { code: "20102", name: 政协事务, total: 2.00 }
      - { code: "2010201", name: 行政运行, total: 2.00 }
`;
  const before = rowTree(table(text));
  const amounts = rowTree(table(text.replace('total: 2.00 }\n', 'total: 2.50 }\n')));
  assert.equal(amounts, before, 'an amount edit keeps the tree');
  const moved = rowTree(table(text.replace('"2010101"', '"2010201"')));
  assert.notEqual(moved, before);
  assert.equal(moved.parent[2], 0, 'a 项 whose 款 is not above it falls to the 类');
  assert.deepEqual(moved.children[1], []);
});
