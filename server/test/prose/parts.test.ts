import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample } from '../helpers';
import { edit, analyse, claimsOf, issuesOf } from './proseHelpers';

const SAMPLE_000 = readSample('000-jiyuan-2022-unit.budget.yaml');
const SAMPLE_001 = readSample('001-pingxiang-2023.budget.yaml');
const SAMPLE_003 = readSample('003-jiyuan-2024.budget.yaml');
const SAMPLE_004 = readSample('004-changan-2022.budget.yaml');
const PROCUREMENT = '2022年政府采购预算安排131.90万元，其中：政府采购货物预算21.10万元、政府采购工程预算0.00万元、政府采购服务预算110.80万元。';

test('text/parts: 其中：货物21.10万元、工程0.00万元、服务110.80万元 adds up to 131.90 (seed 000)', () => {
  const { analysis } = analyse(SAMPLE_000);
  const [parts] = claimsOf(analysis, 'parts', '131.90');
  assert.equal(parts.status, 'verified');
  assert.equal(parts.formula, '21.10 + 0.00 + 110.80 = 131.90');
  // No procurement table: the amounts are tied to each other.
  assert.equal(claimsOf(analysis, 'amount', '110.80')[0].status, 'verified');
});

test('text/parts fires: parts that exceed the whole', () => {
  const text = edit(SAMPLE_000, PROCUREMENT, PROCUREMENT.replace('服务预算110.80', '服务预算120.80'));
  const [issue] = issuesOf(analyse(text).analysis, 'text/parts');
  assert.equal(text.slice(issue.span.start, issue.span.end), '131.90');
  assert.equal(issue.data.computed, '141.90');
  assert.match(issue.message, /超过|more than/);
  assert.ok(issue.data.related?.some((r) => text.slice(r.span.start, r.span.end) === '120.80'));
});

test('text/parts fires: parts that cover every category must equal the whole', () => {
  const text = edit(SAMPLE_000, PROCUREMENT, PROCUREMENT.replace('服务预算110.80', '服务预算100.80'));
  const [issue] = issuesOf(analyse(text).analysis, 'text/parts');
  assert.equal(issue.severity, undefined);
  assert.equal(issue.data.computed, '121.90');
  assert.equal(issue.data.fixes?.[0].edits[0].newText, '121.90');
});

test('text/parts must not fire: a partial 其中 list (only one source of several)', () => {
  const text = edit(SAMPLE_000, '其中：一般公共预算收入 517.20 万元；政府性基金预算收入 12.00 万元；国有资本经营预算收入 0.00 万元，财政专户管理资金收入 0.00 万元；上年结转结余 0.00 万元。', '其中：一般公共预算收入 517.20 万元。');
  const { analysis } = analyse(text);
  assert.deepEqual(issuesOf(analysis, 'text/parts'), []);
  assert.deepEqual(claimsOf(analysis, 'parts', '529.20', '收入合计'), []);
});

test('text/parts: nested lists (其中…包括…和…；…) and parts given in brackets (seed 001)', () => {
  const { analysis } = analyse(SAMPLE_001);
  assert.equal(claimsOf(analysis, 'parts', '4996.92', '部门支出预算')[0].formula, '522.92 + 4474 = 4996.92');
  assert.equal(claimsOf(analysis, 'parts', '522.92')[0].formula, '506.1 + 16.82 = 522.92');
  assert.equal(claimsOf(analysis, 'parts', '0', '“三公”')[0].status, 'verified');
  assert.deepEqual(issuesOf(analysis, 'text/parts'), []);
});

test('text/parts: the parts of a part are found across sentences (seed 003 公务用车购置费 … 运行维护费)', () => {
  const { analysis } = analyse(SAMPLE_003);
  const [vehicle] = claimsOf(analysis, 'parts', '2', '公务用车购置及运行费');
  assert.equal(vehicle.status, 'verified');
  assert.equal(vehicle.formula, '0 + 2 = 2');
  assert.equal(claimsOf(analysis, 'parts', '636.78')[0].formula, '1.78 + 0 + 635 = 636.78');
});

test('text/parts: a sum within its rounding is information; a part that disagrees with its table is the slip (seed 004)', () => {
  const { analysis } = analyse(SAMPLE_004);
  const rounding = issuesOf(analysis, 'text/parts');
  assert.equal(rounding.length, 1);
  assert.equal(rounding[0].severity, 'information');
  // 机关工资福利支出 639.58 (table 63.96) makes the 政府经济分类 list exceed 1675.78: reported once, at 639.58.
  assert.equal(claimsOf(analysis, 'parts', '1675.78', '2021年本部门当年')[0].status, 'unverified');
});

test('text/parts: a 其中 list of unknown categories that falls short is only information (人员编制)', () => {
  const text = edit(SAMPLE_004, '本部门人员编制 73 人，其中行政编制 6 人、事业编制 67 人', '本部门人员编制 75 人，其中行政编制 6 人、事业编制 67 人');
  const { analysis } = analyse(text);
  const [issue] = issuesOf(analysis, 'text/parts').filter((i) => text.slice(i.span.start, i.span.end) === '75');
  assert.equal(issue.severity, 'information');
  const over = edit(SAMPLE_004, '其中行政编制 6 人、事业编制 67 人', '其中行政编制 8 人、事业编制 67 人');
  const [error] = issuesOf(analyse(over).analysis, 'text/parts').filter((i) => i.severity !== 'information');
  assert.equal(over.slice(error.span.start, error.span.end), '73');
});
