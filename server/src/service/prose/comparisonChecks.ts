import { comparePrinted, Dec, HUNDRED, ZERO } from '../amount/rounding';
import { t } from '../i18n/l10n';
import type { ExecutedComparison } from './executedComparisons';
import type { ClaimRecord } from './claims';
import type { ItemState, SectionScope } from './checkScope';
import type { ClaimFigure } from './types';
import { codeOf, executedFigureId } from './figureIds';
import { printLike, printPercent, showWan, textUnit, unitFactor, valueInWan } from './values';
import { printedSign } from './checkScope';

/**
 * 执行数为 A，预算安排 B，比执行数增加 C% (issue 13). B is the item's own figure: it must be the
 * amount the line states and its table row holds. A is last year's 执行数: checked against
 * `previous.executed` when the report gives it. C is checked against A and B — against the
 * table's exact figure too, since authors compute from either — and its word must go the way
 * the figures go. A base of 0 has no rate: 增加100% from 0 is flagged.
 */
export function checkComparison(scope: SectionScope, comparison: ExecutedComparison, subject: ItemState | undefined): ClaimRecord[] {
  const { ctx, title, spanOf } = scope;
  const sentence = scope.sentenceOf(comparison.base.start);
  const ledger = ctx.ledger;
  const figureId = subject?.figureId;
  const { base, current, pct } = comparison;
  const unit = ctx.report.unit;
  const baseSpan = spanOf(base.start, base.end);
  const currentSpan = spanOf(current.start, current.end);
  const baseRecord = ledger.claim('amount', baseSpan, base.text, sentence, title, figureId ? executedFigureId(figureId) : undefined);
  const currentRecord = ledger.claim('amount', currentSpan, current.text, sentence, title, figureId);
  const changeSpan = pct ? spanOf(pct.start, pct.end) : spanOf(comparison.wordStart, comparison.wordEnd);
  const changeRecord = ledger.claim('change', changeSpan, pct?.text ?? comparison.word, sentence, title, figureId);
  const records = [baseRecord, currentRecord, changeRecord];
  const baseWan = valueInWan(base, unit);
  const currentWan = valueInWan(current, unit);
  const baseFigure: ClaimFigure = { label: t('{0}, last year\'s 执行数 (stated)', subject?.title ?? title), value: base.text, source: 'text', spans: [baseSpan] };
  const currentFigure: ClaimFigure = { label: t('{0}, this year (stated)', subject?.title ?? title), value: current.text, source: 'text', spans: [currentSpan] };

  // B: the line's own amount and its table row.
  const candidates: Array<{ value: Dec; figure: ClaimFigure; label: string }> = [{ value: currentWan, figure: currentFigure, label: current.text }];
  if (subject) {
    const headline = subject.item.token;
    const headlineWan = subject.value;
    const headlineFigure: ClaimFigure = { label: t('{0}, the amount the line states', subject.title), value: headline.text, source: 'text', spans: [spanOf(headline.start, headline.end)] };
    const table = subject.table;
    const reference = table ?? { value: headlineWan, decimals: headline.decimals + (textUnit(headline, unit) === '元' ? -4 : 0), source: headlineFigure, where: t('the amount the line states') };
    const exact = reference.value.div(unitFactor(textUnit(current, unit)));
    const agreement = comparePrinted(current.value, current.decimals, exact, ctx.settings.tolerance);
    const figures = [currentFigure, reference.source];
    if (agreement === 'mismatch') {
      // The line's own amount when it agrees with the table (56.12, not 56.1 in the author's
      // shorter style); else the table's figure written like B.
      const headlineAgrees = !table || comparePrinted(headline.value, headline.decimals, table.value.div(unitFactor(textUnit(headline, unit)))) === 'equal';
      const expected = headlineAgrees && textUnit(headline, unit) === textUnit(current, unit) ? headline.text : printLike(reference.value, current, unit);
      currentRecord.add({ outcome: 'bad', expected, formula: reference.source.label, figures });
      ledger.issue('text/amount', currentSpan, t('{0} should be {1} ({2}); the text says {3}', subject.title, expected, table ? table.where : t('the amount the line states'), current.text), {
        computed: expected,
        formula: reference.source.label,
        related: reference.source.spans.slice(0, 1).map((s) => ({ span: s, message: t('compared with this figure') })),
        fixes: [{ title: t('Replace with {0}', expected), edits: [{ span: currentSpan, newText: expected }] }],
      });
    } else currentRecord.add({ outcome: 'ok', expected: current.text, formula: reference.source.label, figures });
    candidates.push({ value: headlineWan, figure: headlineFigure, label: headline.text });
    if (table) candidates.push({ value: table.value, figure: table.source, label: showWan(table.value, Math.min(table.decimals, 4)) });
  } else {
    currentRecord.unverified(t('the item the comparison belongs to is not known'));
  }

  // A: last year's 执行数, when the report gives it.
  const code = codeOf(figureId, 'function');
  const previous = code ? ctx.report.previous.executed.functions.get(code) : undefined;
  if (previous && !(previous.amount.blank && previous.span.start === previous.span.end)) {
    const previousWan = previous.amount.value.times(ctx.report.previous.unit === '元' ? new Dec(1).div(10000) : new Dec(1));
    const exact = previousWan.div(unitFactor(textUnit(base, unit)));
    const previousFigure: ClaimFigure = { label: t('{0}, last year\'s 执行数 (previous.executed)', subject?.title ?? title), value: previous.amount.text, source: 'previous', spans: [previous.span] };
    if (comparePrinted(base.value, base.decimals, exact, ctx.settings.tolerance) === 'mismatch' && comparePrinted(previous.amount.value, previous.amount.decimals, base.value.times(unitFactor(textUnit(base, unit))).div(ctx.report.previous.unit === '元' ? new Dec(1).div(10000) : new Dec(1))) === 'mismatch') {
      const expected = printLike(previousWan, base, unit);
      baseRecord.add({ outcome: 'bad', expected, figures: [baseFigure, previousFigure] });
      ledger.issue('text/change', baseSpan, t('Last year\'s 执行数 of {0} is {1} (previous.executed); the text says {2}', subject?.title ?? title, expected, base.text), {
        computed: expected,
        related: [{ span: previous.span, message: t('previous-year figure') }],
        fixes: [{ title: t('Replace with {0}', expected), edits: [{ span: baseSpan, newText: expected }] }],
      });
    } else baseRecord.add({ outcome: 'ok', expected: base.text, figures: [baseFigure, previousFigure] });
  } else {
    baseRecord.unverified(t('no 执行数 of last year to compare with (previous.executed)'));
  }

  // C: against A and B (or the line's figures), in the direction its word says. Not when the
  // table's figure of B is not an amount: the rate may be computed from that exact figure.
  if (subject?.tableUnreadable) {
    changeRecord.unverified(t('a cell of the table figure of {0} is not an amount', subject.title));
    return records;
  }
  if (baseWan.isZero()) {
    if (comparison.direction !== 0 && candidates.some((c) => !c.value.isZero())) {
      changeRecord.add({ outcome: 'bad', figures: [baseFigure, currentFigure] });
      ledger.issue('text/change', changeSpan, t('The base ({0}) is 0: a rate of change cannot be computed from it; the text says {1}{2}', base.text, comparison.word, pct ? `${pct.text}%` : ''), { related: [{ span: baseSpan, message: t('the base stated') }] }, 'warning');
    } else changeRecord.add({ outcome: 'ok', figures: [baseFigure, currentFigure] });
    return records;
  }
  const rate = (value: Dec): Dec => value.minus(baseWan).div(baseWan).times(HUNDRED);
  const agrees = (value: Dec): boolean => {
    const exact = rate(value);
    if (comparison.direction === 0) return comparePrinted(ZERO, 2, value.minus(baseWan).abs()) === 'equal';
    // A rate printed as 0 (0.00%) has no direction: either word goes with it.
    const sameDirection = exact.isZero() || pct!.value.isZero() || (exact.isNegative() ? comparison.direction < 0 : comparison.direction > 0);
    return sameDirection && comparePrinted(pct!.value, pct!.decimals, exact.abs()) === 'equal';
  };
  const matched = candidates.find((c) => agrees(c.value));
  const formulaOf = (c: { label: string }): string => `(${c.label} − ${base.text}) ÷ ${base.text} × 100`;
  if (matched) {
    const accepts = pct ? [...new Set(candidates.filter((c) => (rate(c.value).isNegative() ? -1 : 1) === comparison.direction).map((c) => printPercent(rate(c.value).abs(), pct.decimals, pct.text)))] : undefined;
    changeRecord.add({ outcome: 'ok', expected: pct?.text ?? comparison.word, formula: formulaOf(matched), figures: [baseFigure, matched.figure], accepts });
    // The base agrees with the rate and the current figure beside it (as 增加 Δ 万元，增长 p% do),
    // to the precision the rate pins it: a unit of the rate's last place moves the base by
    // base² ÷ current × 10^-d %, so 1690.69 is held to whole 万元 by a two-decimal rate.
    if (!baseRecord.tied) baseRecord.add({ outcome: 'ok', expected: base.text, formula: formulaOf(matched), figures: [baseFigure, matched.figure], decimals: pinnedDecimals(base.value, matched.value, pct?.decimals ?? 2, base.decimals) });
    return records;
  }
  // Computed from the most exact current figure: the table's, else the line's, else B.
  const best = candidates[candidates.length - 1];
  const exact = rate(best.value);
  const word = exact.isZero() ? t('unchanged') : exact.isNegative() ? t('a decrease of') : t('an increase of');
  const shown = printPercent(exact.abs(), pct?.decimals ?? 2, pct?.text ?? '');
  const formula = formulaOf(best);
  changeRecord.add({ outcome: 'bad', expected: shown, formula, figures: [baseFigure, best.figure], direction: printedSign(shown, exact) });
  const sameWord = exact.isZero() ? comparison.direction === 0 : (exact.isNegative() ? -1 : 1) === comparison.direction;
  const fixes = pct && sameWord ? [{ title: t('Replace with {0}', shown), edits: [{ span: changeSpan, newText: shown }] }] : [];
  ledger.issue('text/change', changeSpan, t('Against last year\'s 执行数 {0} this is {1} {2}% ({3}); the text says {4}{5}', base.text, word, shown, formula, comparison.word, pct ? `${pct.text}%` : ''), {
    computed: shown,
    formula,
    related: [{ span: baseSpan, message: t('the base stated') }, ...best.figure.spans.slice(0, 1).map((s) => ({ span: s, message: t('compared with this figure') }))],
    fixes,
  });
  return records;
}

/** How many decimals of the base a rate printed with `rateDecimals` decimals fixes (a precision estimate, not money). */
function pinnedDecimals(base: Dec, current: Dec, rateDecimals: number, own: number): number | undefined {
  if (current.isZero()) return undefined;
  const step = base.times(base).div(current.abs()).times(new Dec(10).pow(-rateDecimals - 2));
  if (step.isZero()) return undefined;
  const decimals = Math.floor(-Math.log10(step.toNumber()));
  return decimals >= own ? undefined : decimals;
}
