import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ZERO } from '../../src/service/amount/rounding';
import type { Dec as Decimal } from '../../src/service/amount/rounding';
import type { Row, Table } from '../../src/service/model/types';
import { tocTables } from '../../src/publish/pdf/importPdf';
import { isMergeFollower } from '../../src/publish/grid';
import { main } from '../../src/cli';
import { setFrontEndLocale as setLocale } from '../../src/service/i18n/l10n';
import { DEPARTMENT_PDF, importFixture, paragraphs, UNIT_PDF } from './fixtures';
import { importXlsx, reportToXlsx } from '../../src/publish/node/workbooks';
import { newReportYaml } from '../../src/publish/import/emitYaml';
import { parseBudgetDocument } from '../../src/service/document';
import { reportDigest } from '../excel/tableDigest';

/**
 * The two published Shanghai reports (普陀区司法局 2026, 部门 and 单位), imported from their PDFs:
 * properties of the result that hold whatever the code does inside — every table of the 目录
 * found, rows adding up to the printed 合计, sentences exactly as printed, slips kept.
 */

function amount(row: Row | undefined, column: string): Decimal | undefined {
  const cell = row?.cells.get(column);
  return cell && !cell.amount.blank ? cell.amount.value : undefined;
}

/** Σ of the 类 rows (3-digit codes) of a column. */
function classSum(table: Table, column: string): Decimal {
  return table.rows.filter((r) => r.code?.digits.length === 3).reduce((sum, r) => sum.plus(amount(r, column) ?? ZERO), ZERO);
}

/** Σ of the leaf rows (项 of a 功能 table, 款 of an 经济 table). */
function leafSum(table: Table, column: string, digits: number): Decimal {
  return table.rows.filter((r) => r.code?.digits.length === digits).reduce((sum, r) => sum.plus(amount(r, column) ?? ZERO), ZERO);
}

for (const [name, file, tables] of [['部门', DEPARTMENT_PDF, 9], ['单位', UNIT_PDF, 9]] as const) {
  test(`${name}: every table the 目录 lists is found, and nothing else is a table`, async () => {
    const { imported, report } = await importFixture(file);
    const listed = tocTables(imported.narrative.toc);
    assert.equal(listed.length, tables, listed.map((l) => l.title).join('\n'));
    assert.deepEqual(listed.map((l) => l.key).filter((key) => !report.tables.has(key)), []);
    // The nine tables, and the 目录's table lines as the catalog.
    assert.equal(report.tables.size, tables + 1);
    const catalog = report.tables.get('catalog')!;
    assert.deepEqual(catalog.rows.map((r) => r.texts.get('title')?.value), listed.map((l) => l.title));
    assert.equal(catalog.rows[3].texts.get('no')?.value, '4．');
    assert.ok(!imported.result.problems.some((p) => p.message.includes('目录')), imported.result.problems.map((p) => p.message).join('\n'));
  });

  test(`${name}: cover, kind, year and units as printed`, async () => {
    const { imported, report } = await importFixture(file);
    assert.equal(report.department?.value, '上海市普陀区司法局');
    assert.equal(report.year, 2026);
    assert.equal(report.kind, name === '部门' ? 'department' : 'unit');
    assert.equal(imported.result.title, `上海市普陀区2026年区级${name}预算`);
    assert.equal(report.unit, '元');
    // The 三公 table prints 单位:万元, the others 单位：元.
    assert.equal(report.tables.get('three_public')!.unit, '万元');
    assert.equal(report.tables.get('expense')!.unit, '元');
  });

  test(`${name}: every figure printed in a table is imported or listed`, async (t) => {
    const { imported } = await importFixture(file);
    let printed = 0;
    for (const grid of imported.grids.values()) {
      grid.grid.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (!isMergeFollower(cell, r, c) && /^-?[\d,]+(\.\d+)?$/.test(cell.text) && !/^\d{2,3}$/.test(cell.text)) printed += 1;
      }));
    }
    let written = 0;
    for (const table of imported.result.tables) written += countAmounts(table.body);
    const reported = imported.result.problems.filter((p) => p.place && /\(\d+,\d+\)/.test(p.place)).length;
    t.diagnostic(`${name}: ${printed} figures printed in ${imported.grids.size} tables, ${written} imported, ${reported} listed`);
    assert.equal(written + reported, printed);
  });
}

/** Amount cells of an imported table body (PrintedAmount values). */
function countAmounts(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (value.constructor?.name === 'PrintedAmount') return 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countAmounts(v), 0);
  return Object.entries(value as Record<string, unknown>).reduce((n, [key, v]) => n + (key === 'columns' ? 0 : countAmounts(v)), 0);
}

test('部门: the rows of the 支出总表, 收入总表, 一般公共预算支出表 and 基本支出表 add up to their printed 合计', async () => {
  const { report } = await importFixture(DEPARTMENT_PDF);
  const checks: Array<[string, string[], number]> = [
    ['expense', ['total', 'basic', 'project'], 7],
    ['income', ['total', 'fiscal', 'business', 'operation_income', 'other'], 7],
    ['general_expense', ['total', 'basic', 'project'], 7],
    ['general_basic', ['total', 'personnel', 'public'], 5],
  ];
  for (const [key, columns, leaf] of checks) {
    const table: Table = report.tables.get(key as never)!;
    assert.ok(table.total, `${key} has its 合计 row`);
    for (const column of columns) {
      const total: Decimal = amount(table.total, column)!;
      assert.ok(total, `${key}.${column}`);
      assert.equal(classSum(table, column).toFixed(2), total.toFixed(2), `${key}.${column}: Σ 类`);
      assert.equal(leafSum(table, column, leaf).toFixed(2), total.toFixed(2), `${key}.${column}: Σ leaves`);
    }
  }
  // The 支出总表 runs over two pages (its rows continue on page 13 without a header).
  const expense = report.tables.get('expense')!;
  assert.equal(expense.rows.length, 21);
  assert.deepEqual(expense.rows.map((r) => r.code?.value).slice(0, 3), ['204', '204 06', '204 06 01']);
  // The 一般公共预算支出表 repeats its header on page 16: not a row.
  const general = report.tables.get('general_expense')!;
  assert.equal(general.rows.length, 21);
  assert.ok(general.rows.every((r) => r.code !== undefined), general.rows.map((r) => r.name?.value).join(','));
});

test('部门: 收支总表 and 财政拨款收支总表 items, totals and the 三公 table', async () => {
  const { report, yaml } = await importFixture(DEPARTMENT_PDF);
  const summary = report.tables.get('summary')!;
  const income = summary.lists.get('income')!;
  assert.deepEqual(income.map((e) => e.label.value), ['一、财政拨款收入', '1. 一般公共预算', '2. 政府性基金预算', '3. 国有资本经营预算', '二、事业收入', '三、事业单位经营收入', '四、其他收入']);
  const topLevel = income.filter((e) => /^[一二三四]、/.test(e.label.value)).reduce((s, e) => s.plus(e.cells.get('amount')!.amount.value), ZERO);
  assert.equal(topLevel.toFixed(2), summary.scalars.get('income_total')!.amount.value.toFixed(2));
  const expense = summary.lists.get('expense')!;
  assert.equal(expense.reduce((s, e) => s.plus(e.cells.get('amount')!.amount.value), ZERO).toFixed(2), summary.scalars.get('expense_total')!.amount.value.toFixed(2));
  const fiscal = report.tables.get('fiscal_summary')!;
  assert.deepEqual(fiscal.lists.get('expense')!.map((e) => e.label.value), ['一、公共安全支出', '二、社会保障和就业支出', '三、卫生健康支出', '四、住房保障支出']);
  const three = report.tables.get('three_public')!;
  const scalar = (key: string): string | undefined => three.scalars.get(key)?.amount.text;
  assert.deepEqual(['total', 'abroad', 'reception', 'vehicle', 'vehicle_purchase', 'vehicle_operation'].map(scalar), ['10.81', '0', '0.83', '9.98', '0', '9.98']);
  // 机关运行经费 of the combined table: operating_cost (the format's key for it).
  assert.match(yaml, /^ {4}operating_cost: 217\.83$/m);
  // The empty tables: their 空表 note, no row for the 无 they print.
  const fund = report.tables.get('fund_expense')!;
  assert.equal(fund.rows.length, 0);
  assert.equal(fund.note?.value, '注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。');
});

test('部门: the narrative keeps every character as printed, paragraphs joined across lines and pages', async () => {
  const { imported, yaml } = await importFixture(DEPARTMENT_PDF);
  const all = paragraphs(imported);
  const text = all.join('\n');
  assert.ok(text.includes('2026年“三公”经费预算数为10.81万元，比2025年预算持平。'));
  // A line wrapped inside a word of the paragraph: 中长 / 期规划.
  assert.ok(all.some((p) => p.startsWith('（二）承担区委全面依法治区委员会办公室日常工作') && p.includes('协调有关方面提出全面依法治区中长期规划建议，负责有关重大决策部署督察工作。')));
  // A figure pushed to the next line: 执行数为 / 1690.69万元.
  assert.ok(text.includes('2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。'));
  // (八) is cut at the bottom of page 4 and printed again on page 5: once.
  assert.equal(all.filter((p) => p.startsWith('（八）负责本系统警车管理工作。')).length, 1);
  assert.ok(all.includes('（八）负责本系统警车管理工作。按规定权限负责本系统国有资产的管理，负责下属单位国有资产投资项目计划的审核、立项和转报工作。负责本系统信息化建设。'));
  // Slips kept: the wrong year, the doubled full stop, 43269.3.
  assert.ok(text.includes('财政拨款收入9628.22万元，比2026年预算增加793.14万元'));
  assert.ok(text.includes('信息化建设及运行维护等方面的支出。。2025年当年预算执行数为60.41万元'));
  assert.ok(text.includes('2025年当年预算执行数为43269.3万元'));
  // Numbered items are paragraphs of their own.
  assert.equal(all.filter((p) => /^\d+、(公共安全|社会保障|医疗卫生|住房保障)/.test(p)).length, 13);
  // Sections by their titles; 一、 headings as subsections.
  assert.deepEqual(imported.narrative.sections.map((s) => s.title), ['上海市普陀区司法局主要职能', '上海市普陀区司法局机构设置', '名词解释', '2026年部门预算编制说明', '其他相关情况说明', '人民调解项目经费情况说明']);
  assert.deepEqual(imported.narrative.sections[4].sections.map((s) => s.title), ['一、2026年“三公”经费预算情况说明', '二、机关运行经费预算', '三、政府采购预算情况', '四、绩效目标设置情况', '五、国有资产占有使用情况']);
  // One paragraph a line of the literal block.
  assert.match(yaml, /^ {6}（十）完成区委、区政府交办的其他任务。$/m);
  assert.deepEqual(imported.result.problems, []);
});

test('单位: slips in the tables are transcribed, not corrected; figures keep their printed form', async () => {
  const { report } = await importFixture(UNIT_PDF);
  const expense = report.tables.get('expense')!;
  // 行政运行 prints 64,840,547.00 as its 项目支出 (the 类's figure); the 合计 prints 22,118,861 without decimals.
  assert.equal(expense.rows.find((r) => r.code?.value === '204 06 01')!.cells.get('project')!.amount.text, '64,840,547.00');
  assert.equal(expense.total!.cells.get('basic')!.amount.text, '22,118,861');
  assert.equal(classSum(expense, 'total').toFixed(2), amount(expense.total, 'total')!.toFixed(2));
  assert.equal(classSum(expense, 'basic').toFixed(2), '22118861.34');
  const basic = report.tables.get('general_basic')!;
  assert.equal(classSum(basic, 'total').toFixed(2), amount(basic.total, 'total')!.toFixed(2));
});

test('单位: the 收支总表 expense side and its 支出总计 by column (合计, 人员经费, 公用经费, 项目支出)', async () => {
  const { imported, report } = await importFixture(UNIT_PDF);
  const summary = report.tables.get('summary')!;
  const first = summary.lists.get('expense')![0];
  assert.equal(first.label.value, '一、公共安全支出');
  assert.deepEqual(['total', 'personnel', 'public', 'project'].map((k) => first.cells.get(k)?.amount.text), ['79,189,400.34', '12,604,173', '1,744,680', '64,840,547']);
  const total = summary.groups.get('expense_total')!;
  assert.deepEqual(['total', 'personnel', 'public', 'project'].map((k) => total.cells.get(k)?.amount.text), ['86,959,408.34', '20,374,181', '1,744,680', '64,840,547']);
  assert.deepEqual(imported.result.problems, []);
});

test('单位: the narrative, a line cut by its cell kept, sentences as printed', async () => {
  const { imported } = await importFixture(UNIT_PDF);
  const all = paragraphs(imported);
  const text = all.join('\n');
  assert.ok(text.includes('2026年“三公”经费预算数为10.71万元，与2025年预算数持平。'));
  // The last line of item 2 shows only half its height (its cell is too low): printed, kept.
  assert.ok(all.some((p) => p.startsWith('2、公共安全支出（204类）司法（06款）基层司法业务（04项）2170.39万元。') && p.endsWith('主要原因是：业务量增加。')));
  // A dangling 主要原因是。 as printed.
  assert.ok(text.includes('与2025年预算数持平，主要原因是。其中：'));
  assert.equal(imported.narrative.sections.length, 5);
});

test('budget-check report.pdf checks the imported report and names the page of each finding', async () => {
  const run = async (file: string): Promise<{ imported?: string; diagnostics: Array<{ rule: string; page?: number; message: string }> }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['--format', 'json', file], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    assert.ok(code === 0 || code === 1, err.join(''));
    return JSON.parse(out.join('')).files[0];
  };
  const department = await run(DEPARTMENT_PDF);
  assert.equal(department.imported, 'pdf');
  // The narrative's 比2026年预算 (a change compared with the budget year itself) is on page 8, and the doubled 。。.
  const years = department.diagnostics.filter((d) => d.rule === 'text/year');
  assert.ok(years.length > 0);
  assert.ok(years.every((d) => d.page === 8), JSON.stringify(years));
  assert.equal(department.diagnostics.find((d) => d.rule === 'review/doubled')?.page, 8);
  // Findings on table rows carry the page of their row: the 单位's 行政运行 prints the 类's 项目支出,
  // in the 支出总表 (page 11) and in the 一般公共预算支出表 (page 14, continued on page 15).
  const unit = await run(UNIT_PDF);
  const rows = unit.diagnostics.filter((d) => d.rule === 'sum/row' && d.message.includes('2040601'));
  assert.deepEqual(rows.map((d) => d.page).sort(), [11, 14]);
  const totals = unit.diagnostics.filter((d) => d.rule === 'sum/rounding' && d.message.includes('一般公共预算支出表'));
  assert.deepEqual(totals.map((d) => d.page), [15]);
  const text: string[] = [];
  await main([DEPARTMENT_PDF], { stdout: (s) => text.push(s), stderr: () => undefined });
  assert.match(text.join(''), /shanghai-putuo-justice-2026-department\.pdf:\d+:\d+: warning review\/doubled: .* \(第8页\)$/m);
});

test('both reports export to Excel and import back to the same tables', async () => {
  for (const file of [DEPARTMENT_PDF, UNIT_PDF]) {
    const { report } = await importFixture(file);
    const workbook = await reportToXlsx(report);
    const back = await importXlsx([{ file: 'back.xlsx', data: workbook }]);
    const yaml = newReportYaml({ ...back, kind: report.kind });
    assert.deepEqual(reportDigest(parseBudgetDocument(yaml).report), reportDigest(report));
  }
});

test('the 执行数 the 编制说明 states are read in the prose, not written into previous.executed (they are what it would check)', async () => {
  for (const file of [DEPARTMENT_PDF, UNIT_PDF]) {
    const { report } = await importFixture(file);
    assert.equal(report.previous.executed.functions.size, 0);
  }
});
