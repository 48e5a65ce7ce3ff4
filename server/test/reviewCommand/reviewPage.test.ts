import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { excerpt, textLines } from '../../src/publish/review/excerpt';
import { ROOT } from '../helpers';
import { DEPARTMENT_PDF, UNIT_PDF } from '../pdf/fixtures';
import { brokenPdf, HOSTILE_NAME, hostileReport, tempDir } from './fixtures';

/**
 * The review page's parts: the excerpt around a finding, and the page as Chromium shows and
 * prints it — which also draws docs/review-page.png for the README (the reviewer workflow: a
 * folder of published PDFs reviewed, the page handed on).
 */

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !fs.existsSync(CHROMIUM) && `Debian chromium is not installed at ${CHROMIUM} (CI installs the chromium and fonts-noto-cjk packages)`;
const PICTURE = path.join(ROOT, 'docs', 'review-page.png');

const shown = (lines: ReturnType<typeof excerpt>): string[] => lines.map((l) => `${l.number}:${l.cutBefore ? '…' : ''}${l.parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('')}${l.cutAfter ? '…' : ''}`);

test('the excerpt: the lines around the range, the range marked, long lines cut around it', () => {
  const lines = textLines('a: 1\r\nb: 22\nc: 333\nd: 4444\n');
  assert.deepEqual(shown(excerpt(lines, { start: { line: 1, character: 3 }, end: { line: 1, character: 5 } })), ['1:a: 1', '2:b: [22]', '3:c: 333']);
  // Over two lines; at the first line of the text.
  assert.deepEqual(shown(excerpt(lines, { start: { line: 1, character: 3 }, end: { line: 2, character: 1 } }, { around: 0 })), ['2:b: [22]', '3:[c]: 333']);
  assert.deepEqual(shown(excerpt(lines, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } })), ['1:[a]: 1', '2:b: 22']);
  // An empty range marks the character it stands before; a range past the end is clamped.
  assert.deepEqual(shown(excerpt(lines, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, { around: 0 })), ['3:[c]: 333']);
  assert.deepEqual(shown(excerpt(lines, { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, { around: 0 })), ['5:']);
  // A long paragraph: a window round the mark, the cuts shown; a long neighbour only begins.
  const paragraph = '甲'.repeat(300) + '73.98万元' + '乙'.repeat(300);
  const long = excerpt(['text: |', paragraph, '丙'.repeat(400)], { start: { line: 1, character: 300 }, end: { line: 1, character: 307 } }, { width: 40 });
  assert.deepEqual(shown(long), ['1:text: |', `2:…${'甲'.repeat(16)}[73.98万元]${'乙'.repeat(16)}…`, `3:${'丙'.repeat(20)}…`]);
  // A cut never splits a character outside the BMP.
  const astral = excerpt(['𠀀'.repeat(100)], { start: { line: 0, character: 101 }, end: { line: 0, character: 103 } }, { width: 20, around: 0 });
  for (const part of astral[0].parts) assert.doesNotMatch(part.text, /^[\udc00-\udfff]|[\ud800-\udbff]$/);
});

test('Chromium shows and prints the page of a reviewed folder of PDFs (docs/review-page.png); a report\'s script does not run', { skip: NO_CHROMIUM, timeout: 240_000 }, async () => {
  // The reviewer's folder: two published reports and one that was cut off while downloading.
  const work = tempDir();
  const folder = path.join(work, '普陀区2026年预算公开');
  fs.mkdirSync(folder);
  fs.copyFileSync(DEPARTMENT_PDF, path.join(folder, '区司法局部门预算.pdf'));
  fs.copyFileSync(UNIT_PDF, path.join(folder, '区司法局单位预算.pdf'));
  fs.writeFileSync(path.join(folder, '区司法局部门预算（下载不完整）.pdf'), brokenPdf());
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'budget-check.js'), 'review', '普陀区2026年预算公开', '--html', 'review.html'], { cwd: work, encoding: 'utf8', timeout: 180_000 });
  assert.equal(cli.status, 2, cli.stderr);
  assert.equal(cli.stdout.trimEnd().split('\n').length, 4, cli.stdout);
  const html = fs.readFileSync(path.join(work, 'review.html'), 'utf8');

  const hostileDir = path.join(work, 'hostile');
  fs.mkdirSync(hostileDir);
  fs.writeFileSync(path.join(hostileDir, HOSTILE_NAME), hostileReport());
  const hostile = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'budget-check.js'), 'review', 'hostile', '--html', 'hostile.html'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  assert.equal(hostile.status, 1, hostile.stderr);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 1500 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const requests: string[] = [];
    const page = await browser.newPage();
    page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto('file://' + path.join(work, 'hostile.html'), { waitUntil: 'load' });
    assert.deepEqual(dialogs, [], 'no script of a report runs');
    assert.equal(await page.$$eval('script', (list) => list.length), 0);
    assert.match(await page.$eval('.finding pre.context', (e) => e.textContent ?? ''), /<script>alert\("budget"\)<\/script>负责XX/);

    await page.goto('file://' + path.join(work, 'review.html'), { waitUntil: 'load' });
    assert.equal(await page.$$eval('section.report', (list) => list.length), 3);
    assert.equal(await page.$$eval('.overview-table tbody tr', (list) => list.length), 3);
    const findings = await page.$$eval('section.report li.finding', (list) => list.length);
    assert.equal(findings, (html.match(/<li class="finding /g) ?? []).length);
    assert.ok(findings > 20, `${findings} findings`);
    assert.ok(await page.$$eval('li.finding mark', (list) => list.length) >= findings - 2, 'nearly every finding marks its text');
    assert.deepEqual(requests, [], 'nothing is fetched');
    // Printed: A4 pages, each report on pages of its own.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 4, `${pages} pages`);
    // The picture the README shows: the overview and the first findings of the first PDF.
    fs.mkdirSync(path.dirname(PICTURE), { recursive: true });
    await page.screenshot({ path: PICTURE, clip: { x: 0, y: 0, width: 1000, height: 1500 } });
    const bytes = fs.readFileSync(PICTURE);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(bytes.length > 20_000);
  } finally {
    await browser.close();
  }
});
