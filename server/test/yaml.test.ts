import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseYaml } from '../src/service/yaml/incremental';
import { getValue, isMap, isScalar, isSeq } from '../src/service/yaml/ast';
import { check } from './helpers';

test('scalars keep their text and exact offsets', () => {
  const text = 'a: 529.20\nb: "0012"\n';
  const { root, problems } = parseYaml(text);
  assert.deepEqual(problems, []);
  assert.ok(isMap(root));
  const a = getValue(root, 'a');
  assert.ok(isScalar(a));
  assert.equal(a.value, '529.20');
  assert.equal(text.slice(a.start, a.end), '529.20');
  const b = getValue(root, 'b');
  assert.ok(isScalar(b) && b.value === '0012');
});

test('literal blocks map each line of their value to the document', () => {
  const text = 'narrative:\n  - title: 一\n    text: |\n      第一行529.20万元\n      第二行\n';
  const { root } = parseYaml(text);
  const item = (getValue(root as never, 'narrative') as never as { items: unknown[] }).items[0];
  const block = getValue(item as never, 'text');
  assert.ok(isScalar(block) && block.lineStarts);
  const [first, second] = block.lineStarts!;
  assert.equal(text.slice(first, first + 3), '第一行');
  assert.equal(text.slice(second, second + 3), '第二行');
  const at = block.value.indexOf('529.20');
  assert.equal(text.slice(first + at, first + at + 6), '529.20');
});

test('aliases are reported and never expanded (alias bombs are harmless)', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const started = Date.now();
  const { problems } = parseYaml(bomb.join('\n'));
  assert.ok(problems.some((p) => p.kind === 'alias'));
  assert.ok(Date.now() - started < 5000);
});

test('deep nesting is cut off with a problem, not a crash', () => {
  const deep = 'a: ' + '['.repeat(5000) + ']'.repeat(5000);
  const { problems } = parseYaml(deep);
  assert.ok(problems.some((p) => p.kind === 'too-deep'));
});

test('syntax errors and duplicate keys are reported on one line', () => {
  const text = 'a: [1, 2\nb: 3\na: 4\n';
  const { problems } = parseYaml(text);
  assert.ok(problems.length > 0);
  for (const p of problems) assert.ok(!text.slice(p.start, p.end).includes('\n'), JSON.stringify(p));
  assert.ok(parseYaml('a: 1\na: 2\n').problems.some((p) => p.kind === 'duplicate-key'));
});

test('too-large input is refused before parsing', () => {
  const { root, problems } = parseYaml('a: 1\n'.repeat(100), { maxLength: 50, maxDepth: 64 });
  assert.equal(root, null);
  assert.equal(problems[0].kind, 'too-large');
});

test('a report over the measured size limit gets one plain finding, not gigabytes of work', () => {
  // The limit keeps a check under 1 GB (npm run bench -- --memory: about 120 MB per MB of report).
  const row = '    - { code: "2010101", name: 行政运行, total: 1.00 }\n';
  const text = 'tables:\n  expense:\n    rows:\n' + row.repeat(Math.ceil(5_000_001 / row.length));
  const result = check(text);
  assert.deepEqual(result.findings.map((f) => f.rule), ['yaml/too-large']);
  assert.match(result.findings[0].message, /过大.*5000000/);
  assert.ok(check(text.slice(0, 200_000)).findings.every((f) => f.rule !== 'yaml/too-large'));
});

test('sequences and flow mappings keep their items', () => {
  const { root } = parseYaml('rows:\n  - { code: "2101501", total: 1.00 }\n  - { code: "2101502" }\n');
  const rows = getValue(root as never, 'rows');
  assert.ok(isSeq(rows) && rows.items.length === 2 && rows.items.every(isMap));
});
