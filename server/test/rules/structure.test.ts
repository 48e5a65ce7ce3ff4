import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, findings, report, spanText } from '../helpers';

const CLEAN = report(`tables:
  three_public: { total: 3.20, abroad: 0, vehicle: 2.00, vehicle_purchase: 0, vehicle_operation: 2.00, reception: 1.20 }
`);

test('a clean report has no structural findings', () => {
  const result = check(CLEAN);
  assert.deepEqual(result.findings.filter((f) => /^(yaml|schema|amount)\//.test(f.rule)), []);
});

test('yaml/syntax fires on broken YAML and points at one line', () => {
  const text = report('tables:\n  summary: { income: [\n');
  const found = findings(text, 'yaml/syntax');
  assert.ok(found.length > 0);
  assert.ok(!spanText(text, found[0]).includes('\n'));
});

test('yaml/duplicate-key fires on a repeated key', () => {
  assert.equal(findings(report('tables: {}\ntables: {}\n'), 'yaml/duplicate-key').length, 1);
  assert.equal(findings(CLEAN, 'yaml/duplicate-key').length, 0);
});

test('yaml/alias fires on an alias and does not expand it', () => {
  const text = report('tables:\n  three_public: &t { total: 1.00 }\n  procurement: *t\n');
  assert.equal(findings(text, 'yaml/alias').length, 1);
  assert.equal(findings(CLEAN, 'yaml/alias').length, 0);
});

test('yaml/tag fires on a custom tag (nothing is executed)', () => {
  assert.equal(findings(report('title: !!js/function "function(){}"\n'), 'yaml/tag').length, 1);
  assert.equal(findings(CLEAN, 'yaml/tag').length, 0);
});

test('yaml/too-deep fires on absurd nesting', () => {
  assert.ok(findings(report('title: ' + '['.repeat(200) + ']'.repeat(200) + '\n'), 'yaml/too-deep').length > 0);
  assert.equal(findings(CLEAN, 'yaml/too-deep').length, 0);
});

test('yaml/multi-document fires on a second document', () => {
  assert.equal(findings(CLEAN + '---\na: 1\n', 'yaml/multi-document').length, 1);
  assert.equal(findings(CLEAN, 'yaml/multi-document').length, 0);
});

test('schema/unknown-key points at the misspelled key', () => {
  const text = report('tables:\n  expense:\n    rows:\n      - { code: "2101501", name: 行政运行, totl: 1.00 }\n');
  const found = findings(text, 'schema/unknown-key');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), 'totl');
  assert.equal(findings(CLEAN, 'schema/unknown-key').length, 0);
});

test('schema/required fires on a missing department', () => {
  const text = 'kind: unit\nyear: 2022\nunit: 万元\n';
  assert.ok(findings(text, 'schema/required').some((f) => f.message.includes('department')));
  assert.equal(findings(CLEAN, 'schema/required').length, 0);
});

test('schema/type fires on an unquoted code and a text year', () => {
  const text = report('tables:\n  general_basic:\n    rows:\n      - { code: 30101, name: 基本工资, total: 1.00 }\n');
  const found = findings(text, 'schema/type');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '30101');
  assert.ok(findings('department: x\nkind: unit\nyear: abc\nunit: 万元\n', 'schema/type').length > 0);
});

test('schema/enum fires on an unknown kind', () => {
  const text = 'department: x\nkind: 部门\nyear: 2022\nunit: 万元\n';
  const found = findings(text, 'schema/enum');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '部门');
  assert.equal(findings(CLEAN, 'schema/enum').length, 0);
});

test('schema/invalid fires on other schema violations (year out of range)', () => {
  assert.ok(findings('department: x\nkind: unit\nyear: 1800\nunit: 万元\n', 'schema/invalid').length > 0);
  assert.equal(findings(CLEAN, 'schema/invalid').length, 0);
});

test('amount/invalid fires on text in a number field, on the cell', () => {
  const text = report('tables:\n  three_public: { total: 十九, reception: "12.3.4" }\n');
  const found = findings(text, 'amount/invalid');
  assert.deepEqual(found.map((f) => spanText(text, f)).sort(), ['"12.3.4"', '十九'].sort());
  assert.equal(findings(CLEAN, 'amount/invalid').length, 0);
});

test('amounts with separators, full-width digits and blanks are accepted', () => {
  const text = report('tables:\n  three_public: { total: "3,200.00", abroad: "-", vehicle: ２０００.００, vehicle_purchase: "", vehicle_operation: 2000.00, reception: 1200 }\n');
  assert.deepEqual(check(text).findings.filter((f) => f.rule === 'amount/invalid'), []);
});
