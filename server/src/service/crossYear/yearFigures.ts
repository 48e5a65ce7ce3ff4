import type { Dec } from '../amount/rounding';
import type { CodeTables } from '../codes/codeTables';
import { figureDef } from '../prose/dictionary';
import { reportConditions, resolveCode, resolveNamed } from '../prose/figures';
import type { FigureContext } from '../prose/figures';
import type { Report } from '../model/types';

/**
 * A report's own 预算数 as the keys of another year's `previous:` block: what next year's report
 * compares its changes with. Read with the prose checker's own figure paths, so that the figure a
 * change sentence names next year is the figure this year's text named the same way. Pure.
 */
export interface YearFigure {
  /** In 万元 (the prose checker's unit), exact. */
  readonly value: Dec;
  /** Decimals the value is known to, in 万元. */
  readonly decimals: number;
  /** Where it is printed (the table), for hovers and messages. */
  readonly where: string;
}

export interface YearFigures {
  readonly year?: number;
  readonly department?: string;
  readonly kind?: string;
  /** By key of `previous:` (income_total, fiscal, three_public …). */
  readonly figures: ReadonlyMap<string, YearFigure>;
  /** 功能科目 code → 一般公共预算 amount. */
  readonly functions: ReadonlyMap<string, YearFigure>;
  /** 部门预算支出经济分类 code → 一般公共预算 amount. */
  readonly economics: ReadonlyMap<string, YearFigure>;
}

/** `previous:` keys and the figure of the dictionary (data/labels/figures.json) that is read for each. */
export const PREVIOUS_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['income_total', 'income_total'],
  ['income_current', 'income_current'],
  ['expense_total', 'expense_total'],
  ['general', 'general'],
  ['fund', 'fund'],
  ['state_capital', 'state_capital'],
  ['fiscal', 'fiscal_income'],
  ['basic', 'basic'],
  ['project', 'project'],
  ['personnel', 'personnel'],
  ['public', 'public'],
  ['general_basic', 'general_basic'],
  ['general_project', 'general_project'],
  ['three_public', 'three_public'],
  ['abroad', 'abroad'],
  ['vehicle', 'vehicle'],
  ['vehicle_purchase', 'vehicle_purchase'],
  ['vehicle_operation', 'vehicle_operation'],
  ['reception', 'reception'],
  ['operating_cost', 'operating_cost'],
  ['procurement', 'procurement'],
];

export function yearFigures(report: Report, codes: CodeTables): YearFigures {
  const ctx: FigureContext = { report, codes, conditions: reportConditions(report, codes), cache: new Map() };
  const figures = new Map<string, YearFigure>();
  for (const [key, id] of PREVIOUS_KEYS) {
    const def = figureDef(id);
    if (!def || def.count) continue;
    const result = resolveNamed(ctx, def);
    if (result.kind === 'figure' && result.figure.kind === 'money') figures.set(key, { value: result.figure.value, decimals: result.figure.decimals, where: result.figure.where });
  }
  const functions = new Map<string, YearFigure>();
  const general = report.tables.get('general_expense');
  if (general && !general.incomplete) {
    for (const row of general.rows) {
      const code = row.kind === 'code' ? row.code?.digits : undefined;
      if (!code || functions.has(code) || !/^2\d{2}(\d{2}){0,2}$/.test(code)) continue;
      const result = resolveCode(ctx, 'function', code, 'general', row.name?.value ?? code);
      if (result.kind === 'figure') functions.set(code, { value: result.figure.value, decimals: result.figure.decimals, where: result.figure.where });
    }
  }
  const economics = new Map<string, YearFigure>();
  const economic = report.tables.get('general_expense_economic') ?? report.tables.get('economic_summary');
  if (economic && !economic.incomplete) {
    for (const row of economic.rows) {
      const code = row.kind === 'code' ? row.code?.digits : undefined;
      if (!code || economics.has(code) || !/^3\d{2}(\d{2})?$/.test(code)) continue;
      const result = resolveCode(ctx, 'economic', code, 'general', row.name?.value ?? code);
      if (result.kind === 'figure') economics.set(code, { value: result.figure.value, decimals: result.figure.decimals, where: result.figure.where });
    }
  }
  return { year: report.year, department: report.department?.value.trim(), kind: report.kind, figures, functions, economics };
}
