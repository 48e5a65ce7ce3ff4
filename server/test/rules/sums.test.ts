import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, findings, report, spanText } from '../helpers';

// Seed 000's 支出表, as published (all sums hold).
const EXPENSE = `tables:
  expense:
    total: { total: 529.20, basic: 223.40, wages: 198.70, public: 24.70, project: 305.80, project_operating: 80.00, project_specific: 225.80 }
    rows:
      - { unit: "036", name: 济源产城融合示范区医疗保障局, total: 529.20, basic: 223.40, wages: 198.70, public: 24.70, project: 305.80, project_operating: 80.00, project_specific: 225.80 }
      - { code: "208 05 05", name: 机关事业单位基本养老保险缴费支出, total: 15.50, basic: 15.50, wages: 15.50 }
      - { code: "210 15 01", name: 行政运行, total: 196.20, basic: 196.20, wages: 171.50, public: 24.70 }
      - { code: "210 15 99", name: 其他医疗保障管理事务支出, total: 293.80, project: 293.80, project_operating: 80.00, project_specific: 213.80 }
      - { code: "212 08 99", name: 其他国有土地使用权出让收入安排的支出, total: 12.00, project: 12.00, project_specific: 12.00 }
      - { code: "221 02 01", name: 住房公积金, total: 11.70, basic: 11.70, wages: 11.70 }
`;

test('the published seed table has no sum findings', () => {
  const result = check(report(EXPENSE));
  assert.deepEqual(result.findings.filter((f) => f.rule.startsWith('sum/')), []);
});

test('sum/row fires on 合计 ≠ 基本支出 + 项目支出, on the 合计 cell, with the computed value', () => {
  const text = report(EXPENSE.replace('name: 行政运行, total: 196.20', 'name: 行政运行, total: 196.30'));
  const found = findings(text, 'sum/row');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '196.30');
  assert.equal(found[0].data?.computed, '196.20');
  assert.ok(found[0].message.includes('196.20'));
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '196.20');
});

test('sum/row derives 人员经费 from 工资福利 + 对个人和家庭 when no 人员经费 column is printed', () => {
  const text = report(EXPENSE.replace('basic: 196.20, wages: 171.50', 'basic: 196.20, wages: 171.60'));
  const found = findings(text, 'sum/row');
  // The derived part (人员经费 = 工资福利 171.60) makes 基本支出 ≠ 人员经费 + 公用经费; the evidence (the
  // 工资福利 column's 合计 does not add up either) puts the finding on 171.60, with its fix.
  assert.ok(found.some((f) => spanText(text, f) === '171.60' && f.message.includes('196.20') && f.data?.fixes?.[0].edits[0].newText === '171.50'));
});

test('sum/column fires when the 合计 row is not the sum of the rows', () => {
  const text = report(EXPENSE.replace('total: { total: 529.20, basic: 223.40', 'total: { total: 529.20, basic: 223.50'));
  const found = findings(text, 'sum/column');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '223.50');
  assert.equal(found[0].data?.computed, '223.40');
});

test('sum/hierarchy fires when a unit subtotal is not the sum of its rows', () => {
  const text = report(EXPENSE.replace('name: 住房公积金, total: 11.70, basic: 11.70, wages: 11.70', 'name: 住房公积金, total: 12.70, basic: 12.70, wages: 12.70'));
  const found = findings(text, 'sum/hierarchy');
  assert.ok(found.length >= 1);
  assert.ok(found.every((f) => f.span.start < text.indexOf('code: "208')), 'reported on the 036 row');
});

test('sum/hierarchy checks 类 = Σ款 = Σ项 and 301 = Σ301xx', () => {
  const rows = `tables:
  general_basic:
    rows:
      - { code: "301", name: 工资福利支出, total: 10.00, personnel: 10.00 }
      - { code: "30101", name: 基本工资, gov_code: "50101", gov_name: 工资奖金津补贴, total: 6.00, personnel: 6.00 }
      - { code: "30102", name: 津贴补贴, gov_code: "50101", gov_name: 工资奖金津补贴, total: 3.00, personnel: 3.00 }
`;
  const text = report(rows);
  const found = findings(text, 'sum/hierarchy');
  assert.equal(found.length, 2);
  assert.ok(found.every((f) => spanText(text, f) === '10.00'));
  assert.equal(findings(report(rows.replace('total: 3.00, personnel: 3.00', 'total: 4.00, personnel: 4.00')), 'sum/hierarchy').length, 0);
});

test('sum/rounding: a difference within n half units is information, not an error', () => {
  // Seed 004 表8: 301 + 302 + 303 = 744.47, printed 合计 744.48.
  const text = report(`tables:
  general_basic:
    total: { total: 744.48, personnel: 647.32, public: 97.15 }
    rows:
      - { code: "301", name: 工资福利支出, total: 641.51, personnel: 641.51 }
      - { code: "302", name: 商品和服务支出, total: 97.15, public: 97.15 }
      - { code: "303", name: 对个人和家庭的补助, total: 5.81, personnel: 5.81 }
`);
  const result = check(text);
  assert.equal(result.findings.filter((f) => f.rule === 'sum/column').length, 0);
  const rounding = result.findings.filter((f) => f.rule === 'sum/rounding');
  assert.ok(rounding.length >= 1);
  assert.ok(rounding.every((f) => f.severity === 'information'));
});

test('sum/items: 本年收入合计 = 各项, 收入总计 = 本年 + 结转, 其中 parts do not exceed', () => {
  const summary = `tables:
  summary:
    income:
      - { item: 一、一般公共预算, amount: 517.20 }
      - { item: 其中：财政拨款, amount: 387.20 }
      - { item: 上级提前下达, amount: 130.00 }
      - { item: 二、政府性基金预算拨款收入, amount: 12.00 }
    expense:
      - { item: 八、社会保障和就业, amount: 15.50 }
      - { item: 十、卫生健康, amount: 490.00 }
      - { item: 十二、城乡社区事务, amount: 12.00 }
      - { item: 二十一、住房保障支出, amount: 11.70 }
    income_current: 529.20
    income_total: 529.20
    expense_current: 529.20
    expense_total: 529.20
`;
  assert.deepEqual(findings(report(summary), 'sum/items'), []);
  const wrongTotal = report(summary.replace('income_current: 529.20', 'income_current: 529.30'));
  assert.ok(findings(wrongTotal, 'sum/items').some((f) => spanText(wrongTotal, f) === '529.30'));
  const tooMuch = report(summary.replace('其中：财政拨款, amount: 387.20', '其中：财政拨款, amount: 397.20'));
  assert.ok(findings(tooMuch, 'sum/items').some((f) => f.message.includes('517.20')));
});

test('sum/scalars: 三公 合计 = 出国 + 车辆 + 接待; 车辆 = 购置 + 运行', () => {
  const ok = report('tables:\n  three_public: { total: 19.00, vehicle: 18.00, vehicle_purchase: 18.00, reception: 1.00 }\n');
  assert.deepEqual(findings(ok, 'sum/scalars'), []);
  const bad = report('tables:\n  three_public: { total: 19.00, vehicle: 18.00, vehicle_purchase: 17.00, reception: 2.00 }\n');
  const found = findings(bad, 'sum/scalars');
  assert.equal(found.length, 2);
});

test('sum/scalars: 政府采购 货物 + 工程 + 服务 = 合计, 预留中小企业份额 ≤ 合计', () => {
  assert.deepEqual(findings(report('tables:\n  procurement: { total: 131.90, goods: 21.10, works: 0.00, services: 110.80, sme_reserved: 50 }\n'), 'sum/scalars'), []);
  assert.equal(findings(report('tables:\n  procurement: { total: 131.90, goods: 21.10, works: 0.00, services: 111.80 }\n'), 'sum/scalars').length, 1);
  assert.equal(findings(report('tables:\n  procurement: { total: 131.90, goods: 21.10, works: 0.00, services: 110.80, sme_reserved: 140 }\n'), 'sum/scalars').length, 1);
});

test('an incomplete table is not summed (could not check), never passed', () => {
  const text = report(EXPENSE.replace('  expense:\n', '  expense:\n    incomplete: true\n').replace('total: 529.20, basic: 223.40', 'total: 529.20, basic: 223.50'));
  const result = check(text);
  assert.equal(result.findings.filter((f) => f.rule === 'sum/column').length, 0);
  assert.equal(result.ledger.find((e) => e.rule === 'sum/column')?.outcome, 'could-not-check');
});
