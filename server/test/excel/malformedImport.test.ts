import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseBudgetDocument } from '../../src/service/document';
import { importXlsx } from '../../src/publish/node/workbooks';
import { newReportYaml } from '../../src/publish/import/emitYaml';
import { setFrontEndLocale } from '../../src/service/i18n/l10n';
import { buildWorkbook } from './fixtures';

/**
 * A malformed workbook: a table without its header, text and a formula without a stored result
 * in number cells, a column nobody knows, an extra sheet. What can be imported is; the rest is
 * listed with sheet and cell.
 */

test('a malformed workbook imports what it can and reports the rest by sheet and cell', async () => {
  setFrontEndLocale('en');
  try {
    const data = await buildWorkbook([
      {
        name: '支出预算表',
        rows: [
          ['2022年部门支出预算表'],
          ['单位：万元'],
          [null, '合计', 529.2, 223.4],
          ['2080505', '机关事业单位基本养老保险缴费支出', 15.5, 15.5],
        ],
      },
      {
        name: '一般公共预算支出表',
        rows: [
          ['2022年一般公共预算支出预算表'],
          ['部门名称：测试局', null, null, null, null, '单位：万元'],
          ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '备用列'],
          [null, '合计', 517.2, 223.4, 293.8],
          ['2080505', '机关事业单位基本养老保险缴费支出', 15.5, 15.5, null, 'x'],
          ['2101501', '行政运行', '约196.2', 196.2],
          ['2101599', '其他医疗保障管理事务支出', { formula: 'E8' }, null, 'N/A'],
          ['2210201', '住房公积金', 11.7, 11.7],
        ],
      },
      { name: '说明', rows: [['本工作簿由预算管理一体化系统导出，请勿修改。'], ['导出时间：2022-03-01']] },
      { name: 'Sheet3', rows: [] },
    ]);
    const result = await importXlsx([{ file: 'malformed.xlsx', data }]);
    const problems = result.problems.map((p) => `${p.sheet}!${p.cell ?? ''}: ${p.message}`);
    assert.deepEqual(problems, [
      '支出预算表!A3: No header row found under the title "2022年部门支出预算表"; the table is left out',
      '一般公共预算支出表!F3:F5: Column "备用列" is not a column of this table; its 1 cells are left out',
      '一般公共预算支出表!C6: "约196.2" is not an amount; the cell is left out',
      '一般公共预算支出表!C7: A formula without a stored result; it is not calculated',
      '一般公共预算支出表!E7: "N/A" is not an amount; the cell is left out',
      '说明!A1: Sheet not recognised as a published table (title "本工作簿由预算管理一体化系统导出，请勿修改。"); nothing is imported from it',
    ]);
    assert.ok(result.problems.every((p) => p.file === 'malformed.xlsx'));
    assert.deepEqual(result.tables.map((t) => t.key), ['general_expense']);
    assert.deepEqual(result.sheets.map((s) => [s.sheet, s.table, s.rows]), [
      ['支出预算表', 'expense', 0],
      ['一般公共预算支出表', 'general_expense', 4],
      ['说明', undefined, 0],
    ]);
    const report = parseBudgetDocument(newReportYaml(result)).report;
    assert.equal(report.department?.value, '测试局');
    const table = report.tables.get('general_expense')!;
    const rows = table.rows.map((r) => [r.code?.value, [...r.cells].filter(([, c]) => !c.amount.blank).map(([k, c]) => `${k}=${c.amount.text}`).join(' ')]);
    assert.deepEqual(rows, [
      ['2080505', 'total=15.50 basic=15.50'],
      ['2101501', 'basic=196.20'],
      ['2101599', ''],
      ['2210201', 'total=11.70 basic=11.70'],
    ]);
  } finally {
    setFrontEndLocale('zh-cn');
  }
});

test('a file that is not an xlsx workbook is refused with a reason', async () => {
  await assert.rejects(importXlsx([{ file: 'old.xls', data: Buffer.from('\xd0\xcf\x11\xe0 not a zip', 'latin1') }]), (error: Error & { file?: string }) => {
    assert.equal(error.file, 'old.xls');
    assert.match(error.message, /xlsx/);
    return true;
  });
});
