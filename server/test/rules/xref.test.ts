import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, readSample, sampleFiles } from '../helpers';
import * as path from 'path';
import { CROSS_TABLE_RELATIONS } from '../../src/service/relations/crossTable';
import { resolveFigure } from '../../src/service/figures/figurePaths';
import { service } from '../helpers';

/**
 * For every cross-table relation: find a sample where both sides resolve, change the printed
 * figure on one side and see the relation fire; on the unchanged sample it must only fire where
 * the golden file says the seed has a real slip.
 */
for (const relation of CROSS_TABLE_RELATIONS.filter((r) => r.op !== 'by-class' && !r.when)) {
  test(`xref/${relation.id} fires when one side changes`, (t) => {
    for (const file of sampleFiles()) {
      const text = readSample(path.basename(file));
      const parsed = service().parse(text);
      const left = resolveFigure(parsed.report, service().codeTables, relation.left);
      const right = resolveFigure(parsed.report, service().codeTables, relation.right);
      if (left.kind !== 'figure' || right.kind !== 'figure') continue;
      const cell = [left.figure, right.figure].find((f) => !f.derived && f.cells.length === 1 && f.cells[0].span.end > f.cells[0].span.start)?.cells[0];
      if (!cell) continue;
      const before = check(text).findings.filter((f) => f.rule === `xref/${relation.id}`);
      const bump = relation.op === '<=' && cell === left.figure.cells[0] ? '99999.00' : '88888.88';
      const changed = text.slice(0, cell.span.start) + bump + text.slice(cell.span.end);
      const after = check(changed).findings.filter((f) => f.rule === `xref/${relation.id}`);
      if (relation.op === '<=' && cell !== left.figure.cells[0]) continue;
      assert.ok(after.length > before.length, `${relation.id} should fire on ${path.basename(file)} after changing ${text.slice(cell.span.start, cell.span.end)}`);
      return;
    }
    t.skip('no sample prints both sides of this relation');
  });
}

test('by-class relations fire when one 类 amount changes (收支总表 vs 支出总表)', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const changed = text.replace('{ item: 十、卫生健康, amount: 490.00 }', '{ item: 十、卫生健康, amount: 491.00 }');
  const found = check(changed).findings.filter((f) => f.rule === 'xref/summary-classes-vs-expense');
  assert.equal(found.length, 1);
  assert.ok(found[0].message.includes('210'));
  assert.equal(check(text).findings.filter((f) => f.rule === 'xref/summary-classes-vs-expense').length, 0);
});

test('seed 002: 绩效目标表 5057.08 vs 项目支出表 5702.08 is found (DESIGN §4)', () => {
  const found = check(readSample('002-qinyang-2022.budget.yaml')).findings.filter((f) => f.rule === 'xref/performance-vs-projects');
  assert.equal(found.length, 1);
  assert.ok(found[0].message.includes('5057.08') && found[0].message.includes('5702.08'));
});

test('国有资本经营预算 relations fire on a report that prints them', () => {
  const text = `department: 测试单位
kind: department
year: 2024
unit: 万元
tables:
  summary:
    income:
      - { item: 一、一般公共预算拨款收入, amount: 100.00 }
      - { item: 三、国有资本经营预算拨款收入, amount: 20.00 }
    income_current: 120.00
    expense_current: 120.00
  fiscal_summary:
    expense_total: { total: 120.00, general: 100.00, state_capital: 20.00 }
  state_capital_expense:
    total: { total: 25.00, project: 25.00 }
    rows:
      - { code: "2230199", name: 其他解决历史遗留问题及改革成本支出, total: 25.00, project: 25.00 }
`;
  const found = check(text).findings.map((f) => f.rule);
  assert.ok(found.includes('xref/summary-state-capital-vs-expense'));
  assert.ok(found.includes('xref/fiscal-state-capital-vs-expense'));
  const fixed = text.replace(/total: 25\.00/g, 'total: 20.00').replace('project: 25.00 }', 'project: 20.00 }').replace('project: 25.00 }', 'project: 20.00 }');
  const after = check(fixed).findings.map((f) => f.rule);
  assert.ok(!after.includes('xref/summary-state-capital-vs-expense'));
  assert.ok(!after.includes('xref/fiscal-state-capital-vs-expense'));
});
