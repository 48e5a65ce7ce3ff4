import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, readSample, spanText } from '../helpers';
import { fullReport, NINE_TABLES, withParagraph } from './fixtures';

test('review/placeholder fires on template blanks left in the prose, titles and table texts', () => {
  const text = withParagraph('XX单位2022年收入总计××万元，【单位名称】待补充。');
  const found = findings(text, 'review/placeholder');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['XX', '××', '【单位名称】', '待补充']);
  const title = fullReport({ tables: NINE_TABLES.replace('title: 2022年部门收入预算表', 'title: 2022年（部门名称）收入预算表') });
  assert.deepEqual(findings(title, 'review/placeholder').map((f) => spanText(title, f)), ['（部门名称）']);
});

test('review/placeholder does not fire on document numbers, DRG or a single ×', () => {
  // Seed 004: “根据长编发【2019】1号、长编发【2020】32号文件”; seed 000: DRG 付费方式改革; 19505人×340元.
  const text = withParagraph('根据长编发【2019】1号、长编发【2020】32号文件，推进DRG付费方式改革，按19505人×340元测算。');
  assert.equal(findings(text, 'review/placeholder').length, 0);
  // Seed 001 prints 冀财社【2022】172号 and 冀医保【2019】…; its only placeholders are the 目标内容N prompts.
  const seed = readSample('001-pingxiang-2023.budget.yaml');
  assert.deepEqual([...new Set(findings(seed, 'review/placeholder').map((f) => spanText(seed, f).replace(/\d+$/, 'N')))], ['目标内容N']);
});

test('review/doubled fires on a doubled word or mark, with a fix that removes one', () => {
  // Seed 003: “由一般公共预算算收支预算调整至…”; seed 004 表13-5: “提高群众满意度。。”
  const text = withParagraph('参保退休人员体检费由一般公共预算算收支预算调整至政府性基金收支预算，提高群众满意度。。');
  const found = findings(text, 'review/doubled');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['预算算', '。。']);
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '预算');
  assert.equal(found[1].data?.fixes?.[0].edits[0].newText, '。');
  const mixed = findings(withParagraph('主要用于办公费的的支出，，'), 'review/doubled');
  assert.equal(mixed.length, 2);
});

test('review/doubled does not fire on 的确, 年年 or an ellipsis', () => {
  const text = withParagraph('预算的确定依据……是年年相同的测算标准——本年年初预算。');
  assert.equal(findings(text, 'review/doubled').length, 0);
});

test('review/percent-sign fires on a percentage printed without % after 增长/下降/占', () => {
  const text = withParagraph('一般公共预算收支预算增加380.20万元，增长277.52，基本支出占43.19；');
  const found = findings(text, 'review/percent-sign');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['277.52', '43.19']);
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '%');
});

test('review/percent-sign does not fire on a percentage with its sign, an amount or 个百分点', () => {
  const text = withParagraph('增长277.52%，增长 12.00 万元，提高0.5个百分点，占 42.21%。');
  assert.equal(findings(text, 'review/percent-sign').length, 0);
});

test('review/unit-missing fires on an amount printed without its unit (seed 004 八)', () => {
  const text = readSample('004-changan-2022.budget.yaml');
  const found = findings(text, 'review/unit-missing');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['664.98']);
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '万元');
  const mine = withParagraph('2022 年当年本部门政府采购预算共 664.98，为政府采购服务类预算。');
  assert.equal(findings(mine, 'review/unit-missing').length, 1);
});

test('review/unit-missing does not fire on amounts with units, codes, counts or percentages', () => {
  const text = withParagraph('行政运行（2101501）73.98 万元，涉及项目15个，占 42.21%，人员经费506.1万元，共有车辆3辆。');
  assert.equal(findings(text, 'review/unit-missing').length, 0);
});
