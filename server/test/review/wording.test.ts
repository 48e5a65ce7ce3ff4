import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, readSample, spanText } from '../helpers';
import { fullReport, HEADER, NINE_TABLES, withParagraph } from './fixtures';

const UNIT = HEADER.replace('kind: department', 'kind: unit');

test('review/wording: a 单位预算 whose table title says 部门预算 (seed 000 绩效目标表)', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const found = findings(text, 'review/wording');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['部门预算']);
  assert.match(text.slice(found[0].span.start - 10, found[0].span.end + 10), /2022 年度部门预算项目绩效目标表/);
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '单位预算');
});

test('review/wording: a 单位预算 that says 本部门 in the prose', () => {
  const text = withParagraph('本部门2022年收入总计100.00万元。', UNIT);
  // The fixture's own sentences say 我部门 three times.
  const found = findings(text, 'review/wording');
  assert.ok(found.some((f) => spanText(text, f) === '本部门' && f.data?.fixes?.[0].edits[0].newText === '本单位'));
  assert.ok(found.every((f) => f.severity === 'warning'));
});

test('review/wording: a 部门预算 that says 我单位 (seed 002, seed 003)', () => {
  const text = withParagraph('我单位2022年收入总计6220.67万元。');
  const found = findings(text, 'review/wording');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['我单位']);
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '我部门');
  const seed = readSample('003-jiyuan-2024.budget.yaml');
  assert.deepEqual(findings(seed, 'review/wording').map((f) => spanText(seed, f)), ['我单位']);
});

test('review/wording does not fire on generic 部门/单位 wording', () => {
  // 部门预算管理有关规定 (三公 notes), 所属单位预算 (seed 002), 部门(单位)整体绩效目标表, 预算单位.
  const department = withParagraph('我部门2022年度部门预算编制范围包括本级预算和所属单位预算在内的汇总预算，预算单位构成：1. 本级；2. 中心。按照部门预算管理有关规定执行。');
  assert.equal(findings(department, 'review/wording').length, 0);
  const unit = fullReport({
    header: UNIT,
    tables: NINE_TABLES.replace('title: 2022年部门收入预算表', 'title: 部门(单位)整体绩效目标表').replace('本部门2022年度没有“三公”经费预算', '本单位2022年度没有“三公”经费预算').replace('本部门2022年度没有政府性基金', '本单位2022年度没有政府性基金').replace('本部门2022年度没有国有资本', '本单位2022年度没有国有资本'),
  }).replace(/我部门/g, '我单位').replace('2022年度部门预算情况说明', '2022年度单位预算情况说明');
  assert.deepEqual(findings(unit, 'review/wording').map((f) => f.message), []);
});
