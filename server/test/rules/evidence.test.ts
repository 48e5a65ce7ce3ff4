import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, readSample, service, spanText } from '../helpers';
import { applyEdits } from '../../src/service/narrative/blockEdit';
import { codeActions } from '../../src/service/actions/codeActions';
import type { Finding } from '../../src/service/findings';

// Issue 15, "quick fixes must never make a correct report wrong": where the evidence points.

const CLEAN = readSample('teaching/clean.budget.yaml');
const problems = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const fixEdits = (findings: readonly Finding[]) => findings.flatMap((f) => (f.data?.fixes ?? []).flatMap((fix) => fix.edits));

/** The sample with one text replaced (it must occur). */
function changed(from: string, to: string): string {
  assert.ok(CLEAN.includes(from), `the sample has ${from}`);
  return CLEAN.replace(from, to);
}

test('a row total wrong by 10: every finding is on the wrong cell, every fix writes the sum of its rows there', () => {
  // 支出总表 合计 320.00 → 330.00: the rows still add to 320.00, and so do 收支总表, 收入总表 and 支出经济分类汇总表.
  const text = changed('total: { total: 320.00, basic: 230.00', 'total: { total: 330.00, basic: 230.00');
  const wrong = text.indexOf('330.00');
  const found = problems(check(text).findings);
  assert.ok(found.length >= 4, 'the column sum, the row relation and the cross-table relations all fail');
  for (const finding of found) {
    assert.equal(finding.span.start, wrong, `${finding.rule} is on the wrong cell, not on ${spanText(text, finding)}`);
    assert.deepEqual(finding.data?.fixes?.map((f) => [f.edits[0].newText, f.certain]), [['320.00', true]], finding.rule);
  }
  // The cross-table finding now reads as what it is: this cell should be 320.00.
  assert.ok(found.some((f) => f.rule === 'xref/summary-vs-expense' && /支出总表「合计行」合计 330\.00 应为 320\.00/.test(f.message)));
});

test('fix all of this kind applies only certain fixes, and puts the report back', () => {
  const text = changed('total: { total: 320.00, basic: 230.00', 'total: { total: 330.00, basic: 230.00');
  const s = service();
  const parsed = s.parse(text);
  const document = TextDocument.create('file:///r.budget.yaml', 'budget-yaml', 1, text);
  const finding = s.validate(parsed).findings.find((f) => f.rule.startsWith('xref/'))!;
  const actions = s.codeActions(document, parsed, finding.span);
  assert.ok(actions.some((a) => a.title.includes('320.00')));
  const edits = actions.flatMap((a) => a.edit?.changes?.[document.uri] ?? []);
  assert.equal(TextDocument.applyEdits(document, edits.slice(0, 1)), CLEAN);
});

test('a likely fix is offered on its own but never by fix all', () => {
  const document = TextDocument.create('file:///r.budget.yaml', 'budget-yaml', 1, 'abcdef');
  const likely = (start: number): Finding => ({ rule: 'sum/row', severity: 'error', span: { start, end: start + 1 }, message: 'm', data: { fixes: [{ title: 'likely', edits: [{ span: { start, end: start + 1 }, newText: 'x' }] }] } });
  const certain = (start: number): Finding => ({ rule: 'sum/row', severity: 'error', span: { start, end: start + 1 }, message: 'm', data: { fixes: [{ title: 'certain', edits: [{ span: { start, end: start + 1 }, newText: 'y' }], certain: true }] } });
  const here = codeActions(document, { start: 0, end: 1 }, [likely(0), likely(2), certain(4)]);
  assert.deepEqual(here.map((a) => a.title), ['likely'], 'no fix all: one certain fix only');
  const all = codeActions(document, { start: 4, end: 5 }, [likely(0), certain(2), certain(4)]).find((a) => a.title.includes('sum/row'))!;
  assert.deepEqual(all.edit!.changes![document.uri].map((e) => e.newText), ['y', 'y']);
});

test('a cell in 元 or 万元 written with its unit (300.00万) leaves every other cell without finding or fix', () => {
  for (const [from, to] of [
    ['{ code: "201 05 01", name: 行政运行, total: 180.00', '{ code: "201 05 01", name: 行政运行, total: 180.00万'],
    ['{ item: 一、一般公共服务, amount: 250.00 }', '{ item: 一、一般公共服务, amount: 250.00万 }'],
    ['    vehicle: 5.00', '    vehicle: 5.00万'],
    ['expense_total: { total: 320.00, general: 300.00', 'expense_total: { total: 320.00万, general: 300.00'],
  ]) {
    const text = changed(from, to);
    const found = problems(check(text).findings);
    assert.deepEqual(found.map((f) => f.rule), ['amount/invalid'], to);
    const fix = found[0].data?.fixes?.[0];
    assert.equal(fix?.certain, true);
    assert.equal(applyEdits(text, fix!.edits), CLEAN, `${to}: the fix takes the unit away`);
  }
});

test('a misspelt or unknown amount key makes its column unknown in that row, never blank', () => {
  for (const [from, to] of [
    ['{ code: "201 05 01", name: 行政运行, total: 180.00', '{ code: "201 05 01", name: 行政运行, totl: 180.00'],
    ['{ code: "201 05 01", name: 行政运行, total: 180.00', '{ code: "201 05 01", name: 行政运行, 合计: 180.00'],
    ['{ code: "201 05 01", name: 行政运行, total: 180.00', '{ cdoe: "201 05 01", name: 行政运行, total: 180.00'],
    ['{ item: 一、一般公共服务, amount: 250.00 }', '{ item: 一、一般公共服务, amont: 250.00 }'],
    ['    vehicle: 5.00', '    vehcle: 5.00'],
  ]) {
    const text = changed(from, to);
    const found = problems(check(text).findings);
    assert.deepEqual(found.filter((f) => !f.rule.startsWith('schema/')).map((f) => `${f.rule} ${f.message}`), [], to);
    assert.deepEqual(fixEdits(found.filter((f) => !f.rule.startsWith('schema/'))), [], `${to}: no fix but the key's own`);
  }
});

test('schema/unknown-key offers the nearest known key; the rename puts the report back', () => {
  const text = changed('name: 行政运行, total: 180.00', 'name: 行政运行, totl: 180.00');
  const finding = check(text).findings.find((f) => f.rule === 'schema/unknown-key')!;
  assert.match(finding.message, /第 2 行.*“total”/);
  assert.equal(finding.data?.fixes?.[0].certain, undefined, 'the nearest key is a guess: not applied by fix all');
  assert.equal(applyEdits(text, finding.data!.fixes![0].edits), CLEAN);
});

test('typical typos: an unquoted code, 2025年, 单位预算 — each fix puts the report back, certain, and the message says what to do', () => {
  for (const [from, to, rule, says] of [
    ['{ unit: "101001", name: 示例县统计局, total: 320.00, current', '{ unit: 101001, name: 示例县统计局, total: 320.00, current', 'schema/type', /编码请加引号/],
    ['year: 2025\n', 'year: 2025年\n', 'schema/type', /请只写数字/],
    ['kind: unit\n', 'kind: 单位预算\n', 'schema/enum', /应写作 unit/],
  ] as const) {
    const text = changed(from, to);
    const found = problems(check(text).findings);
    assert.deepEqual(found.map((f) => f.rule), [rule], to);
    assert.match(found[0].message, says);
    assert.equal(found[0].data?.fixes?.[0].certain, true);
    assert.equal(applyEdits(text, found[0].data!.fixes![0].edits), CLEAN, to);
  }
});

test('messages count rows from 1', () => {
  const text = changed('{ code: "201 05 01", name: 行政运行, total: 180.00', '{ code: "201 05 01", name: 行政运行, totl: 180.00');
  const finding = check(text).findings.find((f) => f.rule === 'schema/unknown-key')!;
  // 行政运行 is the second row of tables.expense.rows.
  assert.match(finding.message, /tables\.expense\.rows 第 2 行/);
  assert.doesNotMatch(finding.message, /rows\.1/);
});

test('when nothing tells which figure is wrong, the finding stays and offers no fix', () => {
  // 机关运行经费表: one column; a row changed — the 合计 agrees with nothing else printed, so the
  // total, the changed row and every other row are equally in question.
  const text = changed('{ code: "30211", name: 差旅费, total: 8.00 }', '{ code: "30211", name: 差旅费, total: 9.00 }');
  const found = check(text).findings.filter((f) => f.rule === 'sum/column');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].data?.fixes ?? [], []);
});

test('a narrative number is not "fixed" to a figure in question', () => {
  // 一般公共预算支出表 合计 300.00 → 310.00: the narrative's 300.00 is right and keeps no fix.
  const text = changed('total: { total: 300.00, basic: 230.00', 'total: { total: 310.00, basic: 230.00');
  const found = check(text).findings;
  const prose = found.filter((f) => f.rule.startsWith('text/') && f.span.start > text.indexOf('narrative:'));
  assert.ok(prose.length > 0, 'the text and the table disagree');
  assert.deepEqual(fixEdits(prose), []);
});

test('用数据重新生成本节 is refused for a section written from a figure in question, and says which', () => {
  const text = changed('total: { total: 300.00, basic: 230.00', 'total: { total: 310.00, basic: 230.00');
  const s = service();
  const analysis = s.analyze(s.parse(text));
  const section = analysis.generatableSections().find((info) => info.title.includes('一般公共预算支出预算情况'))!;
  assert.match(analysis.regenerationBlocker(section.path) ?? '', /310\.00.*请先修正/);
  const unaffected = analysis.generatableSections().find((info) => info.title.includes('三公'))!;
  assert.equal(analysis.regenerationBlocker(unaffected.path), undefined);
  const clean = s.analyze(s.parse(CLEAN));
  assert.equal(clean.regenerationBlocker(section.path), undefined);
});

test('按数据更新说明中的数字 does not copy a figure in question into the text, and says why', () => {
  // The same 合计 310.00 of rows that add to 300.00: the narrative's 300.00 is right and stays.
  const text = changed('total: { total: 300.00, basic: 230.00', 'total: { total: 310.00, basic: 230.00');
  const s = service();
  const refreshed = s.analyze(s.parse(text)).refreshed()!;
  const narrative = text.indexOf('narrative:');
  assert.ok(refreshed.listed.some((l) => l.why === 'in-question' && /310\.00.*请先修正/.test(l.reason)), 'the number is listed with the figure in question');
  for (const change of refreshed.changes) {
    assert.doesNotMatch(change.after, /^310(\.00)?$/, `nothing is written from 310.00 (${change.sentence})`);
  }
  assert.ok(!refreshed.changes.some((c) => c.span.start > narrative && c.before === '300.00'), 'the correct 300.00 is kept');
  // The clean report's numbers are all in agreement; a wrong number of the text, with the table right, is still rewritten.
  const wrongText = CLEAN.replace(/(narrative:[\s\S]*?)300\.00/, '$1301.00');
  assert.notEqual(wrongText, CLEAN);
  const fixed = s.analyze(s.parse(wrongText)).refreshed()!;
  assert.ok(fixed.changes.some((c) => c.before === '301.00' && c.after === '300.00'), 'a slip of the text is refreshed from the data');
  assert.ok(!fixed.listed.some((l) => l.why === 'in-question'));
});

test('a slip of a real report: the finding is on the cell the reviewer named, with the reviewer\'s value', () => {
  // Sample 006 prints the 款 20406's 项目支出 in the row of 2040601 行政运行 (reviewed golden file).
  const text = readSample('006-putuo-justice-2026-unit.budget.yaml');
  const found = check(text).findings.filter((f) => (f.rule === 'sum/row' || f.rule === 'sum/hierarchy') && f.message.includes('2040601 行政运行」项目支出'));
  assert.equal(found.length, 4);
  for (const finding of found) {
    assert.equal(spanText(text, finding), '"64,840,547.00"');
    assert.equal(finding.data?.fixes?.[0].edits[0].newText, '"0.00"');
  }
});
