import type { YMap, YNode, YPair, YScalar, YSeq } from './ast';
import { DEFAULT_LIMITS, parseWhole, ParsedYaml, ParseLimits, YamlProblem } from './parseYaml';
import { Chunk, LeafChunk, planChunks } from './chunks';

/**
 * Parses a report chunk by chunk (chunks.ts) and reuses the trees of chunks whose text did
 * not change since the previous version: an edit re-parses one row, one table head or one
 * section, not the whole file. The assembled tree is the tree a whole-text parse gives (a
 * test compares them on the samples and on mutated texts).
 */
export interface ChunkCache {
  readonly entries: ReadonlyMap<string, CachedParse>;
}

interface CachedParse {
  readonly root: YNode | null;
  readonly problems: readonly YamlProblem[];
}

export interface IncrementalParse extends ParsedYaml {
  readonly cache: ChunkCache;
  /** How many chunks were parsed (not taken from the cache): for the benchmark and tests. */
  readonly parsedChunks: number;
  readonly totalChunks: number;
}

export function parseYaml(text: string, limits: ParseLimits = DEFAULT_LIMITS, previous?: ChunkCache): IncrementalParse {
  const plan = text.length <= limits.maxLength ? planChunks(text) : undefined;
  if (!plan) {
    const whole = parseWhole(text, limits);
    return { ...whole, cache: { entries: new Map() }, parsedChunks: 1, totalChunks: 1 };
  }
  const parser = new ChunkParser(text, limits, previous?.entries);
  const pairs = plan.entries.flatMap((chunk) => parser.entry(chunk, 0));
  const root: YMap | null = pairs.length ? { kind: 'map', flow: false, pairs, start: pairs[0].start, end: pairs[pairs.length - 1].end } : null;
  parser.duplicates(pairs);
  return { root, problems: parser.problems.sort((a, b) => a.start - b.start), cache: { entries: parser.used }, parsedChunks: parser.parsed, totalChunks: parser.total };
}

class ChunkParser {
  readonly problems: YamlProblem[] = [];
  readonly used = new Map<string, CachedParse>();
  parsed = 0;
  total = 0;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly previous: ReadonlyMap<string, CachedParse> | undefined,
  ) {}

  /** Parses one leaf chunk (from the cache when its text is unchanged), shifted to its offset. */
  leaf(chunk: LeafChunk, depth: number): YNode | null {
    const source = this.text.slice(chunk.start, chunk.end);
    const key = `${depth}\u0000${source}`;
    this.total++;
    let cached = this.used.get(key) ?? this.previous?.get(key);
    if (!cached) {
      cached = parseWhole(source, this.limits, 0, depth);
      this.parsed++;
    }
    this.used.set(key, cached);
    for (const problem of cached.problems) this.problems.push({ ...problem, start: problem.start + chunk.start, end: problem.end + chunk.start });
    return cached.root ? shift(cached.root, chunk.start) : null;
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
    return { ...pair, value: { ...map, pairs, end }, end };
  }
  return { key: pair.key, value, start: pair.start, end: value.end };
}

/** A copy of a tree with every offset moved by `delta`. */
export function shift<T extends YNode>(node: T, delta: number): T {
  if (delta === 0) return node;
  switch (node.kind) {
    case 'scalar': {
      const scalar = node as YScalar;
      const moved: YScalar = scalar.lineStarts
        ? { ...scalar, start: scalar.start + delta, end: scalar.end + delta, lineStarts: scalar.lineStarts.map((s) => s + delta) }
        : { ...scalar, start: scalar.start + delta, end: scalar.end + delta };
      return moved as T;
    }
    case 'map': {
      const map = node as YMap;
      return { ...map, start: map.start + delta, end: map.end + delta, pairs: map.pairs.map((p) => ({ key: shift(p.key, delta), value: p.value ? shift(p.value, delta) : null, start: p.start + delta, end: p.end + delta })) } as unknown as T;
    }
    default: {
      const seq = node as YSeq;
      return { ...seq, start: seq.start + delta, end: seq.end + delta, items: seq.items.map((i) => shift(i, delta)) } as unknown as T;
    }
  }
}
