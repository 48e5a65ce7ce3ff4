/**
 * Splits a YAML text into chunks that YAML can parse independently: the top-level keys and,
 * where the caller's split points say so, the items of a top-level key's block sequence, the
 * entries of a top-level key's block mapping and the items of one key's sequence inside each
 * such entry (for a report: each section under `narrative:`, each table under `tables:` and
 * each row of a table's `rows:` — the document layer passes those keys; this module knows no
 * report format). Splitting is by indentation only and is used when the text has nothing that
 * could make a chunk's meaning depend on another chunk (anchors, aliases, tabs, directives,
 * documents markers); otherwise the whole text is one chunk.
 */

/** Which keys' values may be split further than the top-level keys (see ChunkPlan). */
export interface ChunkSplits {
  /** Top-level keys whose block sequence is split into its items. */
  readonly sequences?: readonly string[];
  /**
   * Top-level keys whose block mapping is split into its entries, each with the key whose block
   * sequence (when it is the entry's last key) is split into its items.
   */
  readonly mappings?: Readonly<Record<string, string>>;
}

/** Only the top-level keys are chunks. */
export const NO_SPLITS: ChunkSplits = {};

/**
 * A chunk of the plan. Leaf chunks are numbered in text order and cover the text from the
 * first key to the end without gaps: leaf `i` is the text from `starts[i]` to `starts[i + 1]`
 * (see ChunkPlan). The structure holds leaf numbers, not offsets, so that a plan whose lines
 * only moved keeps its structure and gets new offsets alone (`replanChunks`).
 */
export interface LeafChunk {
  readonly kind: 'leaf';
  readonly leaf: number;
}

/** A mapping entry whose value is a block sequence split into items (rows, sections). */
export interface SeqChunk {
  readonly kind: 'seq';
  /**
   * The leaf of the key line(s) before the first item: parsed as a mapping whose last key has
   * no value. The items are the `items` leaves after it.
   */
  readonly head: number;
  readonly items: number;
}

/** A mapping entry whose value is a block mapping split into entries (tables of a report). */
export interface MapChunk {
  readonly kind: 'map';
  readonly head: number;
  readonly entries: readonly Chunk[];
}

export type Chunk = LeafChunk | SeqChunk | MapChunk;

export interface ChunkPlan {
  /** Text before the first key (comments, blank lines). */
  readonly prefixEnd: number;
  /** Where each leaf chunk starts, and last the text's length: leaf i ends where leaf i + 1 starts. */
  readonly starts: readonly number[];
  readonly entries: readonly Chunk[];
  /** The splits the plan was made with (a plan is moved only for the same splits). */
  readonly splits: ChunkSplits;
}

const UNSAFE = /^(?:---|\.\.\.|%)|^\t|(?:^|[\s[{,:])[&*!][^\s,[\]{}]|^\s*\?\s/m;

/** The text's lines: their starts, ends and indentation (-1 for a blank or comment-only line), as arrays of numbers. */
interface Lines {
  readonly start: number[];
  readonly end: number[];
  readonly indent: number[];
  readonly count: number;
}

function lines(text: string): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  const indents: number[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    starts.push(start);
    ends.push(end);
    indents.push(indentOf(text, start, end));
    if (nl < 0) break;
    start = nl + 1;
  }
  return { start: starts, end: ends, indent: indents, count: starts.length };
}

/** Indentation of the line from `start` to `end`, or -1 for a blank or comment-only line. */
function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const blank = i >= end || text.charCodeAt(i) === 35 /* # */ || (text.charCodeAt(i) === 13 /* \r */ && i + 1 >= end);
  return blank ? -1 : i - start;
}

const KEY = /^([A-Za-z_][\w]*)\s*:(\s|$)/;

/** The key at the start of a line's content (looked at up to 80 characters), if it starts with one. */
function keyAt(text: string, start: number, end: number, indent: number): string | undefined {
  const m = KEY.exec(text.slice(start + indent, Math.min(end, start + indent + 80)));
  return m?.[1];
}

function isItemAt(text: string, start: number, end: number, indent: number): boolean {
  return text.charCodeAt(start + indent) === 45 /* - */ && (start + indent + 1 >= end || text.charCodeAt(start + indent + 1) === 32);
}

const KEY_ONLY = /^[A-Za-z_][\w]*\s*:\s*(#.*)?\r?$/;

function keyHasNoInlineValueAt(text: string, start: number, end: number, indent: number): boolean {
  return KEY_ONLY.test(text.slice(start + indent, end));
}

const KEY_AT = (text: string, all: Lines, i: number): string | undefined => keyAt(text, all.start[i], all.end[i], all.indent[i]);

function isItemLine(text: string, all: Lines, i: number, indent: number): boolean {
  return all.indent[i] === indent && isItemAt(text, all.start[i], all.end[i], indent);
}

function keyHasNoInlineValue(text: string, all: Lines, i: number): boolean {
  return keyHasNoInlineValueAt(text, all.start[i], all.end[i], all.indent[i]);
}

/** Offset where a chunk ending before line `j` ends: the start of line `j` (or the text end). */
function endAt(all: Lines, j: number, textLength: number): number {
  return j < all.count ? all.start[j] : textLength;
}

export function planChunks(text: string, splits: ChunkSplits = NO_SPLITS): ChunkPlan | undefined {
  if (UNSAFE.test(text)) return undefined;
  const all = lines(text);
  const topStarts: number[] = [];
  for (let i = 0; i < all.count; i++) {
    if (all.indent[i] !== 0) continue;
    if (!KEY_AT(text, all, i)) return undefined;
    topStarts.push(i);
  }
  if (topStarts.length === 0) return undefined;
  for (let i = 0; i < topStarts[0]; i++) if (all.indent[i] >= 0) return undefined;
  const planner = new Planner(text, all);
  const entries: Chunk[] = [];
  for (let k = 0; k < topStarts.length; k++) {
    const from = topStarts[k];
    const to = k + 1 < topStarts.length ? topStarts[k + 1] : all.count;
    entries.push(planner.entry(from, to, modeOf(KEY_AT(text, all, from), splits)));
  }
  planner.starts.push(text.length);
  return { prefixEnd: all.start[topStarts[0]], starts: planner.starts, entries, splits };
}

/** The first content line after `from` (within `to`), or -1. */
function firstContent(all: Lines, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) if (all.indent[i] >= 0) return i;
  return -1;
}

/** How a top-level entry is split: not at all, into sequence items, or into mapping entries (with the key of each entry's items). */
type SplitMode = { readonly kind: 'none' } | { readonly kind: 'seq' } | { readonly kind: 'map'; readonly itemsKey: string };

function modeOf(key: string | undefined, splits: ChunkSplits): SplitMode {
  if (key === undefined) return { kind: 'none' };
  if (splits.sequences?.includes(key)) return { kind: 'seq' };
  const itemsKey = splits.mappings && Object.prototype.hasOwnProperty.call(splits.mappings, key) ? splits.mappings[key] : undefined;
  return itemsKey === undefined ? { kind: 'none' } : { kind: 'map', itemsKey };
}

/** Makes the chunks of the top-level entries, numbering the leaves in text order as it makes them. */
class Planner {
  readonly starts: number[] = [];

  constructor(private readonly text: string, private readonly all: Lines) {}

  private leaf(from: number): LeafChunk {
    const leaf = this.starts.length;
    this.starts.push(this.all.start[from]);
    return { kind: 'leaf', leaf };
  }

  entry(from: number, to: number, mode: SplitMode): Chunk {
    const { text, all } = this;
    if (mode.kind === 'none' || !keyHasNoInlineValue(text, all, from)) return this.leaf(from);
    const first = firstContent(all, from, to);
    if (first < 0) return this.leaf(from);
    const indent = all.indent[first];
    if (indent <= all.indent[from]) return this.leaf(from);
    if (mode.kind === 'seq') return this.sequence(from, to, first, indent) ?? this.leaf(from);
    // A block mapping of entries at `indent` (the tables of a report).
    const starts: number[] = [];
    for (let i = first; i < to; i++) {
      const lineIndent = all.indent[i];
      if (lineIndent < 0 || lineIndent > indent) continue;
      if (lineIndent < indent || !KEY_AT(text, all, i)) return this.leaf(from);
      starts.push(i);
    }
    const head = this.leaf(from).leaf;
    const entries: Chunk[] = [];
    for (let k = 0; k < starts.length; k++) entries.push(this.mapEntry(starts[k], k + 1 < starts.length ? starts[k + 1] : to, mode.itemsKey));
    return { kind: 'map', head, entries };
  }

  /** The head leaf (lines `from` to `first`) and a leaf per item; undefined (nothing made) when the lines are not all items. */
  private sequence(from: number, to: number, first: number, indent: number): SeqChunk | undefined {
    const { text, all } = this;
    if (!isItemLine(text, all, first, indent)) return undefined;
    for (let i = first; i < to; i++) {
      const lineIndent = all.indent[i];
      if (lineIndent < 0 || lineIndent > indent) continue;
      if (lineIndent < indent || !isItemLine(text, all, i, indent)) return undefined;
    }
    const head = this.leaf(from).leaf;
    let items = 0;
    for (let i = first; i < to; i++) {
      if (all.indent[i] !== indent) continue;
      this.leaf(i);
      items++;
    }
    return { kind: 'seq', head, items };
  }

  /** A mapping entry (a table): split the sequence of `itemsKey` (its `rows:`) into items when that key is its last. */
  private mapEntry(from: number, to: number, itemsKey: string): Chunk {
    const { text, all } = this;
    const first = firstContent(all, from, to);
    if (first < 0 || !keyHasNoInlineValue(text, all, from)) return this.leaf(from);
    const keyIndent = all.indent[first];
    let itemsLine = -1;
    for (let i = first; i < to; i++) {
      if (all.indent[i] !== keyIndent) continue;
      if (KEY_AT(text, all, i) === itemsKey) itemsLine = i;
      else if (itemsLine >= 0) return this.leaf(from);
    }
    if (itemsLine < 0 || !keyHasNoInlineValue(text, all, itemsLine)) return this.leaf(from);
    const firstItem = firstContent(all, itemsLine, to);
    if (firstItem < 0 || all.indent[firstItem] < keyIndent) return this.leaf(from);
    // The entry's own keys up to and including the items key form the head (lines `from` to `firstItem`).
    return this.sequence(from, to, firstItem, all.indent[firstItem]) ?? this.leaf(from);
  }
}

/**
 * The plan of `text` from the plan of the previous version `before`, when the edit between them
 * changed one line without changing what the plan reads of it — its indentation, whether it is
 * blank or a comment, the key it starts with, whether it is an item, whether its key has no
 * value on the line — and without making the text unsafe to split: then the new plan is the old
 * one with the offsets after that line moved by the edit's length (the structure is shared).
 * Typing in a cell of a row is such an edit. Undefined in every other case (plan the text anew).
 *
 * `prefix` and `suffix` are the lengths of the texts' common prefix and suffix (not overlapping).
 */
export function replanChunks(previous: ChunkPlan, before: string, text: string, prefix: number, suffix: number, splits: ChunkSplits): ChunkPlan | undefined {
  if (previous.splits !== splits) return undefined;
  const oldEnd = before.length - suffix;
  const newEnd = text.length - suffix;
  // The changed stretch holds no line break, in either version.
  const oldBreak = before.indexOf('\n', prefix);
  if (oldBreak >= 0 && oldBreak < oldEnd) return undefined;
  const newBreak = text.indexOf('\n', prefix);
  if (newBreak >= 0 && newBreak < newEnd) return undefined;
  const lineStart = prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1;
  const oldLineEnd = oldBreak < 0 ? before.length : oldBreak;
  const newLineEnd = newBreak < 0 ? text.length : newBreak;
  if (!sameClass(before, lineStart, oldLineEnd, text, newLineEnd)) return undefined;
  // A match of UNSAFE lies in one line, with the line break before it (as ^) or after it (\s).
  if (UNSAFE.test(text.slice(lineStart, Math.min(newLineEnd + 1, text.length)))) return undefined;
  const delta = text.length - before.length;
  const old = previous.starts;
  const starts = new Array<number>(old.length);
  for (let i = 0; i < old.length; i++) {
    const at = old[i];
    starts[i] = at > lineStart ? at + delta : at;
  }
  // The end of the text moves even when the edited line is an empty last line.
  starts[old.length - 1] = text.length;
  const prefixEnd = previous.prefixEnd > lineStart ? previous.prefixEnd + delta : previous.prefixEnd;
  return { prefixEnd, starts, entries: previous.entries, splits };
}

/** Whether two versions of a line read the same to the planner. */
function sameClass(before: string, start: number, oldEnd: number, text: string, newEnd: number): boolean {
  const indent = indentOf(before, start, oldEnd);
  if (indentOf(text, start, newEnd) !== indent) return false;
  if (indent < 0) return true;
  return keyAt(before, start, oldEnd, indent) === keyAt(text, start, newEnd, indent)
    && isItemAt(before, start, oldEnd, indent) === isItemAt(text, start, newEnd, indent)
    && keyHasNoInlineValueAt(before, start, oldEnd, indent) === keyHasNoInlineValueAt(text, start, newEnd, indent);
}
