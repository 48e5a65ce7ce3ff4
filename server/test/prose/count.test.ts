import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample } from '../helpers';
import { edit, analyse, claimsOf, issuesOf } from './proseHelpers';

const SAMPLE_000 = readSample('000-jiyuan-2022-unit.budget.yaml');
const SAMPLE_002 = readSample('002-qinyang-2022.budget.yaml');
const SAMPLE_003 = readSample('003-jiyuan-2024.budget.yaml');

test('text/count: 涉及项目15个 (seed 002) and 共26个项目 (seed 003) against the project table', () => {
  assert.equal(claimsOf(analyse(SAMPLE_002).analysis, 'count', '15')[0].status, 'verified');
  assert.equal(claimsOf(analyse(SAMPLE_003).analysis, 'count', '26')[0].status, 'verified');
  const text = edit(SAMPLE_002, '5702.08万元，涉及项目15个', '5702.08万元，涉及项目16个');
  const [issue] = issuesOf(analyse(text).analysis, 'text/count');
  assert.equal(text.slice(issue.span.start, issue.span.end), '16');
  assert.equal(issue.data.computed, '15');
  assert.equal(issue.severity, undefined);
});

test('text/count: a count followed by the names it counts (内设机构7个，包括：…; 专项转移支付项目共有2项，主要是：1. …；2. …)', () => {
  const { analysis } = analyse(SAMPLE_000);
  assert.equal(claimsOf(analysis, 'count', '7')[0].status, 'verified');
  assert.equal(claimsOf(analysis, 'count', '1', '专项转移支付')[0].status, 'verified');
  assert.equal(claimsOf(analyse(SAMPLE_003).analysis, 'count', '2', '专项转移支付')[0].status, 'verified');
  const text = edit(SAMPLE_000, '机关单位内设机构7个', '机关单位内设机构8个');
  const [issue] = issuesOf(analyse(text).analysis, 'text/count');
  assert.equal(issue.data.computed, '7');
});

test('text/count must not fire: counts of the seeds; a list ending in 等 is not counted', () => {
  for (const text of [SAMPLE_000, SAMPLE_002, SAMPLE_003]) assert.deepEqual(issuesOf(analyse(text).analysis, 'text/count'), []);
  const partial = edit(SAMPLE_000, '机关单位内设机构7个，包括：办公室、法规和规划财务科、', '机关单位内设机构9个，包括：办公室、法规和规划财务科等。另有');
  assert.deepEqual(issuesOf(analyse(partial).analysis, 'text/count'), []);
});

test('text/count: budget units against the report\'s 预算单位构成 (seed 004 二级预算单位共有 3 个)', () => {
  const text = readSample('004-changan-2022.budget.yaml');
  assert.equal(claimsOf(analyse(text).analysis, 'count', '3', '二级预算单位')[0].status, 'verified');
  const changed = edit(text, '二级预算单位共有 3 个', '二级预算单位共有 4 个');
  const [issue] = issuesOf(analyse(changed).analysis, 'text/count');
  assert.equal(issue.data.computed, '3');
});
