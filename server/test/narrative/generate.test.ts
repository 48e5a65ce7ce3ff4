import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, readSample, service } from '../helpers';
import { applyEdits, generatableSections, generateDocument, generateSection, narrativeCommandTitle, regenerateSectionTitle, sectionAt } from '../../src/service/narrative';
import type { ParsedDocument } from '../../src/service/document';
import { sampleWithPrevious } from './seedFixtures';
import { JIYUAN_REPORT_HEAD } from './smallReport';

function parse(text: string): ParsedDocument {
  return service().parse(text);
}

function sectionPath(document: ParsedDocument, title: string): readonly number[] {
  const info = generatableSections(document, service().codeTables).find((s) => s.title.includes(title));
  assert.ok(info, `no section ${title}`);
  return info!.path;
}

function regenerate(text: string, title: string) {
  const document = parse(text);
  const generation = generateSection(document, service().codeTables, sectionPath(document, title));
  assert.ok(generation, `cannot generate ${title}`);
  return { generation: generation!, result: applyEdits(text, [generation!.edit]) };
}

/** A small report of the 济源 template (figures of seed 000) with last year's figures. */
const REPORT = JIYUAN_REPORT_HEAD + `      - title: 三、支出预算总体情况说明
        text: |
          旧的说明：支出合计 123.00 万元。
          本节数据摘自单位支出预算表。
      - title: 七、“三公”经费支出预算情况说明
        text: |
          具体支出情况如下：
      - title: （二）政府采购支出情况
        text: |
          2022年政府采购预算安排131.90万元。
      - title: 其他说明
        text: |
          我单位无其他说明。
`;

test('the edit replaces only the lines of the text block: comments, titles and indentation stay', () => {
  const { generation, result } = regenerate(REPORT, '三、支出预算总体情况');
  const before = REPORT.slice(0, generation.edit.span.start);
  assert.ok(before.endsWith('        text: |\n'), 'the block header is kept');
  assert.ok(result.includes('# a comment before everything\n'));
  assert.ok(result.includes('        # the author\'s note on this section\n'));
  assert.ok(result.includes('      # a comment between sections\n'));
  assert.ok(result.includes('          济源产城融合示范区医疗保障局机关2022年支出合计529.20万元，其中：基本支出223.40万元，占42.21%；项目支出305.80万元，占57.79%。\n'));
  // The free sentence (no figure) is kept; the stale figure sentence is replaced.
  assert.ok(result.includes('          本节数据摘自单位支出预算表。\n'));
  assert.ok(!result.includes('旧的说明'));
  // Everything outside the block is untouched.
  assert.equal(result.slice(0, generation.edit.span.start), REPORT.slice(0, generation.edit.span.start));
  assert.equal(result.slice(generation.edit.span.start + generation.edit.newText.length), REPORT.slice(generation.edit.span.end));
});

test('a sentence about a figure the template does not state is kept, not replaced (generation removes nothing it cannot regenerate)', () => {
  const text = REPORT.replace('          本节数据摘自单位支出预算表。\n', '          本节数据摘自单位支出预算表。另有上级追加 8.00 万元待下达。\n');
  const { result } = regenerate(text, '三、支出预算总体情况');
  assert.ok(!result.includes('旧的说明'), 'the sentence about 支出合计 is regenerated');
  assert.ok(result.includes('另有上级追加 8.00 万元待下达。'), 'a number tied to no figure is the author\'s');
  // A 中小企业 sentence of the 上海 template when the report has no figure for it: kept as written.
  const shanghai = service().parse(readSample('005-putuo-justice-2026-department.budget.yaml').replace('  three_public:\n', '  procurement:\n    unit: 万元\n    total: 1486.42\n    goods: 3.66\n    works: 36.44\n    services: 1446.32\n  three_public:\n'));
  const info = generatableSections(shanghai, service().codeTables).find((s) => s.title.includes('政府采购'))!;
  assert.ok(info.generatable, info.reason);
  const procurement = generateSection(shanghai, service().codeTables, info.path)!;
  assert.equal(procurement.text, '2026年本部门政府采购预算1486.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1446.32万元。\n2026年本部门面向中小企业预留政府采购项目预算金额1486.42万元，其中，预留给小型和微型企业的政府采购项目预算为1486.42万元。');
});

test('change sentences use previous: and keep the author\'s 主要原因', () => {
  const { generation } = regenerate(REPORT, '收入支出预算总体情况');
  assert.equal(
    generation.text,
    '济源产城融合示范区医疗保障局机关2022年收入总计529.20万元，支出总计529.20万元，与2021年相比，收、支总计各增加203.20万元，增长62.33%，主要原因：一是实有在编人数增加。二是补助资金增加。',
  );
  assert.equal(generation.handEdited, true, 'the author wrote other figures: a diff must be shown first');
});

test('a change without a reason in the text gets a marked placeholder; 持平; a change from 0 states no rate', () => {
  const { generation } = regenerate(REPORT, '三公');
  const lines = generation.text.split('\n');
  assert.equal(lines[0], '济源产城融合示范区医疗保障局机关2022年“三公”经费支出预算为19.00万元。2022年“三公”经费预算数比2021年增加19.00万元，主要原因：【待补充】。');
  assert.equal(lines[1], '具体支出情况如下：');
  assert.equal(lines[2], '（一）因公出国（境）费0.00万元。预算数与2021年持平，无增减变动。');
  assert.equal(lines[3], '（二）公务接待费1.00万元。预算数与2021年持平，无增减变动。');
  assert.ok(lines[4].includes('公务用车购置费18.00万元。预算数比2021年增加18.00万元，主要原因：【待补充】。'));
});

test('without a previous figure the change is a placeholder naming the previous: key', () => {
  const text = REPORT.replace('  income_total: 326.00\n', '');
  const { generation } = regenerate(text, '收入支出预算总体情况');
  assert.ok(generation.text.includes('收、支总计各【待补充：上年数 previous.income_total】，主要原因：一是实有在编人数增加。二是补助资金增加。'), generation.text);
});

test('a regenerated section is not hand-edited; editing a figure makes it so, editing the reason does not', () => {
  const first = regenerate(REPORT, '收入支出预算总体情况').result;
  const again = regenerate(first, '收入支出预算总体情况').generation;
  assert.equal(again.changed, false);
  assert.equal(again.handEdited, false);
  const reasonEdited = first.replace('二是补助资金增加。', '二是上级补助资金增加。');
  const afterReason = regenerate(reasonEdited, '收入支出预算总体情况').generation;
  assert.equal(afterReason.handEdited, false);
  assert.ok(afterReason.text.includes('二是上级补助资金增加'));
  const figureEdited = first.replace('增长62.33%', '增长62.34%');
  assert.equal(regenerate(figureEdited, '收入支出预算总体情况').generation.handEdited, true);
});

test('sections that cannot be generated are reported with the reason and left untouched', () => {
  const document = parse(REPORT);
  const sections = generatableSections(document, service().codeTables);
  const procurement = sections.find((s) => s.title.includes('政府采购'))!;
  assert.equal(procurement.generatable, false);
  assert.match(procurement.reason!, /procurement/);
  assert.equal(sections.some((s) => s.title === '其他说明'), false, 'a section of no known topic is not listed');
  const result = applyEdits(REPORT, generateDocument(document, service().codeTables));
  assert.ok(result.includes('          2022年政府采购预算安排131.90万元。\n'));
  assert.ok(result.includes('          我单位无其他说明。\n'));
});

test('a section without text gets a text block after its title; an empty block is filled', () => {
  const withoutText = REPORT.replace('      - title: 三、支出预算总体情况说明\n        text: |\n          旧的说明：支出合计 123.00 万元。\n          本节数据摘自单位支出预算表。\n', '      - title: 三、支出预算总体情况说明\n');
  const { result } = regenerate(withoutText, '三、支出预算总体情况');
  assert.ok(result.includes('      - title: 三、支出预算总体情况说明\n        text: |\n          济源产城融合示范区医疗保障局机关2022年支出合计529.20万元'));
  assert.ok(service().parse(result).report.narrative[0].sections[1].text?.value.startsWith('济源'));
  const empty = REPORT.replace('        text: |\n          旧的说明：支出合计 123.00 万元。\n          本节数据摘自单位支出预算表。\n', '        text: |\n');
  const filled = regenerate(empty, '三、支出预算总体情况');
  assert.equal(filled.generation.handEdited, false);
  assert.ok(filled.result.includes('        text: |\n          济源产城融合示范区医疗保障局机关2022年支出合计'));
});

test('a plain one-line text becomes a literal block', () => {
  const plain = REPORT.replace('        text: |\n          旧的说明：支出合计 123.00 万元。\n          本节数据摘自单位支出预算表。\n', '        text: 支出合计 123.00 万元\n');
  const { result } = regenerate(plain, '三、支出预算总体情况');
  assert.ok(result.includes('        text: |\n          济源产城融合示范区医疗保障局机关2022年支出合计529.20万元'));
  assert.ok(service().parse(result).report.narrative[0].sections[1].text?.style === 'literal');
});

test('each template writes in its own conventions (seed 002: 我单位, 36万元, zero variants)', () => {
  const text = sampleWithPrevious('002-qinyang-2022.budget.yaml');
  assert.equal(
    regenerate(text, '七、政府性基金').generation.text,
    '我单位2022年政府性基金预算支出36万元，用于资助城乡困难群众参加基本医疗保险，并对其难以负担的个人自费用给予补助。',
  );
  assert.equal(regenerate(text, '八、国有资本经营').generation.text, '我单位2022年没有使用国有资本经营预算拨款安排的支出。');
  assert.equal(
    regenerate(text, '一、收入支出预算总体情况').generation.text,
    '我单位2022年收入总计6220.67万元，支出总计6220.67万元，与2021年相比，收、支总计各增加1614.17万元，增长35.04%。主要原因：城乡居民交费标准提高，而且市级配套减少，由县级承担。',
  );
});

test('the item-by-item 功能科目 list of seed 004 comes from the 一般公共预算支出表', () => {
  const text = sampleWithPrevious('004-changan-2022.budget.yaml');
  const lines = regenerate(text, '支出按功能科目分类').generation.text.split('\n');
  assert.equal(lines[0], '本部门2022年当年一般公共预算支出1675.78万元，其中：');
  assert.equal(lines[1], '（1）机关事业单位基本养老保险缴费支出（2080505）61.02万元，较上年增加0.87万元，原因是单位新增人员；');
  assert.equal(lines[7], '（7）行政运行（2101501）73.99万元，较上年增加21.61万元，原因是支出功能分类科目使用调整；');
  assert.equal(lines.length, 13);
  assert.ok(lines[12].endsWith('。'));
});

test('a report without a bundled template is never generated in another province\'s words; generation is stable on every seed', () => {
  for (const text of [REPORT.replace('template: henan-jiyuan\n', ''), REPORT.replace('template: henan-jiyuan', 'template: shanghai-xyz')]) {
    const info = generatableSections(parse(text), service().codeTables);
    assert.ok(info.length > 0 && info.every((s) => !s.generatable && s.template === '' && /henan-jiyuan/.test(s.reason ?? '')), JSON.stringify(info[0]));
    assert.deepEqual(generateDocument(parse(text), service().codeTables), []);
    const finding = check(text).findings.find((f) => f.rule === 'review/unknown-template');
    assert.equal(finding?.severity, 'information');
    assert.match(finding!.message, /henan-jiyuan, henan-qinyang, hebei-pingxiang, shaanxi-changan, shanghai/);
  }
  assert.equal(check(REPORT).findings.filter((f) => f.rule === 'review/unknown-template').length, 0);
  for (const sample of ['000-jiyuan-2022-unit.budget.yaml', '001-pingxiang-2023.budget.yaml', '002-qinyang-2022.budget.yaml', '003-jiyuan-2024.budget.yaml', '004-changan-2022.budget.yaml']) {
    const once = applyEdits(readSample(sample), generateDocument(parse(readSample(sample)), service().codeTables));
    const twice = applyEdits(once, generateDocument(parse(once), service().codeTables));
    assert.equal(twice, once, `${sample}: generating twice changes the text`);
  }
});

test('garbage does not make generation throw', () => {
  for (const text of ['', 'narrative: 3', 'year: x\nnarrative:\n  - title: 一、收入支出预算总体情况说明\n    text: |\n      x', '- a\n- b', 'narrative:\n  - title: 三公\n    text: [1, 2]']) {
    const document = parse(text);
    for (const info of generatableSections(document, service().codeTables)) generateSection(document, service().codeTables, info.path);
    generateDocument(document, service().codeTables);
  }
});

test('the section under the cursor, and the titles of the command and the code action', () => {
  const document = parse(REPORT);
  const offset = REPORT.indexOf('本节数据摘自');
  const info = sectionAt(document, service().codeTables, offset);
  assert.equal(info?.title, '三、支出预算总体情况说明');
  assert.equal(sectionAt(document, service().codeTables, REPORT.indexOf('我单位无其他说明')), undefined);
  const generation = generateSection(document, service().codeTables, info!.path)!;
  assert.equal(generation.current, '旧的说明：支出合计 123.00 万元。\n本节数据摘自单位支出预算表。');
  assert.equal(narrativeCommandTitle(), '生成说明文字');
  assert.equal(regenerateSectionTitle(), '用数据重新生成本节');
});
