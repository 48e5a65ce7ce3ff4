import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, report, spanText } from '../helpers';

/** A 绩效目标表 with the given rows (YAML, indented as rows of `performance`). */
const performance = (rows: string) => report(`tables:\n  performance:\n    rows:\n${rows}`);

const project = (code: string, item: string, total = '12.00', extra = '') =>
  `      - code: "${code}"\n        item: ${item}\n        total: ${total}\n        government: ${total}\n${extra}`;

test('review/project-code-length: a 20-digit code among 21-digit ones fires on that code (seed 000)', () => {
  const text = performance([
    project('419001220000000060010', '甲'),
    project('419001220000000060020', '乙'),
    project('419001220000000060030', '丙'),
    project('41900122000000006003', '丁'),
  ].join(''));
  const found = findings(text, 'review/project-code-length');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '"41900122000000006003"');
  assert.match(found[0].message, /20 位.*3 个项目编码均为 21 位/);
});

test('review/project-code-length: one format, or no clear majority, does not fire', () => {
  const same = performance([project('419001220000000060010', '甲'), project('419001220000000060020', '乙'), project('419001220000000060030', '丙')].join(''));
  assert.equal(findings(same, 'review/project-code-length').length, 0);
  // Two lengths, two codes each: no format to hold the others to.
  const split = performance([project('419001220000000060010', '甲'), project('419001220000000060020', '乙'), project('4190012200000000601', '丙'), project('4190012200000000602', '丁')].join(''));
  assert.equal(findings(split, 'review/project-code-length').length, 0);
});

const indicators = (...lines: string[]) => `        indicators:\n${lines.map((l) => `          - ${l}\n`).join('')}`;

test('review/indicator-duplicate: the same indicator twice, with contradicting values or the same (seed 001)', () => {
  const text = performance(project('419001220000000060010', '药品采购服务平台管理', '12.00', indicators(
    '{ level1: 效益指标, level2: 可持续影响指标, level3: 医疗机构满意度, value: ≥98% }',
    '{ level1: 效益指标, level2: 可持续影响指标, level3: 医疗机构满意度, value: ≥20% }',
    '{ level1: 产出指标, level2: 质量指标, level3: 药品质量保障率, value: 100% }',
    '{ level1: 产出指标, level2: 质量指标, level3: 药品质量保障率, value: 100% }',
  )));
  const found = findings(text, 'review/indicator-duplicate');
  assert.equal(found.length, 2);
  assert.match(found[0].message, /医疗机构满意度.*≥98% 与 ≥20%/);
  assert.match(found[1].message, /药品质量保障率.*重复列出/);
  // The second occurrence is marked.
  assert.ok(found[0].span.start > text.indexOf('医疗机构满意度'));
});

test('review/indicator-duplicate: the same name under another 二级指标 is another indicator (seed 004 执行年度)', () => {
  const text = performance(project('419001220000000060010', '信息化网络运行维护费', '12.00', indicators(
    '{ level1: 效益指标, level2: 可持续影响指标, level3: 执行年度, value: ≥1年 }',
    '{ level1: 产出指标, level2: 时效指标, level3: 执行年度, value: 2022年 }',
  )));
  assert.equal(findings(text, 'review/indicator-duplicate').length, 0);
});

test('review/indicator-cost: a cost bound above the project amount fires on the value (seeds 000, 003)', () => {
  const text = performance(project('419001220000000060080', '医疗保障骨干网络建设服务费项目', '12.00', indicators('{ level1: 成本指标, level3: 服务费, value: ≤20.4 万元 }')));
  const found = findings(text, 'review/indicator-cost');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '≤20.4 万元');
  assert.match(found[0].message, /20\.4万元，超过.*12\.00万元/);
});

test('review/indicator-cost: bounds within the amount, rates and amounts in 元 that fit do not fire', () => {
  const text = performance(project('419001220000000060080', '打击欺诈骗保工作经费', '20.00', indicators(
    '{ level1: 成本指标, level3: 服务费, value: ≤20 万元 }',
    '{ level1: 成本指标, level3: 聘请专家费, value: ≤500元/天 }',
    '{ level1: 成本指标, level3: 每日生活和交通补助, value: 140元 }',
    '{ level1: 产出指标, level3: 培训费, value: ≤30万元 }',
  )));
  assert.equal(findings(text, 'review/indicator-cost').length, 0);
});

test('review/goal-amount: a goal that states another project amount fires on the number, with a fix (seed 004)', () => {
  const text = performance(project('419001220000000060080', '办公楼冬季采暖费用', '3.92', '        goal: 依据城市供用热力合同。 1. 预算规模：2022年该项目预算资金总额为27.1万元； 2. 任务：保障单位正常运转。\n'));
  const found = findings(text, 'review/goal-amount');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '27.1');
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '3.92');
});

test('review/goal-amount: the same amount, written with fewer decimals or in 元, does not fire', () => {
  const text = performance([
    project('419001220000000060080', '打击欺诈骗保举报奖励', '15.00', "        goal: '1. 预算规模: 2022年该项目预算资金总额为15万元; 2. 任务: 医保基金监督'\n"),
    project('419001220000000060090', '装修', '91.08', '        goal: 预算资金总额为910800元。\n'),
  ].join(''));
  assert.equal(findings(text, 'review/goal-amount').length, 0);
});

const withUnits = (units: string, rows: string) => report(`units:\n${units}tables:\n  expense:\n    rows:\n${rows}`);

test('review/unit-name: a unit row named otherwise than the unit list fires on the name (seed 004)', () => {
  const text = withUnits(
    '  - { name: 西安市长安区医疗保障局本级（机关） }\n  - { name: 西安市长安区医疗保险经办机构 }\n',
    '      - { unit: "133001", name: 西安市长安区医疗保障局, total: 10.00 }\n      - { unit: "133002", name: 西安市长安区医疗保险经办中心, total: 5.00 }\n',
  );
  const found = findings(text, 'review/unit-name');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '西安市长安区医疗保险经办中心');
  assert.match(found[0].message, /医疗保险经办机构/);
});

test('review/unit-name: names as listed, 本级（机关） qualifiers and a 部门 row above its units do not fire (seeds 002, 004)', () => {
  const text = withUnits(
    '  - { code: "707001", name: 沁阳市医疗保障局 }\n  - { code: "707002", name: 沁阳市社会医疗保险中心 }\n  - { name: 西安市长安区医疗保障局本级（机关） }\n',
    '      - { unit: "707", name: 沁阳市医疗保障局, total: 10.00 }\n      - { unit: "707002", name: 沁阳市社会医疗保险中心, total: 5.00 }\n      - { unit: "133001", name: 西安市长安区医疗保障局, total: 5.00 }\n',
  );
  assert.equal(findings(text, 'review/unit-name').length, 0);
  // A listed code decides: the same code under another name fires.
  const renamed = withUnits('  - { code: "707002", name: 沁阳市社会医疗保险中心 }\n', '      - { unit: "707002", name: 沁阳市医疗保险中心, total: 5.00 }\n');
  assert.equal(findings(renamed, 'review/unit-name').length, 1);
});

const projectsAndProse = (item: string, prose: string) =>
  report(`tables:\n  projects:\n    rows:\n      - { unit: "036001", item: ${item}, type: 特定目标类, total: 10.00, general: 10.00 }\nnarrative:\n  - title: 十、其他说明\n    text: |\n      ${prose}\n`);

test('review/project-name-year: a project named by its 文号 with another year than the project table fires on the year (seed 003)', () => {
  const text = projectsAndProse('豫财社2023-244号2024年中央财政医疗服务与保障能力提升补助资金', '主要是：豫财社2023-244号提前下达2023年中央财政医疗服务与保障能力提升补助资金项目。');
  const found = findings(text, 'review/project-name-year');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '2023');
  assert.ok(found[0].span.start > text.indexOf('提前下达'));
  assert.equal(found[0].data?.fixes?.[0].edits[0].newText, '2024');
});

test('review/project-name-year: the same year, or a 文号 no project carries, does not fire', () => {
  assert.equal(findings(projectsAndProse('豫财社2023-248号2024年中央和省级财政医疗救助补助资金', '豫财社2023-248号提前下达2024年中央和省级财政医疗救助补助资金项目。'), 'review/project-name-year').length, 0);
  assert.equal(findings(projectsAndProse('豫财社2023-248号2024年中央和省级财政医疗救助补助资金', '依据豫财社2022-100号2022年文件。'), 'review/project-name-year').length, 0);
});
