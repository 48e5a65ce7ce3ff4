import { compareSum, ZERO } from '../amount/rounding';
import type { Dec } from '../amount/rounding';
import { t } from '../i18n/l10n';
import { descendantsOf, figureDef, isPartOf, relationOf } from './dictionary';
import type { Relation } from './dictionary';
import type { NamedFigureId } from './figureIds';
import { resolveNamed } from './figures';
import type { Outcome } from './claims';
import type { ClaimFigure } from './types';
import { printLike, showWan, textUnit, unitFactor } from './values';
import { textFigure } from './checkScope';
import type { ItemState, SectionScope } from './checkScope';

/**
 * Parts (text/parts): the parts of a 其中 list add up to no more than its whole, and to the whole
 * when they cover every part — the list's own items, or the parts of its figure's relation in
 * figures.json (收入 = 财政拨款 + …), taking the parts' own parts and a table's 0 for the rest.
 */

interface Member {
  readonly value: Dec;
  readonly decimals: number;
  /** Stated items the value comes from (none for a figure the table shows as 0). */
  readonly states: readonly ItemState[];
  readonly shown: string;
}

export function checkLists(scope: SectionScope): void {
  const { reading, byItem, items } = scope;
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
        if (!r || !inRange.some((s) => s !== candidate && isPartOf(r, s.figureId))) continue;
        done.add(candidate.item.id);
        relationCheck(scope, { whole: candidate, relation: r, inRange });
      }
      continue;
    }
    if (done.has(whole.item.id)) continue;
    done.add(whole.item.id);
    const parts = list.items.map((i) => byItem.get(i.id)).filter((s): s is ItemState => !!s);
    partsCheck(scope, { whole, members: parts.map((s) => ({ value: s.value, decimals: s.item.token.decimals, states: [s], shown: s.item.token.text })), complete: false });
  }
}

/** Values of the parts of a relation from what the list states, the parts' own parts, or a table 0. */
function relationCheck(scope: SectionScope, { whole, relation, inRange }: { readonly whole: ItemState; readonly relation: Relation; readonly inRange: readonly ItemState[] }): void {
  const ctx = scope.ctx;
  const memberOf = (id: NamedFigureId, depth: number): Member | undefined => {
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
  partsCheck(scope, { whole, members: known.filter((m) => m.states.length > 0), complete });
}

/** A whole and the members it is compared with; `complete` when they are every part of it. */
interface PartsClaim {
  readonly whole: ItemState;
  readonly members: readonly Member[];
  readonly complete: boolean;
}

function partsCheck(scope: SectionScope, { whole, members, complete }: PartsClaim): void {
  const { ctx, title } = scope;
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
