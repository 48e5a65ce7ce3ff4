import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, readSample, spanText } from '../helpers';
import { fullReport, HEADER, NINE_TABLES, withParagraph } from './fixtures';

test('review/year fires on a table title with another year, with the report year as fix', () => {
  const text = fullReport({ tables: NINE_TABLES.replace('title: 2022年部门收入预算表', 'title: 2021年部门收入预算表') });
  const found = findings(text, 'review/year');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '2021');
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '2022');
});

test('review/year fires on document and section titles and notes naming another year', () => {
  const text = fullReport({ header: HEADER + 'title: 测试医疗保障局 2021 年部门预算\n' }).replace('第二部分 2022年度部门预算情况说明', '第二部分 2023年度部门预算情况说明');
  assert.deepEqual(findings(text, 'review/year').map((f) => spanText(text, f)), ['2021', '2023']);
  const note = fullReport({ tables: NINE_TABLES.replace('本部门2022年度没有政府性基金', '本部门2021年度没有政府性基金') });
  assert.equal(findings(note, 'review/year').length, 1);
});

test('review/year leaves the years of the narrative to text/year (no double finding)', () => {
  // Comparisons (与2022年相比) and holdings at a year end (截止 2022 年底, seed 004) are prose claims.
  const text = withParagraph('2022年收入总计100.00万元，与2022年相比，增加20.00万元；截止 2022 年底，共有车辆3辆；力争到2022年底完成建设；豫财社2021-181号。');
  assert.equal(findings(text, 'review/year').length, 0);
  const seed = readSample('004-changan-2022.budget.yaml');
  assert.equal(findings(seed, 'review/year').length, 0);
  const at = seed.lastIndexOf('截止 2022 年底') + 3;
  assert.ok(findings(seed, 'text/year').some((f) => f.span.start === at), 'text/year reports “截止 2022 年底”');
  assert.equal(findings(readSample('000-jiyuan-2022-unit.budget.yaml'), 'review/year').length, 0);
});

test('review/year checks the date (编制日期, Chinese numerals) and assets.as_of', () => {
  const dated = fullReport({ header: HEADER + 'date: 二〇二〇年五月\n' });
  const found = findings(dated, 'review/year');
  assert.equal(found.length, 1);
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '二〇二二');
  assert.equal(findings(fullReport({ header: HEADER + 'date: 二〇二二年五月\n' }), 'review/year').length, 0);
  const assets = (asOf: string) => fullReport({ extraTables: `  assets:\n    as_of: ${asOf}\n    rows:\n      - { item: 资产总额, value: 71.12 }\n` });
  assert.equal(findings(assets('2022-12-31'), 'review/year').length, 1);
  assert.equal(findings(assets('2021-12-31'), 'review/year').length, 0);
});
