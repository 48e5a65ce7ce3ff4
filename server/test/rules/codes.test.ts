import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, report, spanText } from '../helpers';

function expense(row: string, year = 2024): string {
  return report(`tables:\n  expense:\n    rows:\n      - ${row}\n`, `department: 测试单位\nkind: department\nyear: ${year}\nunit: 万元\n`);
}

function basic(row: string): string {
  return report(`tables:\n  general_basic:\n    rows:\n      - ${row}\n`);
}

test('code/malformed fires on a code of the wrong length', () => {
  const text = expense('{ code: "21015011", name: 行政运行, total: 1.00 }');
  const found = findings(text, 'code/malformed');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '"21015011"');
  assert.equal(findings(expense('{ code: "210 15 01", name: 行政运行, total: 1.00 }'), 'code/malformed').length, 0);
});

test('code/wrong-classification fires on an economic code in a function table and vice versa', () => {
  assert.equal(findings(expense('{ code: "30101", name: 基本工资, total: 1.00 }'), 'code/wrong-classification').length, 1);
  assert.equal(findings(basic('{ code: "2101501", name: 行政运行, total: 1.00 }'), 'code/wrong-classification').length, 1);
  assert.equal(findings(basic('{ code: "30101", name: 基本工资, gov_code: "30101", gov_name: 基本工资, total: 1.00 }'), 'code/wrong-classification').length, 1);
  assert.equal(findings(basic('{ code: "30101", name: 基本工资, gov_code: "50101", gov_name: 工资奖金津补贴, total: 1.00 }'), 'code/wrong-classification').length, 0);
});

test('code/unknown warns (never errs) on a function code missing from the bundled table', () => {
  const found = findings(expense('{ code: "2108899", name: 自编科目, total: 1.00 }'), 'code/unknown');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  // Under a known 款 the 项 is probably real (the bundled 项 are partial): information only.
  assert.deepEqual(findings(expense('{ code: "2109998", name: 自编科目, total: 1.00 }'), 'code/unknown').map((f) => f.severity), ['information']);
  assert.equal(findings(expense('{ code: "2101501", name: 行政运行, total: 1.00 }'), 'code/unknown').length, 0);
});

test('code/name-mismatch warns with the official name as a fix', () => {
  const text = expense('{ code: "2101501", name: 行政运转, total: 1.00 }');
  const [finding] = findings(text, 'code/name-mismatch');
  assert.ok(finding);
  assert.equal(spanText(text, finding), '行政运转');
  assert.equal(finding.data?.fixes?.[0].edits[0].newText, '行政运行');
  // Brackets and spaces are not differences.
  assert.equal(findings(basic('{ code: "30213", name: 维修(护)费, total: 1.00 }'), 'code/name-mismatch').length, 0);
  assert.equal(findings(expense('{ code: "2080505", name: 机关事业单位基本养老保险 缴费支出, total: 1.00 }'), 'code/name-mismatch').length, 0);
});

test('code/pair-not-allowed fires on a 部门→政府 pair the 对照表 does not allow', () => {
  const text = basic('{ code: "30101", name: 基本工资, gov_code: "50201", gov_name: 办公经费, total: 1.00 }');
  const found = findings(text, 'code/pair-not-allowed');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '"50201"');
  assert.equal(findings(basic('{ code: "30101", name: 基本工资, gov_code: "50501", gov_name: 工资福利支出, total: 1.00 }'), 'code/pair-not-allowed').length, 0);
});

test('code/economic-nature fires when a 302 item is put under 人员经费 (seed 004, 30239)', () => {
  const text = report('tables:\n  general_basic:\n    rows:\n      - { code: "30239", name: 其他交通费用, gov_code: "50201", gov_name: 办公经费, total: 4.61, personnel: 4.61 }\n      - { code: "30101", name: 基本工资, gov_code: "50101", gov_name: 工资奖金津补贴, total: 1.00, personnel: 1.00 }\n    total: { total: 5.61, personnel: 5.61, public: 0 }\n');
  const found = findings(text, 'code/economic-nature');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '4.61');
});

test('code/year fires on a code valid only in another year', async () => {
  const { createBudgetService } = await import('../../src/service/budgetService');
  const { CodeTables } = await import('../../src/service/codes/codeTables');
  const tables = new CodeTables({ entries: [{ code: '2101599', name: '其他医疗保障管理事务支出', system: 'function', from: 2022, to: 2023, source: 'test' }], pairs: [], classAliases: [] });
  const service = createBudgetService({ codeTables: tables });
  const validate = (year: number) => service.validate(service.parse(expense('{ code: "2101599", name: 其他医疗保障管理事务支出, total: 1.00 }', year))).findings.filter((f) => f.rule === 'code/year');
  assert.equal(validate(2024).length, 1);
  assert.equal(validate(2023).length, 0);
});
