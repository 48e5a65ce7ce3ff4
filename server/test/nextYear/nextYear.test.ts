import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSample, sampleFiles, service } from '../helpers';
import { nextYearReport, EXECUTED_MARKER, REASON_MARKER } from '../../src/service/nextYear/nextYear';
import { toCheckSettings } from '../../src/service/settings';
import { reportToXlsx, importXlsx } from '../../src/publish/node/workbooks';
import { mergeIntoReport } from '../../src/publish/import/emitYaml';
import { main } from '../../src/cli';

/**
 * Next year's report from this year's (issue 14): the 2026 部门 sample (005) rolled to 2027 with
 * its own tables (exported to a workbook and imported back, as the budget system's export would
 * come in) checks with no error but the markers next-year placed for the author; comments and
 * structure are kept.
 */
const SAMPLE = '005-putuo-justice-2026-department.budget.yaml';

async function rolled(): Promise<{ text: string; result: ReturnType<typeof nextYearReport> }> {
  const text = readSample(SAMPLE);
  const s = service();
  const workbook = await reportToXlsx(s.parse(text).report);
  const imported = await importXlsx([{ file: '2027.xlsx', data: workbook }]);
  assert.deepEqual(imported.problems.map((p) => p.message), [], 'the workbook imports without a problem');
  const result = nextYearReport(s.parse(text), { codes: s.codeTables, settings: toCheckSettings(), replaceTables: (t) => mergeIntoReport(t, imported) });
  return { text, result };
}

test('next-year: 005 with its own tables is a 2027 report with no error but its markers', async () => {
  const { text, result } = await rolled();
  const s = service();
  const document = s.parse(result.text);
  assert.equal(document.report.year, 2027);
  assert.equal(document.report.previous.year, 2026);
  assert.equal(document.report.previous.figures.get('income_total')?.amount.text, '96282213.44');
  assert.equal(document.report.previous.functions.get('2040601')?.amount.text, '16726725.44');
  assert.match(result.text, /^title: 上海市普陀区2027年区级部门预算$/m);
  for (const table of document.report.tables.values()) if (table.title) assert.doesNotMatch(table.title.value, /2026/, table.title.value);
  const findings = s.validate(document).findings;
  const errors = findings.filter((f) => f.severity === 'error');
  assert.ok(errors.length > 0);
  assert.deepEqual([...new Set(errors.map((f) => f.rule))], ['review/placeholder'], errors.map((f) => `${f.rule} ${f.message}`).join('\n'));
  // Every error is one of the markers next-year placed, and every marker is one.
  assert.ok(errors.every((f) => [REASON_MARKER, EXECUTED_MARKER].includes(result.text.slice(f.span.start, f.span.end))));
  assert.equal(errors.length, result.markers.length + result.executedBases);
  assert.equal(result.executedBases, 13);
  assert.equal(result.markers.length, 14);
  // No year of 2026 is left in the narrative but the base years of its changes (比2026年预算) and 2026's dates.
  assert.ok(result.text.includes('2027年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加0.00万元'));
  assert.ok(result.text.includes('2026年当年预算执行数为1672.67万元【请核对执行数】，2027年预算安排1672.67万元，比2026年预算执行数减少0.00%。主要原因是：部分人员退休【请核对原因】。'));
  assert.ok(result.text.includes('截至2026年8月31日'));
  assert.ok(result.text.includes('与2026年预算持平，主要原因是因公出国（境）无变化。'), '持平 stays 持平, its reason unmarked');
  // Comments outside the tables the workbook replaced are kept, in order.
  const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l)).map((l) => l.trim());
  const kept = comments(result.text);
  const tablesStart = text.indexOf('\ntables:');
  const narrativeStart = text.indexOf('\nnarrative:');
  const outsideTables = comments(text.slice(0, tablesStart) + text.slice(narrativeStart));
  assert.deepEqual(outsideTables.filter((c) => !kept.includes(c)), []);
  // The narrative keeps its sections and paragraphs.
  const before = s.parse(text).report.narrative;
  const after = document.report.narrative;
  const shape = (sections: typeof before): unknown => sections.map((x) => [x.title?.value.replace(/\d{4}/g, 'Y'), (x.text?.value ?? '').split('\n').length, shape(x.sections)]);
  assert.deepEqual(shape(after), shape(before));
});

test('next-year: every sample rolls forward without losing a line of its narrative', () => {
  const s = service();
  for (const file of sampleFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const document = s.parse(text);
    const result = nextYearReport(document, { codes: s.codeTables, settings: toCheckSettings() });
    const after = s.parse(result.text).report;
    assert.equal(after.year, document.report.year! + 1, file);
    assert.equal(after.previous.year, document.report.year, file);
    const shape = (sections: typeof after.narrative): unknown => sections.map((x) => [(x.text?.value ?? '').split('\n').length, shape(x.sections)]);
    assert.deepEqual(shape(after.narrative), shape(document.report.narrative), path.basename(file));
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l)).map((l) => l.trim());
    assert.deepEqual(comments(result.text), comments(text), `${path.basename(file)}: comments kept`);
  }
});

test('budget-check next-year writes the new report to -o and never over the report itself', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-next-year-'));
  const file = path.join(dir, SAMPLE);
  fs.writeFileSync(file, readSample(SAMPLE));
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (s: string) => (stderr += s) };
  const out = path.join(dir, '2027.budget.yaml');
  assert.equal(await main(['next-year', file, '-o', out], io), 0);
  assert.match(fs.readFileSync(out, 'utf8'), /^year: 2027$/m);
  assert.match(stderr, /2027 年度报告；年份顺延 \d+ 处（其中更正原文年份笔误 5 处），本年预算数 40 个写入 previous:/);
  assert.match(stderr, /标记 【请核对原因】（主要原因是工作量增加）/);
  assert.equal(await main(['next-year', file, '-o', file], io), 2);
  assert.equal(fs.readFileSync(file, 'utf8'), readSample(SAMPLE));
  assert.equal(await main(['next-year'], io), 2);
});
