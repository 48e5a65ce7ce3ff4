import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample } from '../helpers';
import { edit, analyse, claimsOf, issuesOf, report, section } from './proseHelpers';

const SAMPLE_000 = readSample('000-jiyuan-2022-unit.budget.yaml');
const SAMPLE_002 = readSample('002-qinyang-2022.budget.yaml');
const SAMPLE_003 = readSample('003-jiyuan-2024.budget.yaml');
const SAMPLE_004 = readSample('004-changan-2022.budget.yaml');

/** The warning on a rate stated from a base of 0 (增长100%): expected wherever the seeds write it. */
const ZERO_BASE = /增长率无从计算/;

test('text/change: 增加 203.20 万元，增长 62.33% checks Δ ÷ (current − Δ) (seed 000)', () => {
  const { analysis } = analyse(SAMPLE_000);
  const [pct] = claimsOf(analysis, 'change', '62.33');
  assert.equal(pct.status, 'verified');
  assert.equal(pct.formula, '203.20 ÷ (529.20 − 203.20) × 100');
  const text = edit(SAMPLE_000, '增长 62.33%', '增长 62.23%');
  const [issue] = issuesOf(analyse(text).analysis, 'text/change').filter((i) => i.severity !== 'information');
  assert.equal(text.slice(issue.span.start, issue.span.end), '62.23');
  assert.equal(issue.data.computed, '62.33');
});

test('text/change: a decrease is Δ ÷ (current + Δ) (seed 003: 减少379.10万元，下降5.54%; seed 002: 减少0.1万元，减少2.33%)', () => {
  assert.equal(claimsOf(analyse(SAMPLE_003).analysis, 'change', '5.54')[0].formula, '379.10 ÷ (6465.30 + 379.10) × 100');
  const { analysis } = analyse(SAMPLE_002);
  assert.equal(claimsOf(analysis, 'change', '2.33', '“三公”经费支出预算为4.2万元')[0].formula, '0.1 ÷ (4.2 + 0.1) × 100');
  assert.deepEqual(issuesOf(analysis, 'text/change').filter((i) => i.severity !== 'information' && !ZERO_BASE.test(i.message)), []);
});

test('text/change fires: direction words that disagree (增加 … 下降)', () => {
  const text = edit(SAMPLE_000, '收、支总计各增加 203.20 万元，增长 62.33%', '收、支总计各增加 203.20 万元，下降 62.33%');
  const [issue] = issuesOf(analyse(text).analysis, 'text/change');
  assert.equal(text.slice(issue.span.start, issue.span.end), '62.33');
  assert.match(issue.message, /增加.*下降/);
});

test('text/change: a change from 0 written 增长100% agrees with the figures (information claim) but the rate is undefined: a warning, not an error (seed 000)', () => {
  const { analysis } = analyse(SAMPLE_000);
  const zero = issuesOf(analysis, 'text/change');
  assert.ok(zero.length > 0);
  assert.ok(zero.every((i) => i.severity === 'warning' && ZERO_BASE.test(i.message)));
  assert.equal(claimsOf(analysis, 'change', '100.00', '政府性基金收支预算增加')[0].status, 'information');
});

test('text/change must not fire: 持平 and 0-changes that add up with the other changes (seeds 000, 002, 003)', () => {
  for (const text of [SAMPLE_000, SAMPLE_002, SAMPLE_003]) {
    const { analysis } = analyse(text);
    assert.deepEqual(issuesOf(analysis, 'text/change').filter((i) => i.severity !== 'information' && !ZERO_BASE.test(i.message)).map((i) => i.message), []);
    for (const flat of claimsOf(analysis, 'change', '持平').filter((c) => c.sentence.includes('三公') || c.section.includes('三公'))) assert.equal(flat.status, 'verified', flat.sentence);
  }
  // 003: (一)因公出国 持平, (二)接待 +0.50, (三)购置 持平, 运行 −1.40 add up to −0.90.
  const three = claimsOf(analyse(SAMPLE_003).analysis, 'change', '持平');
  assert.ok(three.length >= 2 && three.slice(0, 2).every((c) => c.status === 'verified'));
});

test('text/change fires: changes of one figure that imply different previous-year figures (seed 004 收入 vs 支出)', () => {
  const text = edit(SAMPLE_004, '2022 年本部门预算支出较上年减少 7091.11 万元', '2022 年本部门预算支出较上年减少 7191.11 万元');
  const { analysis } = analyse(text);
  const issue = issuesOf(analysis, 'text/change').find((i) => text.slice(i.span.start, i.span.end) === '7191.11');
  assert.ok(issue);
  assert.equal(claimsOf(analysis, 'change', '7191.11')[0].status, 'mismatched');
  // Unchanged, both are verified against each other.
  assert.ok(claimsOf(analyse(SAMPLE_004).analysis, 'change', '7091.11').some((c) => c.status === 'verified'));
});

test('text/change fires: an increase larger than the current figure (negative previous year)', () => {
  const tables = '  three_public:\n    total: 10.00\n    reception: 10.00\n';
  const { analysis } = analyse(report(2022, tables, section('七、“三公”经费支出预算情况说明', '2022年“三公”经费预算为10.00万元，比2021年增加20.00万元。')));
  const [issue] = issuesOf(analysis, 'text/change');
  assert.ok(issue);
  assert.equal(claimsOf(analysis, 'change', '20.00')[0].status, 'mismatched');
});

test('text/change: a change without a percentage and without previous: is unverified (seed 004 较上年增加 0.87 万元)', () => {
  const { analysis } = analyse(SAMPLE_004);
  const [delta] = claimsOf(analysis, 'change', '0.87');
  assert.equal(delta.status, 'unverified');
  assert.ok(delta.reason);
});

const PREVIOUS_TABLES = '  summary:\n    income:\n      - { item: 一、一般公共预算, amount: 529.20 }\n    income_total: 529.20\n    expense_total: 529.20\n  three_public:\n    total: 19.00\n    abroad:\n    vehicle: 18.00\n    reception: 1.00\n';
const PREVIOUS_TEXT = (delta: string, pct: string, flat: string): string =>
  section('一、收入支出预算总体情况说明', `2022 年收入总计 529.20 万元，与 2021 年相比，收入总计增加 ${delta} 万元，增长 ${pct}%。`) +
  section('七、“三公”经费支出预算情况说明', '（一）因公出国（境）费 0.00 万元，预算数与 2021 年持平。', `（二）公务接待费 1.00 万元，${flat}。`);

test('text/change with previous: Δ must equal current − previous, 持平 must be no change', () => {
  const previous = 'previous:\n  income_total: 326.00\n  abroad: 0\n  reception: 0.50\n';
  const good = analyse(report(2022, PREVIOUS_TABLES, PREVIOUS_TEXT('203.20', '62.33', '比2021年增加0.50万元，增长100.00%'), previous)).analysis;
  assert.deepEqual(issuesOf(good, 'text/change').filter((i) => i.severity !== 'information' && !ZERO_BASE.test(i.message)).map((i) => i.message), []);
  assert.equal(claimsOf(good, 'change', '203.20')[0].status, 'verified');
  assert.equal(claimsOf(good, 'change', '持平')[0].status, 'verified');
  const text = report(2022, PREVIOUS_TABLES, PREVIOUS_TEXT('213.20', '65.40', '与2021年持平'), previous);
  const bad = analyse(text).analysis;
  const at = issuesOf(bad, 'text/change').map((i) => text.slice(i.span.start, i.span.end));
  assert.ok(at.includes('213.20'), at.join());
  assert.ok(at.includes('持平'), at.join());
  const delta = issuesOf(bad, 'text/change').find((i) => text.slice(i.span.start, i.span.end) === '213.20')!;
  assert.equal(delta.data.computed, '203.20');
  assert.equal(delta.data.fixes?.[0].edits[0].newText, '203.20');
});
