import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { runImport } from '../../src/commands/import';
import type { CommandIO } from '../../src/commands/args';
import { inspectXlsxPackage, MAX_UNPACKED_BYTES } from '../../src/publish/node/xlsxPackage';
import { externalSource } from '../../src/publish/node/readWorkbook';
import { importXlsx } from '../../src/publish/node/workbooks';
import { setFrontEndLocale } from '../../src/service/i18n/l10n';
import { buildWorkbook, tempDir } from './fixtures';

/**
 * The unpacked size of a workbook is checked from the zip's central directory before exceljs
 * loads it (a 316 KB file with one huge cell took 1.3 GB to load); values the workbook did not
 * compute itself (external links, web formulas) are listed, not taken silently.
 */

interface ZipPart {
  readonly name: string;
  readonly data: Buffer;
  /** The uncompressed size the directory states (the real one when not given). */
  readonly declared?: number;
}

/** A minimal zip writer (deflate), so the tests can state sizes that lie. */
function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = zlib.deflateRawSync(part.data);
    const size = part.declared ?? part.data.length;
    const crc = zlib.crc32 ? zlib.crc32(part.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } };
  try {
    return { code: await runImport(args, io), stdout, stderr };
  } finally {
    setFrontEndLocale('zh-cn');
  }
}

const SHEET = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

test('the central directory is read: parts and their unpacked sizes', async () => {
  const data = await buildWorkbook([{ name: '表1', rows: [['2022年部门支出预算表'], ['单位：万元']] }]);
  const pkg = inspectXlsxPackage(data);
  assert.ok(pkg.parts.some((p) => p.name === 'xl/workbook.xml'));
  assert.ok(pkg.unpacked > data.length / 2 && pkg.unpacked < 100_000, String(pkg.unpacked));
  assert.deepEqual(pkg.externalLinks, []);
});

test('a small file that unpacks to more than the limit is refused before it is loaded', async () => {
  const huge = Buffer.alloc(MAX_UNPACKED_BYTES + 8 * 1024 * 1024, 'x');
  const data = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/sharedStrings.xml', data: huge }]);
  assert.ok(data.length < 200_000, `${data.length} bytes packed`);
  const dir = tempDir();
  const file = path.join(dir, 'huge.xlsx');
  fs.writeFileSync(file, data);
  const started = Date.now();
  const result = await run([file]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `budget-check import：无法读取 ${file}：工作簿解压后为 40 MB，超过可导入的 32 MB；某个工作表或单元格的内容远多于预算表格（请把要导入的表格另存到一个新工作簿）\n`);
  assert.ok(Date.now() - started < 5000, 'refused without unpacking it into exceljs');
});

test('a part that unpacks to more than its stated size is refused (the directory is not trusted)', () => {
  const data = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, ' '), declared: 1000 }]);
  assert.throws(() => inspectXlsxPackage(data), /文件已损坏或不是 \.xlsx 工作簿/);
  const fine = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(SHEET) }]);
  assert.equal(inspectXlsxPackage(fine).unpacked, SHEET.length);
});

test('a file that is not a zip package, or a truncated one, is damaged', () => {
  const data = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
  for (const bad of [Buffer.from('PK\u0003\u0004 not a zip at all'), data.subarray(0, data.length - 30), Buffer.concat([data.subarray(0, 10), Buffer.alloc(40)])]) {
    assert.throws(() => inspectXlsxPackage(bad), /文件已损坏或不是 \.xlsx 工作簿/);
  }
});

test('formulas that take their value from outside the workbook are recognised', () => {
  assert.equal(externalSource('[1]Sheet1!A1'), '另一个工作簿');
  assert.equal(externalSource("'C:\\预算\\[2022汇总.xlsx]支出总表'!C7+1"), '另一个工作簿');
  assert.equal(externalSource('SUM([2]表1!B2:B9)'), '另一个工作簿');
  assert.equal(externalSource('_xlfn.WEBSERVICE("http://example.invalid/x")'), 'WEBSERVICE');
  assert.equal(externalSource('FILTERXML(A1,"//v")'), 'FILTERXML');
  assert.equal(externalSource('RTD("server",,"topic")'), 'RTD');
  assert.equal(externalSource("EXCEL|'[book.xlsx]Sheet1'!R1C1"), '另一个工作簿');
  assert.equal(externalSource('SUM(B2:B9)'), undefined);
  assert.equal(externalSource('表2!B3+Sheet1!C4'), undefined);
  assert.equal(externalSource('"[1]"&A1'), undefined);
});

test('import lists external links and values cached from outside the workbook', async () => {
  const built = await buildWorkbook([{
    name: '表1',
    rows: [
      ['2022年部门支出预算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计'],
      ['2101501', '行政运行', { formula: '[1]支出!C7', result: 10 }],
      ['2101502', '一般行政管理事务', { formula: '_xlfn.WEBSERVICE("http://example.invalid/v")', result: 5 }],
      ['2101599', '其他医疗保障管理事务支出', { formula: 'C4+C5', result: 15 }],
    ],
  }]);
  const workbook = await JSZip.loadAsync(built);
  workbook.file('xl/externalLinks/externalLink1.xml', '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  workbook.file('xl/externalLinks/_rels/externalLink1.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:\\预算\\2022汇总.xlsx" TargetMode="External"/></Relationships>');
  const data = await workbook.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const result = await importXlsx([{ file: 'linked.xlsx', data }]);
  const lines = result.problems.map((p) => `${p.sheet}${p.cell ? '!' + p.cell : ''}: ${p.message}`);
  assert.deepEqual(lines.filter((l) => /工作簿之外|链接/.test(l)), [
    ': 工作簿链接了另一个工作簿（file:///C:\\预算\\2022汇总.xlsx）；取自该链接的值是 Excel 上次更新链接时保存的副本',
    '表1!C4: 该值来自工作簿之外（另一个工作簿：=[1]支出!C7）；导入的是 Excel 保存的副本，请核对',
    '表1!C5: 该值来自工作簿之外（WEBSERVICE：=_xlfn.WEBSERVICE("http://example.invalid/v")）；导入的是 Excel 保存的副本，请核对',
  ]);
  // The stored values are taken (and listed), so the table is complete.
  const expense = result.tables.find((t) => t.key === 'expense');
  assert.ok(expense, 'the table is imported');
  // The command line: the problems are listed with the file and exit 1.
  const dir = tempDir();
  const file = path.join(dir, 'linked.xlsx');
  fs.writeFileSync(file, data);
  const cli = await run([file]);
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /linked\.xlsx: 工作簿链接了另一个工作簿/);
  assert.match(cli.stderr, /linked\.xlsx: 表1!C4: 该值来自工作簿之外/);
});
