import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample } from '../helpers';
import { edit, analyse, claimsOf, issuesOf, report, section } from './proseHelpers';

const SAMPLE_000 = readSample('000-jiyuan-2022-unit.budget.yaml');
const SAMPLE_004 = readSample('004-changan-2022.budget.yaml');

test('text/year fires: "2021 年本部门预算收入 1675.78 万元" in the 2022 report of seed 004', () => {
  const { analysis } = analyse(SAMPLE_004);
  const issues = issuesOf(analysis, 'text/year');
  const labels = issues.map((i) => SAMPLE_004.slice(i.span.start, i.span.end + 12));
  assert.ok(labels.some((l) => l.startsWith('2021 年本部门预算收入')), labels.join('|'));
  assert.ok(labels.some((l) => l.startsWith('2021年本部门当年一般公共')), labels.join('|'));
  const first = issues.find((i) => SAMPLE_004.slice(i.span.start, i.span.end + 12).startsWith('2021 年本部门预算收入'))!;
  assert.equal(first.severity, undefined);
  assert.equal(first.data.fixes?.[0].edits[0].newText, '2022');
});

test('text/year fires: holdings at the end of the report year (seed 004 截止 2022 年底) and comparisons with another year', () => {
  const { analysis } = analyse(SAMPLE_004);
  assert.ok(issuesOf(analysis, 'text/year').some((i) => SAMPLE_004.slice(i.span.start - 3, i.span.end) === '截止 2022'));
  const text = edit(SAMPLE_000, '与 2021 年相比，收、支总计各增加', '与 2020 年相比，收、支总计各增加');
  const [issue] = issuesOf(analyse(text).analysis, 'text/year');
  assert.equal(text.slice(issue.span.start, issue.span.end), '2020');
  assert.equal(issue.data.computed, '2021');
});

test('text/year must not fire: 2021年期末 and 与 2021 年相比 in a 2022 report; years of seeds 000–003', () => {
  for (const name of ['000-jiyuan-2022-unit', '001-pingxiang-2023', '002-qinyang-2022', '003-jiyuan-2024']) {
    const { analysis } = analyse(readSample(`${name}.budget.yaml`));
    assert.deepEqual(issuesOf(analysis, 'text/year'), [], name);
  }
  const { analysis } = analyse(SAMPLE_000);
  assert.equal(claimsOf(analysis, 'year', '2021', '2021年期末')[0].status, 'verified');
});

test('text/year must not fire: a figure of another year that is not this year\'s figure', () => {
  const tables = '  summary:\n    income:\n      - { item: 一、一般公共预算, amount: 100.00 }\n    income_total: 100.00\n    expense_total: 100.00\n';
  const { analysis } = analyse(report(2022, tables, section('（一）收支预算总体情况。', '2021 年本部门预算收入 90.00 万元，2022 年本部门预算收入 100.00 万元。')));
  assert.deepEqual(issuesOf(analysis, 'text/year'), []);
  const [other] = claimsOf(analysis, 'year', '2021');
  assert.equal(other.status, 'unverified');
});
