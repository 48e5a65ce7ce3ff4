import { comparePrinted } from '../amount/rounding';
import type { Dec } from '../amount/rounding';
import { t } from '../i18n/l10n';
import type { Span } from '../yaml/ast';
import { resolveNamed } from './figures';
import type { FigureResult } from './figures';
import type { Share } from './reading';
import type { ClaimFigure } from './types';
import { percentOf, printPercent, showWan } from './values';
import { latestItem, textFigure } from './checkScope';
import type { ItemState, SectionScope } from './checkScope';

/**
 * Shares (text/share): a percentage after 占 is its part ÷ its whole × 100, rounded to the
 * decimals printed. The part and the whole are each the figure as the prose states it and as the
 * table prints it: either may be what the author divided.
 */

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

export function checkShare(scope: SectionScope, share: Share): void {
  const { ctx, items, byItem, title } = scope;
  const token = share.token;
  const span = scope.spanOf(token.start, token.end);
  const sentence = scope.sentenceOf(token.start);
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

