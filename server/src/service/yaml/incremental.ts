import type { YMap, YNode, YPair } from './ast';
import { DEFAULT_LIMITS, parseWhole, ParseLimits, YamlProblem } from './parseYaml';
import { Anchor } from './nodes';
import { Chunk, LeafChunk, planChunks } from './chunks';

/**
 * Parses a report chunk by chunk (chunks.ts) and reuses the trees of chunks whose text did
 * not change since the previous version: an edit re-parses one row, one table head or one
 * section, not the whole file. The assembled tree is the tree a whole-text parse gives (a
 * test compares them on the samples and on mutated texts).
 */
export interface ChunkCache {
  /** Trees by chunk text; a text that occurs n times has n trees (a tree has one place). */
  readonly entries: ReadonlyMap<string, readonly CachedParse[]>;
  /** Shared by the versions of one document: which of them the shared trees are placed for. */
  readonly placement: Placement;
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

export function parseYaml(text: string, limits: ParseLimits = DEFAULT_LIMITS, previous?: ChunkCache): IncrementalParse {
  const plan = text.length <= limits.maxLength ? planChunks(text) : undefined;
  if (!plan) {
    const whole = parseWhole(text, limits);
    // A whole parse shares no tree with any version: nothing to place.
    return { root: whole.root, problems: whole.problems, cache: { entries: new Map(), placement: new Placement() }, parsedChunks: 1, totalChunks: 1, place: () => undefined };
  }
  const placement = previous?.placement ?? new Placement();
  const parser = new ChunkParser(text, limits, previous?.entries);
  const pairs = plan.entries.flatMap((chunk) => parser.entry(chunk, 0));
  const root: YMap | null = pairs.length ? { kind: 'map', flow: false, pairs, start: pairs[0].start, end: pairs[pairs.length - 1].end } : null;
  parser.duplicates(pairs);
  const anchors = parser.anchors;
  const bases = parser.bases;
  const version: IncrementalParse = {
    root,
    problems: parser.problems.sort((a, b) => a.start - b.start),
    cache: { entries: parser.used, placement },
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
  readonly used = new Map<string, CachedParse[]>();
  /** Where this version puts each chunk's anchor (see Placement). */
  readonly anchors: Anchor[] = [];
  readonly bases: number[] = [];
  parsed = 0;
  total = 0;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly previous: ReadonlyMap<string, readonly CachedParse[]> | undefined,
  ) {}

  /**
   * Parses one leaf chunk, or takes its tree from the previous version when its text is
   * unchanged and moves the tree's anchor to the chunk's new offset. A text that occurs several
   * times (a row repeated in two tables) has one tree per occurrence: a tree has one place.
   */
  leaf(chunk: LeafChunk, depth: number): YNode | null {
    const source = this.text.slice(chunk.start, chunk.end);
    const key = `${depth}\u0000${source}`;
    this.total++;
    const uses = this.used.get(key) ?? [];
    let cached = this.previous?.get(key)?.[uses.length];
    if (!cached) {
      const parsed = parseWhole(source, this.limits, 0, depth);
      cached = { root: parsed.root, problems: parsed.problems, anchor: parsed.anchor };
      this.parsed++;
    }
    uses.push(cached);
    this.used.set(key, uses);
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
      // Items sit one level below the mapping that holds the sequence: the head's depth + 1 for
      // narrative (root → seq), + 2 for rows (tables map → table map → seq) — the head tells.
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

/** Depth of the mapping whose last key receives the sequence (1 for `narrative:`, 2 for a table's `rows:`). */
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
