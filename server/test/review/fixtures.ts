/**
 * A complete, consistent small 部门预算 for the review rules' tests: the nine national tables
 * (政府性基金 and 国有资本经营 published empty with the note of seed 003) and every required
 * narrative section, with sentences from the seeds. Tests change one part of it.
 */
export interface ReportParts {
  readonly header?: string;
  readonly tables?: string;
  readonly extraTables?: string;
  readonly narrative?: string;
}

export const HEADER = 'department: 测试医疗保障局\nkind: department\nyear: 2022\nunit: 万元\n';

export const NINE_TABLES = `  summary:
    title: 2022年部门收支预算表
    income:
      - { item: 一、一般公共预算, amount: 100.00 }
    expense:
      - { item: 十、卫生健康, amount: 100.00 }
    income_current: 100.00
    income_total: 100.00
    expense_current: 100.00
    expense_total: 100.00
  income:
    title: 2022年部门收入预算表
    total: { total: 100.00, general: 100.00 }
    rows:
      - { code: "2101501", name: 行政运行, total: 100.00, general: 100.00 }
  expense:
    title: 2022年部门支出预算表
    total: { total: 100.00, basic: 100.00 }
    rows:
      - { code: "2101501", name: 行政运行, total: 100.00, basic: 100.00 }
  fiscal_summary:
    title: 2022年财政拨款收支总体情况表
    income:
      - { item: （一）一般公共预算拨款, amount: 100.00 }
    income_current: 100.00
    income_total: 100.00
    expense:
      - { item: （十）卫生健康支出, total: 100.00, general: 100.00 }
    expense_total: { total: 100.00, general: 100.00 }
  general_expense:
    title: 2022年一般公共预算支出预算表
    total: { total: 100.00, basic: 100.00 }
    rows:
      - { code: "2101501", name: 行政运行, total: 100.00, basic: 100.00 }
  general_basic:
    title: 2022年一般公共预算基本支出表
    total: { total: 100.00, personnel: 100.00 }
    rows:
      - { code: "30101", name: 基本工资, gov_code: "50101", gov_name: 工资奖金津补贴, total: 100.00, personnel: 100.00 }
  three_public:
    title: 2022年一般公共预算“三公”经费预算表
    note: 本部门2022年度没有“三公”经费预算，故本表无数据。
  fund_expense:
    title: 2022年政府性基金预算支出预算表
    note: 本部门2022年度没有政府性基金预算支出，故本表无数据。
  state_capital_expense:
    title: 2022年国有资本经营预算支出预算表
    note: |
      注：若合计数与分项数不一致是因四舍五入的原因引起的。
      本部门2022年度没有国有资本经营预算支出，故本表无数据。
`;

export const NARRATIVE = `  - title: 第一部分 部门概况
    sections:
      - title: 一、主要职责
        text: |
          负责全市医疗保障经办管理、公共服务体系和信息化建设。
      - title: 二、机构设置及预算单位构成
        text: |
          本预算为汇总预算，包括局机关本级预算和1个局属单位预算。
  - title: 第二部分 2022年度部门预算情况说明
    sections:
      - title: 一、收入支出预算总体情况说明
        text: |
          测试医疗保障局2022年收入总计100.00万元，支出总计100.00万元，与2021年相比，收、支总计各增加20.00万元，增长25.00%，主要原因是人员经费增加。
      - title: 二、“三公”经费支出预算情况说明
        text: |
          我部门2022年“三公”经费支出预算为0万元，与2021年持平。
      - title: 三、其他重要事项的情况说明
        sections:
          - title: （一）机关运行经费支出情况
            text: |
              我部门2022年机关运行经费支出预算10.00万元，比2021年减少1.00万元，下降9.09%。
          - title: （二）政府采购支出情况
            text: |
              2022年政府采购预算安排0万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算0万元。
          - title: （三）绩效目标设置情况
            text: |
              我部门2022年预算项目均按要求编制了绩效目标。
          - title: （四）国有资产占用情况
            text: |
              2021年期末，我部门共有车辆1辆，其中：一般公务用车1辆。
  - title: 第三部分 名词解释
    text: |
      一、财政拨款收入：是指市级财政当年拨付的资金。
`;

export function fullReport(parts: ReportParts = {}): string {
  return `${parts.header ?? HEADER}tables:\n${parts.tables ?? NINE_TABLES}${parts.extraTables ?? ''}narrative:\n${parts.narrative ?? NARRATIVE}`;
}

/** The report with one narrative paragraph in its own section (the rest of the narrative kept). */
export function withParagraph(paragraph: string, header?: string): string {
  return fullReport({ header, narrative: `${NARRATIVE}  - title: 第四部分 测试\n    text: |\n      ${paragraph}\n` });
}

/** The report without the tables in `keys` (their whole entry). */
export function without(...keys: string[]): string {
  const blocks = NINE_TABLES.split(/\n(?=  [a-z_]+:\n)/);
  return fullReport({ tables: blocks.filter((b) => !keys.some((k) => b.startsWith(`  ${k}:`))).join('\n').replace(/\n?$/, '\n') });
}
