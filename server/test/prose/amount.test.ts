import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample } from '../helpers';
import { edit, analyse, claimsOf, issuesOf, report, section } from './proseHelpers';

const SAMPLE_000 = readSample('000-jiyuan-2022-unit.budget.yaml');
const SAMPLE_004 = readSample('004-changan-2022.budget.yaml');

test('text/amount fires: seed 004 行政运行 73.98 in the text, 73.99 in the table', () => {
  const { analysis } = analyse(SAMPLE_004);
  const [claim] = claimsOf(analysis, 'amount', '73.98');
  assert.equal(claim.status, 'mismatched');
  assert.equal(claim.expected, '73.99');
  const [issue] = issuesOf(analysis, 'text/amount').filter((i) => SAMPLE_004.slice(i.span.start, i.span.end) === '73.98');
  assert.match(issue.message, /73\.99/);
  assert.deepEqual(issue.data.fixes?.[0].edits, [{ span: claim.span, newText: '73.99' }]);
});

test('text/amount fires: a changed amount of seed 000 (基本支出 223.40 → 224.40)', () => {
  const text = edit(SAMPLE_000, '其中：基本支出 223.40 万元，占 42.21%', '其中：基本支出 224.40 万元，占 42.21%');
  const { analysis } = analyse(text);
  const issue = issuesOf(analysis, 'text/amount').find((i) => text.slice(i.span.start, i.span.end) === '224.40');
  assert.ok(issue);
  assert.equal(issue.data.computed, '223.40');
});

test('text/amount must not fire: every amount of seeds 000–003 agrees with its table', () => {
  for (const name of ['000-jiyuan-2022-unit', '001-pingxiang-2023', '002-qinyang-2022', '003-jiyuan-2024']) {
    const { analysis } = analyse(readSample(`${name}.budget.yaml`));
    assert.deepEqual(issuesOf(analysis, 'text/amount').filter((i) => i.severity !== 'information').map((i) => i.message), [], name);
  }
});

const THREE_PUBLIC = (unit: string, total: string, reception: string): string => `  three_public:\n    unit: ${unit}\n    total: ${total}\n    reception: ${reception}\n    vehicle: 0\n`;

test('text/amount must not fire: 0.1万元 in the text against 0.10 in the table (seed 002 style)', () => {
  const text = report(2022, THREE_PUBLIC('万元', '0.10', '0.10'), section('九、“三公”经费支出预算情况说明', '我单位2022年“三公”经费支出预算为0.1万元。', '（三）公务接待费0.1万元。'));
  const { analysis } = analyse(text);
  assert.deepEqual(claimsOf(analysis, 'amount').map((c) => c.status), ['verified', 'verified']);
});

test('text/amount: a 元 table against 万元 text converts with the printed rounding', () => {
  const ok = analyse(report(2022, THREE_PUBLIC('元', '190000.00', '10049.00'), section('七、“三公”经费支出预算情况说明', '“三公”经费预算为 19.00 万元。', '（二）公务接待费 1.00 万元。'))).analysis;
  assert.deepEqual(claimsOf(ok, 'amount').map((c) => c.status), ['verified', 'verified']);
  const bad = analyse(report(2022, THREE_PUBLIC('元', '190000.00', '10051.00'), section('七、“三公”经费支出预算情况说明', '“三公”经费预算为 19.00 万元。', '（二）公务接待费 1.00 万元。'))).analysis;
  const [reception] = claimsOf(bad, 'amount', '1.00');
  assert.equal(reception.status, 'mismatched');
  assert.equal(reception.expected, '1.01');
});

test('text/amount: a figure summing table figures may differ by their rounding (information)', () => {
  const tables = '  expense:\n    total: { total: 2.008, basic: 2.008, wages: 1.004, family: 1.004 }\n    rows:\n      - { code: "2101501", name: 行政运行, total: 2.008, basic: 2.008, wages: 1.004, family: 1.004 }\n';
  const { analysis } = analyse(report(2022, tables, section('三、支出预算总体情况说明', '2022年支出合计2.01万元，其中：人员经费2.00万元。')));
  const [personnel] = claimsOf(analysis, 'amount', '2.00');
  assert.equal(personnel.status, 'information');
  const [issue] = issuesOf(analysis, 'text/amount');
  assert.equal(issue.severity, 'information');
});

test('text/amount must not fire: a figure of another year, or a label the checker does not know', () => {
  const tables = '  summary:\n    income:\n      - { item: 一、一般公共预算, amount: 1675.78 }\n    income_total: 1675.78\n    expense_total: 1675.78\n';
  const { analysis } = analyse(report(2022, tables, section('（一）收支预算总体情况。', '2021 年本部门预算收入 999.00 万元。2022 年本部门预算收入 1675.78 万元，另有某某事项 12.00 万元。')));
  const [other, ours] = claimsOf(analysis, 'amount').filter((c) => c.figure === 'income_total');
  assert.equal(other.status, 'unverified');
  assert.equal(ours.status, 'verified');
  const [unknown] = claimsOf(analysis, 'amount', '12.00');
  assert.equal(unknown.status, 'unverified');
  assert.ok(unknown.reason);
  assert.deepEqual(issuesOf(analysis, 'text/amount'), []);
  assert.deepEqual(issuesOf(analysis, 'text/year'), []);
});

test('text/amount: a code in brackets names the row (seed 004 function and economic lists)', () => {
  const { analysis } = analyse(SAMPLE_004);
  const [pension] = claimsOf(analysis, 'amount', '61.02');
  assert.equal(pension.figure, 'function:2080505');
  assert.equal(pension.status, 'verified');
  const [wages] = claimsOf(analysis, 'amount', '641.51');
  assert.equal(wages.figure, 'economic:301');
  const [government] = claimsOf(analysis, 'amount', '639.58');
  assert.equal(government.figure, 'government:501');
  assert.equal(government.status, 'mismatched');
  assert.equal(government.expected, '63.96');
});

test('text/amount: 元 in the text against a 万元 table is compared at the table\'s rounding', () => {
  const tables = '  three_public:\n    total: 19.00\n    reception: 1.00\n    vehicle: 18.00\n';
  const ok = analyse(report(2022, tables, section('七、“三公”经费支出预算情况说明', '（二）公务接待费 9960 元。'))).analysis;
  assert.equal(claimsOf(ok, 'amount', '9960')[0].status, 'verified');
  const bad = analyse(report(2022, tables, section('七、“三公”经费支出预算情况说明', '（二）公务接待费 9940 元。'))).analysis;
  assert.equal(claimsOf(bad, 'amount', '9940')[0].status, 'mismatched');
});

test('text/amount must not fire: fewer printed decimals than the table (seed 001: 人员经费506.1, 项目支出4474)', () => {
  const { analysis } = analyse(readSample('001-pingxiang-2023.budget.yaml'));
  assert.equal(claimsOf(analysis, 'amount', '506.1')[0].status, 'verified');
  assert.equal(claimsOf(analysis, 'amount', '4474')[0].status, 'verified');
  assert.equal(claimsOf(analysis, 'amount', '71.12')[0].figure, 'assets_total');
  assert.equal(claimsOf(analysis, 'amount', '71.12')[0].status, 'verified');
});

test('text/amount: the fix keeps the author\'s format (full-width digits, thousands separators)', () => {
  const tables = '  three_public:\n    total: 1234.50\n    reception: 1.00\n    vehicle: 1233.50\n';
  const wide = report(2022, tables, section('七、“三公”经费支出预算情况说明', '“三公”经费预算为 １２３５．５０ 万元。'));
  const [a] = issuesOf(analyse(wide).analysis, 'text/amount');
  assert.equal(a.data.fixes?.[0].edits[0].newText, '１２３４．５０');
  const grouped = report(2022, tables, section('七、“三公”经费支出预算情况说明', '“三公”经费预算为 1,235.5 万元。'));
  const [b] = issuesOf(analyse(grouped).analysis, 'text/amount');
  assert.equal(b.data.fixes?.[0].edits[0].newText, '1,234.5');
});
