import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseBudgetDocument } from '../../src/service/document';
import { columnKeyOfPath, exportPaths, tableKeyOfTitle } from '../../src/publish/vocabulary';
import { amountOfText, formatDecimals, numberText } from '../../src/publish/cellText';
import { sampleFiles } from '../helpers';
import * as fs from 'fs';

/** The header vocabulary (data/excel/*.json) and the reading of stored cell values. */

test('every title printed in the seeds names its table', () => {
  for (const file of sampleFiles()) {
    const report = parseBudgetDocument(fs.readFileSync(file, 'utf8')).report;
    for (const table of report.tables.values()) {
      if (!table.title) continue;
      assert.equal(tableKeyOfTitle(table.title.value), table.key, `${file}: ${table.title.value}`);
    }
  }
  assert.equal(tableKeyOfTitle('2023年部门整体绩效目标表'), 'overall_performance');
  assert.equal(tableKeyOfTitle('本工作簿由系统导出'), undefined);
});

test('printed header paths of the seeds map to the format column keys', () => {
  const cases: Array<[string[], string, string]> = [
    [['合计'], 'rows', 'total'],
    [['基本支出', '小计'], 'rows', 'basic'],
    [['基本支出', '人员经费', '工资福利支出'], 'rows', 'wages'],
    [['基本支出', '人员经费', '对个人和家庭 的补助'], 'rows', 'family'],
    [['项目支出', '其他运转 类'], 'rows', 'project_operating'],
    [['本年收入', '小计'], 'rows', 'current'],
    [['本年收入', '财政拨款 收入'], 'rows', 'fiscal'],
    [['本年拨款', '一般公共预算'], 'rows', 'general'],
    [['上年结转结余', '一般公共预算'], 'rows', 'carryover_general'],
    [['财政拨款结转结余', '政府性基金预算'], 'rows', 'carryover_fund'],
    [['部门预算', '公共预算拨款', '其中：专项资金列入部门预算的项目'], 'rows', 'general_special'],
    [['部门预算', '上年实户资金余额'], 'rows', 'carryover_special_account'],
    [['本年一般公共预算基本支出', '合计'], 'rows', 'total'],
    [['人员经费支出'], 'rows', 'personnel'],
    [['上解上级     支出'], 'rows', 'remit'],
    [['科目编码', '类'], 'rows', 'code_class'],
    [['科目编 码'], 'rows', 'code'],
    [['政府预算支出经济分类', '科目编 码'], 'rows', 'gov_code'],
    [['政府预算支出经济分类', '科目名称'], 'rows', 'gov_name'],
    [['单位 代码'], 'rows', 'unit'],
    [['单位（科目名称）'], 'rows', 'name'],
    [['部门(项目)名称'], 'rows', 'name_or_item'],
    [['序号'], 'rows', 'ignore'],
    [['收入', '项 目'], 'items', 'label'],
    [['支出', '一般公共预算', '小 计'], 'items', 'general'],
    [['支出', '一般公共预算', '其中：财政拨款'], 'items', 'general_fiscal'],
    [['公务用车购置及运行费', '小计'], 'three_public', 'vehicle'],
    [['“三公”经费合计'], 'three_public', 'total'],
    [['项目金额（万元）', '资金总额'], 'performance', 'total'],
    [['单位编码（项目编码）'], 'performance', 'unit_or_code'],
    [['绩效目标', '成本指标', '三级指标'], 'performance', 'level3'],
    [['序号'], 'catalog', 'no'],
    [['备用列'], 'rows', undefined as unknown as string],
  ];
  for (const [path, layout, key] of cases) assert.equal(columnKeyOfPath(path, layout as never), key, path.join(' / '));
});

test('the export prints group headers over their columns and 小计 under a printed group', () => {
  assert.deepEqual(exportPaths(['total', 'basic', 'wages', 'family', 'public', 'project', 'project_operating', 'project_specific'], 'rows'), [
    ['合计'], ['基本支出', '小计'], ['基本支出', '人员经费', '工资福利支出'], ['基本支出', '人员经费', '对个人和家庭的补助'],
    ['基本支出', '公用经费'], ['项目支出', '小计'], ['项目支出', '其他运转类'], ['项目支出', '特定目标类'],
  ]);
  assert.deepEqual(exportPaths(['total', 'basic', 'project'], 'rows'), [['合计'], ['基本支出'], ['项目支出']]);
  // Every exported path reads back as its key.
  for (const columns of [['total', 'current', 'general', 'general_fiscal', 'fund', 'carryover', 'carryover_general', 'carryover_unit_funds'], ['total', 'personnel', 'public', 'special_business']]) {
    exportPaths(columns, 'rows').forEach((path, i) => assert.equal(columnKeyOfPath(path, 'rows'), columns[i], path.join(' / ')));
  }
});

test('stored numbers read as displayed, through decimal arithmetic', () => {
  assert.equal(numberText(529.2, '#,##0.00'), '529.20');
  assert.equal(numberText(0.1 + 0.2, '0.00'), '0.30');
  assert.equal(numberText(0.125, '0.00'), '0.13');
  assert.equal(numberText(1234567.891), '1234567.891');
  assert.equal(numberText(1e-7), '0.0000001');
  assert.equal(numberText(0.1234, '0.00%'), '12.34%');
  assert.equal(numberText(62206700, '#,##0.00_ ;[Red]-#,##0.00 '), '62206700.00');
  assert.equal(formatDecimals('"¥"#,##0.000'), 3);
  assert.equal(formatDecimals('General'), undefined);
  assert.deepEqual(amountOfText('6,465.30'), { ok: true, text: '6465.30' });
  assert.deepEqual(amountOfText('１２．５'), { ok: true, text: '12.5' });
  assert.deepEqual(amountOfText('－'), { ok: true, text: null });
  assert.deepEqual(amountOfText('约100'), { ok: false, text: '约100' });
});
