import type { KeepDef } from './templateTypes';

/**
 * What the generator keeps of the author's text: clauses it cannot write itself (主要原因, 主要用于
 * …) and free sentences that state no figure. Everything here is heuristics over plain text, so
 * it is written to fail safe: a clause that cannot be placed is left in its sentence, and a
 * sentence that is neither a figure statement nor template-like is kept.
 */

/** Amounts, rates and counts: a sentence with one of these is regenerated, never kept. */
const FIGURE = /[0-9０-９][0-9０-９,，.．]*\s*(?:万元|亿元|元|%|％|个|项|辆|台|套|人次|人|家|次|条|册|份)|占\s*[0-9０-９]/;
/** Words of a change statement: a sentence saying 持平 is a (figure-free) claim the template makes. */
const CHANGE_WORDS = /持平|无增减|增减变动/;

export function hasFigure(sentence: string): boolean {
  return FIGURE.test(sentence) || CHANGE_WORDS.test(sentence);
}

export interface Clause {
  readonly keep: string;
  /** Offset of the marker. */
  readonly start: number;
  /** Offset after the kept text. */
  readonly end: number;
  /** The kept text, without marker and trailing punctuation. */
  readonly text: string;
  readonly marker: string;
  /** Normalised text before the marker, for matching the clause with a slot. */
  readonly context: string;
}

/** Finds the clauses of each keep kind in the text; reasons first, the others outside them. */
export function findClauses(text: string, keeps: Readonly<Record<string, KeepDef>>): Clause[] {
  const kinds = Object.keys(keeps).sort((a, b) => (a === 'reason' ? -1 : b === 'reason' ? 1 : 0));
  const clauses: Clause[] = [];
  const taken = (at: number): boolean => clauses.some((c) => at >= c.start && at < c.end);
  for (const keep of kinds) {
    const def = keeps[keep];
    const markers = [...def.markers].sort((a, b) => b.length - a.length);
    let at = 0;
    while (at < text.length) {
      let found: { index: number; marker: string } | undefined;
      for (const marker of markers) {
        const index = text.indexOf(marker, at);
        if (index >= 0 && (!found || index < found.index || (index === found.index && marker.length > found.marker.length))) found = { index, marker };
      }
      if (!found) break;
      const begin = found.index + found.marker.length;
      if (taken(found.index)) {
        at = begin;
        continue;
      }
      const end = clauseEnd(text, begin, def.endsBefore ?? []);
      const kept = text.slice(begin, end).replace(/[。；;，,、\s]+$/, '');
      if (kept.length > 0) clauses.push({ keep, start: found.index, end, text: kept, marker: found.marker, context: '' });
      at = Math.max(end, begin);
    }
  }
  clauses.sort((a, b) => a.start - b.start);
  // What identifies a clause is the statement before it on its line, other kept clauses left out.
  return clauses.map((clause) => {
    const lineStart = text.lastIndexOf('\n', clause.start - 1) + 1;
    let before = '';
    let at = lineStart;
    for (const other of clauses) {
      if (other.end <= lineStart || other.start >= clause.start) continue;
      before += text.slice(at, Math.max(at, other.start));
      at = Math.max(at, other.end);
    }
    before += text.slice(at, clause.start);
    return { ...clause, context: contextOf(before) };
  });
}

/** How many letters before a kept clause identify it. */
export const CONTEXT_LETTERS = 30;

/** Words of change statements: they say how a figure changed, not which figure, so they do not identify a clause. */
const CHANGE_VOCABULARY = /预算数|万元|无增减变动|增加|减少|增长|下降|持平|较上年|比上年|与上年|相比|上年|主要原因是|主要原因|原因是|原因|其中|[比较与年]/g;

/** The letters that identify the statement a clause follows (its figure's label), from the text before it. */
export function contextOf(before: string): string {
  return normalize(before).replace(CHANGE_VOCABULARY, '').slice(-CONTEXT_LETTERS);
}

function clauseEnd(text: string, begin: number, endsBefore: readonly string[]): number {
  let end = text.indexOf('\n', begin);
  if (end < 0) end = text.length;
  for (const stop of ['；', ';', ...endsBefore]) {
    const index = text.indexOf(stop, begin);
    if (index >= 0 && index < end) end = index;
  }
  // A 。 ends the clause when the rest of the paragraph states figures again (the next statement).
  let dot = text.indexOf('。', begin);
  while (dot >= 0 && dot < end) {
    const next = text.indexOf('。', dot + 1);
    const sentence = text.slice(dot + 1, next >= 0 && next < end ? next : end);
    if (hasFigure(sentence)) return dot;
    dot = next;
  }
  return end;
}

/** CJK letters only: digits, spaces and punctuation vary between the author's text and ours. */
export function normalize(text: string): string {
  return text.replace(/[^\u4e00-\u9fff]/g, '');
}

function bigrams(text: string): string[] {
  const result: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) result.push(text.slice(i, i + 2));
  return result;
}

/** Likeness of two contexts; the letters just before the clause (the label it follows) count most. */
export function similarity(a: string, b: string): number {
  return 0.3 * dice(a, b) + 0.7 * dice(a.slice(-8), b.slice(-8));
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common += 1;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export interface Slot {
  readonly keep: string;
  readonly context: string;
}

/** Contexts less alike than this are not the same statement. */
const MIN_SIMILARITY = 0.3;

/** A clearly matching pair outweighs two doubtful ones. */
function pairScore(slot: Slot, clause: Clause): number {
  if (slot.keep !== clause.keep) return -1;
  const sim = similarity(slot.context, clause.context);
  return sim >= MIN_SIMILARITY ? sim * sim : -1;
}

/** Pairs slots with clauses in order (both lists in reading order), kind for kind, best contexts first. */
export function alignClauses(slots: readonly Slot[], clauses: readonly Clause[]): Map<number, number> {
  const n = slots.length;
  const m = clauses.length;
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(score[i + 1][j], score[i][j + 1]);
      const pair = pairScore(slots[i], clauses[j]);
      if (pair >= 0) best = Math.max(best, pair + score[i + 1][j + 1]);
      score[i][j] = best;
    }
  }
  const pairs = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const pair = pairScore(slots[i], clauses[j]);
    if (pair >= 0 && Math.abs(pair + score[i + 1][j + 1] - score[i][j]) < 1e-9) {
      pairs.set(i, j);
      i += 1;
      j += 1;
    } else if (Math.abs(score[i + 1][j] - score[i][j]) < 1e-9) i += 1;
    else j += 1;
  }
  return pairs;
}

export interface Sentence {
  readonly text: string;
  readonly paragraph: number;
  /** Offset in the text. */
  readonly start: number;
  readonly end: number;
}

/** Splits paragraphs (lines) into sentences ending with 。！？ (the end mark stays with its sentence). */
export function sentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let offset = 0;
  text.split('\n').forEach((line, paragraph) => {
    for (const match of line.matchAll(/[^。！？]+[。！？]*|[。！？]+/g)) {
      const start = offset + (match.index ?? 0);
      if (match[0].trim()) result.push({ text: match[0], paragraph, start, end: start + match[0].length });
    }
    offset += line.length + 1;
  });
  return result;
}

/** Share of a sentence's bigrams found in the template's literal text. */
export function templateCoverage(sentence: string, templateBigrams: ReadonlySet<string>): number {
  const grams = bigrams(normalize(sentence));
  if (grams.length === 0) return 1;
  return grams.filter((g) => templateBigrams.has(g)).length / grams.length;
}

export function bigramSet(fragments: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const fragment of fragments) for (const g of bigrams(normalize(fragment))) set.add(g);
  return set;
}
