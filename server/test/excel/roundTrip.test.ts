import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseBudgetDocument } from '../../src/service/document';
import { reportToXlsx, importXlsx } from '../../src/publish/node/workbooks';
import { mergeIntoReport, newReportYaml } from '../../src/publish/import/emitYaml';
import type { ImportResult } from '../../src/publish/import/types';
import { readSample, sampleFiles } from '../helpers';
import { digestCounts, reportDigest } from './tableDigest';

/**
 * YAML → xlsx → YAML for every sample: the re-imported report has the same tables — figures
 * (as numbers), codes and names as written, row kinds, notes, flags.
 */

for (const file of sampleFiles()) {
  const name = path.basename(file);
  test(`round trip of ${name} through Excel keeps every table`, async (t) => {
    const original = parseBudgetDocument(fs.readFileSync(file, 'utf8'));
    const workbook = await reportToXlsx(original.report);
    const result = await importXlsx([{ file: `${name}.xlsx`, data: workbook }]);
    assert.deepEqual(result.problems, [], 'the export of a sample imports without problems');
    const back = parseBudgetDocument(newReportYaml(result));
    assert.equal(back.yaml.problems.length, 0);
    assert.deepEqual(back.modelProblems, []);
    const expected = reportDigest(original.report);
    const actual = reportDigest(back.report);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
    for (const key of Object.keys(expected)) assert.deepEqual(actual[key], expected[key], `tables.${key}`);
    assert.equal(back.report.department?.value, original.report.department?.value);
    assert.equal(back.report.year, original.report.year);
    assert.equal(back.report.kind, original.report.kind);
    const counts = digestCounts(expected);
    t.diagnostic(`${name}: ${counts.tables} tables, ${counts.rows} rows, ${counts.figures} figures compared`);
  });
}

let imported000: Promise<ImportResult> | undefined;

/** The tables of sample 000 as imported from its export (made once for the tests below). */
function import000(): Promise<ImportResult> {
  imported000 ??= (async () => importXlsx([{ file: 'x.xlsx', data: await reportToXlsx(parseBudgetDocument(readSample('000-jiyuan-2022-unit.budget.yaml')).report) }]))();
  return imported000;
}

test('importing into an existing report replaces only the imported tables and keeps narrative and comments', async () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const original = parseBudgetDocument(text);
  const result = await import000();
  // Import only two of the tables, with a changed figure.
  const tables = result.tables.filter((t) => t.key === 'three_public' || t.key === 'general_basic').map((t) =>
    (t.key === 'three_public' ? { ...t, body: { ...t.body, reception: t.body.total } } : t));
  const merged = mergeIntoReport(text, { ...result, tables });
  assert.deepEqual([...merged.replaced].sort(), ['general_basic', 'three_public']);
  const before = text.split('\n');
  const after = merged.text.split('\n');
  // Everything outside the two tables is byte for byte the same: header comments, the other
  // tables, the narrative.
  const start = text.indexOf('  general_basic:');
  const end = text.indexOf('  fund_expense:');
  assert.equal(merged.text.slice(0, start), text.slice(0, start));
  const tail = text.slice(end);
  assert.ok(merged.text.endsWith(tail));
  assert.ok(merged.text.includes('# Transcribed from seed 000'));
  assert.ok(after.length > 0 && before.length > 0);
  const back = parseBudgetDocument(merged.text);
  assert.equal(back.report.tables.get('three_public')!.scalars.get('reception')!.amount.text, '19.00');
  assert.equal(back.report.narrative.length, original.report.narrative.length);
  assert.deepEqual(reportDigest(back.report).general_basic, reportDigest(original.report).general_basic);
});

test('importing a table the report does not have adds it to tables and keeps the rest', async () => {
  const text = 'department: 测试单位\nkind: unit\nyear: 2022\nunit: 万元\n# 报表\ntables:\n  summary:\n    title: 收支总表 # keep\n\nnarrative:\n  - title: 第一部分\n    text: |\n      正文。\n';
  const result = await import000();
  const merged = mergeIntoReport(text, { ...result, tables: result.tables.filter((t) => t.key === 'three_public') });
  assert.deepEqual(merged.added, ['three_public']);
  assert.ok(merged.text.includes('    title: 收支总表 # keep\n'));
  assert.ok(merged.text.includes('narrative:\n  - title: 第一部分\n    text: |\n      正文。\n'));
  const back = parseBudgetDocument(merged.text);
  assert.equal(back.yaml.problems.length, 0);
  assert.equal(back.report.tables.get('three_public')!.scalars.get('total')!.amount.text, '19.00');
  assert.equal(back.report.tables.get('summary')!.title!.value, '收支总表');
});

test('importing into a report whose tables: is still empty puts the tables under it', async () => {
  const text = 'department: 测试单位\nkind: unit\nyear: 2022\nunit: 万元\ntables: # 待导入\nnarrative: []\n';
  const result = await import000();
  const merged = mergeIntoReport(text, { ...result, tables: result.tables.filter((t) => t.key === 'three_public') });
  assert.ok(merged.text.startsWith('department: 测试单位\nkind: unit\nyear: 2022\nunit: 万元\ntables: # 待导入\n  three_public:\n'));
  assert.ok(merged.text.endsWith('narrative: []\n'));
  assert.equal(parseBudgetDocument(merged.text).report.tables.get('three_public')!.scalars.get('total')!.amount.text, '19.00');
});
