import type { Dec } from '../amount/rounding';
import type { Section } from '../model/types';
import type { Span } from '../yaml/ast';
import type { ProseFigure } from './figures';
import type { FigureId } from './figureIds';
import type { Item, Reading } from './reading';
import type { TextMap } from './textMap';
import type { ClaimRecord, Outcome } from './claims';
import type { AnalysisContext } from './context';
import type { ClaimFigure } from './types';

/**
 * What the checks of one section share (checks.ts builds it): the analysis context, the section's
 * reading, and the amounts and counts of its prose with what they were compared with. Each check
 * takes this one object and the claim it checks.
 */

/** An amount or count of the prose, with what it was compared with. */
export interface ItemState {
  readonly item: Item;
  readonly record: ClaimRecord;
  /** The stated value (money in 万元). */
  readonly value: Dec;
  readonly figureId?: FigureId;
  readonly title: string;
  readonly table?: ProseFigure;
  /** Outcome of the comparison with the table. */
  amount?: Outcome;
  /** Labelled with a year other than the report's (a figure of another year). */
  readonly otherYear: boolean;
  /** The table prints the figure, but a cell of it is not an amount: what it is, is unknown. */
  readonly tableUnreadable?: boolean;
}

/** A figure that may have been cut instead of rounded, decided with the other figures of its section. */
export interface Truncation {
  asCut(): void;
  asMismatch(): void;
}

export interface SectionScope {
  readonly ctx: AnalysisContext;
  readonly section: Section;
  /** The section's title, for the claims and messages. */
  readonly title: string;
  readonly reading: Reading;
  readonly map: TextMap;
  /** The amounts and counts checked so far, in text order. */
  readonly items: ItemState[];
  readonly byItem: Map<number, ItemState>;
  /** Figures that may be cut instead of rounded, decided once every amount is checked. */
  readonly truncations: Truncation[];
  /** The document range of section-text offsets. */
  spanOf(start: number, end: number): Span;
  /** The sentence (trimmed) that an offset stands in. */
  sentenceOf(start: number): string;
}

export function textFigure(label: string, token: { text: string }, span: Span): ClaimFigure {
  return { label, value: token.text, source: 'text', spans: [span] };
}

/** The last item stated before an offset that satisfies `matches`. */
export function latestItem(items: readonly ItemState[], before: number, matches: (s: ItemState) => boolean): ItemState | undefined {
  let found: ItemState | undefined;
  for (const s of items) if (s.item.token.start < before && matches(s)) found = s;
  return found;
}

/** The direction of a change as printed: none when the value prints as 0 (0.00). */
export function printedSign(printed: string, value: Dec): 1 | -1 | 0 {
  return value.isZero() || !/[1-9１-９]/.test(printed) ? 0 : value.isNegative() ? -1 : 1;
}
