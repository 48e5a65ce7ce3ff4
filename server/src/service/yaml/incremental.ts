import type { YMap, YNode, YPair } from './ast';
import { DEFAULT_LIMITS, parseWhole, ParseLimits, YamlProblem } from './parseYaml';
import { Anchor } from './nodes';
import { Chunk, ChunkSplits, LeafChunk, NO_SPLITS, planChunks } from './chunks';

/**
 * Parses a report chunk by chunk (chunks.ts) and reuses the trees of chunks whose text did
 * not change since the previous version: an edit re-parses one row, one table head or one
 * section, not the whole file. The assembled tree is the tree a whole-text parse gives (a
 * test compares them on the samples and on mutated texts).
 *
 * What did not change is found by position, not by text: the versions' common prefix and
 * suffix are compared once, and a chunk that lies wholly in either is the previous version's
 * chunk at the same place (shifted by the edit's length in the suffix). Looking chunks up by
 * their text cost a slice and a hash of every row on every edit — half of an edit of a
 * 10,000-row report.
 */
export interface ChunkCache {
  /** The text the trees were parsed from. */
  readonly text: string;
  /** The previous version's leaf chunks by their start offset. */
  readonly chunks: ReadonlyMap<number, CachedParse>;
  /** Shared by the versions of one document: which of them the shared trees are placed for. */
  readonly placement: Placement;
}

interface CachedParse {
  /** The chunk's length (its text is what the previous version had there). */
  readonly length: number;
  readonly depth: number;
  readonly root: YNode | null;
  /** Problems with offsets relative to the chunk. */
  readonly problems: readonly YamlProblem[];
  readonly anchor: Anchor;
}

/**
 * A chunk's tree is shared by every version of the document that contains the chunk's text,
 * possibly at different offsets; its nodes read their offsets from the chunk's anchor. Each
 * version records where it puts each anchor, and `place()` puts them there: the version that
 * was placed last is the one whose offsets every shared node reports. Parsing places the new
 * version; an older version read afterwards (a late request, a test) places itself again —
 * one assignment per chunk, and nothing when it is already placed — so every version keeps
 * its own offsets without a copy of the trees (which would also lose every result kept per node).
 */
export class Placement {
  current: IncrementalParse | undefined;
}

interface CachedParse {
  readonly root: YNode | null;
  /** Problems with offsets relative to the chunk. */
  readonly problems: readonly YamlProblem[];
  readonly anchor: Anchor;
}

export interface IncrementalParse {
  readonly root: YNode | null;
  readonly problems: readonly YamlProblem[];
  readonly cache: ChunkCache;
  /** How many chunks were parsed (not taken from the cache): for the benchmark and tests. */
  readonly parsedChunks: number;
  readonly totalChunks: number;
  /** Makes every node of this version report this version's offsets (see Placement). */
  place(): void;
}

/** The limits of a parse and where the text may be split into chunks. */
export interface ChunkedParseOptions extends ParseLimits {
  /**
   * Which keys' values are split further than the top-level keys (the document layer passes a
   * report's; without them only the top-level keys are chunks). One document passes the same
   * splits to every version.
   */
  readonly splits?: ChunkSplits;
}

export function parseYaml(text: string, limits: ChunkedParseOptions = DEFAULT_LIMITS, previous?: ChunkCache): IncrementalParse {
  const plan = text.length <= limits.maxLength ? planChunks(text, limits.splits ?? NO_SPLITS) : undefined;
  if (!plan) {
    const whole = parseWhole(text, limits);
    // A whole parse shares no tree with any version: nothing to place.
    return { root: whole.root, problems: whole.problems, cache: { text, chunks: new Map(), placement: new Placement() }, parsedChunks: 1, totalChunks: 1, place: () => undefined };
  }
  const placement = previous?.placement ?? new Placement();
  const parser = new ChunkParser(text, limits, previous);
  const pairs = plan.entries.flatMap((chunk) => parser.entry(chunk, 0));
  const root: YMap | null = pairs.length ? { kind: 'map', flow: false, pairs, start: pairs[0].start, end: pairs[pairs.length - 1].end } : null;
  parser.duplicates(pairs);
  const anchors = parser.anchors;
  const bases = parser.bases;
  const version: IncrementalParse = {
    root,
    problems: parser.problems.sort((a, b) => a.start - b.start),
    cache: { text, chunks: parser.used, placement },
    parsedChunks: parser.parsed,
    totalChunks: parser.total,
    place() {
      if (placement.current === version) return;
      for (let i = 0; i < anchors.length; i++) anchors[i].base = bases[i];
      placement.current = version;
    },
  };
  placement.current = version;
  return version;
}

class ChunkParser {
  readonly problems: YamlProblem[] = [];
  readonly used = new Map<number, CachedParse>();
  /** Where this version puts each chunk's anchor (see Placement). */
  readonly anchors: Anchor[] = [];
  readonly bases: number[] = [];
  parsed = 0;
  total = 0;
  /** Chunks ending at or before this offset are unchanged in place. */
  private readonly prefix: number;
  /** Chunks starting at or after this offset are unchanged, `shift` characters further on. */
  private readonly suffixStart: number;
  private readonly shift: number;
  /** The previous version's chunks between prefix and suffix, by depth and text (built when needed). */
  private middle: Map<string, CachedParse[]> | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly previous: ChunkCache | undefined,
  ) {
    const before = previous?.text ?? '';
    this.prefix = commonPrefix(before, text);
    const suffix = commonSuffix(before, text, this.prefix);
    this.suffixStart = text.length - suffix;
    this.shift = text.length - before.length;
  }

  /** The previous version's tree of this chunk, when its text is unchanged. */
  private reused(chunk: LeafChunk, depth: number): CachedParse | undefined {
    if (!this.previous) return undefined;
    let at: number;
    if (chunk.end <= this.prefix) at = chunk.start;
    else if (chunk.start >= this.suffixStart) at = chunk.start - this.shift;
    else return this.moved(chunk, depth);
    const cached = this.previous.chunks.get(at);
    return cached && cached.length === chunk.end - chunk.start && cached.depth === depth ? cached : undefined;
  }

  /**
   * A chunk between the common prefix and suffix may still be one the edit only moved (rows
   * cut and pasted, a line copied): the previous version's chunks in that stretch, by text.
   * Each is taken once: a tree has one place.
   */
  private moved(chunk: LeafChunk, depth: number): CachedParse | undefined {
    if (!this.previous) return undefined;
    if (!this.middle) {
      this.middle = new Map();
      const before = this.previous.text;
      const end = before.length - (this.text.length - this.suffixStart);
      for (const [at, cached] of this.previous.chunks) {
        if (at + cached.length <= this.prefix || at >= end) continue;
        const key = `${cached.depth}\u0000${before.slice(at, at + cached.length)}`;
        const list = this.middle.get(key);
        if (list) list.push(cached);
        else this.middle.set(key, [cached]);
      }
    }
    return this.middle.get(`${depth}\u0000${this.text.slice(chunk.start, chunk.end)}`)?.shift();
  }

  /**
   * Parses one leaf chunk, or takes its tree from the previous version when its text is
   * unchanged and moves the tree's anchor to the chunk's new offset.
   */
  leaf(chunk: LeafChunk, depth: number): YNode | null {
    this.total++;
    let cached = this.reused(chunk, depth);
    if (!cached) {
      const parsed = parseWhole(this.text.slice(chunk.start, chunk.end), this.limits, 0, depth);
      cached = { length: chunk.end - chunk.start, depth, root: parsed.root, problems: parsed.problems, anchor: parsed.anchor };
      this.parsed++;
    }
    this.used.set(chunk.start, cached);
    cached.anchor.base = chunk.start;
    this.anchors.push(cached.anchor);
    this.bases.push(chunk.start);
    for (const problem of cached.problems) this.problems.push({ ...problem, start: problem.start + chunk.start, end: problem.end + chunk.start });
    return cached.root;
  }

  /** The pairs a chunk contributes to the mapping it belongs to. */
  entry(chunk: Chunk, depth: number): YPair[] {
    if (chunk.kind === 'leaf') return pairsOf(this.leaf(chunk, depth));
    const head = pairsOf(this.leaf(chunk.head, depth));
    if (head.length === 0) return head;
    let value: YNode | null;
    if (chunk.kind === 'map') {
      const pairs = chunk.entries.flatMap((entry) => this.entry(entry, depth + 1));
      this.duplicates(pairs);
      value = pairs.length ? { kind: 'map', flow: false, pairs, start: pairs[0].start, end: pairs[pairs.length - 1].end } : null;
    } else {
      // Items sit one level below the mapping that holds the sequence: the head's depth + 1 for a
      // top-level sequence (root → seq), + 2 for one inside a mapping's entry (map → entry → seq)
      // — the head tells.
      const seqDepth = depth + headDepth(head);
      const items = chunk.items.flatMap((item) => itemsOf(this.leaf(item, seqDepth)));
      const seqs = items.length ? items : [];
      value = seqs.length ? { kind: 'seq', flow: false, items: seqs.map((s) => s.node), start: seqs[0].seqStart, end: seqs[seqs.length - 1].seqEnd } : null;
    }
    return value ? inject(head, value) : head;
  }

  duplicates(pairs: readonly YPair[]): void {
    const seen = new Set<string>();
    for (const pair of pairs) {
      if (seen.has(pair.key.value)) this.problems.push({ kind: 'duplicate-key', start: pair.key.start, end: pair.key.end, message: 'Map keys must be unique' });
      seen.add(pair.key.value);
    }
  }
}

function pairsOf(node: YNode | null): YPair[] {
  return node && node.kind === 'map' ? [...node.pairs] : [];
}

/** Items of a one-item sequence chunk, with the range yaml gives the sequence around them. */
function itemsOf(node: YNode | null): Array<{ node: YNode; seqStart: number; seqEnd: number }> {
  if (!node || node.kind !== 'seq') return [];
  return node.items.map((item) => ({ node: item, seqStart: node.start, seqEnd: node.end }));
}

/** Depth of the mapping whose last key receives the sequence (1 for a top-level key, 2 for a key inside a mapping's entry). */
function headDepth(head: readonly YPair[]): number {
  let depth = 1;
  let pair = head[head.length - 1];
  while (pair.value && pair.value.kind === 'map' && pair.value.pairs.length) {
    pair = pair.value.pairs[pair.value.pairs.length - 1];
    depth++;
  }
  return depth;
}

/** Puts `value` as the value of the last key of the innermost last mapping of `head`, widening ends. */
function inject(head: readonly YPair[], value: YNode): YPair[] {
  const last = head[head.length - 1];
  return [...head.slice(0, -1), injectPair(last, value)];
}

function injectPair(pair: YPair, value: YNode): YPair {
  if (pair.value && pair.value.kind === 'map' && pair.value.pairs.length) {
    const map = pair.value;
    const pairs = [...map.pairs.slice(0, -1), injectPair(map.pairs[map.pairs.length - 1], value)];
    const end = pairs[pairs.length - 1].end;
    const merged: YMap = { kind: 'map', flow: map.flow, pairs, start: map.start, end };
    return { key: pair.key, value: merged, start: pair.start, end };
  }
  return { key: pair.key, value, start: pair.start, end: value.end };
}

/** Length of the longest common prefix (compared in blocks: this runs on every edit). */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  const BLOCK = 1024;
  while (i + BLOCK <= limit && a.substr(i, BLOCK) === b.substr(i, BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix that does not reach into the common prefix. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let n = 0;
  const BLOCK = 1024;
  while (n + BLOCK <= limit && a.substr(a.length - n - BLOCK, BLOCK) === b.substr(b.length - n - BLOCK, BLOCK)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
