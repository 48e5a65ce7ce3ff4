import { ZERO } from '../amount/rounding';
import type { Dec } from '../amount/rounding';
import { t } from '../i18n/l10n';
import { RELATIONS, relationOf } from './dictionary';
import type { ClaimRecord } from './claims';
import type { AnalysisContext, PreviousFact } from './context';
import { previousKeyOf } from './changeChecks';
import { showWan } from './values';
import type { ClaimFigure } from './types';
import type { NamedFigureId } from './figureIds';

/** A previous-year value known up to the rounding of the printed figures it comes from. */
interface Known {
  readonly lo: Dec;
  readonly hi: Dec;
  readonly value: Dec;
  readonly decimals: number;
  readonly records: readonly ClaimRecord[];
  readonly fact?: PreviousFact;
}

function fromFact(fact: PreviousFact): Known {
  const lo = fact.value.minus(fact.uncertainty);
  return { lo: lo.isNegative() ? ZERO : lo, hi: fact.value.plus(fact.uncertainty), value: fact.value, decimals: fact.decimals, records: fact.records, fact };
}

/**
 * Changes stated without a percentage or a previous: figure still say something about last
 * year: 本年数 − 增减额 is last year's figure, known up to the rounding of the two printed figures.
 * Two changes of one figure must imply the same figure (收入总计 and 支出总计 change alike), last
 * year's figures cannot be negative, and they add up like this year's (“三公”经费 = 因公出国（境）费
 * + 公务用车购置及运行费 + 公务接待费): the parts not stated take what is left, which cannot be
 * negative, and when nothing is left the stated parts are pinned.
 */
export function checkPreviousYears(ctx: AnalysisContext): void {
  const byKey = new Map<string, PreviousFact[]>();
  for (const fact of ctx.facts) byKey.set(fact.key, [...(byKey.get(fact.key) ?? []), fact]);

  for (const fact of ctx.facts) {
    if (!fact.value.plus(fact.uncertainty).isNegative() || !fact.span || fact.records.some((r) => r.has('bad'))) continue;
    for (const r of fact.records) r.add({ outcome: 'bad', formula: fact.formula, figures: [factFigure(fact)] });
    ctx.ledger.issue('text/change', fact.span, t('The previous-year figure of {0} would be {1} ({2}): a budget figure cannot be negative', fact.title, showWan(fact.value, fact.decimals), fact.formula), { formula: fact.formula });
  }

  for (const facts of byKey.values()) {
    const reference = fromFact(facts[0]);
    for (const other of facts.slice(1).map(fromFact)) {
      const figures = [factFigure(reference.fact!), factFigure(other.fact!)];
      if (overlap(reference, other)) {
        for (const r of [...reference.records, ...other.records]) r.add({ outcome: 'ok', formula: `${reference.fact!.formula} = ${other.fact!.formula}`, figures });
        continue;
      }
      for (const r of other.records) r.add({ outcome: 'bad', formula: `${other.fact!.formula} ≠ ${reference.fact!.formula}`, figures });
      if (other.fact!.span) {
        ctx.ledger.issue('text/change', other.fact!.span, t('This change implies a previous-year figure of {0} ({1}), but the change stated before implies {2} ({3})', showWan(other.value, other.decimals), other.fact!.formula, showWan(reference.value, reference.decimals), reference.fact!.formula), {
          formula: `${other.fact!.formula} ≠ ${reference.fact!.formula}`,
          related: reference.fact!.span ? [{ span: reference.fact!.span, message: t('the change stated') }] : [],
        });
      }
    }
  }

  const known = (id: NamedFigureId, depth: number): Known | undefined => {
    const key = previousKeyOf(id, 'all');
    const fact = key ? byKey.get(key)?.[0] : undefined;
    if (fact) return fromFact(fact);
    const relation = relationOf(id);
    if (!relation || depth > 4) return undefined;
    const parts = relation.parts.map((p) => known(p, depth + 1));
    if (!parts.every((p): p is Known => !!p)) return undefined;
    return sum(parts);
  };

  for (const relation of RELATIONS) {
    const whole = known(relation.whole, 0);
    if (!whole?.fact) continue;
    const parts = relation.parts.map((p) => known(p, 0));
    const stated = parts.filter((p): p is Known => !!p);
    if (stated.length === 0) continue;
    const records = [...whole.records, ...stated.flatMap((p) => p.records)];
    const figures = [factFigure(whole.fact), ...stated.filter((p) => p.fact).map((p) => factFigure(p.fact!))];
    const total = sum(stated);
    const shown = Math.max(whole.decimals, ...stated.map((p) => p.decimals));
    const complete = stated.length === parts.length;
    const formula = `${showWan(whole.value, shown)} ${complete ? '=' : '≥'} ${stated.map((p) => showWan(p.value, shown)).join(' + ')}`;
    // What is left for the parts not stated: [whole.lo − Σhi, whole.hi − Σlo].
    const leftHi = whole.hi.minus(total.lo);
    const leftLo = whole.lo.minus(total.hi);
    if (leftHi.isNegative() || (complete && leftLo.gt(ZERO))) {
      report(ctx, whole.fact, records, figures, formula, showWan(whole.value, shown), showWan(total.value, shown));
      continue;
    }
    const slack = whole.hi.minus(whole.lo).plus(total.hi.minus(total.lo));
    if (complete || leftHi.lte(slack)) for (const r of records) r.add({ outcome: 'ok', formula, figures });
  }
}

function overlap(a: Known, b: Known): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

function sum(parts: readonly Known[]): Known {
  return {
    lo: parts.reduce((s, p) => s.plus(p.lo), ZERO),
    hi: parts.reduce((s, p) => s.plus(p.hi), ZERO),
    value: parts.reduce((s, p) => s.plus(p.value), ZERO),
    decimals: Math.min(...parts.map((p) => p.decimals)),
    records: parts.flatMap((p) => p.records),
  };
}

function report(ctx: AnalysisContext, fact: PreviousFact, records: readonly ClaimRecord[], figures: ClaimFigure[], formula: string, whole: string, total: string): void {
  for (const r of records) r.add({ outcome: 'bad', formula, figures });
  if (!fact.span) return;
  const related = records.filter((r) => r.span.start !== fact.span!.start).map((r) => ({ span: r.span, message: t('the change stated') }));
  ctx.ledger.issue('text/change', fact.span, t('Previous-year figures implied by the changes do not add up: {0} ≠ {1} ({2})', whole, total, formula), { formula, related });
}

function factFigure(fact: PreviousFact): ClaimFigure {
  return { label: t('{0}, previous year (from the change)', fact.title), value: `${showWan(fact.value, fact.decimals)} = ${fact.formula}`, source: 'text', spans: fact.span ? [fact.span] : [] };
}
