import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { Position } from 'vscode-languageserver-types';
import { readSample, sampleFiles } from '../helpers';
import { parseBudgetDocument } from '../../src/service/document';
import { publicationAnchors } from '../../src/publish';
import { importXlsx } from '../../src/publish/node/workbooks';
import { findChromium } from '../../src/publish/node/printPdf';
import { reportDigest } from '../excel/tableDigest';
import { buildWorkbook } from '../excel/fixtures';
import { applyEdits, LspTestClient } from './lspTestClient';
import {
  ExportXlsxRequest,
  ImportXlsxRequest,
  PrintPdfRequest,
  PublicationAnchorRequest,
  PublicationHtmlRequest,
} from '../../../protocol/src/protocol';

/**
 * Publication and Excel over the protocol (issue 9): the preview HTML with its CSP and anchors,
 * the anchor under the cursor, the xlsx export and import requests, printing to PDF.
 */

let server: LspTestClient;
before(async () => {
  server = await LspTestClient.start();
});
after(() => server.stop());

const NONCE = 'cmFuZG9tLW5vbmNlLTEyMzQ=';

function sample(name: string): { file: string; text: string } {
  const file = sampleFiles().find((f) => f.endsWith(name))!;
  return { file, text: fs.readFileSync(file, 'utf8') };
}

function positionOf(text: string, marker: string): Position {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `no ${marker}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function open(uri: string, text: string): Promise<void> {
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
}

test('the preview HTML allows only its nonce\'d style and script, and has an element for every anchor', async () => {
  const { text } = sample('003-jiyuan-2024.budget.yaml');
  const uri = 'file:///tmp/publish/preview.budget.yaml';
  await open(uri, text);
  const result = await server.request(PublicationHtmlRequest.type, { uri, nonce: NONCE });
  const { html } = result;
  assert.equal(result.version, 1);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(csp, 'a CSP meta tag');
  assert.equal(csp![1], `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
  const styles = html.match(/<style[^>]*>/g) ?? [];
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  assert.equal(styles.length, 1);
  assert.equal(scripts.length, 1);
  for (const tag of [...styles, ...scripts]) assert.equal(tag.replace(/^<\w+/, ''), ` nonce="${NONCE}">`);
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline style attributes');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /(src|href)\s*=\s*"(https?:|\/\/|file:)/i, 'nothing loaded');
  assert.match(html, /addEventListener\('message'/);

  // The anchors: where each section and table is written, as the service computes them; each has its element.
  const expected = publicationAnchors(parseBudgetDocument(text).report);
  assert.deepEqual(result.anchors.map((a) => a.anchor), expected.map((a) => a.anchor));
  for (const anchor of new Set(result.anchors.map((a) => a.anchor))) assert.ok(html.includes(`id="${anchor}"`), anchor);
  const summary = result.anchors.find((a) => a.anchor === 'table-summary')!;
  assert.equal(summary.range.start.line, positionOf(text, '  summary:').line);
  assert.ok(result.anchors.some((a) => a.anchor.startsWith('sec-') && a.title.includes('情况说明')));
});

test('the anchor under the cursor: a section in the narrative, a table in tables, the page opens there', async () => {
  const { text } = sample('003-jiyuan-2024.budget.yaml');
  const uri = 'file:///tmp/publish/anchor.budget.yaml';
  await open(uri, text);
  const { anchors } = await server.request(PublicationHtmlRequest.type, { uri });
  const anchorAt = async (position: Position) => (await server.request(PublicationAnchorRequest.type, { uri, position })).anchor;
  assert.equal(await anchorAt(positionOf(text, 'three_public:')), 'table-three_public');
  const section = anchors.filter((a) => a.anchor.startsWith('sec-') && a.anchor.split('-').length > 2)[0];
  const inSection = { line: section.range.start.line + 1, character: 8 };
  assert.equal(await anchorAt(inSection), section.anchor);
  // Rendered for a cursor position, the page scrolls there on load.
  const opened = await server.request(PublicationHtmlRequest.type, { uri, nonce: NONCE, position: inSection });
  assert.equal(opened.anchor, section.anchor);
  assert.ok(opened.html.includes(`anchor: "${section.anchor}"`), 'the first scroll goes to the cursor\'s section');
});

test('without a nonce the HTML is a standalone file (no script, no CSP); a bad nonce is refused', async () => {
  const { file, text } = sample('000-jiyuan-2022-unit.budget.yaml');
  // Not open: the text comes with the request.
  const result = await server.request(PublicationHtmlRequest.type, { uri: `file://${file}`, text });
  assert.equal(result.version, null);
  assert.doesNotMatch(result.html, /<script|Content-Security-Policy/);
  assert.match(result.html, /<h1 class="doc-title">/);
  await assert.rejects(server.request(PublicationHtmlRequest.type, { uri: `file://${file}`, text, nonce: '"><script>' }));
  await assert.rejects(server.request(PublicationHtmlRequest.type, { uri: 'file:///tmp/publish/not-open.budget.yaml' }));
  assert.ok(server.alive);
});

test('the xlsx export request returns a workbook that imports back to the same tables', async () => {
  for (const name of ['000-jiyuan-2022-unit.budget.yaml', '004-changan-2022.budget.yaml']) {
    const { text } = sample(name);
    const uri = `file:///tmp/publish/export-${name}`;
    await open(uri, text);
    const result = await server.request(ExportXlsxRequest.type, { uri });
    const original = parseBudgetDocument(text).report;
    assert.equal(result.tables, original.tables.size);
    assert.deepEqual(result.problems, []);
    const data = Buffer.from(result.data, 'base64');
    assert.equal(data.subarray(0, 2).toString('latin1'), 'PK');
    const back = await importXlsx([{ file: 'export.xlsx', data }]);
    assert.deepEqual(back.problems, []);
    const { newReportYaml } = await import('../../src/publish');
    const digest = reportDigest(parseBudgetDocument(newReportYaml(back)).report);
    assert.deepEqual(digest, reportDigest(original), name);
  }
  // A report with a slip: exported as far as it can be read, the slip named with its line.
  const broken = 'department: 测试局\nkind: unit\nyear: 2022\nunit: 万元\ntables:\n  three_public:\n    total: 十九\n';
  const result = await server.request(ExportXlsxRequest.type, { uri: 'file:///tmp/publish/broken.budget.yaml', text: broken });
  assert.equal(result.tables, 1);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0], /第 7 行：“十九”不是金额/);
});

test('the import request merges into an open report: only the imported tables change; narrative and comments stay byte for byte', async () => {
  const { file, text: original } = sample('000-jiyuan-2022-unit.budget.yaml');
  const exported = await server.request(ExportXlsxRequest.type, { uri: `file://${file}`, text: original });
  // The report in the editor: a changed figure, and comments of its author between tables and before the narrative.
  const text = original
    .replace(/(  three_public:\n(?:.*\n)*?    reception: )[\d.]+/, '$1 99.00')
    .replace('\n  general_basic:', '\n  # 基本支出表：按系统导出核对\n  general_basic:')
    .replace('\nnarrative:', '\n# 以下为说明文字，勿动\nnarrative:');
  assert.notEqual(text, original);
  const uri = 'file:///tmp/publish/merge.budget.yaml';
  await open(uri, text);
  const result = await server.request(ImportXlsxRequest.type, { files: [{ name: '/some/dir/000.xlsx', data: exported.data }], into: uri });
  assert.equal(result.mode, 'merge', result.error);
  assert.equal(result.version, 1);
  assert.deepEqual(result.problems, []);
  assert.ok(result.replaced.includes('three_public') && result.added.length === 0);
  assert.ok(result.sheets.every((line) => line.startsWith('000.xlsx: ')), 'file names without their folder');
  const merged = applyEdits(text, result.edits!);
  const narrative = text.indexOf('\n# 以下为说明文字');
  assert.equal(merged.slice(merged.length - (text.length - narrative)), text.slice(narrative), 'the narrative and the comment before it');
  assert.equal(merged.slice(0, text.indexOf('tables:')), text.slice(0, text.indexOf('tables:')), 'the header and its comments');
  assert.ok(merged.includes('\n  # 基本支出表：按系统导出核对\n  general_basic:'));
  // The tables are the workbook's: the changed figure is back.
  assert.deepEqual(reportDigest(parseBudgetDocument(merged).report), reportDigest(parseBudgetDocument(original).report));
  // Every edit lies inside tables:.
  const tablesStart = text.indexOf('tables:');
  for (const edit of result.edits!) assert.ok(edit.range.start.line > positionOf(text, 'tables:').line - 1 && edit.range.end.line < positionOf(text, '# 以下为说明文字').line, JSON.stringify(edit.range));
  assert.ok(tablesStart > 0);
});

test('the import request writes a new report, and lists what it could not take over by sheet and cell', async () => {
  const data = await buildWorkbook([
    {
      name: '一般公共预算支出表',
      rows: [
        ['2022年一般公共预算支出预算表'],
        ['部门名称：测试局', null, null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', 27.2, 27.2],
        ['2080505', '机关事业单位基本养老保险缴费支出', 15.5, 15.5],
        ['2101501', '行政运行', '约196.2', 196.2],
        ['2210201', '住房公积金', 11.7, 11.7],
      ],
    },
    { name: '说明', rows: [['本工作簿由预算管理一体化系统导出，请勿修改。']] },
  ]);
  const result = await server.request(ImportXlsxRequest.type, { files: [{ name: 'malformed.xlsx', data: data.toString('base64') }] });
  assert.equal(result.mode, 'new');
  assert.deepEqual(result.added, ['general_expense']);
  assert.deepEqual(result.recognised, ['general_expense']);
  const lines = result.problems.map((p) => p.line);
  assert.ok(lines.some((l) => /^malformed\.xlsx: 一般公共预算支出表!C6: “约196\.2”不是金额/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^malformed\.xlsx: 说明!A1: 未识别为公开报表/.test(l)), lines.join('\n'));
  assert.ok(result.problems.every((p) => p.file === 'malformed.xlsx' && p.sheet && p.message));
  const report = parseBudgetDocument(result.text!);
  assert.equal(report.yaml.problems.length, 0);
  assert.equal(report.report.department?.value, '测试局');
  assert.equal(report.report.tables.get('general_expense')?.rows.length, 3);
  assert.match(result.text!, /Imported from malformed\.xlsx/);
});

test('the import request refuses what it cannot read or write into, with a reason', async () => {
  const bad = await server.request(ImportXlsxRequest.type, { files: [{ name: 'old.xls', data: Buffer.from('not a zip').toString('base64') }] });
  assert.equal(bad.mode, 'failed');
  assert.match(bad.error!, /old\.xls/);
  const none = await server.request(ImportXlsxRequest.type, { files: [] });
  assert.equal(none.mode, 'failed');
  const { text } = sample('000-jiyuan-2022-unit.budget.yaml');
  const exported = await server.request(ExportXlsxRequest.type, { uri: 'file:///tmp/publish/x.budget.yaml', text });
  const closed = await server.request(ImportXlsxRequest.type, { files: [{ name: 'x.xlsx', data: exported.data }], into: 'file:///tmp/publish/closed.budget.yaml' });
  assert.equal(closed.mode, 'failed');
  // A report with a syntax error cannot be spliced; the recognised tables can still go to a new report.
  const uri = 'file:///tmp/publish/syntax.budget.yaml';
  await open(uri, 'department: 测试局\ntables: {{\n');
  const broken = await server.request(ImportXlsxRequest.type, { files: [{ name: 'x.xlsx', data: exported.data }], into: uri });
  assert.equal(broken.mode, 'failed');
  assert.ok(broken.recognised.length > 0);
  assert.match(broken.error!, /syntax\.budget\.yaml/);
  assert.ok(server.alive);
});

const CHROMIUM = findChromium();
test('the print request answers with a PDF printed by chromium', { skip: !CHROMIUM && 'no chromium (BUDGET_CHROMIUM or /usr/bin/chromium) to print with', timeout: 120_000 }, async () => {
  const text = readSample('teaching/clean.budget.yaml');
  const result = await server.request(PrintPdfRequest.type, { uri: 'file:///tmp/publish/print.budget.yaml', text });
  assert.equal(result.chromium, true);
  assert.equal(result.error, undefined);
  assert.equal(Buffer.from(result.data!, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
});
