import { comparePrinted, Dec, halfUnit, ZERO, HUNDRED, TEN_THOUSAND } from '../amount/rounding';
import { t } from '../i18n/l10n';
import type { Span } from '../yaml/ast';
import { figureDef, groupKey } from './dictionary';
import { resolveNamed } from './figures';
import type { ProseFigure } from './figures';
import { isCodeFigureId } from './figureIds';
import type { FigureId } from './figureIds';
import type { NumberToken } from './numbers';
import { changeDirection, changeStart } from './reading';
import type { Change, Direction } from './reading';
import type { ClaimRecord } from './claims';
import type { AnalysisContext } from './context';
import type { ClaimFigure } from './types';
import { printLike, printPercent, showWan, textUnit, unitFactor, valueInWan } from './values';
import { latestItem, printedSign, textFigure } from './checkScope';
import type { ItemState, SectionScope } from './checkScope';

/**
 * Changes (text/change): a change claim (比上年增加 Δ 万元，增长 p% · 与上年持平) is checked as one
 * object — the figure it speaks about and its current values, the Δ, the rate and the 持平 with
 * their places and claims, the direction its words say. Its Δ and rate must agree with each other
 * and go the same way, and with last year's figure (previous: or last year's report); what it
 * implies about last year's figure is kept for the consistency of all changes (previousYear.ts).
 */

/** Figures that mean different money in a 财政拨款 or 一般公共预算 section (基本支出, 项目支出 …). */
const GENERIC = new Set(['basic', 'project', 'personnel', 'public']);

interface Subject {
  readonly figureId?: FigureId;
  readonly previousKey?: string;
  readonly title: string;
  readonly stated?: ItemState;
  readonly table?: ProseFigure;
}

function subjectOf(scope: SectionScope, change: Change): Subject | undefined {
  const { ctx, reading, byItem, items } = scope;
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
export function previousKeyOf(figureId: FigureId | undefined, scope: string): string | undefined {
  if (!figureId) return undefined;
  if (isCodeFigureId(figureId)) return `${figureId}@${scope}`;
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

/** A previous-year figure of the subject, in 万元 (`from`: last year's report, when it comes from there). */
interface PreviousValue {
  readonly value: Dec;
  readonly decimals: number;
  readonly span?: Span;
  readonly from?: string;
}

/**
 * The previous: block's value for the subject, in 万元; what the block lacks, from last year's
 * report of the same department when the analysis has it (AnalysisContext.lastYear, no span:
 * it is in another file, which `from` names).
 */
function previousValue(ctx: AnalysisContext, subject: Subject): PreviousValue | undefined {
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

/** A number of a change as checked: where it is written and its claim. */
interface StatedPart {
  readonly token: NumberToken;
  readonly direction: Direction;
  readonly word: string;
  readonly span: Span;
  readonly record: ClaimRecord;
}

/** One change claim as checked. */
interface ChangeClaim {
  readonly change: Change;
  readonly subject: Subject;
  /** The current figure: as stated and as the table prints it (when they differ). */
  readonly currents: readonly Current[];
  /** The direction the words say: the Δ's, else the rate's (0 for 持平). */
  readonly direction: Direction;
  /** The Δ, in 万元 and signed by its word. */
  readonly delta?: StatedPart & { readonly wan: Dec; readonly signed: Dec };
  readonly rate?: StatedPart;
  readonly flat?: { readonly span: Span; readonly record: ClaimRecord; readonly text: string };
  /** The base: last year's figure of the subject, when previous: or last year's report gives it. */
  readonly previous?: PreviousValue;
}

/** A change with both a Δ and a rate (增加 203.20 万元，增长 62.33%). */
type DeltaAndRate = ChangeClaim & { readonly delta: NonNullable<ChangeClaim['delta']>; readonly rate: StatedPart };

function hasDeltaAndRate(claim: ChangeClaim): claim is DeltaAndRate {
  return claim.delta !== undefined && claim.rate !== undefined;
}

export function checkChange(scope: SectionScope, change: Change): ClaimRecord[] {
  const { ctx, title } = scope;
  const ledger = ctx.ledger;
  const subject = subjectOf(scope, change);
  const figureId = subject?.figureId;
  const sentence = scope.sentenceOf(changeStart(change));
  const stated = (part: { token: NumberToken; direction: Direction; word: string }): StatedPart => {
    const span = scope.spanOf(part.token.start, part.token.end);
    return { ...part, span, record: ledger.claim('change', span, part.token.text, sentence, title, figureId) };
  };
  const delta = change.delta ? stated(change.delta) : undefined;
  const rate = change.rate ? stated(change.rate) : undefined;
  const flatSpan = change.flat ? scope.spanOf(change.flat.start, change.flat.end) : undefined;
  const flat = change.flat ? { span: flatSpan!, text: change.flat.text, record: ledger.claim('change', flatSpan!, change.flat.text, sentence, title, figureId) } : undefined;
  const records = [delta?.record, rate?.record, flat?.record].filter((r): r is ClaimRecord => !!r);
  const reasonless = t('no previous-year figure to compare with');
  for (const r of records) r.unverified(reasonless);
  if (!subject) {
    for (const r of records) r.reason = t('the change names no figure');
    return records;
  }
  const curs = currents(subject, scope.spanOf);
  if (curs.length === 0) {
    for (const r of records) r.reason = t('the current figure of {0} is not known', subject.title);
    return records;
  }
  const direction = changeDirection(change);
  const deltaWan = delta ? valueInWan(delta.token, ctx.report.unit) : undefined;
  const claim: ChangeClaim = {
    change,
    subject,
    currents: curs,
    direction,
    delta: delta && deltaWan ? { ...delta, wan: deltaWan, signed: direction < 0 ? deltaWan.negated() : deltaWan } : undefined,
    rate,
    flat,
    previous: previousValue(ctx, subject),
  };

  // Directions: 增加 … 增长 / 减少 … 下降.
  if (claim.delta && claim.rate && claim.delta.direction && claim.rate.direction && claim.delta.direction !== claim.rate.direction) {
    const figures = [textFigure(subject.title, claim.delta.token, claim.delta.span), textFigure(subject.title, claim.rate.token, claim.rate.span)];
    claim.delta.record.add({ outcome: 'bad', figures });
    claim.rate.record.add({ outcome: 'bad', figures });
    ledger.issue('text/change', claim.rate.span, t('"{0}" and "{1}" point in opposite directions', claim.delta.word, claim.rate.word), { related: [{ span: claim.delta.span, message: claim.delta.word }] });
  } else if (hasDeltaAndRate(claim)) {
    checkPercentOfChange(ctx, claim);
  }

  if (claim.previous) checkAgainstPrevious(ctx, { ...claim, previous: claim.previous });
  impliedPrevious(ctx, claim, records);
  return records;
}

/** What the change says about last year's figure, for the consistency of all changes. */
function impliedPrevious(ctx: AnalysisContext, claim: ChangeClaim, records: readonly ClaimRecord[]): void {
  const { subject, currents: curs, direction, delta, flat } = claim;
  const key = subject.previousKey;
  if (!key || !(delta || flat)) return;
  // The table's figure is the most precise current value; the prose's when there is none.
  const cur = subject.table
    ? { value: subject.table.value, shown: showWan(subject.table.value, subject.table.decimals), decimals: subject.table.decimals, rounding: subject.table.blank ? ZERO : halfUnit(subject.table.decimals) }
    : { value: curs[0].value, shown: curs[0].shown, decimals: subject.stated?.item.token.decimals ?? 2, rounding: halfUnit(subject.stated?.item.token.decimals ?? 2) };
  const value = delta ? cur.value.minus(delta.signed) : cur.value;
  const shownDelta = delta?.token.text ?? '0';
  const formula = flat ? `${cur.shown}` : direction < 0 ? `${cur.shown} + ${shownDelta}` : `${cur.shown} − ${shownDelta}`;
  const uncertainty = cur.rounding.plus(delta ? halfUnit(delta.token.decimals).times(unitFactor(textUnit(delta.token, ctx.report.unit))) : ZERO).plus(ctx.settings.tolerance);
  const rateRecord = claim.rate?.record;
  ctx.facts.push({
    key,
    figure: subject.figureId!,
    value,
    decimals: Math.max(delta?.token.decimals ?? 0, cur.decimals),
    uncertainty,
    records: records.filter((r) => r !== rateRecord || !rateRecord.has('bad')),
    span: delta?.span ?? flat?.span,
    formula,
    title: subject.title,
    doubtful: subject.stated?.amount === 'bad',
  });
}

/** The rate of a change against its Δ: Δ ÷ (current − Δ) × 100. */
function checkPercentOfChange(ctx: AnalysisContext, claim: DeltaAndRate): void {
  const { token: delta, wan: deltaWan, signed: signedDelta, record: deltaRecord, span: deltaSpan } = claim.delta;
  const { token: pct, record: pctRecord, span: pctSpan } = claim.rate;
  let zeroBase: { formula: string; figures: ClaimFigure[] } | undefined;
  let negative: { formula: string; cur: Current; base: Dec; figures: ClaimFigure[] } | undefined;
  let first: { exact: Dec; formula: string; figures: ClaimFigure[] } | undefined;
  for (const cur of claim.currents) {
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

/** The Δ, the rate and 持平 against last year's figure (previous: or last year's report). */
function checkAgainstPrevious(ctx: AnalysisContext, claim: ChangeClaim & { readonly previous: PreviousValue }): void {
  const { subject, currents: curs, direction, previous } = claim;
  const shownPrevious = showWan(previous.value, previous.decimals);
  const previousFigure: ClaimFigure = previous.span
    ? { label: t('{0}, previous year (previous:)', subject.title), value: shownPrevious, source: 'previous', spans: [previous.span] }
    : { label: t('{0}, previous year (last year\'s report {1})', subject.title, previous.from ?? ''), value: shownPrevious, source: 'previous', spans: [] };
  const related = previous.span ? [{ span: previous.span, message: t('previous-year figure') }] : [];
  if (claim.delta) {
    const { token, record: deltaRecord, span: deltaSpan } = claim.delta;
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
  if (claim.rate) {
    const { token, record: pctRecord, span: pctSpan } = claim.rate;
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
  if (claim.flat) {
    const { record: flatRecord, span: flatSpan } = claim.flat;
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
