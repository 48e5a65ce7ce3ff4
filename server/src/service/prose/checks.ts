import { compareSum, comparePrinted, Dec, halfUnit, truncated, ZERO, HUNDRED, TEN_THOUSAND } from '../amount/rounding';
import type { Agreement } from '../amount/rounding';
import { t } from '../i18n/l10n';
import type { FindingData } from '../findings';
import type { Section } from '../model/types';
import type { Span } from '../yaml/ast';
import { descendantsOf, figureDef, groupKey, normalizeLabel, relationOf } from './dictionary';
import type { Relation } from './dictionary';
import { resolveCode, resolveNamed, resolveProject } from './figures';
import type { FigureResult, ProseFigure } from './figures';
import type { Change, Item, Reading, Share } from './reading';
import { changeDirection, changeStart } from './reading';
import type { TextMap } from './textMap';
import type { ClaimRecord, Outcome } from './claims';
import type { AnalysisContext } from './context';
import type { ClaimFigure } from './types';
import { percentOf, printLike, printPercent, showWan, textUnit, unitFactor, valueInWan } from './values';
import { functionLineNameIssues, resolveFunctionLine } from './functionLineChecks';
import { checkComparison } from './comparisonChecks';

/** An amount or count of the prose, with what it was compared with. */
export interface ItemState {
  readonly item: Item;
  readonly record: ClaimRecord;
  /** The stated value (money in 万元). */
  readonly value: Dec;
  readonly figureId?: string;
  readonly title: string;
  readonly table?: ProseFigure;
  /** Outcome of the comparison with the table. */
  amount?: Outcome;
  /** Labelled with a year other than the report's (a figure of another year). */
  readonly otherYear: boolean;
  /** The table prints the figure, but a cell of it is not an amount: what it is, is unknown. */
  readonly tableUnreadable?: boolean;
}

export interface SectionCheck {
  readonly section: Section;
  readonly title: string;
  readonly reading: Reading;
  readonly map: TextMap;
  readonly items: readonly ItemState[];
  readonly byItem: ReadonlyMap<number, ItemState>;
  readonly changes: ReadonlyArray<{ readonly change: Change; readonly records: readonly ClaimRecord[] }>;
}

/** Figures that mean different money in a 财政拨款 or 一般公共预算 section (基本支出, 项目支出 …). */
const GENERIC = new Set(['basic', 'project', 'personnel', 'public']);

export function checkSection(ctx: AnalysisContext, section: Section, reading: Reading, map: TextMap): SectionCheck {
  const title = section.title?.value ?? '';
  const items: ItemState[] = [];
  const byItem = new Map<number, ItemState>();
  const sentenceOf = (start: number): string => reading.sentences.find((s) => start >= s.start && start < s.end)?.text.trim() ?? '';
  const spanOf = (start: number, end: number): Span => map.span(start, end);
  const reportYear = ctx.report.year;

  const truncations: Truncation[] = [];
  for (const item of reading.items) {
    const resolved = resolveItem(ctx, reading, item);
    const otherYear = reportYear !== undefined && reading.years.some((m) => m.role === 'label' && m.year !== reportYear && m.items.includes(item));
    const record = ctx.ledger.claim(item.kind === 'count' ? 'count' : 'amount', spanOf(item.token.start, item.token.end), item.token.text, sentenceOf(item.token.start), title, resolved.figureId);
    const state: ItemState = { item, record, value: valueInWan(item.token, ctx.report.unit), figureId: resolved.figureId, title: resolved.title, table: resolved.result.kind === 'figure' ? resolved.result.figure : undefined, otherYear, tableUnreadable: resolved.result.kind === 'none' && resolved.result.unreadable };
    items.push(state);
    byItem.set(item.id, state);
    // A count followed by the names it counts is checked against them (内设机构7个，包括：…).
    if (item.kind === 'count' && item.enumeration) compareWithEnumeration(ctx, state, spanOf(item.token.start, item.token.end));
    else if (resolved.result.kind === 'figure') compareWithTable(ctx, state, resolved.result.figure, spanOf(item.token.start, item.token.end), truncations);
    else if (!compareWithWhole(ctx, state, items, spanOf(item.token.start, item.token.end))) record.unverified(resolved.result.reason);
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
    checkComparison(ctx, comparison, subject, spanOf, sentenceOf(comparison.base.start), title);
  }
  for (const share of reading.shares) checkShare(ctx, share, byItem, items, spanOf(share.token.start, share.token.end), sentenceOf(share.token.start), title);
  const changes = reading.changes.map((change) => ({ change, records: checkChange(ctx, reading, change, byItem, items, spanOf, sentenceOf, title) }));
  checkLists(ctx, reading, byItem, items, title);
  return { section, title, reading, map, items, byItem, changes };
}

// ————————————————————————————————————————— amounts and counts

function resolveItem(ctx: AnalysisContext, reading: Reading, item: Item): { figureId?: string; title: string; result: FigureResult } {
  const scope = reading.topic.scope;
  if (item.functionLine) {
    // An item-by-item line of 财政拨款支出: its row in the 一般公共预算支出表 (else the section's tables).
    const resolved = resolveFunctionLine(ctx, item.functionLine);
    const printed = item.functionLine.parts.map((p) => p.name).join(' › ');
    if (!resolved.code) return { title: printed, result: { kind: 'none', reason: resolved.reason ?? t('"{0}" is not a figure the checker knows', printed) } };
    const name = ctx.codes.lookup(resolved.code, ctx.report.year)?.name ?? item.functionLine.parts[item.functionLine.parts.length - 1].name;
    const lineScope = ctx.report.tables.has('general_expense') ? 'general' : scope;
    return { figureId: `function:${resolved.code}`, title: `${name}（${resolved.code}）`, result: resolveCode(ctx, 'function', resolved.code, lineScope, name) };
  }
  if (item.code) {
    const name = ctx.codes.lookup(item.code.code, ctx.report.year)?.name ?? normalizeLabel(item.window).replace(/[（(][0-9]+[）)]$/, '');
    return { figureId: `${item.code.system}:${item.code.code}`, title: `${name}（${item.code.code}）`, result: resolveCode(ctx, item.code.system, item.code.code, scope, name) };
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
        return { figureId: `function:${code}`, title: `${name}（${code}）`, result: resolveCode(ctx, 'function', code, scope, name) };
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

function textFigure(label: string, token: { text: string }, span: Span): ClaimFigure {
  return { label, value: token.text, source: 'text', spans: [span] };
}

/**
 * A part of a figure (the 政府采购 reserved for 中小企业, the budget of the projects with 绩效目标)
 * that no table prints: it must not exceed its whole — the table's, or the whole stated earlier
 * in the section. False when there is no whole to compare with.
 */
function compareWithWhole(ctx: AnalysisContext, state: ItemState, items: readonly ItemState[], span: Span): boolean {
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

function compareWithTable(ctx: AnalysisContext, state: ItemState, figure: ProseFigure, span: Span, truncations?: Truncation[]): void {
  const { item, record } = state;
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
    if (agreement === 'mismatch' && truncations && figureDecimals > token.decimals && !exact.isNegative() && truncated(exact, token.decimals).eq(token.value)) {
      // 73.989 printed 73.98: perhaps cut instead of rounded. Decided once the section is read:
      // several such figures are a habit of the list (information), one alone is a mismatch.
      const cut = showWan(figure.value.div(unitFactor(unit)), Math.min(figureDecimals, 6));
      truncations.push({
        asCut: () => {
          state.amount = 'info';
          record.add({ outcome: 'info', expected, formula: figure.source.label, figures });
          ctx.ledger.issue('text/amount', span, t('{0}: {1} is {2} cut to {3} decimals; rounded it is {4}', state.title, token.text, cut, token.decimals, expected), { computed: expected, formula: figure.source.label, fixes: [{ title: t('Replace with {0}', expected), edits: [{ span, newText: expected }] }] }, 'information');
        },
        asMismatch: () => recordMismatch(ctx, state, figure, span, expected, figures),
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
  recordMismatch(ctx, state, figure, span, expected, figures);
}

/** A figure of the prose that disagrees with its table: the claim, the finding and its fix. */
function recordMismatch(ctx: AnalysisContext, state: ItemState, figure: ProseFigure, span: Span, expected: string, figures: ClaimFigure[]): void {
  const { item, record } = state;
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

/** A figure that may have been cut instead of rounded, decided with the other figures of its section. */
interface Truncation {
  asCut(): void;
  asMismatch(): void;
}

function compareWithEnumeration(ctx: AnalysisContext, state: ItemState, span: Span): void {
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

// ————————————————————————————————————————— shares

interface Operand {
  readonly value: Dec;
  readonly shown: string;
  readonly figure: ClaimFigure;
}

/** The stated value of an item and its table figure, as operands of a percentage. */
function operands(state: ItemState | undefined, span: (s: number, e: number) => Span): Operand[] {
  if (!state) return [];
  const result: Operand[] = [{ value: state.value, shown: state.item.token.text, figure: textFigure(state.title, state.item.token, span(state.item.token.start, state.item.token.end)) }];
  if (state.table && !state.table.value.eq(state.value)) result.push({ value: state.table.value, shown: showWan(state.table.value, state.table.decimals), figure: state.table.source });
  return result;
}

function tableOperand(result: FigureResult): Operand[] {
  if (result.kind !== 'figure') return [];
  const f = result.figure;
  return [{ value: f.value, shown: f.kind === 'count' ? f.value.toFixed(0) : showWan(f.value, f.decimals), figure: f.source }];
}

function latestItem(items: readonly ItemState[], before: number, matches: (s: ItemState) => boolean): ItemState | undefined {
  let found: ItemState | undefined;
  for (const s of items) if (s.item.token.start < before && matches(s)) found = s;
  return found;
}

function checkShare(ctx: AnalysisContext, share: Share, byItem: ReadonlyMap<number, ItemState>, items: readonly ItemState[], span: Span, sentence: string, title: string): void {
  const token = share.token;
  const mapSpan = (s: number, e: number): Span => spanFromItems(items, s, e) ?? span;
  const part = share.part ? byItem.get(share.part.id) : undefined;
  let wholes: Operand[] = [];
  if (share.wholeItem) {
    const w = byItem.get(share.wholeItem.id);
    wholes = operands(w, mapSpan);
  } else if (share.wholeMatch) {
    const def = share.wholeMatch.figure;
    const stated = latestItem(items, token.start, (s) => s.figureId === def.id);
    wholes = [...operands(stated, mapSpan).slice(0, 1), ...tableOperand(resolveNamed(ctx, def))];
  }
  const record = ctx.ledger.claim('share', span, token.text, sentence, title, part?.figureId);
  const parts = operands(part, mapSpan);
  if (parts.length === 0 || wholes.length === 0) {
    record.unverified(parts.length === 0 ? t('the percentage has no part stated before it') : share.wholeWords ? t('"{0}" is not a figure the checker knows', share.wholeWords) : t('the percentage names no whole'));
    return;
  }
  let first: { exact: Dec; formula: string; figures: ClaimFigure[] } | undefined;
  for (const p of parts) {
    for (const w of wholes) {
      const exact = percentOf(p.value, w.value);
      if (!exact) continue;
      const formula = `${p.shown} ÷ ${w.shown} × 100`;
      const figures = [p.figure, w.figure];
      if (comparePrinted(token.value, token.decimals, exact) === 'equal') {
        record.add({ outcome: 'ok', expected: token.text, formula, figures });
        return;
      }
      first = first ?? { exact, formula, figures };
    }
  }
  if (!first) {
    record.unverified(t('the whole is 0'));
    return;
  }
  const expected = printPercent(first.exact, token.decimals, token.text);
  record.add({ outcome: 'bad', expected, formula: first.formula, figures: first.figures });
  ctx.ledger.issue('text/share', span, t('Should be {0}% ({1}); the text says {2}%', expected, first.formula, token.text), {
    computed: expected,
    formula: first.formula,
    related: first.figures.flatMap((f) => f.spans.slice(0, 1)).map((s) => ({ span: s, message: t('compared with this figure') })),
    fixes: [{ title: t('Replace with {0}', expected), edits: [{ span, newText: expected }] }],
  });
}

function spanFromItems(items: readonly ItemState[], start: number, end: number): Span | undefined {
  const state = items.find((s) => s.item.token.start === start && s.item.token.end === end);
  return state?.record.span;
}

// ————————————————————————————————————————— changes

interface Subject {
  readonly figureId?: string;
  readonly previousKey?: string;
  readonly title: string;
  readonly stated?: ItemState;
  readonly table?: ProseFigure;
}

function subjectOf(ctx: AnalysisContext, reading: Reading, change: Change, byItem: ReadonlyMap<number, ItemState>, items: readonly ItemState[]): Subject | undefined {
  const at = change.delta?.token.start ?? change.rate?.token.start ?? change.flat?.start ?? 0;
  if (change.subjectItem) {
    const stated = byItem.get(change.subjectItem.id);
    if (!stated) return undefined;
    return { figureId: stated.figureId, previousKey: previousKeyOf(stated.figureId, reading.topic.scope), title: stated.title, stated, table: stated.table };
  }
  if (change.subjectMatch) {
    const def = change.subjectMatch.figure;
    const stated = latestItem(items, at, (s) => s.figureId !== undefined && groupKey(s.figureId) === groupKey(def.id));
    const result = resolveNamed(ctx, def);
    return { figureId: def.id, previousKey: previousKeyOf(def.id, reading.topic.scope), title: def.title, stated, table: result.kind === 'figure' ? result.figure : stated?.table };
  }
  return undefined;
}

/** The key of a figure's previous-year value: its group, with the fund scope for generic figures. */
export function previousKeyOf(figureId: string | undefined, scope: string): string | undefined {
  if (!figureId) return undefined;
  if (figureId.includes(':')) return `${figureId}@${scope}`;
  const def = figureDef(figureId);
  const key = groupKey(def?.previous ?? figureId);
  return GENERIC.has(key) && scope !== 'all' ? `${key}@${scope}` : key;
}

interface Current {
  readonly value: Dec;
  readonly shown: string;
  readonly figure: ClaimFigure;
}

function currents(subject: Subject, span: (s: number, e: number) => Span): Current[] {
  const result: Current[] = [];
  if (subject.stated) result.push({ value: subject.stated.value, shown: subject.stated.item.token.text, figure: textFigure(subject.title, subject.stated.item.token, span(subject.stated.item.token.start, subject.stated.item.token.end)) });
  if (subject.table && !result.some((c) => c.value.eq(subject.table!.value))) result.push({ value: subject.table.value, shown: showWan(subject.table.value, subject.table.decimals), figure: subject.table.source });
  return result;
}

/**
 * The previous: block's value for the subject, in 万元; what the block lacks, from last year's
 * report of the same department when the analysis has it (AnalysisContext.lastYear, no span:
 * it is in another file, which `from` names).
 */
function previousValue(ctx: AnalysisContext, subject: Subject): { value: Dec; decimals: number; span?: Span; from?: string } | undefined {
  const id = subject.figureId;
  if (!id) return undefined;
  const previous = ctx.report.previous;
  let cell;
  if (id.startsWith('function:')) cell = previous.functions.get(id.slice(9));
  else if (id.startsWith('economic:') || id.startsWith('government:')) cell = previous.economics.get(id.split(':')[1]);
  else cell = previous.figures.get(figureDef(id)?.previous ?? id) ?? previous.figures.get(id);
  if (!cell || cell.amount.blank && cell.span.end === cell.span.start) {
    const last = ctx.lastYear;
    if (!last) return undefined;
    const figure = id.startsWith('function:') ? last.figures.functions.get(id.slice(9))
      : id.startsWith('economic:') ? last.figures.economics.get(id.split(':')[1])
      : id.startsWith('government:') ? undefined
      : last.figures.figures.get(figureDef(id)?.previous ?? id);
    return figure ? { value: figure.value, decimals: figure.decimals, from: t('{0}: {1}', last.name, figure.where) } : undefined;
  }
  const inYuan = previous.unit === '元';
  const factor = inYuan ? new Dec(1).div(TEN_THOUSAND) : new Dec(1);
  return { value: cell.amount.value.times(factor), decimals: cell.amount.decimals + (inYuan ? 4 : 0), span: cell.span };
}

function checkChange(
  ctx: AnalysisContext,
  reading: Reading,
  change: Change,
  byItem: ReadonlyMap<number, ItemState>,
  items: readonly ItemState[],
  spanOf: (s: number, e: number) => Span,
  sentenceOf: (s: number) => string,
  title: string,
): ClaimRecord[] {
  const ledger = ctx.ledger;
  const subject = subjectOf(ctx, reading, change, byItem, items);
  const figureId = subject?.figureId;
  const deltaSpan = change.delta ? spanOf(change.delta.token.start, change.delta.token.end) : undefined;
  const pctSpan = change.rate ? spanOf(change.rate.token.start, change.rate.token.end) : undefined;
  const flatSpan = change.flat ? spanOf(change.flat.start, change.flat.end) : undefined;
  const at = changeStart(change);
  const sentence = sentenceOf(at);
  const deltaRecord = change.delta ? ledger.claim('change', deltaSpan!, change.delta.token.text, sentence, title, figureId) : undefined;
  const pctRecord = change.rate ? ledger.claim('change', pctSpan!, change.rate.token.text, sentence, title, figureId) : undefined;
  const flatRecord = change.flat ? ledger.claim('change', flatSpan!, change.flat.text, sentence, title, figureId) : undefined;
  const records = [deltaRecord, pctRecord, flatRecord].filter((r): r is ClaimRecord => !!r);
  const reasonless = t('no previous-year figure to compare with');
  for (const r of records) r.unverified(reasonless);
  if (!subject) {
    for (const r of records) r.reason = t('the change names no figure');
    return records;
  }
  const curs = currents(subject, spanOf);
  if (curs.length === 0) {
    for (const r of records) r.reason = t('the current figure of {0} is not known', subject.title);
    return records;
  }
  const direction = changeDirection(change);
  const deltaWan = change.delta ? valueInWan(change.delta.token, ctx.report.unit) : undefined;
  const signedDelta = deltaWan ? (direction < 0 ? deltaWan.negated() : deltaWan) : undefined;

  // Directions: 增加 … 增长 / 减少 … 下降.
  if (change.delta && change.rate && change.delta.direction && change.rate.direction && change.delta.direction !== change.rate.direction) {
    const figures = [textFigure(subject.title, change.delta.token, deltaSpan!), textFigure(subject.title, change.rate.token, pctSpan!)];
    deltaRecord!.add({ outcome: 'bad', figures });
    pctRecord!.add({ outcome: 'bad', figures });
    ledger.issue('text/change', pctSpan!, t('"{0}" and "{1}" point in opposite directions', change.delta.word, change.rate.word), { related: [{ span: deltaSpan!, message: change.delta.word }] });
  } else if (change.delta && change.rate && signedDelta && deltaWan) {
    checkPercentOfChange(ctx, change, curs, deltaWan, signedDelta, deltaRecord!, pctRecord!, deltaSpan!, pctSpan!);
  }

  const previous = previousValue(ctx, subject);
  if (previous) checkAgainstPrevious(ctx, change, subject, curs, previous, deltaRecord, pctRecord, flatRecord, deltaSpan, pctSpan, flatSpan);

  // What the change says about last year's figure, for the consistency of all changes.
  const key = subject.previousKey;
  if (key && (signedDelta || change.flat)) {
    // The table's figure is the most precise current value; the prose's when there is none.
    const cur = subject.table
      ? { value: subject.table.value, shown: showWan(subject.table.value, subject.table.decimals), decimals: subject.table.decimals, rounding: subject.table.blank ? ZERO : halfUnit(subject.table.decimals) }
      : { value: curs[0].value, shown: curs[0].shown, decimals: subject.stated?.item.token.decimals ?? 2, rounding: halfUnit(subject.stated?.item.token.decimals ?? 2) };
    const value = signedDelta ? cur.value.minus(signedDelta) : cur.value;
    const shownDelta = change.delta?.token.text ?? '0';
    const formula = change.flat ? `${cur.shown}` : direction < 0 ? `${cur.shown} + ${shownDelta}` : `${cur.shown} − ${shownDelta}`;
    const uncertainty = cur.rounding.plus(change.delta ? halfUnit(change.delta.token.decimals).times(unitFactor(textUnit(change.delta.token, ctx.report.unit))) : ZERO).plus(ctx.settings.tolerance);
    ctx.facts.push({
      key,
      figure: figureId!,
      value,
      decimals: Math.max(change.delta?.token.decimals ?? 0, cur.decimals),
      uncertainty,
      records: records.filter((r) => r !== pctRecord || !pctRecord.has('bad')),
      span: deltaSpan ?? flatSpan,
      formula,
      title: subject.title,
      doubtful: subject.stated?.amount === 'bad',
    });
  }
  return records;
}

function checkPercentOfChange(ctx: AnalysisContext, change: Change, curs: readonly Current[], deltaWan: Dec, signedDelta: Dec, deltaRecord: ClaimRecord, pctRecord: ClaimRecord, deltaSpan: Span, pctSpan: Span): void {
  const pct = change.rate!.token;
  const delta = change.delta!.token;
  let zeroBase: { formula: string; figures: ClaimFigure[] } | undefined;
  let negative: { formula: string; cur: Current; base: Dec; figures: ClaimFigure[] } | undefined;
  let first: { exact: Dec; formula: string; figures: ClaimFigure[] } | undefined;
  for (const cur of curs) {
    const base = cur.value.minus(signedDelta);
    const baseFormula = signedDelta.isNegative() ? `${cur.shown} + ${delta.text}` : `${cur.shown} − ${delta.text}`;
    const figures = [cur.figure, textFigure(t('the change stated'), delta, deltaSpan)];
    if (base.isZero()) {
      zeroBase = zeroBase ?? { formula: baseFormula, figures };
      continue;
    }
    if (base.isNegative()) {
      negative = negative ?? { formula: baseFormula, cur, base, figures };
      continue;
    }
    const exact = deltaWan.div(base).times(HUNDRED);
    const formula = `${delta.text} ÷ (${baseFormula}) × 100`;
    if (comparePrinted(pct.value, pct.decimals, exact) === 'equal') {
      deltaRecord.add({ outcome: 'ok', expected: delta.text, formula, figures });
      pctRecord.add({ outcome: 'ok', expected: pct.text, formula, figures });
      return;
    }
    first = first ?? { exact, formula, figures };
  }
  if (zeroBase) {
    if (pct.value.eq(HUNDRED)) {
      deltaRecord.add({ outcome: 'info', formula: zeroBase.formula, figures: zeroBase.figures });
      pctRecord.add({ outcome: 'info', expected: pct.text, formula: zeroBase.formula, figures: zeroBase.figures });
      // The figures agree (the claim is information), but a rate from 0 is undefined: 增长100% is
      // a habit of the templates that reviewers ask to replace with words (issue 13).
      ctx.ledger.issue('text/change', pctSpan, t('The previous-year figure is 0 ({0}): a rate of change cannot be computed from it; 增长100% is only a habit — say that there was none last year', zeroBase.formula), { formula: zeroBase.formula }, 'warning');
      return;
    }
    if (!first) {
      pctRecord.add({ outcome: 'bad', formula: zeroBase.formula, figures: zeroBase.figures });
      ctx.ledger.issue('text/change', pctSpan, t('The previous-year figure is 0 ({0}): no percentage can be computed; the text says {1}%', zeroBase.formula, pct.text), { formula: zeroBase.formula, related: [{ span: deltaSpan, message: t('the change stated') }] });
      return;
    }
  }
  if (negative && !first) {
    deltaRecord.add({ outcome: 'bad', formula: negative.formula, figures: negative.figures });
    pctRecord.add({ outcome: 'bad', formula: negative.formula, figures: negative.figures });
    ctx.ledger.issue('text/change', deltaSpan, t('{0} is more than the current figure {1}: the previous-year figure would be {2}', delta.text, negative.cur.shown, showWan(negative.base, delta.decimals)), { formula: negative.formula, related: [{ span: pctSpan, message: t('the change stated') }] });
    return;
  }
  if (!first) return;
  const expected = printPercent(first.exact, pct.decimals, pct.text);
  deltaRecord.add({ outcome: 'bad', expected: delta.text, formula: first.formula, figures: first.figures, sentenceOnly: true });
  pctRecord.add({ outcome: 'bad', expected, formula: first.formula, figures: first.figures, sentenceOnly: true });
  ctx.ledger.issue('text/change', pctSpan, t('Should be {0}% ({1}); the text says {2}%', expected, first.formula, pct.text), {
    computed: expected,
    formula: first.formula,
    related: [{ span: deltaSpan, message: t('the change stated') }, ...first.figures[0].spans.slice(0, 1).map((s) => ({ span: s, message: t('compared with this figure') }))],
    fixes: [{ title: t('Replace with {0}', expected), edits: [{ span: pctSpan, newText: expected }] }],
  });
}

function checkAgainstPrevious(
  ctx: AnalysisContext,
  change: Change,
  subject: Subject,
  curs: readonly Current[],
  previous: { value: Dec; decimals: number; span?: Span; from?: string },
  deltaRecord: ClaimRecord | undefined,
  pctRecord: ClaimRecord | undefined,
  flatRecord: ClaimRecord | undefined,
  deltaSpan: Span | undefined,
  pctSpan: Span | undefined,
  flatSpan: Span | undefined,
): void {
  const shownPrevious = showWan(previous.value, previous.decimals);
  const previousFigure: ClaimFigure = previous.span
    ? { label: t('{0}, previous year (previous:)', subject.title), value: shownPrevious, source: 'previous', spans: [previous.span] }
    : { label: t('{0}, previous year (last year\'s report {1})', subject.title, previous.from ?? ''), value: shownPrevious, source: 'previous', spans: [] };
  const related = previous.span ? [{ span: previous.span, message: t('previous-year figure') }] : [];
  const direction = changeDirection(change);
  if (change.delta && deltaRecord && deltaSpan) {
    const token = change.delta.token;
    let ok = false;
    let firstExpected: { text: string; formula: string; figures: ClaimFigure[]; direction: 1 | -1 | 0 } | undefined;
    for (const cur of curs) {
      const difference = cur.value.minus(previous.value);
      const formula = `${cur.shown} − ${shownPrevious}`;
      const figures = [cur.figure, previousFigure];
      // A change printed as 0 (0.00) has no direction: either word goes with it.
      const sameDirection = difference.isZero() || token.value.isZero() || (difference.isNegative() ? direction < 0 : direction > 0);
      if (sameDirection && comparePrinted(token.value, token.decimals, difference.abs().div(unitFactor(textUnit(token, ctx.report.unit))), ctx.settings.tolerance) !== 'mismatch') {
        deltaRecord.add({ outcome: 'ok', expected: token.text, formula, figures });
        ok = true;
        break;
      }
      const text = printLike(difference.abs(), token, ctx.report.unit);
      firstExpected = firstExpected ?? { text, formula, figures, direction: printedSign(text, difference) };
    }
    if (!ok && firstExpected) {
      deltaRecord.add({ outcome: 'bad', expected: firstExpected.text, formula: firstExpected.formula, figures: firstExpected.figures, direction: firstExpected.direction });
      ctx.ledger.issue('text/change', deltaSpan, t('Should be {0} ({1}); the text says {2}', firstExpected.text, firstExpected.formula, token.text), { computed: firstExpected.text, formula: firstExpected.formula, related, fixes: [{ title: t('Replace with {0}', firstExpected.text), edits: [{ span: deltaSpan, newText: firstExpected.text }] }] });
    }
  }
  if (change.rate && pctRecord && pctSpan) {
    const token = change.rate.token;
    let firstExpected: { text: string; formula: string; figures: ClaimFigure[]; direction: 1 | -1 | 0 } | undefined;
    let done = false;
    for (const cur of curs) {
      const difference = cur.value.minus(previous.value);
      const formula = `(${cur.shown} − ${shownPrevious}) ÷ ${shownPrevious} × 100`;
      const figures = [cur.figure, previousFigure];
      if (previous.value.isZero()) {
        if (token.value.eq(HUNDRED)) {
          pctRecord.add({ outcome: 'info', expected: token.text, formula, figures });
          done = true;
          break;
        }
        continue;
      }
      const exact = difference.abs().div(previous.value).times(HUNDRED);
      // A change printed as 0 (0.00) has no direction: either word goes with it.
      const sameDirection = difference.isZero() || token.value.isZero() || (difference.isNegative() ? direction < 0 : direction > 0);
      if (sameDirection && comparePrinted(token.value, token.decimals, exact) === 'equal') {
        pctRecord.add({ outcome: 'ok', expected: token.text, formula, figures });
        done = true;
        break;
      }
      const text = printPercent(exact, token.decimals, token.text);
      firstExpected = firstExpected ?? { text, formula, figures, direction: printedSign(text, difference) };
    }
    if (!done && firstExpected) {
      pctRecord.add({ outcome: 'bad', expected: firstExpected.text, formula: firstExpected.formula, figures: firstExpected.figures, direction: firstExpected.direction });
      ctx.ledger.issue('text/change', pctSpan, t('Should be {0}% ({1}); the text says {2}%', firstExpected.text, firstExpected.formula, token.text), { computed: firstExpected.text, formula: firstExpected.formula, related, fixes: [{ title: t('Replace with {0}', firstExpected.text), edits: [{ span: pctSpan, newText: firstExpected.text }] }] });
    }
  }
  if (change.flat && flatRecord && flatSpan) {
    const ok = curs.some((cur) => comparePrinted(previous.value, Math.min(previous.decimals, cur.figure.value.includes('.') ? cur.figure.value.split('.')[1].length : 0), cur.value) === 'equal' || cur.value.eq(previous.value));
    const cur = curs[0];
    const figures = [cur.figure, previousFigure];
    if (ok) flatRecord.add({ outcome: 'ok', formula: `${cur.shown} = ${shownPrevious}`, figures });
    else {
      flatRecord.add({ outcome: 'bad', formula: `${cur.shown} ≠ ${shownPrevious}`, figures });
      ctx.ledger.issue('text/change', flatSpan, t('Not unchanged: {0} this year against {1} the year before', cur.shown, shownPrevious), { formula: `${cur.shown} − ${shownPrevious}`, related });
    }
  }
}

/** The direction of a change as printed: none when the value prints as 0 (0.00). */
export function printedSign(printed: string, value: Dec): 1 | -1 | 0 {
  return value.isZero() || !/[1-9１-９]/.test(printed) ? 0 : value.isNegative() ? -1 : 1;
}

// ————————————————————————————————————————— 其中 lists

interface Member {
  readonly value: Dec;
  readonly decimals: number;
  /** Stated items the value comes from (none for a figure the table shows as 0). */
  readonly states: readonly ItemState[];
  readonly shown: string;
}

function checkLists(ctx: AnalysisContext, reading: Reading, byItem: ReadonlyMap<number, ItemState>, items: readonly ItemState[], title: string): void {
  const done = new Set<number>();
  const ordered = [...reading.lists].sort((a, b) => b.closeAt - b.openAt - (a.closeAt - a.openAt) || a.openAt - b.openAt);
  for (const list of ordered) {
    const whole = byItem.get(list.whole.id);
    if (!whole) continue;
    const inRange = items.filter((s) => s.item.token.start >= list.openAt && s.item.token.start < list.closeAt);
    const relation = whole.figureId ? relationOf(whole.figureId) : undefined;
    const allowed = relation ? new Set([relation.whole, ...descendantsOf(relation.whole)]) : undefined;
    const relationMode = !!relation && list.items.every((i) => {
      const id = byItem.get(i.id)?.figureId;
      return !!id && allowed!.has(id);
    });
    if (relationMode) {
      for (const candidate of [whole, ...inRange]) {
        if (done.has(candidate.item.id) || !candidate.figureId) continue;
        const r = relationOf(candidate.figureId);
        if (!r || !inRange.some((s) => s !== candidate && r.parts.includes(s.figureId ?? ''))) continue;
        done.add(candidate.item.id);
        relationCheck(ctx, candidate, r, inRange, title);
      }
      continue;
    }
    if (done.has(whole.item.id)) continue;
    done.add(whole.item.id);
    const parts = list.items.map((i) => byItem.get(i.id)).filter((s): s is ItemState => !!s);
    partsCheck(ctx, whole, parts.map((s) => ({ value: s.value, decimals: s.item.token.decimals, states: [s], shown: s.item.token.text })), false, title);
  }
}

/** Values of the parts of a relation from what the list states, the parts' own parts, or a table 0. */
function relationCheck(ctx: AnalysisContext, whole: ItemState, relation: Relation, inRange: readonly ItemState[], title: string): void {
  const memberOf = (id: string, depth: number): Member | undefined => {
    const stated = inRange.find((s) => s !== whole && s.figureId === id);
    if (stated) return { value: stated.value, decimals: stated.item.token.decimals, states: [stated], shown: stated.item.token.text };
    const sub = relationOf(id);
    if (sub && depth < 4) {
      const members = sub.parts.map((p) => memberOf(p, depth + 1));
      if (members.every((m): m is Member => !!m) && members.some((m) => m.states.length > 0)) {
        return { value: members.reduce((sum, m) => sum.plus(m.value), ZERO), decimals: Math.min(...members.map((m) => m.decimals)), states: members.flatMap((m) => m.states), shown: `(${members.map((m) => m.shown).join(' + ')})` };
      }
    }
    const def = figureDef(id);
    const table = def ? resolveNamed(ctx, def) : undefined;
    if (table?.kind === 'figure' && table.figure.value.isZero()) return { value: ZERO, decimals: 2, states: [], shown: '0' };
    return undefined;
  };
  const members = relation.parts.map((p) => memberOf(p, 0));
  const complete = members.every((m) => !!m);
  const known = members.filter((m): m is Member => !!m);
  if (!known.some((m) => m.states.length > 0)) return;
  partsCheck(ctx, whole, known.filter((m) => m.states.length > 0), complete, title);
}

function partsCheck(ctx: AnalysisContext, whole: ItemState, members: readonly Member[], complete: boolean, title: string): void {
  if (members.length === 0) return;
  const states = members.flatMap((m) => m.states);
  const sum = members.reduce((s, m) => s.plus(m.value), ZERO);
  const count = states.length;
  const decimals = Math.min(...states.map((s) => s.item.token.decimals));
  const token = whole.item.token;
  const span = whole.record.span;
  const shownSum = whole.item.kind === 'count' ? sum.toFixed(0) : showWan(sum.div(unitFactor(textUnit(token, ctx.report.unit))), Math.max(token.decimals, ...states.map((s) => s.item.token.decimals)));
  const formula = `${members.map((m) => m.shown).join(' + ')} = ${shownSum}`;
  const figures: ClaimFigure[] = [textFigure(whole.title, token, span), ...states.map((s) => textFigure(s.title, s.item.token, s.record.span))];
  const wholeValue = whole.value;
  const agreement = compareSum(wholeValue, token.decimals, sum, count, decimals, ctx.settings.tolerance);
  const exceeds = agreement === 'mismatch' && sum.gt(wholeValue);
  const rootCause = [whole, ...states].some((s) => s.amount === 'bad');
  const related = states.map((s) => ({ span: s.record.span, message: s.title }));
  const fixText = printLike(sum, token, ctx.report.unit);
  const outcome: Outcome | 'partial' | 'none' = agreement === 'equal' ? 'ok' : agreement === 'rounding' ? (complete || count > 1 ? 'info' : 'none') : exceeds || complete ? 'bad' : count >= 2 ? 'partial' : 'none';
  if (outcome === 'none') return;
  if (count < 2 && outcome !== 'ok' && outcome !== 'bad') return;
  const record = ctx.ledger.claim('parts', span, token.text, whole.record.sentence, title, whole.figureId);
  if (outcome === 'partial') {
    record.unverified(t('the list may not name every part'));
    if (!rootCause) ctx.ledger.issue('text/parts', span, t('The parts listed add up to {0} ({1}), less than the whole {2}: the list may be partial', shownSum, formula, token.text), { computed: shownSum, formula, related }, 'information');
    return;
  }
  if (rootCause) {
    // A part that disagrees with its table is the slip; the sum follows from it.
    record.unverified(t('a part of the list disagrees with its table'));
    return;
  }
  const check = { outcome: outcome as Outcome, expected: outcome === 'ok' ? token.text : fixText, formula, figures };
  record.add(check);
  // A part is checked by the sum only to the precision of the whole (1484.2 sees no 0.01 in a part).
  const wholeDecimals = token.decimals + (textUnit(token, ctx.report.unit) === '元' ? -4 : textUnit(token, ctx.report.unit) === '亿元' ? 4 : 0);
  for (const s of [whole, ...states]) {
    const ownDecimals = s.item.token.decimals + (textUnit(s.item.token, ctx.report.unit) === '元' ? -4 : textUnit(s.item.token, ctx.report.unit) === '亿元' ? 4 : 0);
    s.record.add({ outcome: outcome as Outcome, formula, figures, decimals: s !== whole && wholeDecimals < ownDecimals ? s.item.token.decimals - (ownDecimals - wholeDecimals) : undefined });
  }
  if (outcome === 'info') {
    ctx.ledger.issue('text/parts', span, t('The parts add up to {0} ({1}); the whole {2} differs only by rounding', shownSum, formula, token.text), { computed: shownSum, formula, related }, 'information');
  } else if (outcome === 'bad') {
    const message = exceeds
      ? t('The parts listed add up to {0} ({1}), more than the whole {2}', shownSum, formula, token.text)
      : t('The parts listed cover every item and add up to {0} ({1}), not {2}', shownSum, formula, token.text);
    const fixes = whole.table ? [] : [{ title: t('Replace with {0}', fixText), edits: [{ span, newText: fixText }] }];
    ctx.ledger.issue('text/parts', span, message, { computed: shownSum, formula, related, fixes });
  }
}
