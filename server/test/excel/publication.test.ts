import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseBudgetDocument } from '../../src/service/document';
import { anchorAt, publicationAnchors, renderHtml, scrollScript } from '../../src/publish/html/renderHtml';
import { layoutReport } from '../../src/publish/export/layoutTables';
import { headerBlock } from '../../src/publish/export/sheetLayout';
import { readSample } from '../helpers';
import { tempDir } from './fixtures';

/** The print publication: its HTML, the anchors a preview scrolls to, and Chromium's rendering. */

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !fs.existsSync(CHROMIUM) && `Debian chromium is not installed at ${CHROMIUM} (CI installs the chromium and fonts-noto-cjk packages)`;

test('the publication has a cover, a 目录, the narrative parts and every table as 附件, each with an anchor', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const report = parseBudgetDocument(text).report;
  const html = renderHtml(report);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<nav class="toc" id="toc">/);
  for (const part of ['第一部分', '第二部分', '第三部分 名词解释']) assert.ok(html.includes(part), part);
  assert.match(html, /<section class="part attachments" id="attachments">\n<h2>附件：济源产城融合示范区医疗保障局（机关）2022年单位预算公开表<\/h2>/);
  for (const key of report.tables.keys()) assert.ok(html.includes(`id="table-${key}"`), key);
  assert.equal((html.match(/<table /g) ?? []).length, report.tables.size);
  // Text is escaped, never markup; no style attributes or scripts, so a webview CSP with a nonce holds.
  assert.ok(!/<script/.test(html));
  assert.ok(!/ style="/.test(html));
  assert.ok(renderHtml(report, { script: scrollScript(), nonce: 'abc' }).includes('<script nonce="abc">'));
  // The 支出预算表 prints the three-row header of the seed: 基本支出 over 小计 / 人员经费 / 公用经费.
  assert.match(html, /<th colspan="4" class="header">基本支出<\/th>/);
  assert.match(html, /<th colspan="2" class="header">人员经费<\/th>/);
});

test('document offsets map to the anchor of the section or table written there', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const report = parseBudgetDocument(text).report;
  const anchors = publicationAnchors(report);
  const at = (needle: string): string | undefined => anchorAt(anchors, text.indexOf(needle));
  assert.equal(at('{ code: "210 15 01", name: 行政运行, total: 196.20'), 'table-expense');
  assert.equal(at('reception: 1.00'), 'table-three_public');
  assert.equal(at('济源产城融合示范区医疗保障局机关 2022 年支出合计 529.20'), 'sec-1-2');
  assert.equal(at('（二）政府采购支出情况'), 'sec-1-8-1');
  assert.equal(at('department: 济源'), undefined);
  assert.equal(at('济源产城融合示范区医疗保障局（机关）'), 'cover');
  const html = renderHtml(report);
  for (const range of anchors) assert.ok(html.includes(`id="${range.anchor}"`), range.anchor);
});

test('header cells are merged across their group and down to the last header row', () => {
  const block = headerBlock([['合计'], ['基本支出', '小计'], ['基本支出', '人员经费', '工资福利支出'], ['基本支出', '人员经费', '对个人和家庭的补助']]);
  assert.equal(block.rows, 3);
  assert.deepEqual(block.cells.map((c) => `${c.text}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`), [
    '合计@0,0 3x1', '基本支出@0,1 1x3', '小计@1,1 2x1', '人员经费@1,2 1x2', '工资福利支出@2,2 1x1', '对个人和家庭的补助@2,3 1x1',
  ]);
});

test('every table of every sample is laid out with a title, and amounts with two decimals', () => {
  for (const name of ['001-pingxiang-2023.budget.yaml', '004-changan-2022.budget.yaml']) {
    const report = parseBudgetDocument(readSample(name)).report;
    const layouts = layoutReport(report);
    assert.equal(layouts.length, report.tables.size);
    for (const layout of layouts) {
      assert.ok(layout.title.length > 0);
      assert.ok(layout.sheetName.length <= 31);
      for (const cell of layout.body.cells) if (cell.style === 'amount') assert.match(cell.text, /^-?[\d,]+\.\d{2,}$/);
    }
  }
  const pingxiang = layoutReport(parseBudgetDocument(readSample('001-pingxiang-2023.budget.yaml')).report);
  assert.equal(pingxiang.find((l) => l.key === 'overall_performance')!.title, '2023年部门整体绩效目标表');
});

test('Chromium renders the publication of a sample: pages, tables, a PNG', { skip: NO_CHROMIUM, timeout: 60000 }, async () => {
  const { chromium } = await import('playwright-core');
  const report = parseBudgetDocument(readSample('000-jiyuan-2022-unit.budget.yaml')).report;
  const html = renderHtml(report);
  const dir = tempDir('budget-chromium-');
  const browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 1300 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const tables = await page.$$eval('table', (list) => list.length);
    assert.equal(tables, report.tables.size);
    const rows = await page.$$eval('#table-expense tbody tr', (list) => list.length);
    assert.equal(rows, report.tables.get('expense')!.rows.length + 1);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages > report.tables.size, `${pages} pages`);
    const png = path.join(dir, 'publication.png');
    await page.screenshot({ path: png });
    const bytes = fs.readFileSync(png);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(bytes.length > 10000);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
