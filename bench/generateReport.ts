import { Dec, formatFixed } from '../server/src/service/amount/rounding';
import type { CodeTables } from '../server/src/service/codes/codeTables';

/**
 * Generates a 汇总 report of about `rows` table rows in the samples' structure: one unit row per
 * unit followed by its 功能科目 rows in 支出总表 and 一般公共预算支出表, and its 经济科目 rows in
 * 基本支出表 — every sum holds, so validation does its full work without drowning in findings.
 */
export function generateReport(rows: number, codes: CodeTables, year = 2024): string {
  const functionCodes = codes.entries('function', year).filter((e) => e.code.length === 7).slice(0, 60);
  const economic = codes.entries('economic-department', year).filter((e) => e.code.length === 5 && (e.code.startsWith('301') || e.code.startsWith('302')));
  const rowsPerUnit = 40;
  const units = Math.max(1, Math.round(rows / (3 * (rowsPerUnit + 1))));
  const expenseRows: string[] = [];
  const basicRows: string[] = [];
  let grand = new Dec(0);
  let grandBasic = new Dec(0);
  let grandProject = new Dec(0);
  for (let u = 0; u < units; u++) {
    const unitCode = `101${String(u + 1).padStart(3, '0')}`;
    const lines: string[] = [];
    let unitTotal = new Dec(0);
    let unitBasic = new Dec(0);
    let unitProject = new Dec(0);
    for (let r = 0; r < rowsPerUnit; r++) {
      const entry = functionCodes[(u * 7 + r) % functionCodes.length];
      const basic = new Dec(((u * 31 + r * 17) % 900) + 10).div(10);
      const project = new Dec(((u * 13 + r * 29) % 500)).div(10);
      const total = basic.plus(project);
      unitTotal = unitTotal.plus(total);
      unitBasic = unitBasic.plus(basic);
      unitProject = unitProject.plus(project);
      lines.push(`      - { code: "${entry.code}", name: ${entry.name}, total: ${formatFixed(total, 2)}, basic: ${formatFixed(basic, 2)}, project: ${formatFixed(project, 2)} }`);
    }
    expenseRows.push(`      - { unit: "${unitCode}", name: 示例单位${u + 1}, total: ${formatFixed(unitTotal, 2)}, basic: ${formatFixed(unitBasic, 2)}, project: ${formatFixed(unitProject, 2)} }`, ...lines);
    grand = grand.plus(unitTotal);
    grandBasic = grandBasic.plus(unitBasic);
    grandProject = grandProject.plus(unitProject);
    let unitEconomic = new Dec(0);
    const economicLines: string[] = [];
    for (let r = 0; r < rowsPerUnit; r++) {
      const entry = economic[(u + r) % economic.length];
      const amount = new Dec(((u * 11 + r * 7) % 300) + 5).div(10);
      unitEconomic = unitEconomic.plus(amount);
      const column = entry.code.startsWith('301') ? 'personnel' : 'public';
      economicLines.push(`      - { code: "${entry.code}", name: ${entry.name}, total: ${formatFixed(amount, 2)}, ${column}: ${formatFixed(amount, 2)} }`);
    }
    basicRows.push(`      - { unit: "${unitCode}", name: 示例单位${u + 1}, total: ${formatFixed(unitEconomic, 2)} }`, ...economicLines);
  }
  const table = (key: string, total: string, body: string[]) => [`  ${key}:`, `    total: ${total}`, '    rows:', ...body].join('\n');
  const expenseTotal = `{ total: ${formatFixed(grand, 2)}, basic: ${formatFixed(grandBasic, 2)}, project: ${formatFixed(grandProject, 2)} }`;
  return [
    '# yaml-language-server: $schema=../schemas/budget-report.schema.json',
    'department: 示例市汇总',
    'kind: department',
    `year: ${year}`,
    'unit: 万元',
    'tables:',
    table('expense', expenseTotal, expenseRows),
    table('general_expense', expenseTotal, expenseRows),
    '  general_basic:',
    '    rows:',
    ...basicRows,
    'narrative:',
    '  - title: 一、收入支出预算总体情况说明',
    '    text: |',
    `      示例市汇总${year}年支出合计${formatFixed(grand, 2)}万元，其中：基本支出${formatFixed(grandBasic, 2)}万元；项目支出${formatFixed(grandProject, 2)}万元。`,
    '',
  ].join('\n');
}
