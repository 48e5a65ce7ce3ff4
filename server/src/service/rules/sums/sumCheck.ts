import { compareSum, Dec, halfUnit, ZERO } from '../../amount/rounding';
import { formatInStyle, formatLike, show } from '../../amount/format';
import { t } from '../../i18n/l10n';
import type { Span } from '../../yaml/ast';
import type { Cell } from '../../model/types';
import type { MoneyUnit } from '../../amount/units';
import type { RuleContext, RuleRun } from '../ruleTypes';
import type { RelationEvidence } from '../evidence/relationEvidence';

/** One addend of a checked sum: what it is called in the message and its printed value. */
export interface Term {
  readonly label: string;
  readonly value: Dec;
  readonly decimals: number;
  readonly blank: boolean;
  /** The figure as printed, when it is one printed cell (shown as the report writes it). */
  readonly text?: string;
  /** The printed cells behind the term (one cell, or the parts of a derived figure). */
  readonly cells: readonly Cell[];
}

export interface SumCheck {
  /** What the whole is, e.g. "支出总表 行政运行 合计" (built only when a finding is reported). */
  readonly wholeLabel: string | (() => string);
  /** The printed whole: its cell when printed, otherwise the span to report on. */
  readonly whole: Cell | undefined;
  readonly span: Span;
  readonly terms: readonly Term[];
  /** `sum`: whole = Σ terms; `includes`: whole ≥ Σ terms (其中 parts). */
  readonly kind: 'sum' | 'includes';
  readonly relation: string;
  /** Short description of the addends for long sums ("5 行"). */
  readonly termsLabel?: string;
  /** The unit of the table the figures are printed in. */
  readonly unit: MoneyUnit;
}

const MAX_TERMS_SHOWN = 6;
const NONE: readonly [] = [];

/** The terms of a sum as the report writes them: a printed cell as printed, a derived figure like `likeText`. */
export function describeTerms(terms: readonly Term[], label?: string, likeText?: string): string {
  const shown = terms.filter((term) => !term.blank || terms.length <= MAX_TERMS_SHOWN);
  const written = (term: Term): string => (term.text && !term.blank ? term.text.trim() : formatInStyle(term.value, term.decimals, likeText));
  const parts = shown.slice(0, MAX_TERMS_SHOWN).map((term) => `${term.label} ${written(term)}`);
  const more = shown.length > MAX_TERMS_SHOWN ? ` + …（${label ?? t('{0} items', shown.length)}）` : '';
  return parts.join(' + ') + more;
}

/**
 * Compares a printed whole with its parts under the rounding rule and reports a mismatch
 * (error, with the computed value and a fix) or a rounding difference (information).
 */
export function checkSum(context: RuleContext, run: RuleRun, check: SumCheck): void {
  const wholeLabel = (): string => (typeof check.wholeLabel === 'function' ? check.wholeLabel() : check.wholeLabel);
  const printed = check.whole?.amount.value ?? ZERO;
  const printedDecimals = check.whole && !check.whole.amount.blank ? check.whole.amount.decimals : 2;
  const nonBlank = check.terms.filter((term) => !term.blank);
  const sum = check.terms.reduce((acc, term) => acc.plus(term.value), ZERO as Dec);
  const printedText = check.whole && !check.whole.amount.blank ? check.whole.amount.text.trim() : t('blank');
  const wholeText = check.whole && !check.whole.amount.blank ? check.whole.amount.text : undefined;
  const partDecimals = nonBlank.length ? Math.min(...nonBlank.map((term) => term.decimals)) : printedDecimals;
  const tolerance = context.settings.tolerance;
  // What the rounding rule lets a printed total differ from the sum of its printed parts.
  const allowed = halfUnit(Math.min(printedDecimals, partDecimals)).times(Math.max(nonBlank.length, 1)).plus(tolerance);
  const kind = check.kind === 'includes' ? 'bound' : 'equation';
  // A relation that holds is recorded with its cells only (most relations of a report hold);
  // one that fails with what places its finding and computes its fix.
  const evidence = (outcome: RelationEvidence['outcome'], statement?: () => string): RelationEvidence => outcome === 'pass'
    ? { outcome, kind, whole: check.whole, left: NONE, right: check.terms }
    : {
        outcome,
        kind,
        whole: check.whole,
        left: NONE,
        right: check.terms,
        unit: check.unit,
        residual: printed.minus(sum),
        accepts: check.kind === 'includes' ? (residual) => residual.gte(tolerance.neg()) : (residual) => residual.abs().lte(allowed),
        statement,
      };
  run.checked();
  if (check.kind === 'includes') {
    if (sum.lte(printed.plus(context.settings.tolerance))) {
      run.relation(evidence('pass'));
      return;
    }
    const formula = describeTerms(check.terms, check.termsLabel, check.whole?.amount.text);
    const failed = evidence('fail', () => t('{0} is {1}, less than its part(s) {2} = {3}', wholeLabel(), show(printed, printedDecimals), formula, show(sum, Math.max(2, printedDecimals))));
    run.relation(failed);
    run.report({
      span: check.whole && check.whole.span.end > check.whole.span.start ? check.whole.span : check.span,
      message: t('{0} is {1}, less than its part(s) {2} = {3}', wholeLabel(), show(printed, printedDecimals), formula, show(sum, Math.max(2, printedDecimals))),
      data: { computed: show(sum, printedDecimals), formula, relation: check.relation },
      evidence: failed,
    });
    return;
  }
  const agreement = compareSum(printed, printedDecimals, sum, nonBlank.length, partDecimals, context.settings.tolerance);
  if (agreement === 'equal') {
    run.relation(evidence('pass'));
    return;
  }
  const formula = describeTerms(check.terms, check.termsLabel, wholeText);
  const computed = formatLike(sum, wholeText);
  const span = check.whole && check.whole.span.end > check.whole.span.start ? check.whole.span : check.span;
  if (agreement === 'rounding') {
    const rounding = evidence('pass');
    run.relation(rounding);
    run.report({
      rule: 'sum/rounding',
      severity: 'information',
      span,
      message: t('{0} is {1}; the parts add up to {2} ({3}): a rounding difference of the printed figures', wholeLabel(), printedText, formatLike(sum, wholeText, Math.max(printedDecimals, partDecimals)), formula),
      data: { computed, formula, relation: check.relation },
    });
    return;
  }
  // Which figure is wrong and its fix are decided from every relation checked (rules/evidence).
  const failed = evidence('fail', () => t('{0} is {1}, but {2} = {3}', wholeLabel(), printedText, formula, formatLike(sum, wholeText, Math.max(printedDecimals, partDecimals))));
  run.relation(failed);
  const fixes = check.whole && check.whole.span.end > check.whole.span.start
    ? [{ title: t('Replace with the computed value {0}', computed), edits: [{ span: check.whole.span, newText: computed }] }]
    : [];
  run.report({
    span,
    message: t('{0} should be {1} ({2}); the table prints {3}', wholeLabel(), computed, formula, printedText),
    data: { computed, formula, relation: check.relation, fixes },
    evidence: failed,
  });
}

export function cellTerm(label: string, cell: Cell | undefined): Term {
  return cell ? { label, value: cell.amount.value, decimals: cell.amount.decimals, blank: cell.amount.blank, text: cell.amount.text, cells: [cell] } : { label, value: ZERO, decimals: 0, blank: true, cells: [] };
}
