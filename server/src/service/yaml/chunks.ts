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

export interface LeafChunk {
  readonly kind: 'leaf';
  readonly start: number;
  readonly end: number;
}

/** A mapping entry whose value is a block sequence split into items (rows, sections). */
export interface SeqChunk {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  /** The key line(s) before the first item: parsed as a mapping whose last key has no value. */
  readonly head: LeafChunk;
  readonly items: readonly LeafChunk[];
}

/** A mapping entry whose value is a block mapping split into entries (tables of a report). */
export interface MapChunk {
  readonly kind: 'map';
  readonly start: number;
  readonly end: number;
  readonly head: LeafChunk;
  readonly entries: readonly Chunk[];
}

export type Chunk = LeafChunk | SeqChunk | MapChunk;

export interface ChunkPlan {
  /** Text before the first key (comments, blank lines). */
  readonly prefixEnd: number;
  readonly entries: readonly Chunk[];
}

const UNSAFE = /^(?:---|\.\.\.|%)|^\t|(?:^|[\s[{,:])[&*!][^\s,[\]{}]|^\s*\?\s/m;

interface Line {
  readonly start: number;
  readonly end: number;
  /** Indentation, or -1 for a blank or comment-only line. */
  readonly indent: number;
}

function lines(text: string): Line[] {
  const result: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const blank = i >= end || text[i] === '#' || (text[i] === '\r' && i + 1 >= end);
    result.push({ start, end, indent: blank ? -1 : i - start });
    if (nl < 0) break;
    start = nl + 1;
  }
  return result;
}

const KEY_AT = (text: string, line: Line): string | undefined => {
  const m = /^([A-Za-z_][\w]*)\s*:(\s|$)/.exec(text.slice(line.start + line.indent, Math.min(line.end, line.start + line.indent + 80)));
  return m?.[1];
};

function isItemLine(text: string, line: Line, indent: number): boolean {
  return line.indent === indent && text[line.start + indent] === '-' && (line.start + indent + 1 >= line.end || text[line.start + indent + 1] === ' ');
}

function keyHasNoInlineValue(text: string, line: Line): boolean {
  const content = text.slice(line.start + line.indent, line.end);
  return /^[A-Za-z_][\w]*\s*:\s*(#.*)?\r?$/.test(content);
}

/** Offset where the chunk starting at line index `i` ends: the start of line `j` (or the text end). */
function endAt(allLines: readonly Line[], j: number, textLength: number): number {
  return j < allLines.length ? allLines[j].start : textLength;
}

export function planChunks(text: string, splits: ChunkSplits = NO_SPLITS): ChunkPlan | undefined {
  if (UNSAFE.test(text)) return undefined;
  const all = lines(text);
  const topStarts: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (line.indent !== 0) continue;
    if (!KEY_AT(text, line)) return undefined;
    topStarts.push(i);
  }
  if (topStarts.length === 0) return undefined;
  for (let i = 0; i < topStarts[0]; i++) if (all[i].indent >= 0) return undefined;
  const entries: Chunk[] = [];
  for (let k = 0; k < topStarts.length; k++) {
    const from = topStarts[k];
    const to = k + 1 < topStarts.length ? topStarts[k + 1] : all.length;
    entries.push(splitEntry(text, all, from, to, modeOf(KEY_AT(text, all[from]), splits)));
  }
  return { prefixEnd: all[topStarts[0]].start, entries };
}

/** The first content line after `from` (within `to`), or -1. */
function firstContent(all: readonly Line[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) if (all[i].indent >= 0) return i;
  return -1;
}

function leaf(all: readonly Line[], from: number, to: number, textLength: number): LeafChunk {
  return { kind: 'leaf', start: all[from].start, end: endAt(all, to, textLength) };
}

/** How a top-level entry is split: not at all, into sequence items, or into mapping entries (with the key of each entry's items). */
type SplitMode = { readonly kind: 'none' } | { readonly kind: 'seq' } | { readonly kind: 'map'; readonly itemsKey: string };

function modeOf(key: string | undefined, splits: ChunkSplits): SplitMode {
  if (key === undefined) return { kind: 'none' };
  if (splits.sequences?.includes(key)) return { kind: 'seq' };
  const itemsKey = splits.mappings && Object.prototype.hasOwnProperty.call(splits.mappings, key) ? splits.mappings[key] : undefined;
  return itemsKey === undefined ? { kind: 'none' } : { kind: 'map', itemsKey };
}

function splitEntry(text: string, all: readonly Line[], from: number, to: number, mode: SplitMode): Chunk {
  const whole = leaf(all, from, to, text.length);
  if (mode.kind === 'none' || !keyHasNoInlineValue(text, all[from])) return whole;
  const first = firstContent(all, from, to);
  if (first < 0) return whole;
  const indent = all[first].indent;
  if (indent <= all[from].indent) return whole;
  if (mode.kind === 'seq') return splitSequence(text, all, from, to, first, indent) ?? whole;
  // A block mapping of entries at `indent` (the tables of a report).
  const starts: number[] = [];
  for (let i = first; i < to; i++) {
    const line = all[i];
    if (line.indent < 0 || line.indent > indent) continue;
    if (line.indent < indent || !KEY_AT(text, line)) return whole;
    starts.push(i);
  }
  const entries = starts.map((s, k) => splitMapEntry(text, all, s, k + 1 < starts.length ? starts[k + 1] : to, mode.itemsKey));
  return { kind: 'map', start: whole.start, end: whole.end, head: leaf(all, from, starts[0], text.length), entries };
}

function splitSequence(text: string, all: readonly Line[], from: number, to: number, first: number, indent: number): SeqChunk | undefined {
  if (!isItemLine(text, all[first], indent)) return undefined;
  const starts: number[] = [];
  for (let i = first; i < to; i++) {
    const line = all[i];
    if (line.indent < 0 || line.indent > indent) continue;
    if (line.indent < indent || !isItemLine(text, line, indent)) return undefined;
    starts.push(i);
  }
  const items = starts.map((s, k) => leaf(all, s, k + 1 < starts.length ? starts[k + 1] : to, text.length));
  return { kind: 'seq', start: all[from].start, end: endAt(all, to, text.length), head: leaf(all, from, first, text.length), items };
}

/** A mapping entry (a table): split the sequence of `itemsKey` (its `rows:`) into items when that key is its last. */
function splitMapEntry(text: string, all: readonly Line[], from: number, to: number, itemsKey: string): Chunk {
  const whole = leaf(all, from, to, text.length);
  const first = firstContent(all, from, to);
  if (first < 0 || !keyHasNoInlineValue(text, all[from])) return whole;
  const keyIndent = all[first].indent;
  let itemsLine = -1;
  for (let i = first; i < to; i++) {
    const line = all[i];
    if (line.indent !== keyIndent) continue;
    if (KEY_AT(text, line) === itemsKey) itemsLine = i;
    else if (itemsLine >= 0) return whole;
  }
  if (itemsLine < 0 || !keyHasNoInlineValue(text, all[itemsLine])) return whole;
  const firstItem = firstContent(all, itemsLine, to);
  if (firstItem < 0 || all[firstItem].indent < keyIndent) return whole;
  const seq = splitSequence(text, all, itemsLine, to, firstItem, all[firstItem].indent);
  if (!seq) return whole;
  // The entry's own keys up to and including the items key form the head.
  return { kind: 'seq', start: whole.start, end: whole.end, head: leaf(all, from, firstItem, text.length), items: seq.items };
}
