import { t } from '../i18n/l10n';
import { sameName } from '../codes/names';
import type { Span } from '../yaml/ast';
import { columnValue } from '../model/columnValues';
import { convert } from '../amount/units';
import { comparePrinted } from '../amount/rounding';
import type { Row } from '../model/types';
import { writtenCode } from './functionLines';
import type { FunctionLine, FunctionLinePart } from './functionLines';
import type { Item } from './reading';
import type { AnalysisContext } from './context';
import { textUnit, unitFactor } from './values';

/**
 * Which row an item-by-item line means, and whether its 类/款/项 names are right (issue 13):
 * a path with codes (公共安全支出（204类）司法（06款）行政运行（01项）) names its row by the codes
 * and each name is checked against the code; a path of names only (“一般公共服务支出-人大事务-
 * 行政运行”) is looked up by its names in the report's tables and the code tables.
 */

export interface ResolvedLine {
  /** The code of the deepest level the line names (7 digits for a 项). */
  readonly code?: string;
  /** Why no row could be named. */
  readonly reason?: string;
}

const LENGTHS = [3, 5, 7];

/** Rows of the report's 功能分类 tables, for names the code tables do not know. */
function functionRows(ctx: AnalysisContext): Row[] {
  const rows: Row[] = [];
  for (const key of ['general_expense', 'expense', 'income', 'fund_expense', 'state_capital_expense'] as const) {
    const table = ctx.report.tables.get(key);
    if (table) rows.push(...table.rows.filter((r) => r.kind === 'code' && r.code));
  }
  return rows;
}

/** The names a code carries: its official name, and the names the report's own tables print for it. */
function namesOf(ctx: AnalysisContext, code: string): string[] {
  const names: string[] = [];
  const official = ctx.codes.lookup(code, ctx.settings.codeYear ?? ctx.report.year)?.name;
  if (official) names.push(official);
  for (const row of functionRows(ctx)) if (row.code!.digits === code && row.name && !names.some((n) => sameName(n, row.name!.value))) names.push(row.name.value.trim());
  return names;
}

/** Codes one level below `parent` (or the 类 when none) whose name is `name`. */
function codesNamed(ctx: AnalysisContext, parent: string | undefined, name: string): string[] {
  const length = parent ? parent.length + 2 : 3;
  if (!parent) {
    const cls = ctx.codes.classOfLabel(name);
    return cls ? [cls] : [];
  }
  const found = new Set<string>();
  const year = ctx.settings.codeYear ?? ctx.report.year;
  for (const entry of ctx.codes.entries('function', year)) if (entry.code.length === length && entry.code.startsWith(parent) && sameName(entry.name, name)) found.add(entry.code);
  for (const row of functionRows(ctx)) {
    const digits = row.code!.digits;
    if (digits.length === length && digits.startsWith(parent) && row.name && sameName(row.name.value, name)) found.add(digits);
  }
  return [...found];
}

export function resolveFunctionLine(ctx: AnalysisContext, line: FunctionLine): ResolvedLine {
  const written = writtenCode(line);
  if (written) return { code: written };
  let code: string | undefined;
  for (const part of line.parts) {
    const candidates = codesNamed(ctx, code, part.name);
    if (candidates.length !== 1) return { reason: t('no single 功能分类 code is named "{0}"', line.parts.map((p) => p.name).join(' › ')) };
    code = candidates[0];
  }
  return { code };
}

export interface NameIssue {
  readonly part: FunctionLinePart;
  readonly message: string;
  readonly replacement?: string;
}

/**
 * The names of a line that are not the names of its codes: a retired name (医疗卫生与计划生育支出
 * for 210 since 2019), the name of another row, or a name no table knows. For a path of names
 * only, a level whose name matches no code is named by the row that holds the line's amount.
 */
export function functionLineNameIssues(ctx: AnalysisContext, item: Item, resolved: ResolvedLine): NameIssue[] {
  const line = item.functionLine!;
  const issues: NameIssue[] = [];
  const year = ctx.settings.codeYear ?? ctx.report.year;
  const full = resolved.code ?? writtenCode(line) ?? amountCode(ctx, item);
  if (!full) return issues;
  line.parts.forEach((part, level) => {
    const code = full.slice(0, LENGTHS[level]);
    if (code.length !== LENGTHS[level]) return;
    const names = namesOf(ctx, code);
    if (names.length === 0 || names.some((n) => sameName(n, part.name))) return;
    const official = names[0];
    const retired = ctx.codes.retiredName(code, part.name, year);
    if (retired) {
      issues.push({ part, message: t('"{0}" is the name {1} had before {2}; since {2} it is "{3}"', part.name, code, retired.year, retired.newName), replacement: retired.newName });
      return;
    }
    const other = siblingNamed(ctx, code, part.name);
    const message = other
      ? t('"{0}" is the name of {1}; {2} is "{3}"', part.name, other, code, official)
      : t('{0} is "{1}" in the code table and the report\'s tables; the text says "{2}"', code, official, part.name);
    issues.push({ part, message, replacement: official });
  });
  return issues;
}

/** Another code of the same level and parent that carries the name. */
function siblingNamed(ctx: AnalysisContext, code: string, name: string): string | undefined {
  const parent = code.length > 3 ? code.slice(0, code.length - 2) : undefined;
  return codesNamed(ctx, parent, name).find((c) => c !== code);
}

/**
 * The 项 of a names-only line whose 款 or 项 name matches nothing: the one row under the part
 * that does resolve whose amount is the line's amount (行政运转 → 2010601 行政运行, 123.45).
 */
function amountCode(ctx: AnalysisContext, item: Item): string | undefined {
  const line = item.functionLine!;
  let prefix: string | undefined;
  for (const part of line.parts) {
    const candidates = codesNamed(ctx, prefix, part.name);
    if (candidates.length !== 1) break;
    prefix = candidates[0];
  }
  if (!prefix) return undefined;
  const length = LENGTHS[line.parts.length - 1];
  const table = ctx.report.tables.get('general_expense') ?? ctx.report.tables.get('expense');
  if (!table) return undefined;
  const stated = item.token.value.times(unitFactor(textUnit(item.token, ctx.report.unit)));
  const matching = table.rows.filter((row) => {
    const digits = row.code?.digits;
    if (!digits || digits.length !== length || !digits.startsWith(prefix!)) return false;
    const figure = columnValue(table, row, 'total');
    if (!figure) return false;
    const exact = convert(figure.value, table.unit, '万元').div(unitFactor(textUnit(item.token, ctx.report.unit)));
    return comparePrinted(item.token.value, item.token.decimals, exact) === 'equal' && !stated.isZero();
  });
  return matching.length === 1 ? matching[0].code!.digits : undefined;
}

/** The document span of a name (for the finding and its fix). */
export type SpanOf = (start: number, end: number) => Span;
