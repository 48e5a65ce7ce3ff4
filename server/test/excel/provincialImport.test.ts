import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseBudgetDocument } from '../../src/service/document';
import { importXlsx } from '../../src/publish/node/workbooks';
import { newReportYaml } from '../../src/publish/import/emitYaml';
import type { ImportResult } from '../../src/publish/import/types';
import type { Report, Row } from '../../src/service/model/types';
import { buildWorkbook, num } from './fixtures';

/**
 * Workbooks in the layouts of the three provincial templates of the seeds — Henan (济源, 沁阳),
 * Hebei (平乡), Shaanxi (长安) — built here with exceljs: merged multi-row headers, 栏次 rows,
 * 单位：元 and 单位：万元, codes split into 类/款/项 columns, unit subtotal rows, blank cells.
 */

async function importSheets(file: string, sheets: Parameters<typeof buildWorkbook>[0]): Promise<{ result: ImportResult; report: Report; yaml: string }> {
  const result = await importXlsx([{ file, data: await buildWorkbook(sheets) }]);
  const yaml = newReportYaml(result);
  const document = parseBudgetDocument(yaml);
  assert.equal(document.yaml.problems.length, 0, yaml);
  assert.deepEqual(document.modelProblems, []);
  return { result, report: document.report, yaml };
}

function row(r: Row): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of r.texts) out[key] = value.value;
  for (const [key, cell] of r.cells) if (!cell.amount.blank) out[key] = cell.amount.text;
  return out;
}

test('Henan (济源) unit workbook in 万元: item lists, a three-row merged header with split codes, economic pairs, 三公, projects', async () => {
  const title = (text: string) => [text];
  const { result, report, yaml } = await importSheets('jiyuan-2022.xlsx', [
    {
      name: '表1',
      rows: [
        title('2022年单位收支预算表'),
        ['单位名称：济源产城融合示范区医疗保障局（机关）', null, null, '单位：万元'],
        [],
        ['收入', null, '支出'],
        ['项目', '金额', '项目', '金额'],
        ['一、一般公共预算', 517.2, '一、一般公共服务', null],
        ['其中：财政拨款', 387.2, '八、社会保障和就业', 15.5],
        ['上级提前下达', 130, '十、卫生健康', 490],
        ['二、政府性基金预算拨款收入', 12, '十二、城乡社区事务', 12],
        ['三、国有资本经营预算拨款收入', null, '二十一、住房保障支出', 11.7],
        ['本年收入合计', 529.2, '本年支出合计', 529.2],
        ['上年结转结余', null, '年终结转结余', null],
        ['收入总计', 529.2, '支出总计', 529.2],
      ],
      merges: ['A1:D1', 'A4:B4', 'C4:D4'],
    },
    {
      name: '表2',
      rows: [
        title('2022 年单位支出预算表'),
        ['单位名称：济源产城融合示范区医疗保障局(机关)', null, null, null, null, null, null, null, null, null, null, null, '单位：万元'],
        ['科目编码', null, null, '单位代码', '单位（科目名称）', '合计', '基本支出', null, null, null, '项目支出'],
        ['类', '款', '项', null, null, null, '小计', '人员经费', null, '公用经费', '小计', '其他运转类', '特定目标类'],
        [null, null, null, null, null, null, null, '工资福利支出', '对个人和家庭的补助'],
        [null, null, null, null, '合计', 529.2, 223.4, 198.7, null, 24.7, 305.8, 80, 225.8],
        [null, null, null, '036', '济源产城融合示范区医疗保障局', 529.2, 223.4, 198.7, null, 24.7, 305.8, 80, 225.8],
        [208, '05', '05', null, '机关事业单位基本养老保险缴费支出', 15.5, 15.5, 15.5],
        [210, num(15, '0'), num(1, '00'), null, '行政运行', '196.20', '196.20', '171.50', '', '24.70'],
        [210, '15', '99', null, '其他医疗保障管理事务支出', 293.8, null, null, null, null, 293.8, 80, 213.8],
        [212, '08', '99', null, '其他国有土地使用权出让收入安排的支出', 12, null, null, null, null, 12, null, 12],
        [221, '02', '01', null, '住房公积金', 11.7, 11.7, 11.7],
      ],
      merges: ['A1:M1', 'A3:C3', 'D3:D5', 'E3:E5', 'F3:F5', 'G3:J3', 'K3:M3', 'A4:A5', 'B4:B5', 'C4:C5', 'G4:G5', 'H4:I4', 'J4:J5', 'K4:K5', 'L4:L5', 'M4:M5'],
    },
    {
      name: '表3',
      rows: [
        title('一般公共预算基本支出表'),
        ['单位名称：济源产城融合示范区医疗保障局(机关)', null, null, null, null, null, '单位：万元'],
        ['部门预算支出经济分类', null, '政府预算支出经济分类', null, '本年一般公共预算基本支出'],
        ['科目编码', '科目名称', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        [null, '合计', null, null, 223.4, 198.7, 24.7],
        ['301', '工资福利支出', null, null, 198.7, 198.7, null],
        ['30101', '基本工资', '50101', '工资奖金津补贴', 55.4, 55.4],
        ['302', '商品和服务支出', null, null, 24.7, null, 24.7],
        ['30201', '办公费', '50201', '办公经费', 24.7, null, 24.7],
      ],
      merges: ['A1:G1', 'A3:B3', 'C3:D3', 'E3:G3'],
    },
    {
      name: '表4',
      rows: [
        title('2022 年一般公共预算“三公”经费预算表'),
        ['单位名称：济源产城融合示范区医疗保障局(机关)', null, null, null, null, '单位：万元'],
        ['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
        [null, null, '小计', '公务用车购置费', '公务用车运行费'],
        [19, null, 18, 18, null, 1],
        ['注：按照党中央、国务院有关规定及部门预算管理有关规定，“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。'],
      ],
      merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'A6:F6'],
    },
    {
      name: '表5',
      rows: [
        title('项目支出预算表'),
        ['单位名称：济源产城融合示范区医疗保障局(机关)', null, null, null, null, null, null, null, null, null, '单位：万元'],
        ['部门(单位)代码', '部门(项目)名称', '项目类型', '合计', '本年拨款', null, null, '上年结转结余', null, null, '财政专户管理资金', '单位资金'],
        [null, null, null, null, '一般公共预算', '政府性基金预算', '国有资本经营预算', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        [null, '合计', null, 305.8, 293.8, 12],
        ['036', '济源产城融合示范区医疗保障局', null, 305.8, 293.8, 12],
        ['036001', '济源产城融合示范区医疗保障局', null, 305.8, 293.8, 12],
        ['036001', '医疗保障工作经费', '其他运转类', 25, 25],
        ['036001', '医疗保障骨干网络建设服务费项目', '特定目标类', 12, null, 12],
      ],
      merges: ['A1:L1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:J3', 'K3:K4', 'L3:L4'],
    },
  ]);
  assert.deepEqual(result.problems, []);
  // The name most sheets print (four print it with ASCII brackets, one with full-width ones).
  assert.equal(report.department?.value, '济源产城融合示范区医疗保障局(机关)');
  assert.equal(report.kind, 'unit');
  assert.equal(report.year, 2022);
  assert.equal(report.unit, '万元');

  const summary = report.tables.get('summary')!;
  assert.deepEqual(summary.lists.get('income')!.map((e) => [e.label.value, e.cells.get('amount')?.amount.text]), [
    ['一、一般公共预算', '517.20'], ['其中：财政拨款', '387.20'], ['上级提前下达', '130.00'], ['二、政府性基金预算拨款收入', '12.00'], ['三、国有资本经营预算拨款收入', undefined],
  ]);
  assert.equal(summary.lists.get('expense')!.length, 5);
  assert.equal(summary.scalars.get('income_total')!.amount.text, '529.20');
  assert.equal(summary.scalars.get('income_carryover')!.amount.blank, true);
  assert.equal(summary.scalars.get('expense_current')!.amount.text, '529.20');

  const expense = report.tables.get('expense')!;
  assert.equal(expense.title?.value, '2022 年单位支出预算表');
  assert.deepEqual(row(expense.total!), { total: '529.20', basic: '223.40', wages: '198.70', public: '24.70', project: '305.80', project_operating: '80.00', project_specific: '225.80' });
  assert.deepEqual(expense.rows.map((r) => r.kind), ['unit', 'code', 'code', 'code', 'code', 'code']);
  assert.deepEqual(row(expense.rows[0]), { unit: '036', name: '济源产城融合示范区医疗保障局', total: '529.20', basic: '223.40', wages: '198.70', public: '24.70', project: '305.80', project_operating: '80.00', project_specific: '225.80' });
  // 款 and 项 stored as numbers (15, 1) keep their two digits; text amounts are taken as printed.
  assert.deepEqual(row(expense.rows[2]), { code: '210 15 01', name: '行政运行', total: '196.20', basic: '196.20', wages: '171.50', public: '24.70' });
  assert.deepEqual([...expense.declaredColumns!], ['total', 'basic', 'wages', 'family', 'public', 'project', 'project_operating', 'project_specific']);
  assert.match(yaml, /- \{ code: "208 05 05", name: 机关事业单位基本养老保险缴费支出, total: 15\.50, basic: 15\.50, wages: 15\.50 \}/);

  const basic = report.tables.get('general_basic')!;
  assert.deepEqual(row(basic.total!), { total: '223.40', personnel: '198.70', public: '24.70' });
  assert.deepEqual(row(basic.rows[1]), { code: '30101', name: '基本工资', gov_code: '50101', gov_name: '工资奖金津补贴', total: '55.40', personnel: '55.40' });

  const threePublic = report.tables.get('three_public')!;
  assert.deepEqual(Object.fromEntries([...threePublic.scalars].map(([k, c]) => [k, c.amount.blank ? '' : c.amount.text])), { total: '19.00', abroad: '', vehicle: '18.00', vehicle_purchase: '18.00', vehicle_operation: '', reception: '1.00' });
  assert.match(threePublic.note!.value, /^注：按照党中央/);

  const projects = report.tables.get('projects')!;
  assert.deepEqual(projects.rows.map(row), [
    { unit: '036', name: '济源产城融合示范区医疗保障局', total: '305.80', general: '293.80', fund: '12.00' },
    { unit: '036001', name: '济源产城融合示范区医疗保障局', total: '305.80', general: '293.80', fund: '12.00' },
    { unit: '036001', item: '医疗保障工作经费', type: '其他运转类', total: '25.00', general: '25.00' },
    { unit: '036001', item: '医疗保障骨干网络建设服务费项目', type: '特定目标类', total: '12.00', fund: '12.00' },
  ]);
  assert.deepEqual([...projects.declaredColumns!], ['total', 'general', 'fund', 'state_capital', 'carryover_general', 'carryover_fund', 'carryover_state_capital', 'special_account', 'unit_funds']);
});

test('Henan (济源) 项目绩效目标表: indicators printed side by side by category under merged project cells', async () => {
  const { result, report } = await importSheets('jiyuan-performance.xlsx', [{
    name: '绩效目标表',
    rows: [
      ['2022 年度部门预算项目绩效目标表'],
      ['单位名称：济源产城融合示范区医疗保障局(机关)'],
      ['单位编码（项目编码）', '项目单位（项目名称）', '项目金额（万元）', null, null, null, '绩效目标'],
      [null, null, '资金总额', '政府预算资金', '财政专户管理资金', '单位资金', '成本指标', null, '产出指标', null, '效益指标', null, '满意度指标'],
      [null, null, null, null, null, null, '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值'],
      ['036', null, 305.8, 305.8],
      ['036001', '济源产城融合示范区医疗保障局', 305.8, 305.8],
      ['419001220000000005607', '打击欺诈骗保工作经费', 15, 15, null, null, '聘请专家费', '≤500元/天', '宣传资料印刷数量', '≥10000份', '提高医保基金使用效率', '提高', '参保群众满意度', '≥80%'],
      [null, null, null, null, null, null, null, null, '专题培训次数', '≥2次', '欺诈骗保行为有效遏制', '有效'],
      [null, null, null, null, null, null, null, null, '集中宣传活动次数', '≥2次'],
      ['419001220000000006644', '驻村帮扶工作经费', 7, 7, null, null, '每日生活和交通补助', '140元', '驻村时间', '12月'],
    ],
    merges: ['A1:N1', 'A3:A5', 'B3:B5', 'C3:F3', 'G3:N3', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:H4', 'I4:J4', 'K4:L4', 'M4:N4',
      'A8:A10', 'B8:B10', 'C8:C10', 'D8:D10', 'E8:E10', 'F8:F10'],
  }]);
  assert.deepEqual(result.problems, []);
  const performance = report.tables.get('performance')!;
  assert.deepEqual(performance.rows.map((r) => [r.kind, r.unit?.value ?? r.code?.value, r.name?.value ?? r.item?.value, r.cells.get('total')?.amount.text]), [
    ['unit', '036', undefined, '305.80'],
    ['unit', '036001', '济源产城融合示范区医疗保障局', '305.80'],
    ['item', '419001220000000005607', '打击欺诈骗保工作经费', '15.00'],
    ['item', '419001220000000006644', '驻村帮扶工作经费', '7.00'],
  ]);
  assert.deepEqual(performance.rows[2].indicators.map((i) => `${i.level1?.value}|${i.level3?.value}|${i.value?.value}`), [
    '成本指标|聘请专家费|≤500元/天',
    '产出指标|宣传资料印刷数量|≥10000份', '产出指标|专题培训次数|≥2次', '产出指标|集中宣传活动次数|≥2次',
    '效益指标|提高医保基金使用效率|提高', '效益指标|欺诈骗保行为有效遏制|有效',
    '满意度指标|参保群众满意度|≥80%',
  ]);
  assert.equal(performance.rows[3].indicators.length, 2);
});

test('Henan (沁阳) department workbook in 元: a four-row header with 商品和服务支出 and 资本性支出', async () => {
  const { result, report } = await importSheets('qinyang-2022.xlsx', [{
    name: '部门支出预算表',
    rows: [
      ['2022年部门支出预算表'],
      ['部门名称：沁阳市医疗保障局', null, null, null, null, null, null, null, null, null, null, null, null, null, '单位：元'],
      ['科目编码', null, null, '单位代码', '单位（科目名称）', '合计', '基本支出', null, null, null, null, '项目支出'],
      ['类', '款', '项', null, null, null, '小计', '人员经费', null, '公用经费', null, '小计', '其他运转类', '特定目标类'],
      [null, null, null, null, null, null, null, '工资福利支出', '对个人和家庭的补助', '商品和服务支出', '资本性支出'],
      [null, null, null, null, '合计', 62206700, 5185900, 4867300, 78600, 240000, null, 57020800, 1000000, 56020800],
      [null, null, null, '707', '沁阳市医疗保障局', 62206700, 5185900, 4867300, 78600, 240000, null, 57020800, 1000000, 56020800],
      ['208', '05', '99', null, '其他行政事业单位养老支出', 78600, 78600, null, 78600],
      ['210', '15', '01', null, '行政运行', 976400, 576400, 497900, null, 78500, null, 400000, 400000],
    ],
    merges: ['A1:N1', 'A3:C3', 'D3:D5', 'E3:E5', 'F3:F5', 'G3:K3', 'L3:N3', 'A4:A5', 'B4:B5', 'C4:C5', 'G4:G5', 'H4:I4', 'J4:K4', 'L4:L5', 'M4:M5', 'N4:N5'],
  }]);
  assert.deepEqual(result.problems, []);
  assert.equal(report.unit, '元');
  assert.equal(report.kind, 'department');
  assert.equal(report.department?.value, '沁阳市医疗保障局');
  const expense = report.tables.get('expense')!;
  assert.equal(expense.unit, '元');
  assert.deepEqual(row(expense.rows[2]), { code: '210 15 01', name: '行政运行', total: '976400.00', basic: '576400.00', wages: '497900.00', goods: '78500.00', project: '400000.00', project_operating: '400000.00' });
  assert.deepEqual([...expense.declaredColumns!], ['total', 'basic', 'wages', 'family', 'goods', 'capital', 'project', 'project_operating', 'project_specific']);
});

test('Hebei (平乡) workbook: 序号 and 栏次, the department line with its code, 预算年度, unsplit codes stored as numbers, an empty 三公 table', async () => {
  const { result, report } = await importSheets('pingxiang-2023.xlsx', [
    {
      name: '部门预算收入总表',
      rows: [
        ['部门预算收入总表'],
        [null, '450平乡县医疗保障局', null, null, null, '预算年度：2023', null, null, null, null, null, null, '单位：万元'],
        ['序号', '功能分类科目', null, '合计', '本年收入', null, null, null, null, null, null, null, '上年结转'],
        [null, '科目编码', '科目名称', null, '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'],
        ['栏次', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((v) => (typeof v === 'number' ? { n: v, fmt: 'General' } : v)),
        [num(1, 'General'), null, '合计', 4996.92, 4996.92, 4996.92],
        [num(2, 'General'), num(208, 'General'), '社会保障和就业支出', 51.5, 51.5, 51.5],
        [num(3, 'General'), num(20805, 'General'), '行政事业单位养老支出', 47.5, 47.5, 47.5],
        [num(4, 'General'), num(2080505, 'General'), '机关事业单位基本养老保险缴费支出', 41.5, 41.5, 41.5],
      ],
      merges: ['A1:M1', 'A3:A4', 'B3:C3', 'D3:D4', 'E3:L3', 'M3:M4'],
    },
    {
      // 预算管理一体化 exports that print the code inside the name cell.
      name: '部门预算支出总表',
      rows: [
        ['部门预算支出总表'],
        ['部门：平乡县医疗保障局', null, null, '单位：万元'],
        ['科目名称', '合计', '基本支出', '项目支出'],
        ['合计', 4996.92, 522.92, 4474],
        ['[208]社会保障和就业支出', 51.5, 47.5, 4],
        ['  [2080505]机关事业单位基本养老保险缴费支出', 41.5, 41.5],
      ],
    },
    {
      name: '部门预算财政拨款三公经费支出表',
      rows: [
        ['部门预算财政拨款“三公”经费支出表'],
        [null, '450平乡县医疗保障局', null, '预算年度：2023', null, '单位：万元'],
        ['序号', '项  目', '资 金 性 质'],
        [null, null, '合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
        ['栏次', '1', '2', '3', '4', '5'],
        [],
        ['注：无财政拨款“三公”经费支出表预算，空表列示。'],
      ],
      merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:F3', 'A7:F7'],
    },
  ]);
  assert.deepEqual(result.problems, []);
  assert.equal(report.department?.value, '平乡县医疗保障局');
  assert.equal(report.year, 2023);
  const income = report.tables.get('income')!;
  assert.deepEqual(row(income.total!), { total: '4996.92', current: '4996.92', fiscal: '4996.92' });
  assert.deepEqual(income.rows.map(row), [
    { code: '208', name: '社会保障和就业支出', total: '51.50', current: '51.50', fiscal: '51.50' },
    { code: '20805', name: '行政事业单位养老支出', total: '47.50', current: '47.50', fiscal: '47.50' },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: '41.50', current: '41.50', fiscal: '41.50' },
  ]);
  assert.deepEqual([...income.declaredColumns!], ['total', 'current', 'fiscal', 'special_account', 'business', 'operation_income', 'superior', 'affiliated', 'other', 'carryover']);
  assert.deepEqual(report.tables.get('expense')!.rows.map(row), [
    { code: '208', name: '社会保障和就业支出', total: '51.50', basic: '47.50', project: '4.00' },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: '41.50', basic: '41.50' },
  ]);
  const threePublic = report.tables.get('three_public')!;
  assert.equal(threePublic.title?.value, '部门预算财政拨款“三公”经费支出表');
  assert.equal(threePublic.note?.value, '注：无财政拨款“三公”经费支出表预算，空表列示。');
  assert.equal(threePublic.scalars.size, 0);
});

test('Shaanxi (长安) workbook: 表N markers, a table by unit under 部门预算, the four-column 财政拨款收支总表, 专项业务经费 subtotals', async () => {
  const { result, report } = await importSheets('changan-2022.xlsx', [
    {
      name: '表3',
      rows: [
        ['表3'],
        ['2022年部门综合预算支出总表'],
        ['单位：万元'],
        ['单位编码', '单位名称', '部门预算'],
        [null, null, '合计', '公共预算拨款', null, '政府性基金拨款', '事业收入', '事业单位经营收入', '对附属单位上缴收入', '上年实户资金余额', '其他收入', '上年结转'],
        [null, null, null, '小计', '其中：专项资金列入部门预算的项目'],
        [null, '合计', 1675.78, 1675.78],
        ['133', '西安市长安区医疗保障局', 1675.78, 1675.78],
        ['133001', '西安市长安区医疗保障局', 218.76, 218.76],
        ['133002', '西安市长安区医疗保险经办中心', 1108.41, 1108.41],
      ],
      merges: ['A2:L2', 'A4:A6', 'B4:B6', 'C4:L4', 'C5:C6', 'D5:E5', 'F5:F6', 'G5:G6', 'H5:H6', 'I5:I6', 'J5:J6', 'K5:K6', 'L5:L6'],
    },
    {
      name: '表4',
      rows: [
        ['表4'],
        ['2022年部门综合预算财政拨款收支总表'],
        ['收 入', null, '支 出'],
        ['项 目', '预算数', '支出功能分类科目（按大类）', '预算数', '部门预算支出经济分类科目（按大类）', '预算数', '政府预算支出经济分类科目（按大类）', '预算数'],
        ['一、财政拨款', 1675.78, '一、财政拨款', 1675.78, '一、财政拨款', 1675.78, '一、财政拨款', 1675.78],
        ['1、一般公共预算拨款', 1675.78, '8、社会保障和就业支出', 91.8, '1、人员经费和公用经费支出', 744.48, '1、机关工资福利支出', 63.96],
        ['2、政府性基金拨款', null, '10、卫生健康支出', 1492.29, '(1) 工资福利支出', 641.51, '2、机关商品和服务支出', 154.35],
        ['本年收入合计', 1675.78, '本年支出合计', 1675.78, '本年支出合计', 1675.78, '本年支出合计', 1675.78],
        ['上年结转', null, '结转下年', null, '结转下年', null, '结转下年', null],
        ['收入总计', 1675.78, '支出总计', 1675.78, '支出总计', 1675.78, '支出总计', 1675.78],
      ],
      merges: ['A2:H2', 'A3:B3', 'C3:H3'],
    },
    {
      name: '表5',
      rows: [
        ['表5'],
        ['2022年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）'],
        ['单位：万元'],
        ['功能科目编码', '功能科目名称', '合计', '人员经费支出', '公用经费支出', '专项业务经费支出', '备注'],
        [null, '合计', 1675.78, 651.94, 92.54, 931.3],
        ['210', '卫生健康支出', 1492.29, 468.45, 92.54, 931.3],
        ['2101199', '其他行政事业单位医疗支出'],
        ['2101501', '行政运行', 73.99, 71.35, 2.64],
      ],
      merges: ['A2:G2'],
    },
    {
      name: '表10',
      rows: [
        ['表10'],
        ['2022年部门综合预算专项业务经费支出表（不含上年结转）'],
        ['单位：万元'],
        ['单位编码', '单位（项目）名称', '项目金额', '项目简介'],
        [null, '合计', 42.1],
        ['133', '西安市长安区医疗保障局', 42.1],
        ['133001', '西安市长安区医疗保障局', 42.1],
        [null, '专用项目', 42.1],
        [null, '其他履职专项业务经费', 42.1],
        [null, '办公场所租赁', 27.1, '办公场所房屋租赁'],
        [null, '基金监督和能力提升', 15, '定点医疗机构的医保日常监督工作'],
      ],
      merges: ['A2:D2'],
    },
  ]);
  assert.deepEqual(result.problems, []);
  const expense = report.tables.get('expense')!;
  assert.deepEqual(expense.rows.map(row), [
    { unit: '133', name: '西安市长安区医疗保障局', total: '1675.78', general: '1675.78' },
    { unit: '133001', name: '西安市长安区医疗保障局', total: '218.76', general: '218.76' },
    { unit: '133002', name: '西安市长安区医疗保险经办中心', total: '1108.41', general: '1108.41' },
  ]);
  assert.deepEqual([...expense.declaredColumns!], ['total', 'general', 'general_special', 'fund', 'business', 'operation_income', 'affiliated', 'carryover_special_account', 'other', 'carryover']);
  const fiscal = report.tables.get('fiscal_summary')!;
  assert.deepEqual(fiscal.lists.get('income')!.map((e) => e.label.value), ['一、财政拨款', '1、一般公共预算拨款', '2、政府性基金拨款']);
  assert.deepEqual(fiscal.lists.get('expense')!.map((e) => [e.label.value, e.cells.get('total')?.amount.text]), [['一、财政拨款', '1675.78'], ['8、社会保障和就业支出', '91.80'], ['10、卫生健康支出', '1492.29']]);
  assert.equal(fiscal.lists.get('expense_department_economic')!.length, 3);
  assert.equal(fiscal.lists.get('expense_government_economic')![2].cells.get('amount')!.amount.text, '154.35');
  assert.equal(fiscal.groups.get('expense_total')!.cells.get('total')!.amount.text, '1675.78');
  assert.equal(fiscal.scalars.get('income_current')!.amount.text, '1675.78');
  const general = report.tables.get('general_expense')!;
  assert.deepEqual(general.rows.map(row), [
    { code: '210', name: '卫生健康支出', total: '1492.29', personnel: '468.45', public: '92.54', special_business: '931.30' },
    { code: '2101199', name: '其他行政事业单位医疗支出' },
    { code: '2101501', name: '行政运行', total: '73.99', personnel: '71.35', public: '2.64' },
  ]);
  const projects = report.tables.get('projects')!;
  assert.deepEqual(projects.rows.map((r) => [r.kind, r.level]), [['unit', 1], ['unit', 1], ['group', 1], ['group', 2], ['item', 1], ['item', 1]]);
  assert.deepEqual(row(projects.rows[4]), { item: '办公场所租赁', description: '办公场所房屋租赁', total: '27.10' });
});

test('a table printed in 元 among tables in 万元 carries its own unit', async () => {
  const { report, yaml } = await importSheets('mixed-units.xlsx', [
    { name: '收入', rows: [['2024年部门收入预算表'], ['单位：万元'], ['科目编码', '科目名称', '合计'], ['210', '卫生健康支出', 5131.9]] },
    { name: '支出', rows: [['2024年部门支出预算表'], ['单位：万元'], ['科目编码', '科目名称', '合计'], ['210', '卫生健康支出', 5131.9]] },
    { name: '三公', rows: [['2024年一般公共预算“三公”经费预算表'], ['单位：元'], ['“三公”经费合计', '公务接待费'], [32000, 32000]] },
  ]);
  assert.equal(report.unit, '万元');
  assert.equal(report.tables.get('three_public')!.unit, '元');
  assert.equal(report.tables.get('expense')!.unit, '万元');
  assert.match(yaml, /three_public:\n {4}title: 2024年一般公共预算“三公”经费预算表\n {4}unit: 元\n {4}total: 32000\.00\n/);
});
