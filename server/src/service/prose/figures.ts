import { Dec, ZERO } from '../amount/rounding';
import type { Dec as Decimal } from '../amount/rounding';
import { convert } from '../amount/units';
import { show } from '../amount/format';
import { resolveFigure } from '../figures/figurePaths';
import type { ResolvedFigure } from '../figures/figurePaths';
import type { CodeTables } from '../codes/codeTables';
import type { Report } from '../model/types';
import type { Span } from '../yaml/ast';
import { codePaths } from './dictionary';
import type { CodeSystemKey, Condition, FigureDef, PathSpec } from './dictionary';
import type { ClaimFigure } from './types';
import { t } from '../i18n/l10n';

/** A figure of the report in the unit the prose is compared in (money in 万元). */
export interface ProseFigure {
  readonly value: Decimal;
  readonly decimals: number;
  /** Printed cells summed into the value (1 for a printed cell). */
  readonly parts: number;
  readonly derived: boolean;
  readonly kind: 'money' | 'count';
  /** What it is and where it is printed, for hovers. */
  readonly source: ClaimFigure;
  /** The table(s) it is read from, for messages. */
  readonly where: string;
  /** A blank cell: exactly 0, whatever its printed decimals. */
  readonly blank?: boolean;
}

export type FigureResult =
  | { readonly kind: 'figure'; readonly figure: ProseFigure }
  /** `unreadable`: the table prints the figure, but a cell of it is not an amount (unknown, no stand-in). */
  | { readonly kind: 'none'; readonly reason: string; readonly unreadable?: boolean };

export interface FigureContext {
  readonly report: Report;
  readonly codes: CodeTables;
  readonly conditions: ReadonlySet<Condition>;
  /** Figures already resolved during one analysis. */
  readonly cache?: Map<string, FigureResult>;
}

const OTHER_THAN_GENERAL = ['fund', 'state_capital', 'special_account', 'business', 'operation_income', 'superior', 'affiliated', 'other', 'unit_funds'];
const OTHER_THAN_FISCAL = ['special_account', 'business', 'operation_income', 'superior', 'affiliated', 'other', 'unit_funds'];

/** Which conditions of figures.json hold for the report (which money sources it has). */
export function reportConditions(report: Report, codes: CodeTables): Set<Condition> {
  const nonzero = (source: string): boolean =>
    [`summary.income[${source}]`, `fiscal_summary.income[${source}]`, `income.total.${source}`, `expense.total.${source}`].some((path) => {
      const r = resolveFigure(report, codes, path);
      return r.kind === 'figure' && !r.figure.value.isZero();
    });
  const spends = (path: string): boolean => {
    const r = resolveFigure(report, codes, path);
    return r.kind === 'figure' && !r.figure.value.isZero();
  };
  const conditions = new Set<Condition>();
  const fundSpending = spends('fund_expense.total.total') || spends('state_capital_expense.total.total');
  const fiscalOnly = !OTHER_THAN_FISCAL.some(nonzero);
  if (fiscalOnly) conditions.add('fiscal-only');
  if (fiscalOnly && !fundSpending && !OTHER_THAN_GENERAL.some(nonzero)) conditions.add('general-only');
  return conditions;
}

function tableName(figure: ResolvedFigure): string {
  return figure.table.title?.value ?? figure.table.key;
}

function toWan(figure: ResolvedFigure): { value: Decimal; decimals: number } {
  if (figure.unit === '万元') return { value: figure.value, decimals: figure.decimals };
  return { value: convert(figure.value, figure.unit, '万元'), decimals: figure.decimals + 4 };
}

/** Resolves one path expression: `A`, `A - B`, `A - ?B` (? = an absent table counts as 0). */
function resolveExpression(ctx: FigureContext, expression: string, title: string): FigureResult {
  const terms = expression.split(/\s+-\s+/);
  let value: Decimal = ZERO;
  let decimals = 0;
  let parts = 0;
  let derived = terms.length > 1;
  let blank = true;
  const spans: Span[] = [];
  const tables: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const optional = terms[i].startsWith('?');
    const path = optional ? terms[i].slice(1) : terms[i];
    const r = resolveFigure(ctx.report, ctx.codes, path);
    if (r.kind !== 'figure') {
      if (optional && r.kind === 'absent' && !ctx.report.tables.has(path.split('.')[0] as never)) continue;
      if (r.kind === 'unreadable' && r.notAnAmount) return { kind: 'none', reason: r.reason, unreadable: true };
      return { kind: 'none', reason: r.kind === 'unreadable' ? INCOMPLETE : 'absent' };
    }
    if (i === 0 && r.figure.blank && r.figure.cells.length === 0 && /\.code\[|\.gov\[/.test(path)) {
      return { kind: 'none', reason: 'absent' };
    }
    const wan = toWan(r.figure);
    value = i === 0 ? wan.value : value.minus(wan.value);
    decimals = Math.max(decimals, wan.decimals);
    parts += Math.max(1, r.figure.cells.length);
    derived = derived || r.figure.derived;
    blank = blank && r.figure.blank;
    for (const cell of r.figure.cells) if (cell.span.end > cell.span.start) spans.push(cell.span);
    if (i === 0 || !r.figure.value.isZero()) tables.push(tableName(r.figure));
  }
  const where = [...new Set(tables)].join('、');
  return {
    kind: 'figure',
    figure: { value, decimals, parts, derived, kind: 'money', blank, where: where || title, source: { label: where ? `${title}（${where}）` : title, value: show(value, decimals), source: 'table', spans } },
  };
}

function pathApplies(ctx: FigureContext, spec: PathSpec): string | undefined {
  if (typeof spec === 'string') return spec;
  return ctx.conditions.has(spec.when) ? spec.path : undefined;
}

/** The first path of the list that resolves. */
export function resolvePaths(ctx: FigureContext, paths: readonly PathSpec[], title: string, substitute: (path: string) => string = (p) => p): FigureResult {
  const key = `${title}|${paths.map((p) => substitute(typeof p === 'string' ? p : p.path)).join('|')}`;
  const cached = ctx.cache?.get(key);
  if (cached) return cached;
  let incomplete = false;
  let result: FigureResult | undefined;
  for (const spec of paths) {
    const path = pathApplies(ctx, spec);
    if (!path) continue;
    const r = resolveExpression(ctx, substitute(path), title);
    if (r.kind === 'figure') {
      result = r;
      break;
    }
    // A printed figure that is not an amount is unknown: the next path's figure does not stand in for it.
    if (r.unreadable) {
      result = r;
      break;
    }
    if (r.reason === INCOMPLETE) incomplete = true;
  }
  result = result ?? { kind: 'none', reason: incomplete ? t('the table that prints {0} is incomplete', title) : t('the report prints no {0}', title) };
  ctx.cache?.set(key, result);
  return result;
}

const INCOMPLETE = 'incomplete';

/** A named figure of the dictionary (money or count). */
export function resolveNamed(ctx: FigureContext, def: FigureDef): FigureResult {
  if (def.count) return countFigure(ctx, def);
  if (def.paths.length === 0) return { kind: 'none', reason: t('no table of the format carries {0}', def.title) };
  return resolvePaths(ctx, def.paths, def.title);
}

/** A figure named by a code printed in brackets: 行政运行（2101501）, 工资福利支出（301）. */
export function resolveCode(ctx: FigureContext, system: CodeSystemKey, code: string, scope: string, label: string): FigureResult {
  const name = ctx.codes.lookup(code, ctx.report.year)?.name ?? label;
  const title = `${name}（${code}）`;
  return resolvePaths(ctx, codePaths(system, scope), title, (p) => p.replace(/\{code\}/g, code).replace(/\{name\}/g, name));
}

export function codeSystemOf(code: string): CodeSystemKey | undefined {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'function';
  if (/^3\d{2}(\d{2})?$/.test(code)) return 'economic';
  if (/^5\d{2}(\d{2})?$/.test(code)) return 'government';
  return undefined;
}

function countFigure(ctx: FigureContext, def: FigureDef): FigureResult {
  const { report } = ctx;
  const make = (value: number, label: string, spans: Span[]): FigureResult => ({
    kind: 'figure',
    figure: { value: new Dec(value), decimals: 0, parts: 1, derived: false, kind: 'count', where: label, source: { label, value: String(value), source: 'count', spans } },
  });
  if (def.count === 'projects' || def.count === 'performance') {
    const table = report.tables.get(def.count === 'projects' ? 'projects' : 'performance');
    if (!table) return { kind: 'none', reason: t('the report prints no {0}', def.title) };
    if (table.incomplete) return { kind: 'none', reason: t('the table that prints {0} is incomplete', def.title) };
    const rows = table.rows.filter((r) => r.kind === 'item' || (def.count === 'performance' && r.kind !== 'unit' && r.kind !== 'group' && (r.code || r.indicators.length > 0)));
    if (rows.length === 0) return { kind: 'none', reason: t('the report prints no {0}', def.title) };
    return make(rows.length, `${def.title}（${table.title?.value ?? table.key}）`, rows.map((r) => r.span));
  }
  const department = report.department?.value.replace(/[（(].*?[）)]/g, '').trim();
  const units = report.units;
  if (units.length === 0) return { kind: 'none', reason: t('the report lists no budget units') };
  if (def.count === 'units' && def.nature) {
    // 行政单位1家，参公单位1家: the units of that 单位性质 (参公 before 事业: a 参公事业单位 is 参公).
    const ofNature = units.filter((u) => natureOf(u.nature?.value) === def.nature);
    if (units.some((u) => !u.nature)) return { kind: 'none', reason: t('the report does not give every unit\'s 单位性质') };
    return make(ofNature.length, def.title, ofNature.map((u) => u.span));
  }
  if (def.count === 'units') return make(units.length, def.title, units.map((u) => u.span));
  const subordinate = units.filter((u) => {
    const name = u.name?.value.trim() ?? '';
    return name !== '' && name !== department && !/本级|机关|本部/.test(name);
  });
  return make(subordinate.length, def.title, subordinate.map((u) => u.span));
}

/** The 单位性质 a printed nature names: 行政, 参公 (参照公务员法管理), 事业. */
function natureOf(nature: string | undefined): string | undefined {
  if (!nature) return undefined;
  if (/参公|参照/.test(nature)) return '参公';
  if (/行政/.test(nature)) return '行政';
  if (/事业/.test(nature)) return '事业';
  return nature.trim();
}

/**
 * A project named in the prose by (an abbreviation of) its name: 骨干网络服务项目 for
 * 医疗保障骨干网络建设服务费项目. The words must appear in order in exactly one project name.
 */
export function resolveProject(ctx: FigureContext, words: string): FigureResult | undefined {
  const core = words.replace(/^(?:主要原因是|原因是|增加了|减少了|新增了|新增|增加|减少|安排了|安排|用于)+/, '').replace(/(?:项目|经费|资金)+$/, '');
  if (core.length < 4) return undefined;
  const table = ctx.report.tables.get('projects');
  if (!table || table.incomplete) return undefined;
  const matches = table.rows.filter((row) => row.kind === 'item' && row.item && isSubsequence(core, row.item.value.replace(/\s+/g, '')));
  if (matches.length !== 1) return undefined;
  const row = matches[0];
  const cell = row.cells.get('total');
  if (!cell) return undefined;
  const wan = table.unit === '元' ? { value: convert(cell.amount.value, '元', '万元'), decimals: cell.amount.decimals + 4 } : { value: cell.amount.value, decimals: cell.amount.decimals };
  return {
    kind: 'figure',
    figure: { ...wan, parts: 1, derived: false, kind: 'money', where: `${table.title?.value ?? table.key}：${row.item!.value}`, source: { label: `${row.item!.value}（${table.title?.value ?? table.key}）`, value: show(wan.value, wan.decimals), source: 'table', spans: [cell.span] } },
  };
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const c of haystack) if (c === needle[i]) i++;
  return i === needle.length;
}
