import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample } from '../helpers';
import { edit, analyse, claimsOf, issuesOf } from './proseHelpers';

const SAMPLE_000 = readSample('000-jiyuan-2022-unit.budget.yaml');
const SAMPLE_002 = readSample('002-qinyang-2022.budget.yaml');

test('text/share fires: 占 42.12% where 223.40 ÷ 529.20 is 42.21% (seed 000)', () => {
  const text = edit(SAMPLE_000, '基本支出 223.40 万元，占 42.21%', '基本支出 223.40 万元，占 42.12%');
  const { analysis } = analyse(text);
  const [issue] = issuesOf(analysis, 'text/share');
  assert.equal(text.slice(issue.span.start, issue.span.end), '42.12');
  assert.equal(issue.data.computed, '42.21');
  assert.equal(issue.data.formula, '223.40 ÷ 529.20 × 100');
  assert.match(issue.message, /42\.21%（223\.40 ÷ 529\.20 × 100）/);
  assert.deepEqual(issue.data.fixes?.[0].edits[0].newText, '42.21');
});

test('text/share: the whole is the figure the sentence is about (一般公共预算 517.20, not 529.20)', () => {
  const { analysis } = analyse(SAMPLE_000);
  const [share] = claimsOf(analysis, 'share', '43.19');
  assert.equal(share.status, 'verified');
  assert.equal(share.formula, '223.40 ÷ 517.20 × 100');
  const [personnel] = claimsOf(analysis, 'share', '88.94');
  assert.equal(personnel.formula, '198.70 ÷ 223.40 × 100');
});

test('text/share: an explicit whole (占全部项目预算的100%, 公开项目占全部预算项目的100.00%)', () => {
  const { analysis } = analyse(SAMPLE_000);
  const [money] = claimsOf(analysis, 'share', '100');
  assert.equal(money.status, 'verified');
  assert.equal(money.formula, '305.80 ÷ 305.80 × 100');
  const [count] = claimsOf(analysis, 'share', '100.00', '公开项目');
  assert.equal(count.status, 'verified');
  assert.equal(count.formula, '8 ÷ 8 × 100');
});

test('text/share must not fire: shares rounded half-up to the printed decimals (seed 002: 0.60%, 4.70%, 94.70%)', () => {
  const { analysis } = analyse(SAMPLE_002);
  for (const pct of ['4.70', '94.70', '0.60', '8.34', '91.66']) assert.equal(claimsOf(analysis, 'share', pct)[0]?.status, 'verified', pct);
  assert.deepEqual(issuesOf(analysis, 'text/share'), []);
});

test('text/share: a percentage with no part or whole is unverified, never an error', () => {
  const text = edit(SAMPLE_000, '2022年政府采购预算安排131.90万元，', '2022年政府采购预算安排131.90万元，占比无从谈起 5.00%，');
  const { analysis } = analyse(text);
  assert.deepEqual(issuesOf(analysis, 'text/share'), []);
});
