import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, findings, readSample, spanText } from '../helpers';
import { templateDataProblems } from '../../src/service/rules/review/reviewData';
import { requiredTables } from '../../src/service/rules/review/tableRules';
import { fullReport, HEADER, NARRATIVE, NINE_TABLES, without } from './fixtures';

const reviewFindings = (text: string) => check(text).findings.filter((f) => f.rule.startsWith('review/'));

test('a complete and consistent report has no review finding', () => {
  // The fixture names no narrative template: that is about generating text, not the report.
  assert.deepEqual(reviewFindings(fullReport()).filter((f) => f.rule !== 'review/unknown-template').map((f) => `${f.rule}: ${f.message}`), []);
  assert.deepEqual(reviewFindings(fullReport().replace('year: 2022\n', 'year: 2022\ntemplate: henan-jiyuan\n')).map((f) => `${f.rule}: ${f.message}`).filter((m) => m.startsWith('review/unknown-template')), []);
});

test('the review data names only known tables and section topics', () => {
  assert.deepEqual(templateDataProblems(), []);
});

test('review/missing-table fires for each national table the report lacks', () => {
  const text = without('income', 'state_capital_expense');
  const found = findings(text, 'review/missing-table');
  assert.deepEqual(found.map((f) => f.data?.relation), ['income', 'state_capital_expense']);
  assert.equal(spanText(text, found[0]), 'tables');
  assert.equal(findings(fullReport(), 'review/missing-table').length, 0);
});

test('review/missing-table: a template adds tables and may exempt one it publishes elsewhere', () => {
  assert.ok(requiredTables('henan-jiyuan').required.includes('economic_summary'));
  const jiyuan = fullReport({ header: HEADER + 'template: henan-jiyuan\n' });
  assert.deepEqual(findings(jiyuan, 'review/missing-table').map((f) => f.data?.relation), ['economic_summary', 'projects', 'performance']);
  // 陕西 部门综合预算: 国有资本经营预算 is shown in the 财政拨款收支总表 (seed 004 “并在财政拨款收支总体情况表中列示”).
  assert.ok(!requiredTables('shaanxi-changan').required.includes('state_capital_expense'));
  const changan = without('state_capital_expense').replace('year: 2022\n', 'year: 2022\ntemplate: shaanxi-changan\n');
  assert.ok(!findings(changan, 'review/missing-table').some((f) => f.data?.relation === 'state_capital_expense'));
});

test('review/missing-table: a catalog line that names no table of the document', () => {
  const catalog = `  catalog:
    rows:
      - { no: 表1, title: 2022年部门综合预算收支总表, empty: false }
      - { no: 表10, title: 2022年部门综合预算专项业务经费支出表, empty: false }
`;
  const lacking = without('summary').replace('tables:\n', `tables:\n${catalog}`);
  const found = findings(lacking, 'review/missing-table');
  // 收支总表 is reported once, at its catalog line; 表10 (not a national table) on its own.
  assert.deepEqual(found.map((f) => spanText(lacking, f)), ['2022年部门综合预算收支总表', '2022年部门综合预算专项业务经费支出表']);
  assert.match(found[0].message, /表1/);
  const complete = fullReport({ tables: NINE_TABLES + `  projects:\n    title: 2022年部门综合预算专项业务经费支出表（不含上年结转）\n    total: { total: 1.00 }\n    rows:\n      - { item: 办公场所租赁, total: 1.00 }\n` + catalog });
  assert.equal(findings(complete, 'review/missing-table').length, 0);
});

test('review/missing-table on seed 004: the catalog lists 表1 收支总表, the document lacks it', () => {
  const text = readSample('004-changan-2022.budget.yaml');
  const found = findings(text, 'review/missing-table');
  assert.deepEqual(found.map((f) => spanText(text, f)), ['2022年部门综合预算收支总表']);
});

test('review/duplicate-table fires for one table written under two keys and for a catalog line listed twice', () => {
  const twice = fullReport({ extraTables: '  general_basic_function:\n    title: 2022年一般公共预算基本支出表\n    total: { total: 100.00 }\n' });
  const found = findings(twice, 'review/duplicate-table');
  assert.equal(found.length, 1);
  assert.equal(spanText(twice, found[0]), '2022年一般公共预算基本支出表');
  const catalog = fullReport({ extraTables: '  catalog:\n    rows:\n      - { no: 表1, title: 2022年部门收支预算表 }\n      - { no: 表2, title: 2022年部门收入预算表 }\n      - { no: 表3, title: 2022年部门收入预算表 }\n' });
  const listed = findings(catalog, 'review/duplicate-table');
  assert.equal(listed.length, 1);
  assert.match(listed[0].message, /2022年部门收入预算表/);
  const distinct = fullReport({ extraTables: '  catalog:\n    rows:\n      - { no: 表1, title: 2022年部门收支预算表 }\n      - { no: 表2, title: 2022年部门收入预算表 }\n' });
  assert.equal(findings(distinct, 'review/duplicate-table').length, 0);
});

test('review/empty-table-note fires on a table without data and without its 空表 note', () => {
  const text = fullReport({ tables: NINE_TABLES.replace('    note: 本部门2022年度没有政府性基金预算支出，故本表无数据。\n', '') });
  const found = findings(text, 'review/empty-table-note');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '2022年政府性基金预算支出预算表');
  // Seed 001: “注：无政府基金预算财政拨款预算，空表列示。”
  const listed = fullReport({ tables: NINE_TABLES.replace('本部门2022年度没有政府性基金预算支出，故本表无数据。', '注：无政府基金预算财政拨款预算，空表列示。') });
  assert.equal(findings(listed, 'review/empty-table-note').length, 0);
  // A table of blank and 0.00 cells has no data either.
  const zeros = fullReport({ tables: NINE_TABLES.replace('    note: 本部门2022年度没有“三公”经费预算，故本表无数据。\n', '    total: 0.00\n    abroad:\n    reception: 0.00\n') });
  assert.equal(findings(zeros, 'review/empty-table-note').length, 1);
});

test('review/empty-table-note accepts the catalog line 是空表 with its reason (seed 004 表9)', () => {
  const catalog = '  catalog:\n    rows:\n      - { no: 表9, title: 2022年部门综合预算政府性基金收支表, empty: true, reason: 不涉及 }\n';
  const tables = NINE_TABLES.replace('    title: 2022年政府性基金预算支出预算表\n    note: 本部门2022年度没有政府性基金预算支出，故本表无数据。\n', '    title: 2022年部门综合预算政府性基金收支表（不含上年结转）\n');
  assert.equal(findings(fullReport({ tables: tables + catalog }), 'review/empty-table-note').length, 0);
  const noReason = findings(fullReport({ tables: tables + catalog.replace(', reason: 不涉及', '') }), 'review/empty-table-note');
  assert.equal(noReason.length, 1);
  assert.match(noReason[0].message, /理由/);
  assert.equal(findings(readSample('004-changan-2022.budget.yaml'), 'review/empty-table-note').length, 0);
});

test('review/note-on-nonempty fires when a table declared empty has data', () => {
  const text = fullReport({ tables: NINE_TABLES.replace('    note: 本部门2022年度没有“三公”经费预算，故本表无数据。\n', '    note: 本部门2022年度没有“三公”经费预算，故本表无数据。\n    total: 4.20\n    vehicle: 4.20\n    vehicle_operation: 4.20\n') });
  const found = findings(text, 'review/note-on-nonempty');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '本部门2022年度没有“三公”经费预算，故本表无数据。');
  // A note that is no 空表 note (seed 000: 备注：本表仅含当年财政拨款安排的支出) on a table with data.
  const other = fullReport({ tables: NINE_TABLES.replace('    title: 2022年一般公共预算支出预算表\n', '    title: 2022年一般公共预算支出预算表\n    note: 备注：本表仅含当年财政拨款安排的支出\n') });
  assert.equal(findings(other, 'review/note-on-nonempty').length, 0);
  assert.equal(findings(fullReport(), 'review/note-on-nonempty').length, 0);
});

test('review/missing-section fires for each required section the narrative lacks', () => {
  const narrative = NARRATIVE.replace(/          - title: （二）政府采购支出情况\n            text: \|\n.*\n/, '').replace(/  - title: 第三部分 名词解释\n    text: \|\n.*\n/, '');
  const text = fullReport({ narrative });
  const found = findings(text, 'review/missing-section');
  assert.deepEqual(found.map((f) => f.data?.relation), ['procurement', 'glossary']);
  assert.equal(spanText(text, found[0]), 'narrative');
  assert.equal(findings(fullReport(), 'review/missing-section').length, 0);
});

test('review/missing-section: a template requires more, and `topic` names a section with an unusual title', () => {
  const jiyuan = fullReport({ header: HEADER + 'template: henan-jiyuan\n' });
  assert.deepEqual(findings(jiyuan, 'review/missing-section').map((f) => f.data?.relation), ['fund', 'transfer']);
  const named = NARRATIVE.replace('  - title: 第三部分 名词解释\n', '  - title: 第三部分 附注\n    topic: glossary\n');
  assert.equal(findings(fullReport({ narrative: named }), 'review/missing-section').length, 0);
  assert.equal(findings(fullReport({ narrative: NARRATIVE.replace('  - title: 第三部分 名词解释\n', '  - title: 第三部分 附注\n') }), 'review/missing-section').length, 1);
});

test('a draft without tables or narrative gets one reminder each, as a warning', () => {
  const draft = 'department: 测试\nkind: unit\nyear: 2024\nunit: 万元\n';
  const tables = findings(draft, 'review/missing-table');
  assert.equal(tables.length, 1);
  assert.equal(tables[0].severity, 'warning');
  assert.match(tables[0].message, /国有资本经营预算支出表/);
  const sections = findings(draft, 'review/missing-section');
  assert.equal(sections.length, 1);
  assert.equal(sections[0].severity, 'warning');
});
