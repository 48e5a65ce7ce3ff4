import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { analyzeProse, claimAt, claimCounts, describeClaim } from '../../src/service/prose';
import { topicOf } from '../../src/service/prose/dictionary';
import { toCheckSettings } from '../../src/service/settings';
import { check, findings, readSample, sampleFiles, service, spanText } from '../helpers';
import { analyse, claimsOf, edit, issuesOf, patched, report, section } from './proseHelpers';
import type { Section } from '../../src/service/model/types';

const SAMPLE_004 = readSample('004-changan-2022.budget.yaml');

test('rules: text/* file the prose findings through the service, with fixes on the number', () => {
  const amounts = findings(SAMPLE_004, 'text/amount').filter((f) => f.severity === 'error');
  assert.deepEqual(amounts.map((f) => spanText(SAMPLE_004, f)), ['73.98', '639.58', '2.2']);
  assert.deepEqual(amounts[0].data?.fixes?.[0].edits.map((e) => e.newText), ['73.99']);
  const years = findings(SAMPLE_004, 'text/year');
  assert.ok(years.every((f) => f.severity === 'warning'));
  const result = check(SAMPLE_004);
  const ledger = new Map(result.ledger.map((l) => [l.rule, l.outcome]));
  assert.equal(ledger.get('text/amount'), 'failed');
  assert.equal(ledger.get('text/share'), 'not-applicable');
  assert.equal(ledger.get('text/change'), 'could-not-check');
  const clean = check(readSample('000-jiyuan-2022-unit.budget.yaml'));
  // Seed 000 has no prose slip but its 增长100% from a 0 base (a warning on an undefined rate).
  assert.deepEqual(clean.findings.filter((f) => f.rule.startsWith('text/') && f.severity !== 'information' && !/增长率无从计算/.test(f.message)).map((f) => f.message), []);
});

test('analysis: read once per document analysis, counts, hover at an offset', () => {
  const document = service().parse(SAMPLE_004);
  const analysis = service().analyze(document).prose();
  assert.equal(service().analyze(document).prose(), analysis);
  const counts = claimCounts(analysis);
  assert.equal(counts.total, counts.verified + counts.mismatched + counts.unverified);
  assert.equal(counts.mismatched, 6);
  const offset = SAMPLE_004.lastIndexOf('73.98 万元') + 2;
  const claim = claimAt(analysis, offset);
  assert.equal(claim?.text, '73.98');
  const hover = describeClaim(claim!);
  assert.match(hover, /73\.99/);
  assert.ok(claim!.figures.some((f) => f.source === 'table' && f.value === '73.99' && f.spans.length === 1));
  const share = claimAt(analyse(readSample('000-jiyuan-2022-unit.budget.yaml')).analysis, readSample('000-jiyuan-2022-unit.budget.yaml').lastIndexOf('42.21'));
  assert.match(describeClaim(share!), /223\.40 ÷ 529\.20 × 100/);
  assert.equal(claimAt(analysis, 0), undefined);
});

test('topics: section titles of the seeds select the scope of their labels', () => {
  const topic = (title: string, parent?: string) => topicOf({ title: { value: title, span: { start: 0, end: 0 } }, sections: [], depth: 0, path: [], span: { start: 0, end: 0 } } as Section, parent ? topicOf({ title: { value: parent, span: { start: 0, end: 0 } }, sections: [], depth: 0, path: [], span: { start: 0, end: 0 } } as Section, undefined) : undefined);
  assert.equal(topic('四、财政拨款收入支出预算总体情况说明').scope, 'fiscal');
  assert.equal(topic('一、收入支出预算总体情况说明').id, 'overview');
  assert.equal(topic('六、一般公共预算基本支出情况说明').scope, 'general_basic');
  assert.equal(topic('五、一般公共预算支出预算情况说明').scope, 'general');
  assert.equal(topic('（1）按照部门预算支出经济分类的类级科目说明。').scope, 'general');
  assert.equal(topic('七、“三公”经费支出预算情况说明').scope, 'three_public');
  assert.equal(topic('（一）行政（事业）单位机关（机构）运转经费').scope, 'operating_cost');
  assert.equal(topic('第三部分 名词解释').claims, false);
  assert.equal(topic('（二）分项绩效目标').claims, false);
  assert.equal(topic('九、其他需要说明的事项', '第一部分  平乡县医疗保障局2023年部门预算信息公开情况说明').id, 'other');
});

test('lists: a 其中 of a part stays inside it (一般公共预算收入 …，其中财政拨款 …；政府性基金 …)', () => {
  const tables = '  summary:\n    income:\n      - { item: 一、一般公共预算, amount: 517.20 }\n      - { item: 其中：财政拨款, amount: 387.20 }\n      - { item: 二、政府性基金预算拨款收入, amount: 12.00 }\n    income_total: 529.20\n    expense_total: 529.20\n';
  const { analysis } = analyse(report(2022, tables, section('二、收入预算总体情况说明', '2022 年收入合计 529.20 万元，其中：一般公共预算收入 517.20 万元，其中财政拨款 387.20 万元；政府性基金预算收入 12.00 万元。')));
  assert.deepEqual(issuesOf(analysis, 'text/parts'), []);
  assert.equal(claimsOf(analysis, 'parts', '529.20')[0].formula, '517.20 + 12.00 = 529.20');
});

test('previous: functions by code (行政运行（2101501）较上年增加 21.61 万元)', () => {
  const tables = '  general_expense:\n    total: { total: 73.99 }\n    rows:\n      - { code: "2101501", name: 行政运行, total: 73.99 }\n';
  const text = (delta: string): string => report(2022, tables, section('2. 支出按功能科目分类的明细情况。', `（7）行政运行（2101501）73.99 万元，较上年增加 ${delta} 万元，原因是支出功能分类科目使用调整。`), 'previous:\n  functions: { "2101501": 52.38 }\n');
  assert.equal(claimsOf(analyse(text('21.61')).analysis, 'change', '21.61')[0].status, 'verified');
  const bad = text('21.16');
  const [issue] = issuesOf(analyse(bad).analysis, 'text/change');
  assert.equal(spanText(bad, issue), '21.16');
  assert.equal(issue.data.computed, '21.61');
});

test('robustness: garbled prose never makes the analysis throw', () => {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['其中：', '，', '；', '。', '占', '增加', '减少', '持平', '12.00万元', '3个', '2021年', '（', '）', '50%', '包括：', '\n', '0'];
  const settings = toCheckSettings({});
  for (const file of sampleFiles()) {
    const { document } = analyse(readSample(path.basename(file)));
    const claims = analyzeProse(document, service().codeTables, settings).claims;
    for (let round = 0; round < 40; round++) {
      // Replace a number with noise of the same length, then shuffle pieces into the text value.
      const target = claims[random(claims.length)];
      const noise = Array.from({ length: target.span.end - target.span.start }, () => pieces[random(pieces.length)][0]).join('');
      const variant = patched(document, [{ start: target.span.start, end: target.span.end, text: noise }]);
      assert.doesNotThrow(() => analyzeProse(variant, service().codeTables, settings));
    }
  }
  for (const body of ['narrative: []', 'narrative:\n  - title: 三、支出预算总体情况说明\n    text: "支出合计 1 万元，其中：基本支出 2 万元，占 300%。"', 'narrative:\n  - text: |\n      其中：占%增加持平。2021年\n']) {
    const { document } = analyse(`department: 测试\nyear: 2022\nunit: 万元\n${body}\n`);
    assert.doesNotThrow(() => analyzeProse(document, service().codeTables, settings));
  }
  void edit;
});

test('budget.showUnverifiedClaims marks each number nobody checked with a hint that says why; off by default', () => {
  const text = readSample('005-putuo-justice-2026-department.budget.yaml');
  const unverified = service().analyze(service().parse(text)).prose().claims.filter((c) => c.status === 'unverified');
  assert.ok(unverified.length > 0);
  assert.deepEqual(findings(text, 'text/unverified'), []);
  assert.equal(check(text).ledger.find((e) => e.rule === 'text/unverified')?.outcome, 'off');
  const hints = findings(text, 'text/unverified', { showUnverifiedClaims: true });
  assert.deepEqual(hints.map((f) => f.span.start), unverified.map((c) => c.span.start));
  assert.ok(hints.every((f) => f.severity === 'hint' && /^未能核对：/.test(f.message)));
  // The 795 of the project's description: nothing in the report prints it.
  assert.ok(hints.some((f) => spanText(text, f) === '795'));
});
