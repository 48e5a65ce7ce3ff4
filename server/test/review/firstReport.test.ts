import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, readSample, service } from '../helpers';
import { applyEdits } from '../../src/service/narrative/blockEdit';
import { reportSkeleton, skeletonProblem, skeletonTemplates } from '../../src/service/skeleton/skeleton';
import { requiredTables } from '../../src/service/rules/review/tableRules';
import { REQUIRED_TOPICS, templateRequirements } from '../../src/service/rules/review/reviewData';
import { sectionTopics } from '../../src/service/rules/review/sectionRules';
import { allSections } from '../../src/service/rules/review/textPieces';
import type { OffsetEdit } from '../../src/service/findings';

// Issue 15, "a first report that goes smoothly".

const problems = (text: string) => check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

/** The edit only inserts: every byte of the report is still there, in order. */
function assertInsertionOnly(before: string, edit: OffsetEdit, after: string): void {
  assert.equal(edit.span.start, edit.span.end, 'an insertion');
  assert.equal(after, before.slice(0, edit.span.start) + edit.newText + before.slice(edit.span.start));
}

test('review/missing-table says how to publish an empty table, and its quick fix inserts it with its note', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const found = check(text).findings.filter((f) => f.rule === 'review/missing-table');
  assert.deepEqual(found.map((f) => f.data?.relation), ['income', 'state_capital_expense', 'economic_summary']);
  for (const finding of found) {
    assert.match(finding.message, /列为空表并在 note 中写明理由（如“本单位2022年度没有此项预算，故本表无数据”）；快速修复可插入该空表/);
    const fix = finding.data!.fixes![0];
    assert.notEqual(fix.certain, true, 'only the author knows the table is empty: not applied by fix all');
    const after = applyEdits(text, fix.edits);
    assertInsertionOnly(text, fix.edits[0], after);
    const key = String(finding.data?.relation);
    const inserted = service().parse(after).report.tables.get(key as never)!;
    assert.ok(inserted, key);
    assert.match(inserted.note?.value ?? '', /故本表无数据/);
    // The table is where the format puts it: after the tables before it, before those after it.
    const keys = [...service().parse(after).report.tables.keys()];
    assert.deepEqual(keys.filter((k) => k !== key), [...service().parse(text).report.tables.keys()]);
    assert.ok(!check(after).findings.some((f) => f.rule === 'review/missing-table' && f.data?.relation === key), `${key} is published now`);
    assert.ok(!check(after).findings.some((f) => f.rule === 'review/empty-table-note' || f.rule.startsWith('schema/') || f.rule.startsWith('yaml/')), `${key}: a well-formed empty table`);
  }
});

test('the inserted table goes before the comments of the next table and keeps the spacing of the others', () => {
  const text = [
    'department: 测试局', 'kind: department', 'year: 2025', 'unit: 万元', 'tables:',
    '  summary:', '    title: 2025年部门收支总表', '    note: 本部门2025年度没有此项预算，故本表无数据。', '',
    '  # 表3：支出总表（按原样转录）', '  expense:', '    title: 2025年部门支出总表', '    note: 本部门2025年度没有此项预算，故本表无数据。', '',
  ].join('\n');
  const finding = check(text).findings.find((f) => f.rule === 'review/missing-table' && f.data?.relation === 'income')!;
  const after = applyEdits(text, finding.data!.fixes![0].edits);
  assert.match(after, /故本表无数据。\n\n {2}income:\n {4}title: 2025年部门收入总表\n {4}columns: \[total, .*\]\n {4}note: 本部门2025年度没有此项预算，故本表无数据。\n\n {2}# 表3：支出总表/);
});

test('a report without tables gets them all, empty, from one fix', () => {
  const text = 'department: 测试局\nkind: unit\nyear: 2025\nunit: 万元\ntemplate: henan-jiyuan\nnarrative:\n  - title: 名词解释\n';
  const finding = check(text).findings.find((f) => f.rule === 'review/missing-table')!;
  const after = applyEdits(text, finding.data!.fixes![0].edits);
  assertInsertionOnly(text, finding.data!.fixes![0].edits[0], after);
  assert.deepEqual(check(after).findings.filter((f) => f.rule === 'review/missing-table' || f.rule === 'review/empty-table-note'), []);
  assert.deepEqual([...service().parse(after).report.tables.keys()].sort(), [...requiredTables('henan-jiyuan').required].sort());
});

test('the skeleton of a new report checks without error or warning, for every template and both kinds', () => {
  assert.ok(skeletonTemplates().length >= 4);
  for (const { id } of skeletonTemplates()) {
    for (const kind of ['unit', 'department'] as const) {
      const text = reportSkeleton({ kind, template: id, year: 2026, department: '示例县统计局' });
      assert.deepEqual(problems(text).map((f) => `${f.rule} ${f.message}`), [], `${id} ${kind}`);
      const report = service().parse(text).report;
      assert.equal(report.kind, kind);
      assert.equal(report.template?.value, id);
      // Every table the template requires, published empty with its note and columns.
      assert.deepEqual([...report.tables.keys()].sort(), [...requiredTables(id).required].sort(), `${id}: the tables`);
      for (const table of report.tables.values()) {
        assert.match(table.note?.value ?? '', new RegExp(`本${kind === 'unit' ? '单位' : '部门'}2026年度没有此项预算，故本表无数据`), `${id} ${table.key}`);
        if (table.def.shape === 'rows' && table.key !== 'assets') assert.ok(table.columns.size > 0, `${id} ${table.key}: its columns`);
      }
      // Every section the template requires, by title.
      const topics = new Set(allSections(report.narrative).flatMap(sectionTopics));
      for (const topic of [...REQUIRED_TOPICS, ...templateRequirements(id).sections]) assert.ok(topics.has(topic), `${id} ${kind}: a section on ${topic}`);
      assert.doesNotMatch(text, kind === 'unit' ? /部门预算/ : /单位预算/, `${id}: the wording of its kind`);
    }
  }
});

test('a department name that YAML would misread is quoted', () => {
  const text = reportSkeleton({ kind: 'unit', template: 'henan-jiyuan', year: 2026, department: '示例局: 机关 #1' });
  assert.equal(service().parse(text).report.department?.value, '示例局: 机关 #1');
  assert.deepEqual(problems(text), []);
});

test('no skeleton for an unknown kind or template', () => {
  assert.ok(skeletonProblem('unitt', 'henan-jiyuan'));
  assert.ok(skeletonProblem('unit', 'shanghai'));
  assert.equal(skeletonProblem('department', 'hebei-pingxiang'), undefined);
  assert.throws(() => reportSkeleton({ kind: 'unit', template: 'nowhere', year: 2026, department: 'x' }));
});
