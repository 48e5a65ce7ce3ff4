import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, findings, report } from '../helpers';
import { CROSS_TABLE_RELATIONS, scopeProblems } from '../../src/service/relations/crossTable';

/**
 * Fund scopes of the cross-table relations: the 支出总表 total covers all funds, the
 * 一般公共预算支出表 total only 一般公共预算. Comparing them is right only when the report has no
 * other source of funds — the classic false alarm of checkers that ignore the scope.
 */
const WITH_FUND = report(`tables:
  summary:
    income:
      - { item: 一、一般公共预算, amount: 100.00 }
      - { item: 二、政府性基金预算拨款收入, amount: 20.00 }
    expense:
      - { item: 十、卫生健康, amount: 100.00 }
      - { item: 十二、城乡社区事务, amount: 20.00 }
    income_current: 120.00
    income_total: 120.00
    expense_current: 120.00
    expense_total: 120.00
  expense:
    total: { total: 120.00, basic: 100.00, project: 20.00 }
    rows:
      - { code: "2101501", name: 行政运行, total: 100.00, basic: 100.00 }
      - { code: "2120899", name: 其他国有土地使用权出让收入安排的支出, total: 20.00, project: 20.00 }
  general_expense:
    total: { total: 100.00, basic: 100.00 }
    rows:
      - { code: "2101501", name: 行政运行, total: 100.00, basic: 100.00 }
  fund_expense:
    total: { total: 20.00, project: 20.00 }
    rows:
      - { code: "2120899", name: 其他国有土地使用权出让收入安排的支出, total: 20.00, project: 20.00 }
`);

const GENERAL_ONLY = (generalTotal: string) => report(`tables:
  summary:
    income:
      - { item: 一、一般公共预算, amount: 100.00 }
      - { item: 二、政府性基金预算拨款收入 }
    expense:
      - { item: 十、卫生健康, amount: 100.00 }
    income_current: 100.00
    income_total: 100.00
    expense_current: 100.00
    expense_total: 100.00
  expense:
    total: { total: 100.00, basic: 100.00 }
    rows:
      - { code: "2101501", name: 行政运行, total: 100.00, basic: 100.00 }
  general_expense:
    total: { total: ${generalTotal}, basic: ${generalTotal} }
    rows:
      - { code: "2101501", name: 行政运行, total: ${generalTotal}, basic: ${generalTotal} }
`);

const SINGLE_SOURCE = 'xref/expense-vs-general-single-source';

test('scope: with 政府性基金, the all-funds 支出总表 total is not compared with the 一般公共预算支出表 total', () => {
  const result = check(WITH_FUND);
  assert.deepEqual(result.findings.filter((f) => f.rule.startsWith('xref/')).map((f) => `${f.rule}: ${f.message}`), []);
  assert.equal(result.ledger.find((e) => e.rule === SINGLE_SOURCE)?.outcome, 'not-applicable');
  // The comparisons that do apply ran and passed (the scope test is not vacuous).
  assert.equal(result.ledger.find((e) => e.rule === 'xref/summary-general-vs-general-expense')?.outcome, 'passed');
  assert.equal(result.ledger.find((e) => e.rule === 'xref/summary-fund-vs-fund-expense')?.outcome, 'passed');
});

test('scope: with 一般公共预算 only, 支出总表 合计 = 一般公共预算支出表 合计 is checked and fires when they differ', () => {
  const found = findings(GENERAL_ONLY('90.00'), SINGLE_SOURCE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /100\.00/);
  assert.match(found[0].message, /90\.00/);
  assert.equal(findings(GENERAL_ONLY('100.00'), SINGLE_SOURCE).length, 0);
  assert.equal(check(GENERAL_ONLY('100.00')).ledger.find((e) => e.rule === SINGLE_SOURCE)?.outcome, 'passed');
});

test('scope: every relation of data/cross-table.json compares figures of its declared scope', () => {
  assert.deepEqual(scopeProblems(), []);
  const scopes = new Set(['all', 'fiscal', 'general', 'fund', 'state_capital']);
  assert.deepEqual(CROSS_TABLE_RELATIONS.filter((r) => !scopes.has(r.scope)).map((r) => r.id), []);
});
