import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importPdf, PdfReadError } from '../../src/publish/node/pdfImport';
import { newReportYaml } from '../../src/publish/import/emitYaml';
import { parseBudgetDocument } from '../../src/service/document';
import { runImport } from '../../src/commands/import';
import { setFrontEndLocale as setLocale } from '../../src/service/i18n/l10n';
import { buildPdf, PageSpec, ruledTable, TextItem, textWidth, unembeddedFontReport } from './pdfWriter';
import { DEPARTMENT_PDF, paragraphs } from './fixtures';
import { seededRandom } from '../helpers';

/**
 * Small PDFs written by the test (pdfWriter.ts) for what the two real reports do not show: a
 * table continued on the next page under a repeated header, running headers and page numbers,
 * paragraphs across a page break, a cell printed twice across a page edge, text before any
 * section, and the files that cannot be imported (scanned, encrypted, truncated, not a PDF).
 */

const RUNNING_HEADER = '某区财政局2024年部门预算公开';

function furniture(page: number): TextItem[] {
  return [
    { x: 60, y: 30, size: 9, text: RUNNING_HEADER },
    { x: 410, y: 578, size: 9, text: `- ${page} -` },
  ];
}

/** A paragraph laid out in lines of at most `width` points from `x` (the first line indented by `indent`). */
function layoutParagraph(text: string, x: number, y: number, width: number, indent = 0, size = 12, pitch = 18): TextItem[] {
  const lines: TextItem[] = [];
  let line = '';
  let lineX = x + indent;
  let lineY = y;
  for (const ch of Array.from(text)) {
    if (textWidth(line + ch, size) > width - (lineX - x)) {
      lines.push({ x: lineX, y: lineY, size, text: line });
      line = '';
      lineX = x;
      lineY += pitch;
    }
    line += ch;
  }
  if (line) lines.push({ x: lineX, y: lineY, size, text: line });
  return lines;
}

const P1 = '2024年，本部门收入预算合计1000.00万元，其中一般公共预算拨款收入1000.00万元，比上年增加10.00万元，主要原因是人员经费增加。';
const P2_LINE1 = '1、一般公共服务支出（201类）人大事务（01款）行政运行（01项）上年执行数为';
const P2_LINE2 = '1234.56万元，比上年增加12.5%。';
const P3 = '（一）本表所列项目支出均按照年初预算批复数填列，跨年度项目按照当年安排数填列，不含上年结转资金，执行中如有调整以财政批复为准。';
const P4 = '本部门无政府性基金预算支出。';

const HEADER = [['项目', '', '支出预算', '', ''], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
const MERGES = [{ row: 0, col: 0, cols: 2 }, { row: 0, col: 2, cols: 3 }];
const COLUMNS = [60, 130, 330, 450, 570, 690];
const PAGE2_ROWS = [
  ['201', '一般公共服务支出', '300.00', '200.00', '100.00'],
  ['20101', '人大事务', '300.00', '200.00', '100.00'],
  ['2010101', '行政运行', '200.00', '200.00', ''],
  ['2010102', '一般行政管理事务', '100.00', '', '100.00'],
  ['208', '社会保障和就业支出', '50.00', '50.00', ''],
  ['20805', '行政事业单位养老支出', '50.00', '50.00', ''],
];
const PAGE3_ROWS = [
  ['2080505', '', '40.00', '40.00', ''],
  ['2080506', '机关事业单位职业年金缴费支出', '10.00', '10.00', ''],
  ['221', '住房保障支出', '20.00', '20.00', ''],
  ['22102', '住房改革支出', '20.00', '20.00', ''],
  ['2210201', '住房公积金', '20.00', '20.00', ''],
  ['合计', '', '370.00', '270.00', '100.00'],
];

function continuedTablePages(): PageSpec[] {
  const page1: PageSpec = {
    texts: [
      ...furniture(1),
      { x: 330, y: 80, size: 18, text: '2024年部门预算编制说明' },
      ...layoutParagraph(P1, 60, 120, 480, 24),
      { x: 60, y: 180, size: 12, text: P2_LINE1 },
      { x: 60, y: 198, size: 12, text: P2_LINE2 },
      // （一） runs to the bottom of the page and goes on at the top of the next.
      ...layoutParagraph(P3, 60, 534, 480).map((l, i) => (i === 0 ? l : { ...l, y: -1 })).filter((l) => l.y > 0),
    ],
  };
  const p3Lines = layoutParagraph(P3, 60, 534, 480);
  const table2 = ruledTable({ x: COLUMNS, top: 140, rowHeight: 22, rows: [...HEADER, ...PAGE2_ROWS], merges: MERGES });
  const page2: PageSpec = {
    texts: [
      ...furniture(2),
      ...p3Lines.slice(1).map((l, i) => ({ ...l, y: 70 + i * 18 })),
      { x: 300, y: 112, size: 14, text: '2024年部门支出预算表' },
      { x: 60, y: 132, size: 9, text: '部门名称：某区财政局' },
      { x: 650, y: 132, size: 9, text: '单位：万元' },
      ...table2.texts,
    ],
    rules: table2.rules,
  };
  const table3 = ruledTable({ x: COLUMNS, top: 60, rowHeight: 22, rows: [...HEADER, ...PAGE3_ROWS], merges: [...MERGES, { row: 7, col: 0, cols: 2 }] });
  // A name wrapped inside its cell: two lines in the row of 2080505.
  const wrapped: TextItem[] = [
    { x: COLUMNS[1] + 2, y: 60 + 2 * 22 + 9, size: 8, text: '机关事业单位基本养老' },
    { x: COLUMNS[1] + 2, y: 60 + 2 * 22 + 19, size: 8, text: '保险缴费支出' },
  ];
  const page3: PageSpec = {
    texts: [
      ...furniture(3),
      ...table3.texts,
      ...wrapped,
      { x: 60, y: 60 + 8 * 22 + 16, size: 9, text: '注：本表金额为测试数据。' },
      { x: 380, y: 300, size: 18, text: '其他说明' },
      { x: 84, y: 340, size: 12, text: P4 },
    ],
    rules: table3.rules,
  };
  return [page1, page2, page3];
}

function continuedTableReport(): Buffer {
  return buildPdf({ pages: continuedTablePages() });
}

async function importBuffer(data: Buffer, file = 'test.pdf') {
  const imported = await importPdf({ file, data });
  const yaml = newReportYaml(imported.result);
  return { imported, yaml, report: parseBudgetDocument(yaml).report };
}

test('a table continued on the next page under its repeated header is one table; page numbers and running headers are left out', async () => {
  setLocale('zh-cn');
  const { imported, report } = await importBuffer(continuedTableReport());
  assert.deepEqual(imported.result.problems, []);
  const expense = report.tables.get('expense')!;
  assert.equal(expense.title?.value, '2024年部门支出预算表');
  assert.equal(expense.unit, '万元');
  assert.equal(report.department?.value, '某区财政局');
  assert.deepEqual(expense.rows.map((r) => r.code?.value), ['201', '20101', '2010101', '2010102', '208', '20805', '2080505', '2080506', '221', '22102', '2210201']);
  assert.equal(expense.rows[6].name?.value, '机关事业单位基本养老保险缴费支出');
  assert.equal(expense.rows[3].cells.has('basic'), false, 'a blank cell is left blank');
  assert.deepEqual(['total', 'basic', 'project'].map((c) => expense.total?.cells.get(c)?.amount.text), ['370.00', '270.00', '100.00']);
  assert.equal(expense.note?.value, '注：本表金额为测试数据。');
  assert.deepEqual(imported.grids.get('expense')!.pages, [2, 3]);
  const everything = [...paragraphs(imported), ...imported.narrative.sections.map((s) => s.title), JSON.stringify(imported.result.tables)].join('\n');
  assert.ok(!everything.includes(RUNNING_HEADER));
  assert.ok(!/- \d -/.test(everything));
});

test('paragraphs: wrapped lines joined, a figure pushed to the next line joined, a paragraph across a page break joined', async () => {
  const { imported } = await importBuffer(continuedTableReport());
  assert.deepEqual(imported.narrative.sections.map((s) => s.title), ['2024年部门预算编制说明', '其他说明']);
  assert.deepEqual(imported.narrative.sections[0].paragraphs.map((p) => p.text), [P1, P2_LINE1 + P2_LINE2, P3]);
  assert.deepEqual(imported.narrative.sections[1].paragraphs.map((p) => p.text), [P4]);
  assert.deepEqual(imported.narrative.sections[0].paragraphs.map((p) => p.page), [1, 1, 1]);
});

test('a cell printed on two pages and clipped to each counts once; a line cut at the edge and printed again in full is not doubled', async () => {
  const text = Array.from({ length: 8 }, (_, i) => `第${'一二三四五六七八'[i]}行的文字，这一行一直写到右边的页边为止，然后换到下一行继续。`.slice(0, 40)).join('') + '完。';
  const lines = layoutParagraph(text, 60, 0, 480, 0, 12, 20);
  const cell = (offset: number): TextItem[] => lines.map((l) => ({ ...l, y: l.y + offset }));
  const pdf = buildPdf({
    pages: [
      { width: 595, height: 842, texts: [{ x: 240, y: 40, size: 18, text: '机构设置' }], clips: [{ x: 50, y: 60, width: 500, height: 86, texts: cell(70) }] },
      { width: 595, height: 842, clips: [{ x: 50, y: 50, width: 500, height: 200, texts: cell(-10) }] },
    ],
  });
  const { imported } = await importBuffer(pdf);
  assert.deepEqual(imported.narrative.sections.map((s) => s.paragraphs.map((p) => p.text)), [[text]]);
  assert.deepEqual(imported.result.problems, []);
});

test('text that cannot be placed is listed by page and position; the 目录 names a table the document does not have', async () => {
  setLocale('zh-cn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, buildPdf({
      pages: [
        { texts: [
          { x: 60, y: 60, size: 12, text: '没有标题的文字。' },
          { x: 400, y: 100, size: 18, text: '目 录' },
          { x: 80, y: 140, size: 12, text: '一、部门主要职能 ………………………… 1' },
          { x: 100, y: 160, size: 12, text: '1. 2024年部门收支总表 ………………………… 3' },
        ] },
        { texts: [{ x: 380, y: 80, size: 18, text: '部门主要职能' }, { x: 84, y: 120, size: 12, text: '负责本区财政工作。' }] },
      ],
    }));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport([file], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    assert.equal(code, 1);
    const messages = err.join('');
    assert.match(messages, /report\.pdf: 第1页 \(60,\d+\): “没有标题的文字。”位于第一个章节标题之前，未导入/);
    assert.match(messages, /report\.pdf: 第1页: 目录列有“2024年部门收支总表”，但文中没有找到这张表/);
    assert.match(out.join(''), /^narrative:\n {2}- title: 部门主要职能\n {4}text: \|\n {6}负责本区财政工作。\n/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function importError(data: Buffer): Promise<PdfReadError> {
  try {
    await importPdf({ file: 'x.pdf', data });
  } catch (error) {
    assert.ok(error instanceof PdfReadError, String(error));
    return error;
  }
  assert.fail('the import succeeded');
}

test('a scanned PDF (pages that are images) is refused plainly: no OCR', async () => {
  setLocale('zh-cn');
  const error = await importError(buildPdf({ pages: [{ image: true }, { image: true }] }));
  assert.equal(error.kind, 'no-text');
  assert.match(error.message, /没有文字层.*扫描件.*OCR/);
});

test('an encrypted, a truncated and a non-PDF file get a clear error, and import exits 2', async () => {
  setLocale('zh-cn');
  assert.equal((await importError(buildPdf({ pages: [{ texts: [{ x: 60, y: 60, size: 12, text: '机密' }] }], userPassword: 'secret' }))).kind, 'encrypted');
  const real = fs.readFileSync(DEPARTMENT_PDF);
  assert.equal((await importError(real.subarray(0, Math.floor(real.length / 2)))).kind, 'truncated');
  assert.equal((await importError(Buffer.from('PK\u0003\u0004 not a pdf'))).kind, 'not-pdf');
  // A PDF whose body is damaged behind a valid envelope.
  const damaged = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  assert.equal((await importError(damaged)).kind, 'malformed');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-pdf-'));
  try {
    const file = path.join(dir, 'locked.pdf');
    fs.writeFileSync(file, buildPdf({ pages: [{}], userPassword: 'secret' }));
    const err: string[] = [];
    assert.equal(await runImport([file], { stdout: () => undefined, stderr: (s) => err.push(s) }), 2);
    assert.match(err.join(''), /locked\.pdf.*密码/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A table printed without rules: columns only from where the text stands. */
function unruledTableReport(): Buffer {
  const size = 9;
  const right = (text: string, edge: number, y: number): TextItem => ({ x: edge - textWidth(text, size), y, size, text });
  const centered = (text: string, center: number, y: number): TextItem => ({ x: center - textWidth(text, size) / 2, y, size, text });
  const header = (top: number): TextItem[] => [
    centered('项目', 184, top), centered('支出预算', 555, top),
    centered('功能分类科目编码', 100, top + 14), { x: 165, y: top + 14, size, text: '功能分类科目名称' }, centered('合计', 455, top + 14), centered('基本支出', 555, top + 14), centered('项目支出', 655, top + 14),
    { x: 62, y: top + 28, size, text: '类' }, { x: 97, y: top + 28, size, text: '款' }, { x: 132, y: top + 28, size, text: '项' },
  ];
  const row = (y: number, codes: [string, string, string], name: string, amounts: [string, string, string]): TextItem[] => [
    ...[60, 95, 130].map((x, i) => ({ x, y, size, text: codes[i] })).filter((t) => t.text),
    ...(name ? [{ x: 165, y, size, text: name }] : []),
    right(amounts[0], 480, y), right(amounts[1], 580, y), right(amounts[2], 680, y),
  ];
  const page1: PageSpec = {
    texts: [
      ...furniture(1),
      { x: 300, y: 70, size: 14, text: '2024年部门支出预算总表' },
      { x: 60, y: 92, size, text: '编制部门：某区财政局' }, { x: 640, y: 92, size, text: '单位：元' },
      ...header(110),
      ...row(160, ['204', '', ''], '公共安全支出', ['1000.00', '600.00', '400.00']),
      ...row(174, ['204', '06', ''], '司法', ['1000.00', '600.00', '400.00']),
      ...row(188, ['204', '06', '01'], '行政运行', ['600.00', '600.00', '0.00']),
      ...row(202, ['204', '06', '04'], '基层司法业务', ['400.00', '0.00', '400.00']),
    ],
    rules: [{ x1: 55, y1: 100, x2: 690, y2: 100 }, { x1: 55, y1: 150, x2: 690, y2: 150 }],
  };
  const page2: PageSpec = {
    texts: [
      ...furniture(2),
      ...header(60),
      ...row(110, ['208', '', ''], '社会保障和就业支出', ['50.00', '50.00', '0.00']),
      ...row(124, ['208', '05', ''], '行政事业单位养老支出', ['50.00', '50.00', '0.00']),
      ...row(138, ['208', '05', '05'], '机关事业单位基本养老保险缴', ['50.00', '50.00', '0.00']),
      { x: 165, y: 148, size, text: '费支出' },
      ...row(166, ['', '', ''], '合计', ['1050.00', '650.00', '400.00']),
      { x: 60, y: 184, size, text: '注：本表为测试数据。' },
      { x: 380, y: 240, size: 18, text: '其他说明' },
      { x: 84, y: 280, size: 12, text: P4 },
    ],
    rules: [{ x1: 55, y1: 172, x2: 690, y2: 172 }],
  };
  return buildPdf({ pages: [page1, page2] });
}

test('a table without ruling lines: columns from the text positions, merged headers, codes in 类/款/项 columns, a wrapped name, continued on the next page', async () => {
  setLocale('zh-cn');
  const { imported, report } = await importBuffer(unruledTableReport());
  assert.deepEqual(imported.result.problems, []);
  const expense = report.tables.get('expense')!;
  assert.ok(expense, JSON.stringify(imported.result.sheets));
  assert.equal(expense.unit, '元');
  assert.deepEqual(expense.rows.map((r) => [r.code?.value, r.name?.value]), [
    ['204', '公共安全支出'], ['204 06', '司法'], ['204 06 01', '行政运行'], ['204 06 04', '基层司法业务'],
    ['208', '社会保障和就业支出'], ['208 05', '行政事业单位养老支出'], ['208 05 05', '机关事业单位基本养老保险缴费支出'],
  ]);
  assert.deepEqual(['total', 'basic', 'project'].map((c) => expense.total?.cells.get(c)?.amount.text), ['1050.00', '650.00', '400.00']);
  assert.equal(expense.note?.value, '注：本表为测试数据。');
  assert.deepEqual(imported.narrative.sections.map((s) => [s.title, s.paragraphs.map((p) => p.text)]), [['其他说明', [P4]]]);
});

test('damaged PDFs: the import either reads what it can or fails with a PdfReadError, never anything else', async () => {
  const real = fs.readFileSync(DEPARTMENT_PDF);
  const random = seededRandom(17);
  for (let round = 0; round < 6; round++) {
    const data = Buffer.from(real);
    for (let k = 0; k < 40; k++) data[1024 + random(data.length - 4096)] = random(256);
    try {
      const { imported } = await importBuffer(data, `damaged-${round}.pdf`);
      assert.ok(Array.isArray(imported.result.problems));
    } catch (error) {
      assert.ok(error instanceof PdfReadError, `round ${round}: ${(error as Error).stack}`);
    }
  }
});

test('a border drawn round every page is not a table: the table inside it and the text around it are read as without it', async () => {
  const border = [
    { x1: 20, y1: 20, x2: 822, y2: 20 }, { x1: 20, y1: 575, x2: 822, y2: 575 },
    { x1: 20, y1: 20, x2: 20, y2: 575 }, { x1: 822, y1: 20, x2: 822, y2: 575 },
  ];
  const plain = await importBuffer(continuedTableReport());
  const pdf = buildPdf({
    pages: [0, 1, 2].map((i) => {
      const page = continuedTablePages()[i];
      return { ...page, rules: [...(page.rules ?? []), ...border] };
    }),
  });
  const bordered = await importBuffer(pdf);
  assert.deepEqual(bordered.imported.result.problems, []);
  assert.equal(bordered.yaml.replace(/^#.*\n/, ''), plain.yaml.replace(/^#.*\n/, ''));
});

test('Chinese in a font the PDF does not embed is read through the predefined CMaps', async () => {
  const { imported } = await importBuffer(unembeddedFontReport());
  assert.deepEqual(imported.narrative.sections.map((s) => [s.title, s.paragraphs.map((p) => p.text)]), [['部门预算编制说明', ['本部门一般公共预算支出合计100.00万元。']]]);
});
