import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runImport } from '../../src/commands/import';
import { runExport } from '../../src/commands/export';
import { parseBudgetDocument } from '../../src/service/document';
import { setFrontEndLocale } from '../../src/service/i18n/l10n';
import { SAMPLES } from '../helpers';
import { buildWorkbook, tempDir } from './fixtures';

/** budget-check import / export: files, messages and exit codes. */

function capture(): { io: { stdout: (s: string) => void; stderr: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s) => out.push(s), stderr: (s) => err.push(s) }, out, err };
}

const SAMPLE = path.join(SAMPLES, '002-qinyang-2022.budget.yaml');

test('export writes the workbook and the HTML publication; import reads the workbook back, then updates the report in place', async () => {
  const dir = tempDir();
  try {
    const xlsx = path.join(dir, 'out.xlsx');
    const html = path.join(dir, 'out.html');
    const exported = capture();
    assert.equal(await runExport([SAMPLE, '--xlsx', xlsx, `--html=${html}`], exported.io), 0, exported.err.join(''));
    assert.ok(fs.statSync(xlsx).size > 1000);
    assert.match(fs.readFileSync(html, 'utf8'), /<nav class="toc"/);
    assert.equal(exported.out.length, 2);

    const report = path.join(dir, 'report.budget.yaml');
    const first = capture();
    assert.equal(await runImport([xlsx, '-o', report], first.io), 0, first.err.join(''));
    assert.ok(first.out.some((line) => line.includes('tables.general_basic')));
    const created = parseBudgetDocument(fs.readFileSync(report, 'utf8')).report;
    assert.equal(created.tables.size, 11);

    // A second import into the same file replaces its tables and keeps what was added by hand.
    fs.appendFileSync(report, 'narrative:\n  - title: 第一部分 概况 # 手写\n    text: |\n      正文。\n');
    const second = capture();
    assert.equal(await runImport([xlsx, '-o', report], second.io), 0, second.err.join(''));
    assert.ok(second.out.some((line) => /general_basic/.test(line) && /report\.budget\.yaml/.test(line)));
    const updated = fs.readFileSync(report, 'utf8');
    assert.ok(updated.includes('  - title: 第一部分 概况 # 手写\n'));
    assert.equal(parseBudgetDocument(updated).report.tables.size, 11);

    // Without -o the report goes to stdout.
    const piped = capture();
    assert.equal(await runImport([xlsx], piped.io), 0);
    assert.match(piped.out.join(''), /^# Imported from out\.xlsx by budget-check import\./);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('import exits 1 and lists by sheet and cell what it could not take over', async () => {
  const dir = tempDir();
  setFrontEndLocale('zh-cn');
  try {
    const file = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(file, await buildWorkbook([
      { name: '表1', rows: [['2022年部门支出预算表'], ['科目编码', '科目名称', '合计'], ['2101501', '行政运行', '一百']] },
    ]));
    const run = capture();
    assert.equal(await runImport([file, '--locale', 'en'], run.io), 1);
    assert.ok(run.err.some((line) => line.includes('bad.xlsx: 表1!C3: "一百" is not an amount; the cell is left out')), run.err.join(''));
  } finally {
    setFrontEndLocale('zh-cn');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('import does not update a report with YAML syntax errors; export reports them and still writes', async () => {
  const dir = tempDir();
  try {
    const xlsx = path.join(dir, 'in.xlsx');
    fs.writeFileSync(xlsx, await buildWorkbook([{ name: '表1', rows: [['2022年部门支出预算表'], ['单位：万元'], ['科目编码', '科目名称', '合计'], ['2101501', '行政运行', 10]] }]));
    const broken = path.join(dir, 'broken.budget.yaml');
    const text = 'department: 测试局\nkind: department\nyear: 2022\nunit: 万元\ntables:\n  expense:\n    rows:\n      - { code: "2101501", total: [1\n';
    fs.writeFileSync(broken, text);
    const run = capture();
    assert.equal(await runImport([xlsx, '-o', broken], run.io), 2);
    assert.equal(fs.readFileSync(broken, 'utf8'), text);
    const exported = capture();
    assert.equal(await runExport([broken, '--html', path.join(dir, 'out.html')], exported.io), 1);
    assert.ok(fs.existsSync(path.join(dir, 'out.html')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('usage and unreadable input exit 2', async () => {
  const dir = tempDir();
  try {
    const notXlsx = path.join(dir, 'old.xls');
    fs.writeFileSync(notXlsx, 'not a workbook');
    for (const [argv, command] of [
      [[], runImport], [['--bogus', 'x.xlsx'], runImport], [[path.join(dir, 'missing.xlsx')], runImport], [[notXlsx], runImport],
      [[SAMPLE], runExport], [[path.join(dir, 'missing.yaml'), '--xlsx', path.join(dir, 'x.xlsx')], runExport],
      [[SAMPLE, '--xlsx', path.join(dir, 'no', 'such', 'dir.xlsx')], runExport],
    ] as const) {
      const run = capture();
      assert.equal(await command([...argv], run.io), 2, `${argv.join(' ')}: ${run.err.join('')}`);
      assert.ok(run.err.length > 0);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('export --pdf prints the publication with Debian chromium', { skip: !fs.existsSync('/usr/bin/chromium') && 'Debian chromium is not installed at /usr/bin/chromium (CI installs it)', timeout: 120000 }, async () => {
  const dir = tempDir();
  try {
    const pdf = path.join(dir, 'out.pdf');
    const run = capture();
    assert.equal(await runExport([path.join(SAMPLES, '000-jiyuan-2022-unit.budget.yaml'), '--pdf', pdf], run.io), 0, run.err.join(''));
    const bytes = fs.readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length > 5);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
