import { compareSum, comparePrinted, halfUnit, truncated } from '../amount/rounding';
import type { Agreement } from '../amount/rounding';
import { t } from '../i18n/l10n';
import type { FindingData } from '../findings';
import type { Section } from '../model/types';
import type { Span } from '../yaml/ast';
import { figureDef, normalizeLabel } from './dictionary';
import { resolveCode, resolveNamed, resolveProject } from './figures';
import type { FigureResult, ProseFigure } from './figures';
import { codeFigureId } from './figureIds';
import type { FigureId } from './figureIds';
import type { Change, Item, Reading } from './reading';
import type { TextMap } from './textMap';
import type { ClaimRecord } from './claims';
import type { AnalysisContext } from './context';
import type { ClaimFigure } from './types';
import { printLike, showWan, textUnit, unitFactor, valueInWan } from './values';
import { functionLineNameIssues, resolveFunctionLine } from './functionLineChecks';
import { checkComparison } from './comparisonChecks';
import { checkShare } from './shareChecks';
import { checkChange } from './changeChecks';
import { checkLists } from './partsChecks';
import { textFigure } from './checkScope';
import type { ItemState, SectionScope } from './checkScope';

/**
 * The checks of one section's claims. checkSection ties each amount and count to its table
 * figure (here), then checks the item-by-item names (functionLineChecks.ts), the comparisons with
 * a stated base (comparisonChecks.ts), the shares (shareChecks.ts), the changes
 * (changeChecks.ts) and the 其中 lists (partsChecks.ts). Each check takes the section's scope
 * (checkScope.ts) and the claim it checks.
 */

export type { ItemState, SectionScope } from './checkScope';
export { printedSign } from './checkScope';
export { previousKeyOf } from './changeChecks';

export interface SectionCheck {
  readonly section: Section;
  readonly title: string;
  readonly reading: Reading;
  readonly map: TextMap;
  readonly items: readonly ItemState[];
  readonly byItem: ReadonlyMap<number, ItemState>;
  readonly changes: ReadonlyArray<{ readonly change: Change; readonly records: readonly ClaimRecord[] }>;
}

export function checkSection(ctx: AnalysisContext, section: Section, reading: Reading, map: TextMap): SectionCheck {
  const scope: SectionScope = {
    ctx,
    section,
    title: section.title?.value ?? '',
    reading,
    map,
    items: [],
    byItem: new Map(),
    truncations: [],
    spanOf: (start: number, end: number): Span => map.span(start, end),
    sentenceOf: (start: number): string => reading.sentences.find((s) => start >= s.start && start < s.end)?.text.trim() ?? '',
  };
  const { title, items, byItem, truncations, spanOf, sentenceOf } = scope;
  const reportYear = ctx.report.year;

  for (const item of reading.items) {
    const resolved = resolveItem(ctx, reading, item);
    const otherYear = reportYear !== undefined && reading.years.some((m) => m.role === 'label' && m.year !== reportYear && m.items.includes(item));
    const record = ctx.ledger.claim(item.kind === 'count' ? 'count' : 'amount', spanOf(item.token.start, item.token.end), item.token.text, sentenceOf(item.token.start), title, resolved.figureId);
    const state: ItemState = { item, record, value: valueInWan(item.token, ctx.report.unit), figureId: resolved.figureId, title: resolved.title, table: resolved.result.kind === 'figure' ? resolved.result.figure : undefined, otherYear, tableUnreadable: resolved.result.kind === 'none' && resolved.result.unreadable };
    items.push(state);
    byItem.set(item.id, state);
    // A count followed by the names it counts is checked against them (内设机构7个，包括：…).
    if (item.kind === 'count' && item.enumeration) compareWithEnumeration(ctx, state);
    else if (resolved.result.kind === 'figure') compareWithTable(scope, state, resolved.result.figure);
    else if (!compareWithWhole(scope, state)) record.unverified(resolved.result.reason);
  }

  // Amounts cut instead of rounded: a habit when it explains several figures of the section
  // (information); a single one is as likely a slip of the figure (a mismatch).
  for (const truncation of truncations) (truncations.length >= 2 ? truncation.asCut : truncation.asMismatch)();
  // The names of item-by-item lines (公共安全支出（204类）司法（06款）…) against their codes.
  for (const state of items) {
    if (!state.item.functionLine) continue;
    for (const issue of functionLineNameIssues(ctx, state.item, resolveFunctionLine(ctx, state.item.functionLine))) {
      const span = spanOf(issue.part.start, issue.part.end);
      ctx.ledger.issue('text/name', span, issue.message, { computed: issue.replacement, fixes: issue.replacement ? [{ title: t('Replace with the official name "{0}"', issue.replacement), edits: [{ span, newText: issue.replacement }] }] : [] }, 'warning');
    }
  }
  // 执行数为 A，预算安排 B，比执行数增加 C%: the item of its line is the figure compared.
  for (const comparison of reading.comparisons) {
    const subject = [...items].reverse().find((s) => s.item.kind === 'money' && s.item.sentence.line === comparison.sentence.line && s.item.token.start < comparison.base.start);
    checkComparison(scope, comparison, subject);
  }
  for (const share of reading.shares) checkShare(scope, share);
  const changes = reading.changes.map((change) => ({ change, records: checkChange(scope, change) }));
  checkLists(scope);
  return { section, title, reading, map, items, byItem, changes };
}

// ————————————————————————————————————————— amounts and counts

function resolveItem(ctx: AnalysisContext, reading: Reading, item: Item): { figureId?: FigureId; title: string; result: FigureResult } {
  const scope = reading.topic.scope;
  if (item.functionLine) {
    // An item-by-item line of 财政拨款支出: its row in the 一般公共预算支出表 (else the section's tables).
    const resolved = resolveFunctionLine(ctx, item.functionLine);
    const printed = item.functionLine.parts.map((p) => p.name).join(' › ');
    if (!resolved.code) return { title: printed, result: { kind: 'none', reason: resolved.reason ?? t('"{0}" is not a figure the checker knows', printed) } };
    const name = ctx.codes.lookup(resolved.code, ctx.report.year)?.name ?? item.functionLine.parts[item.functionLine.parts.length - 1].name;
    const lineScope = ctx.report.tables.has('general_expense') ? 'general' : scope;
    return { figureId: codeFigureId('function', resolved.code), title: `${name}（${resolved.code}）`, result: resolveCode(ctx, 'function', resolved.code, lineScope, name) };
  }
  if (item.code) {
    const name = ctx.codes.lookup(item.code.code, ctx.report.year)?.name ?? normalizeLabel(item.window).replace(/[（(][0-9]+[）)]$/, '');
    return { figureId: codeFigureId(item.code.system, item.code.code), title: `${name}（${item.code.code}）`, result: resolveCode(ctx, item.code.system, item.code.code, scope, name) };
  }
  if (item.match) return { figureId: item.match.figure.id, title: item.match.figure.title, result: resolveNamed(ctx, item.match.figure) };
  if (item.kind === 'money') {
    const trailing = /[\u4e00-\u9fa5]+$/.exec(normalizeLabel(item.window))?.[0] ?? '';
    // A 功能分类 类 named in the text: 社会保障和就业支出 290.63 万元 (four characters at least:
    // 其他 alone is no 类).
    for (let i = 0; i + 4 <= trailing.length; i++) {
      const code = ctx.codes.classOfLabel(trailing.slice(i));
      if (code) {
        const name = ctx.codes.lookup(code, ctx.report.year)?.name ?? trailing.slice(i);
        return { figureId: codeFigureId('function', code), title: `${name}（${code}）`, result: resolveCode(ctx, 'function', code, scope, name) };
      }
    }
    const project = resolveProject(ctx, trailing);
    if (project) return { title: trailing, result: project };
  }
  const words = normalizeLabel(item.window).slice(-12);
  return { title: words, result: { kind: 'none', reason: words ? t('"{0}" is not a figure the checker knows', words) : t('the number has no label') } };
}

function tableFigure(figure: ProseFigure): ClaimFigure {
  return figure.source;
}

/**
 * A part of a figure (the 政府采购 reserved for 中小企业, the budget of the projects with 绩效目标)
 * that no table prints: it must not exceed its whole — the table's, or the whole stated earlier
 * in the section. False when there is no whole to compare with.
 */
function compareWithWhole(scope: SectionScope, state: ItemState): boolean {
  const { ctx, items } = scope;
  const span = state.record.span;
  const within = state.figureId ? figureDef(state.figureId)?.within : undefined;
  if (!within) return false;
  const def = figureDef(within);
  const table = def ? resolveNamed(ctx, def) : undefined;
  const stated = [...items].reverse().find((s) => s !== state && s.figureId === within);
  const whole = table?.kind === 'figure'
    ? { value: table.figure.value, shown: showWan(table.figure.value, table.figure.decimals), figure: table.figure.source, rounding: halfUnit(Math.min(table.figure.decimals, 6)) }
    : stated ? { value: stated.value, shown: stated.item.token.text, figure: textFigure(stated.title, stated.item.token, spanOfState(stated)), rounding: halfUnit(stated.item.token.decimals) } : undefined;
  if (!whole) return false;
  const formula = `${state.item.token.text} ≤ ${whole.shown}`;
  const figures = [textFigure(state.title, state.item.token, span), whole.figure];
  // Printed figures are roundings: the part may exceed the printed whole by less than the two
  // half-units (1486.42 ≤ 1486.42 holds; 1486.43 ≤ 1486.42 cannot).
  const slack = whole.rounding.plus(halfUnit(state.item.token.decimals));
  if (state.value.lte(whole.value) || state.value.lt(whole.value.plus(slack)) || state.value.lte(whole.value.plus(ctx.settings.tolerance))) {
    state.record.add({ outcome: 'ok', expected: state.item.token.text, formula, figures });
    return true;
  }
  state.record.add({ outcome: 'bad', formula, figures });
  ctx.ledger.issue('text/amount', span, t('{0} ({1}) is a part of {2} and cannot be more than it ({3})', state.title, state.item.token.text, def?.title ?? within, whole.shown), { formula, related: whole.figure.spans.slice(0, 1).map((s) => ({ span: s, message: t('compared with this figure') })) });
  return true;
}

function spanOfState(state: ItemState): Span {
  return state.record.span;
}

function compareWithTable(scope: SectionScope, state: ItemState, figure: ProseFigure): void {
  const { ctx, truncations } = scope;
  const { item, record } = state;
  const span = record.span;
  const token = item.token;
  const figures = [textFigure(state.title, token, span), tableFigure(figure)];
  let agreement: Agreement;
  let expected: string;
  if (item.subset && (item.kind === 'count' || figure.kind === 'count')) {
    // Those that did something are some of all: not more, and not necessarily as many.
    const formula = `${token.text} ≤ ${figure.value.toFixed(0)}`;
    if (token.value.lte(figure.value)) {
      state.amount = 'ok';
      record.add({ outcome: 'ok', expected: token.text, formula, figures });
      return;
    }
    state.amount = 'bad';
    record.add({ outcome: 'bad', formula, figures });
    ctx.ledger.issue('text/count', span, t('{0} ({1}) are some of {2} and cannot be more ({3})', state.title, token.text, figure.where, figure.value.toFixed(0)), { formula, related: figure.source.spans.slice(0, 1).map((s) => ({ span: s, message: t('compared with this figure') })) });
    return;
  }
  if (item.kind === 'count' || figure.kind === 'count') {
    agreement = token.value.eq(figure.value) ? 'equal' : 'mismatch';
    expected = figure.value.toFixed(0);
  } else {
    const unit = textUnit(token, ctx.report.unit);
    const factor = unitFactor(unit);
    const exact = figure.value.div(factor);
    // Decimals of the table figure counted in the text's unit (2 decimals of 万元 are −2 of 元).
    const figureDecimals = figure.decimals + (unit === '亿元' ? 4 : unit === '元' ? -4 : 0);
    const tolerance = ctx.settings.tolerance;
    if (token.decimals > figureDecimals) {
      // The text is the finer figure: the table's is its rounding (compared in 万元).
      agreement = comparePrinted(figure.value, figure.decimals, token.value.times(factor), tolerance.times(factor));
    } else if (figure.parts > 1) agreement = compareSum(token.value, token.decimals, exact, figure.parts, figureDecimals, tolerance);
    else agreement = comparePrinted(token.value, token.decimals, exact, tolerance);
    expected = printLike(figure.value, token, ctx.report.unit);
    if (agreement === 'mismatch' && figureDecimals > token.decimals && !exact.isNegative() && truncated(exact, token.decimals).eq(token.value)) {
      // 73.989 printed 73.98: perhaps cut instead of rounded. Decided once the section is read:
      // several such figures are a habit of the list (information), one alone is a mismatch.
      const cut = showWan(figure.value.div(unitFactor(unit)), Math.min(figureDecimals, 6));
      truncations.push({
        asCut: () => {
          state.amount = 'info';
          record.add({ outcome: 'info', expected, formula: figure.source.label, figures });
          ctx.ledger.issue('text/amount', span, t('{0}: {1} is {2} cut to {3} decimals; rounded it is {4}', state.title, token.text, cut, token.decimals, expected), { computed: expected, formula: figure.source.label, fixes: [{ title: t('Replace with {0}', expected), edits: [{ span, newText: expected }] }] }, 'information');
        },
        asMismatch: () => recordMismatch(ctx, { state, figure, expected, figures }),
      });
      return;
    }
  }
  const formula = figure.source.label;
  if (agreement === 'equal') {
    state.amount = 'ok';
    record.add({ outcome: 'ok', expected: token.text, formula, figures });
    return;
  }
  const related = figure.source.spans.slice(0, 5).map((s) => ({ span: s, message: t('compared with this figure') }));
  if (agreement === 'rounding') {
    state.amount = 'info';
    record.add({ outcome: 'info', expected, formula, figures });
    ctx.ledger.issue(item.kind === 'count' ? 'text/count' : 'text/amount', span, t('{0}: {1} differs from {2} ({3}) only by the rounding of the summed figures', state.title, token.text, showWan(figure.value, figure.decimals), figure.where), { computed: expected, formula, related }, 'information');
    return;
  }
  if (state.otherYear) {
    record.unverified(t('a figure of another year'));
    return;
  }
  recordMismatch(ctx, { state, figure, expected, figures });
}

/** A figure of the prose, the table figure it disagrees with, the value expected and the figures compared. */
interface Mismatch {
  readonly state: ItemState;
  readonly figure: ProseFigure;
  readonly expected: string;
  readonly figures: ClaimFigure[];
}

/** A figure of the prose that disagrees with its table: the claim, the finding and its fix. */
function recordMismatch(ctx: AnalysisContext, { state, figure, expected, figures }: Mismatch): void {
  const { item, record } = state;
  const span = record.span;
  const token = item.token;
  const formula = figure.source.label;
  const related = figure.source.spans.slice(0, 5).map((s) => ({ span: s, message: t('compared with this figure') }));
  state.amount = 'bad';
  record.add({ outcome: 'bad', expected, formula, figures });
  const data: FindingData = { computed: expected, formula, related, fixes: [{ title: t('Replace with {0}', expected), edits: [{ span, newText: expected }] }] };
  // The value in the text's unit, with the precision of the table figure (two decimals at most
  // for a 元 figure named in 万元) and never less than the text's own: 92.54, 7054.05.
  const textUnitOf = textUnit(token, ctx.report.unit);
  const figureDecimalsInText = figure.decimals + (textUnitOf === '亿元' ? 4 : textUnitOf === '元' ? -4 : 0);
  const shown = figure.kind === 'count' || item.kind === 'count' ? expected : showWan(figure.value.div(unitFactor(textUnitOf)), Math.max(token.decimals, Math.min(Math.max(figureDecimalsInText, 0), 2)));
  ctx.ledger.issue(item.kind === 'count' ? 'text/count' : 'text/amount', span, t('{0} should be {1} ({2}); the text says {3}', state.title, shown, figure.where, token.text), data);
}

function compareWithEnumeration(ctx: AnalysisContext, state: ItemState): void {
  const span = state.record.span;
  const enumeration = state.item.enumeration!;
  const n = enumeration.names.length;
  const token = state.item.token;
  const figures: ClaimFigure[] = [{ label: t('items named in the sentence'), value: String(n), source: 'text', spans: [] }];
  const formula = enumeration.numbered ? t('{0} numbered items', n) : enumeration.names.join('、');
  if (token.value.eq(n)) {
    state.amount = 'ok';
    state.record.add({ outcome: 'ok', expected: token.text, formula, figures });
    return;
  }
  state.amount = 'bad';
  const expected = String(n);
  state.record.add({ outcome: 'bad', expected, formula, figures });
  ctx.ledger.issue('text/count', span, t('The text says {0} but names {1}: {2}', token.text, n, formula), { computed: expected, formula, fixes: [{ title: t('Replace with {0}', expected), edits: [{ span, newText: expected }] }] });
}

