import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Position, TextEdit } from 'vscode-languageserver-types';
import { readSample, service } from '../helpers';
import { applyEdits, LspTestClient } from './lspTestClient';
import { refreshText } from '../../src/service/refresh/refresh';
import { toCheckSettings } from '../../src/service/settings';
import { reportToXlsx } from '../../src/publish/node/workbooks';
import { NextYearRequest, RefreshNumbersRequest } from '../../../protocol/src/protocol';
import { nextYearReport } from '../../src/service/nextYear/nextYear';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover } from 'vscode-languageserver-types';

/**
 * Refresh and next year's report over the protocol (issue 14), on a real server over stdio:
 * "按数据更新说明中的数字", its code action on a mismatched number, and "生成下一年度报告".
 */
let server: LspTestClient;
before(async () => {
  server = await LspTestClient.start();
});
after(() => server.stop());

/** The position of `marker` in the narrative (the header comments quote some sentences too). */
function positionOf(text: string, marker: string): Position {
  const offset = text.indexOf(marker, text.indexOf('\nnarrative:'));
  assert.ok(offset >= 0, `no ${marker}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

test('按数据更新说明中的数字: the same edits as budget-check refresh, and what was left with its reason', async () => {
  const text = readSample('006-putuo-justice-2026-unit.budget.yaml');
  const uri = 'file:///tmp/year/006.budget.yaml';
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
  const result = await server.request(RefreshNumbersRequest.type, { uri });
  assert.equal(result.version, 1);
  const expected = refreshText(text, { codes: service().codeTables, settings: toCheckSettings() });
  assert.equal(applyEdits(text, result.edits), expected.text);
  assert.deepEqual(result.changes.map((c) => `${c.before}→${c.after}`), expected.changes.map((c) => `${c.before}→${c.after}`));
  assert.ok(result.lines.some((line) => /未改动 19：/.test(line)));
  assert.ok(result.lines.some((line) => /增减方向已改变（增加 → 减少），请核对原因/.test(line)));
  assert.match(result.summary, /^更新数字 6 个，未改动 5 个/);
});

test('a mismatched number offers to update its paragraph or the whole narrative from the data', async () => {
  const text = readSample('006-putuo-justice-2026-unit.budget.yaml');
  const uri = 'file:///tmp/year/006-actions.budget.yaml';
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
  const at = positionOf(text, '170.03万元');
  const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('按数据更新本段中的数字（3 处）'), titles.join(' | '));
  assert.ok(titles.includes('按数据更新说明中的数字（7 处）'), titles.join(' | '));
  const paragraph = actions.find((a) => a.title.startsWith('按数据更新本段'))!;
  const edits = paragraph.edit!.changes![uri] as TextEdit[];
  const after = applyEdits(text, edits);
  const changedLines = after.split('\n').filter((line, i) => line !== text.split('\n')[i]);
  assert.deepEqual(changedLines, ['      13、住房保障支出（221类）住房改革支出（02款）购房补贴（03项）207万元。主要用于：发放购房补贴。2025年当年预算执行数为241.76万元，2026年预算安排207万元，比2025年预算执行数减少14.38%。主要原因是：支出增加。']);
  // A number that agrees with the data offers nothing of the kind.
  const fine = positionOf(text, '2170.39万元');
  const none = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: fine, end: fine }, context: { diagnostics: [] } });
  assert.deepEqual(none.filter((a) => a.title.startsWith('按数据更新')), []);
});

test('生成下一年度报告: the 2027 report from 005 and the new year\'s workbook, with its file name and markers', async () => {
  const text = readSample('005-putuo-justice-2026-department.budget.yaml');
  const uri = 'file:///tmp/year/005-putuo-justice-2026-department.budget.yaml';
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
  const workbook = await reportToXlsx(service().parse(text).report);
  const result = await server.request(NextYearRequest.type, { uri, files: [{ name: '2027.xlsx', data: workbook.toString('base64') }] });
  assert.equal(result.error, undefined);
  assert.equal(result.year, 2027);
  assert.equal(result.fileName, '005-putuo-justice-2027-department.budget.yaml');
  assert.equal(result.markers, 27);
  assert.deepEqual(result.problems, []);
  assert.match(result.text!, /^year: 2027$/m);
  assert.ok(result.lines.some((line) => line.includes('由工作簿替换的表')));
  const missing = await server.request(NextYearRequest.type, { uri: 'file:///tmp/year/not-open.budget.yaml' });
  assert.ok(missing.error && missing.text === undefined);
});

/** The 2027 report of 005 whose previous: gives only the year: its bases are to come from the 2026 report. */
function report2027(): string {
  const s = service();
  const rolled = nextYearReport(s.parse(readSample('005-putuo-justice-2026-department.budget.yaml')), { codes: s.codeTables, settings: toCheckSettings() }).text;
  return rolled.replace(/^previous:\n[\s\S]*?\n(?=tables:)/m, 'previous:\n  year: 2026\n\n');
}

async function hoverText(client: LspTestClient, uri: string, text: string, marker: string, delta: number): Promise<string> {
  const offset = text.indexOf(marker, text.indexOf('\nnarrative:')) + delta;
  const before = text.slice(0, offset);
  const position = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return hover ? JSON.stringify(hover.contents) : '';
}

test('cross-year: last year\'s report in the workspace gives the bases of the changes, and the hover says so', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-cross-year-'));
  fs.writeFileSync(path.join(dir, '005-putuo-justice-2026-department.budget.yaml'), readSample('005-putuo-justice-2026-department.budget.yaml'));
  const text = report2027();
  const uri = pathToFileURL(path.join(dir, '005-putuo-justice-2027-department.budget.yaml')).toString();
  // A workspace that holds last year's report on disk (not open).
  const onDisk = await LspTestClient.start({ workspaceFolders: [pathToFileURL(dir).toString()] });
  try {
    await onDisk.open(uri, text);
    await onDisk.diagnostics(uri, 1);
    const hover = await hoverText(onDisk, uri, text, '比2026年预算增加0.00万元', 11);
    assert.match(hover, /取自上年报告 005-putuo-justice-2026-department\.budget\.yaml/, hover);
  } finally {
    await onDisk.stop();
  }
  // Without it, the hover names no other report; last year's report open in the editor serves as well.
  const fresh = await LspTestClient.start();
  try {
    const other = 'file:///tmp/year/alone-2027.budget.yaml';
    await fresh.open(other, text);
    await fresh.diagnostics(other, 1);
    assert.doesNotMatch(await hoverText(fresh, other, text, '比2026年预算增加0.00万元', 11), /取自上年报告/);
    // The 单位预算 of the same name and year is not the 部门's last year.
    await fresh.open('file:///tmp/year/unit-2026.budget.yaml', readSample('006-putuo-justice-2026-unit.budget.yaml'));
    await fresh.open('file:///tmp/year/last-2026.budget.yaml', readSample('005-putuo-justice-2026-department.budget.yaml'));
    await fresh.change(other, 2, [{ text: text + '\n' }]);
    await fresh.diagnostics(other, 2);
    assert.match(await hoverText(fresh, other, text, '比2026年预算增加0.00万元', 11), /取自上年报告 last-2026\.budget\.yaml/);
  } finally {
    await fresh.stop();
  }
});
