/**
 * Splits a report's text into chunks that YAML can parse independently: the top-level keys,
 * each table under `tables:`, each row of a table's `rows:` and each section under
 * `narrative:`. Splitting is by indentation only and is used when the text has nothing that
 * could make a chunk's meaning depend on another chunk (anchors, aliases, tabs, directives,
 * documents markers); otherwise the whole text is one chunk.
 */

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

/** A mapping entry whose value is a block mapping split into entries (tables). */
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

export function planChunks(text: string): ChunkPlan | undefined {
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
    const key = KEY_AT(text, all[from]);
    entries.push(splitEntry(text, all, from, to, key === 'tables' ? 'tables' : key === 'narrative' ? 'seq' : 'none'));
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

function splitEntry(text: string, all: readonly Line[], from: number, to: number, mode: 'tables' | 'seq' | 'rows-in-tables' | 'none'): Chunk {
  const whole = leaf(all, from, to, text.length);
  if (mode === 'none' || !keyHasNoInlineValue(text, all[from])) return whole;
  const first = firstContent(all, from, to);
  if (first < 0) return whole;
  const indent = all[first].indent;
  if (indent <= all[from].indent) return whole;
  if (mode === 'seq') return splitSequence(text, all, from, to, first, indent) ?? whole;
  // tables: a block mapping of table entries at `indent`.
  const starts: number[] = [];
  for (let i = first; i < to; i++) {
    const line = all[i];
    if (line.indent < 0 || line.indent > indent) continue;
    if (line.indent < indent || !KEY_AT(text, line)) return whole;
    starts.push(i);
  }
  const entries = starts.map((s, k) => splitTable(text, all, s, k + 1 < starts.length ? starts[k + 1] : to));
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

/** A table entry: split its `rows:` into items when `rows:` is its last key. */
function splitTable(text: string, all: readonly Line[], from: number, to: number): Chunk {
  const whole = leaf(all, from, to, text.length);
  const first = firstContent(all, from, to);
  if (first < 0 || !keyHasNoInlineValue(text, all[from])) return whole;
  const keyIndent = all[first].indent;
  let rowsLine = -1;
  for (let i = first; i < to; i++) {
    const line = all[i];
    if (line.indent !== keyIndent) continue;
    if (KEY_AT(text, line) === 'rows') rowsLine = i;
    else if (rowsLine >= 0) return whole;
  }
  if (rowsLine < 0 || !keyHasNoInlineValue(text, all[rowsLine])) return whole;
  const firstItem = firstContent(all, rowsLine, to);
  if (firstItem < 0 || all[firstItem].indent < keyIndent) return whole;
  const seq = splitSequence(text, all, rowsLine, to, firstItem, all[firstItem].indent);
  if (!seq) return whole;
  // The table's own keys up to and including "rows:" form the head.
  return { kind: 'seq', start: whole.start, end: whole.end, head: leaf(all, from, firstItem, text.length), items: seq.items };
}
