import { numberTokens } from './numbers';
import type { NumberToken } from './numbers';
import { clauseStart, splitSentences, sentenceAt } from './sentences';
import type { Sentence } from './sentences';

/**
 * The first step of reading a section's text: its sentences, its numbers (numbers.ts: exact
 * ranges, units, percent marks, counters) and the marks the recognisers read them by — list
 * openers (其中, 包括 …), 持平, and the breaks that end lists (；, ）, 。 and line ends) — in text
 * order, with the words around a number (its window) and the direction words of changes.
 * Pure text work, nothing about figures.
 */

export type Direction = 1 | -1 | 0;

/** Words of an increase and of a decrease, longest meaning first where one starts another. */
export const INCREASE = ['增加', '增长', '上升', '提高', '增幅', '增长率', '增'];
export const DECREASE = ['减少', '下降', '降低', '减幅', '降幅', '下降率', '减'];
/** A direction word ending the words before a number (增加了约 203.20 万元). */
export const DIRECTION_AT_END = /(增加|增长|上升|提高|增幅|增长率|减少|下降|降低|减幅|降幅|下降率|增|减)了?(?:约|为|是)?$/;
/** The direction word itself, inside words that may carry more. */
export const DIRECTION_WORD = /(增加|增长|上升|提高|增幅|增长率|减少|下降|降低|减幅|降幅|下降率|增|减)/;

export function directionOf(word: string): Direction {
  if (INCREASE.some((w) => word.startsWith(w))) return 1;
  if (DECREASE.some((w) => word.startsWith(w))) return -1;
  return 0;
}

const OPENERS = /其中[：:，,]?|主要包括[：:]?|包括[：:]?|主要用于以下方面[：:]?|具体(?:支出)?情况如下[：:]?|(?:分别)?如下[：:]|主要是[：:]?/g;
const FLAT = /持平/g;

/**
 * A place the reader stops at, in text order: a number, a list opener, 持平, or a break.
 * At one offset breaks come first, then openers, then numbers and 持平.
 */
export interface Mark {
  readonly at: number;
  readonly order: number;
  readonly kind: 'token' | 'opener' | 'flat' | 'semicolon' | 'paren' | 'sentence';
  readonly token?: NumberToken;
  /** The words of an opener or of 持平. */
  readonly text?: string;
}

export class SectionTokens {
  readonly sentences: readonly Sentence[];
  readonly numbers: readonly NumberToken[];
  readonly marks: readonly Mark[];
  readonly openers: readonly Mark[];

  constructor(readonly text: string) {
    this.sentences = splitSentences(text);
    this.numbers = numberTokens(text);
    const marks: Mark[] = this.numbers.map((token) => ({ at: token.start, order: 2, kind: 'token', token }));
    for (const m of text.matchAll(OPENERS)) marks.push({ at: m.index!, order: 1, kind: 'opener', text: m[0] });
    for (const m of text.matchAll(FLAT)) marks.push({ at: m.index!, order: 2, kind: 'flat', text: m[0] });
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '；' || c === ';') marks.push({ at: i, order: 0, kind: 'semicolon' });
      else if (c === '）' || c === ')') marks.push({ at: i, order: 0, kind: 'paren' });
      else if (c === '。' || c === '\n' || c === '！' || c === '？') marks.push({ at: i, order: 0, kind: 'sentence' });
    }
    marks.sort((a, b) => a.at - b.at || a.order - b.order);
    this.marks = marks;
    this.openers = marks.filter((e) => e.kind === 'opener');
  }

  sentenceAt(offset: number): Sentence | undefined {
    return sentenceAt(this.sentences, offset);
  }

  /** Index of the last number starting before `offset` (numbers are in text order), or −1. */
  lastNumberBefore(offset: number): number {
    const tokens = this.numbers;
    let lo = 0;
    let hi = tokens.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Start of the clause `offset` stands in, not before its sentence. */
  clauseStart(offset: number, sentence: Sentence): number {
    return clauseStart(this.text, offset, sentence.start);
  }

  /** Start of the words that belong to a number at `offset`: after the last break, number or opener. */
  windowStart(offset: number, sentence: Sentence): number {
    const tokens = this.numbers;
    let start = clauseStart(this.text, offset, sentence.start);
    for (let i = this.lastNumberBefore(offset); i >= 0 && tokens[i].unitEnd > start; i--) {
      const t = tokens[i];
      if (t.unitEnd <= offset && t.kind !== 'code' && t.kind !== 'year') {
        start = t.unitEnd;
        break;
      }
    }
    for (let i = this.openers.length - 1; i >= 0; i--) {
      const o = this.openers[i];
      if (o.at >= offset) continue;
      if (o.at < start) break;
      start = Math.max(start, Math.min(offset, o.at + (o.text?.length ?? 0)));
      break;
    }
    return start;
  }

  /** The years written between two offsets (2022 年 …), in text order. */
  yearsIn(from: number, to: number): NumberToken[] {
    const tokens = this.numbers;
    const found: NumberToken[] = [];
    for (let i = this.lastNumberBefore(to); i >= 0 && tokens[i].start >= from; i--) if (tokens[i].kind === 'year') found.unshift(tokens[i]);
    return found;
  }

  /** The years of the clause before `offset`. */
  clauseYears(offset: number, sentence: Sentence): NumberToken[] {
    return this.yearsIn(this.clauseStart(offset, sentence), offset);
  }

  lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }
}

/** A section's text as sentences, numbers and marks. */
export function tokenize(text: string): SectionTokens {
  return new SectionTokens(text);
}
