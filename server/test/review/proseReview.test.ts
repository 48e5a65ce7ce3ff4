import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, findings, readSample, spanText } from '../helpers';
import { applyEdits } from '../../src/service/narrative';

/**
 * Slip classes reviewers catch that only reading finds (issue 13): each rule fires on text from
 * the samples changed the way real reports go wrong, and stays silent on the samples as printed.
 */

const DEPARTMENT = readSample('005-putuo-justice-2026-department.budget.yaml');
const UNIT = readSample('006-putuo-justice-2026-unit.budget.yaml');

function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

test('review/repeated-text: a paragraph printed twice (the 主要职能 list of the 部门 PDF, whose text layer repeats (六)…(十))', () => {
  const line = '      （六）组织实施和指导监督本区社区矫正工作。组织实施和指导推进刑释解矫人员安置帮教工作。\n';
  const twice = replaced(DEPARTMENT, '      （十）完成区委、区政府交办的其他任务。\n', '      （十）完成区委、区政府交办的其他任务。\n' + line);
  const [finding] = findings(twice, 'review/repeated-text');
  assert.ok(finding);
  assert.equal(spanText(twice, finding), line.trim());
  assert.ok(finding.span.start > twice.indexOf(line), 'the second occurrence is reported');
  // Its fix removes the repeated line and nothing else.
  assert.equal(applyEdits(twice, finding.data!.fixes![0].edits), DEPARTMENT);
  assert.deepEqual(findings(DEPARTMENT, 'review/repeated-text'), []);
  assert.deepEqual(findings(UNIT, 'review/repeated-text'), []);
});

test('review/reason-direction: a reason that contradicts its change', () => {
  const contradicting = replaced(UNIT, '比2025年预算执行数减少12.63%。主要原因是：支出减少。', '比2025年预算执行数减少12.63%。主要原因是：经费增加。');
  const [finding] = findings(contradicting, 'review/reason-direction');
  assert.ok(finding);
  assert.equal(spanText(contradicting, finding), '经费增加');
  // A reason without a direction, or one that goes the same way, is no finding.
  assert.deepEqual(findings(UNIT, 'review/reason-direction'), []);
  assert.deepEqual(findings(DEPARTMENT, 'review/reason-direction'), []);
  const negated = replaced(UNIT, '比2025年预算执行数减少12.63%。主要原因是：支出减少。', '比2025年预算执行数减少12.63%。主要原因是：人员未增加、经费压减。');
  assert.deepEqual(findings(negated, 'review/reason-direction'), []);
});

test('review/punctuation-width: half-width brackets and commas in full-width Chinese text (information, with the fix)', () => {
  const mixed = replaced(DEPARTMENT, '司法（06款）行政运行（01项）1672.67万元', '司法（06款)行政运行（01项）1672.67万元');
  const [finding] = findings(mixed, 'review/punctuation-width');
  assert.equal(finding.severity, 'information');
  assert.equal(spanText(mixed, finding), ')');
  assert.equal(finding.data?.fixes?.[0].edits[0].newText, '）');
  const comma = replaced(DEPARTMENT, '收入预算9628.22万元，其中', '收入预算,9628.22万元，其中');
  assert.equal(findings(comma, 'review/punctuation-width').length, 1);
  assert.deepEqual(findings(DEPARTMENT, 'review/punctuation-width'), []);
  // Thousands separators are no commas of the text.
  assert.deepEqual(findings(replaced(DEPARTMENT, '收入预算9628.22万元', '收入预算9,628.22万元'), 'review/punctuation-width'), []);
});

test('review/empty-note-fund: a 空表 note that names the other fund', () => {
  const wrong = replaced(DEPARTMENT, 'note: 注:本部门2026年无国有资本经营预算财政拨款安排的预算，故本表为空表。', 'note: 注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。');
  const [finding] = findings(wrong, 'review/empty-note-fund');
  assert.ok(finding);
  assert.equal(spanText(wrong, finding), '政府性基金');
  assert.deepEqual(findings(DEPARTMENT, 'review/empty-note-fund'), []);
});

test('xref/income-vs-expense-rows: 收入总表 and 支出总表 disagree on a 项 row', () => {
  const income = '      - { code: "204 06 05", name: 普法宣传, total: 1242900.00, fiscal: 1242900.00,';
  const changed = replaced(DEPARTMENT, income, income.replace('total: 1242900.00, fiscal: 1242900.00', 'total: 1243900.00, fiscal: 1243900.00'));
  const found = findings(changed, 'xref/income-vs-expense-rows');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /2040605/);
  assert.deepEqual(findings(DEPARTMENT, 'xref/income-vs-expense-rows'), []);
  assert.equal(check(DEPARTMENT).ledger.find((e) => e.rule === 'xref/income-vs-expense-rows')?.outcome, 'passed');
});

test('text/amount: amounts of a list cut instead of rounded are information, with the rounded figures; one alone is a mismatch', () => {
  const report = (first: string, second: string) => `department: 测试局\nkind: unit\nyear: 2024\nunit: 万元\ntables:\n  general_expense:\n    total: { total: 80.978 }\n    rows:\n      - { code: "2101501", name: 行政运行, total: 73.989 }\n      - { code: "2101502", name: 一般行政管理事务, total: 6.989 }\nnarrative:\n  - title: 五、一般公共预算支出预算情况说明\n    text: |\n      行政运行（2101501）${first}万元；一般行政管理事务（2101502）${second}万元。\n`;
  const cut = report('73.98', '6.98');
  const found = findings(cut, 'text/amount');
  assert.deepEqual(found.map((f) => [f.severity, f.data?.computed]), [['information', '73.99'], ['information', '6.99']]);
  assert.deepEqual(findings(report('73.99', '6.99'), 'text/amount'), []);
  // Only one figure cut: a slip of that figure, not a habit.
  assert.deepEqual(findings(report('73.98', '6.99'), 'text/amount').map((f) => f.severity), ['error']);
  assert.equal(findings(report('73.97', '6.98'), 'text/amount')[0].severity, 'error');
});

test('text/parts: areas in a 其中 list add up to their total (平方米)', () => {
  const report = (office: string) => `department: 测试局\nkind: unit\nyear: 2024\nunit: 万元\nnarrative:\n  - title: 五、国有资产占用情况\n    text: |\n      本单位共有房屋2000平方米，其中：办公用房${office}平方米、业务用房900平方米。\n`;
  assert.equal(findings(report('1200'), 'text/parts').length, 1);
  assert.deepEqual(findings(report('1100'), 'text/parts'), []);
});
