import type { NumberToken } from './numbers';
import type { Sentence } from './sentences';
import type { LabelMatch, Topic, CodeSystemKey } from './dictionary';
import type { FunctionLine } from './functionLines';
import type { ExecutedComparison } from './executedComparisons';
import type { Direction, SectionTokens } from './tokenizer';

/**
 * What the reader finds in one section's text (reader.ts puts it together from the recognisers
 * of recognise/): the figures it states, the 其中 lists they form, and the changes, shares and
 * years it states. Pure text work: nothing here looks at the tables.
 */

export type { Direction } from './tokenizer';

/** A figure stated in the prose: a money amount or a count, with its label. */
export interface Item {
  readonly id: number;
  readonly kind: 'money' | 'count';
  readonly token: NumberToken;
  /** The counter of a count, 台（套） and 台 and 套 taken as one. */
  readonly unitClass: string;
  readonly match?: LabelMatch;
  readonly code?: { readonly code: string; readonly system: CodeSystemKey };
  /** The 功能分类 path that names the amount in an item-by-item list (公共安全支出（204类）司法（06款）…). */
  readonly functionLine?: FunctionLine;
  /** A count of those that did something (2个预算单位开展了…): a part of its figure, not all of it. */
  readonly subset?: boolean;
  /** The words before the number that name it. */
  readonly window: string;
  readonly sentence: Sentence;
  readonly years: NumberToken[];
  list?: List;
  enumeration?: Enumeration;
}

export interface Enumeration {
  readonly names: readonly string[];
  readonly numbered: boolean;
}

/** A 其中 / 包括 / 如下 list: a whole and the parts stated after it. */
export interface List {
  readonly id: number;
  readonly whole: Item;
  readonly opener: string;
  readonly openAt: number;
  closeAt: number;
  readonly closeOn: 'sentence' | 'semicolon' | 'paren' | 'section';
  readonly sentence: number;
  readonly parent?: List;
  readonly items: Item[];
}

/** A number of a change with the direction its word says: 增加 203.20 万元 · 增长 62.33%. */
export interface StatedChange {
  readonly token: NumberToken;
  readonly direction: Direction;
  /** The direction word as written, for messages. */
  readonly word: string;
}

/** One change claim: 比上年增加 Δ 万元，增长 p% · 与上年持平. */
export interface Change {
  readonly id: number;
  /** The amount of the change (增加 203.20 万元). */
  readonly delta?: StatedChange;
  /** The rate of the change (增长 62.33%): joins the Δ stated before it in its sentence. */
  rate?: StatedChange;
  /** The words of a 持平 (no change). */
  readonly flat?: { readonly start: number; readonly end: number; readonly text: string };
  readonly subjectMatch?: LabelMatch;
  readonly subjectItem?: Item;
  readonly sentence: Sentence;
  readonly years: NumberToken[];
}

/** The direction a change states: its Δ's word, else its rate's (0 for 持平). */
export function changeDirection(change: Change): Direction {
  return (change.delta?.direction ?? 0) || (change.rate?.direction ?? 0);
}

/** Where a change is written: its Δ, else its rate, else its 持平. */
export function changeStart(change: Change): number {
  return change.delta?.token.start ?? change.rate?.token.start ?? change.flat!.start;
}

/** 占 42.21% · 占全部项目预算的100%. */
export interface Share {
  readonly id: number;
  readonly token: NumberToken;
  readonly part?: Item;
  readonly wholeItem?: Item;
  readonly wholeMatch?: LabelMatch;
  readonly wholeWords: string;
  readonly sentence: Sentence;
}

export type YearRole = 'label' | 'comparison' | 'stock' | 'carryover';

export interface YearMention {
  readonly token: NumberToken;
  readonly year: number;
  readonly role: YearRole;
  readonly items: Item[];
  readonly changes: Change[];
  readonly sentence: Sentence;
}

export interface Reading {
  readonly text: string;
  readonly topic: Topic;
  readonly sentences: readonly Sentence[];
  readonly items: readonly Item[];
  readonly lists: readonly List[];
  readonly changes: readonly Change[];
  readonly shares: readonly Share[];
  readonly years: readonly YearMention[];
  /** Percentages that are neither a share nor a change. */
  readonly stray: readonly NumberToken[];
  /** Comparisons with a base stated beside them (执行数为 A，预算安排 B，比执行数增加 C%). */
  readonly comparisons: readonly ExecutedComparison[];
}

/**
 * What the recognisers have found so far, in text order: a recogniser reads the tokens of its
 * sentence and the figures stated before them (the part a share is of, the subject of a change).
 */
export class ReaderState {
  readonly items: Item[] = [];
  readonly lists: List[] = [];
  readonly changes: Change[] = [];
  readonly shares: Share[] = [];
  readonly years: YearMention[] = [];
  readonly stray: NumberToken[] = [];
  /** The lists still taking parts, outermost first. */
  readonly open: List[] = [];

  constructor(readonly tokens: SectionTokens, readonly topic: Topic) {}

  get text(): string {
    return this.tokens.text;
  }

  /** The last figure stated before `offset`, not before `from`. */
  lastItemBefore(offset: number, from: number): Item | undefined {
    const items = this.items;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (item.token.start < from) return undefined;
      if (item.token.start < offset) return item;
    }
    return undefined;
  }

  /** The figure a change without its own label speaks about: the last amount of its sentence, else of its paragraph. */
  subjectFor(offset: number, sentence: Sentence): Item | undefined {
    const inSentence = this.lastItemBefore(offset, sentence.start);
    if (inSentence && inSentence.kind === 'money') return inSentence;
    const inLine = this.lastItemBefore(offset, this.tokens.lineStartOf(offset));
    return inLine && inLine.kind === 'money' ? inLine : undefined;
  }

  /** Whether a figure is stated between two offsets. */
  itemsBetween(from: number, to: number): boolean {
    return this.items.some((i) => i.token.start >= from && i.token.start < to);
  }
}
