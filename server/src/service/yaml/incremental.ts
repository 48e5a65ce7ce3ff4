import type { YMap, YNode, YPair } from './ast';
import { DEFAULT_LIMITS, parseWhole, ParseLimits, YamlProblem } from './parseYaml';
import { Anchor } from './nodes';
import { Chunk, ChunkPlan, ChunkSplits, NO_SPLITS, planChunks, replanChunks } from './chunks';

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
 *
 * Nor is the text planned anew when the edit stays inside one line and the planner reads that
 * line the same (typing in a cell): the previous plan is kept with the offsets after the line
 * moved (`replanChunks`), and the previous version's leaf `i` is then the new one's leaf `i`.
 * What an edit of a 10,000-row report still costs in proportion to the file is the comparison
 * of prefix and suffix and one pass over the leaves (an array read and an anchor moved each).
 */
export interface ChunkCache {
  /** The text the trees were parsed from. */
  readonly text: string;
  /** The plan of that text (undefined when it was parsed whole). */
  readonly plan: ChunkPlan | undefined;
  /** The tree of each leaf chunk of the plan, by leaf number (undefined for a leaf not read). */
  readonly parses: readonly (CachedParse | undefined)[];
  /** Shared by the versions of one document: which of them the shared trees are placed for. */
  readonly placement: Placement;
}

interface CachedParse {
  readonly depth: number;
  readonly root: YNode | null;
  /** Problems with offsets relative to the chunk. */
  readonly problems: readonly YamlProblem[];
  readonly anchor: Anchor;
}

/**
 * A chunk's tree is shared by every version of the document that contains the chunk's text,
 * possibly at different offsets; its nodes read their offsets from the chunk's anchor. Each
 * version records where it puts each anchor (its plan's leaf starts), and `place()` puts them
 * there: the version that was placed last is the one whose offsets every shared node reports.
 * Parsing places the new version; an older version read afterwards (a late request, a test)
 * places itself again — one assignment per chunk, and nothing when it is already placed — so
 * every version keeps its own offsets without a copy of the trees (which would also lose every
 * result kept per node).
 */
export class Placement {
  current: IncrementalParse | undefined;
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

const NO_PARSES: readonly (CachedParse | undefined)[] = [];

export function parseYaml(text: string, limits: ChunkedParseOptions = DEFAULT_LIMITS, previous?: ChunkCache): IncrementalParse {
  // The whole-text parse is called from here with as little on the stack as before the plan
  // was kept (`planned` holds what planning found): the yaml package runs out of stack on
  // thousands of nested brackets, and where it does shows in the findings (robustness test).
  const planned = text.length <= limits.maxLength ? planFor(text, limits.splits ?? NO_SPLITS, previous) : undefined;
  if (!planned) {
    const whole = parseWhole(text, limits);
    // A whole parse shares no tree with any version: nothing to place.
    return { root: whole.root, problems: whole.problems, cache: { text, plan: undefined, parses: NO_PARSES, placement: new Placement() }, parsedChunks: 1, totalChunks: 1, place: () => undefined };
  }
  return parseChunks(text, limits, previous, planned);
}

/** The plan of a text, with the lengths of its common prefix and suffix with the previous version's. */
interface Planned {
  readonly plan: ChunkPlan;
  readonly prefix: number;
  readonly suffix: number;
}

function planFor(text: string, splits: ChunkSplits, previous: ChunkCache | undefined): Planned | undefined {
  if (!previous) {
    const plan = planChunks(text, splits);
    return plan && { plan, prefix: 0, suffix: 0 };
  }
  const prefix = commonPrefix(previous.text, text);
  const suffix = commonSuffix(previous.text, text, prefix);
  // An edit inside one line that the planner reads the same keeps the plan (chunks.ts).
  const plan = (previous.plan && replanChunks(previous.plan, previous.text, text, prefix, suffix, splits)) ?? planChunks(text, splits);
  return plan && { plan, prefix, suffix };
}

function parseChunks(text: string, limits: ParseLimits, previous: ChunkCache | undefined, { plan, prefix, suffix }: Planned): IncrementalParse {
  const placement = previous?.placement ?? new Placement();
  const parser = new ChunkParser(text, limits, plan, previous, prefix, suffix);
  const pairs: YPair[] = [];
  const entries = plan.entries;
  for (let k = 0; k < entries.length; k++) parser.entry(entries[k], 0, pairs);
  const root: YMap | null = pairs.length ? { kind: 'map', flow: false, pairs, start: pairs[0].start, end: pairs[pairs.length - 1].end } : null;
  parser.duplicates(pairs);
  const parses = parser.parses;
  const starts = plan.starts;
  const version: IncrementalParse = {
    root,
    problems: parser.problems.sort((a, b) => a.start - b.start),
    cache: { text, plan, parses, placement },
    parsedChunks: parser.parsed,
    totalChunks: parser.total,
    place() {
      if (placement.current === version) return;
      for (let i = 0; i < parses.length; i++) {
        const parse = parses[i];
        if (parse) parse.anchor.base = starts[i];
      }
      placement.current = version;
    },
  };
  placement.current = version;
  return version;
}

class ChunkParser {
  readonly problems: YamlProblem[] = [];
  /** The tree of each leaf of the plan, by leaf number (see ChunkCache). */
  readonly parses: (CachedParse | undefined)[];
  parsed = 0;
  total = 0;
  private readonly starts: readonly number[];
  /** Chunks ending at or before this offset are unchanged in place. */
  private readonly prefix: number;
  /** Chunks starting at or after this offset are unchanged, `shift` characters further on. */
  private readonly suffixStart: number;
  private readonly shift: number;
  /** The previous version's leaf starts and trees (empty without one). */
  private readonly oldStarts: readonly number[];
  private readonly oldParses: readonly (CachedParse | undefined)[];
  /**
   * The previous version's leaf looked at last: leaves are read in text order, and so are the
   * places in the previous version of the unchanged ones, so one forward walk finds them all.
   */
  private cursor = 0;
  /** The previous version's chunks between prefix and suffix, by depth and text (built when needed). */
  private middle: Map<string, CachedParse[]> | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
    plan: ChunkPlan,
    private readonly previous: ChunkCache | undefined,
    prefix: number,
    suffix: number,
  ) {
    this.starts = plan.starts;
    this.parses = new Array<CachedParse | undefined>(plan.starts.length - 1).fill(undefined);
    this.prefix = prefix;
    this.suffixStart = text.length - suffix;
    this.shift = text.length - (previous?.text.length ?? 0);
    this.oldStarts = previous?.plan?.starts ?? NO_STARTS;
    this.oldParses = previous?.parses ?? NO_PARSES;
  }

  /** The previous version's tree of this chunk, when its text is unchanged. */
  private reused(start: number, end: number, depth: number): CachedParse | undefined {
    let at: number;
    if (end <= this.prefix) at = start;
    else if (start >= this.suffixStart) at = start - this.shift;
    else return this.moved(start, end, depth);
    const oldStarts = this.oldStarts;
    const last = oldStarts.length - 1;
    let j = this.cursor;
    while (j < last && oldStarts[j] < at) j++;
    this.cursor = j;
    if (j >= last || oldStarts[j] !== at || oldStarts[j + 1] - at !== end - start) return undefined;
    const cached = this.oldParses[j];
    return cached && cached.depth === depth ? cached : undefined;
  }

  /**
   * A chunk between the common prefix and suffix may still be one the edit only moved (rows
   * cut and pasted, a line copied): the previous version's chunks in that stretch, by text.
   * Each is taken once: a tree has one place.
   */
  private moved(start: number, end: number, depth: number): CachedParse | undefined {
    if (!this.previous) return undefined;
    if (!this.middle) {
      this.middle = new Map();
      const before = this.previous.text;
      const stop = before.length - (this.text.length - this.suffixStart);
      const oldStarts = this.oldStarts;
      // The previous version's leaves from the first one ending after the prefix.
      let lo = 0;
      let hi = Math.max(0, oldStarts.length - 1);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (oldStarts[mid + 1] <= this.prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo; j + 1 < oldStarts.length && oldStarts[j] < stop; j++) {
        const cached = this.oldParses[j];
        const at = oldStarts[j];
        const atEnd = oldStarts[j + 1];
        if (!cached || atEnd <= this.prefix) continue;
        const key = `${cached.depth}\u0000${before.slice(at, atEnd)}`;
        const list = this.middle.get(key);
        if (list) list.push(cached);
        else this.middle.set(key, [cached]);
      }
    }
    return this.middle.get(`${depth}\u0000${this.text.slice(start, end)}`)?.shift();
  }

  /**
   * Parses one leaf chunk, or takes its tree from the previous version when its text is
   * unchanged and moves the tree's anchor to the chunk's new offset.
   */
  leaf(leaf: number, depth: number): YNode | null {
    this.total++;
    const start = this.starts[leaf];
    const end = this.starts[leaf + 1];
    let cached = this.reused(start, end, depth);
    if (!cached) {
      const parsed = parseWhole(this.text.slice(start, end), this.limits, 0, depth);
      cached = { depth, root: parsed.root, problems: parsed.problems.length ? parsed.problems : NO_PROBLEMS, anchor: parsed.anchor };
      this.parsed++;
    }
    this.parses[leaf] = cached;
    cached.anchor.base = start;
    const problems = cached.problems;
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i];
      this.problems.push({ ...problem, start: problem.start + start, end: problem.end + start });
    }
    return cached.root;
  }

  /** Adds the pairs a chunk contributes to the mapping it belongs to. */
  entry(chunk: Chunk, depth: number, out: YPair[]): void {
    if (chunk.kind === 'leaf') {
      pushPairs(this.leaf(chunk.leaf, depth), out);
      return;
    }
    const headRoot = this.leaf(chunk.head, depth);
    if (!headRoot || headRoot.kind !== 'map' || headRoot.pairs.length === 0) return;
    const head = headRoot.pairs;
    let value: YNode | null;
    if (chunk.kind === 'map') {
      const pairs: YPair[] = [];
      const entries = chunk.entries;
      for (let k = 0; k < entries.length; k++) this.entry(entries[k], depth + 1, pairs);
      this.duplicates(pairs);
      value = pairs.length ? { kind: 'map', flow: false, pairs, start: pairs[0].start, end: pairs[pairs.length - 1].end } : null;
    } else {
      // Items sit one level below the mapping that holds the sequence: the head's depth + 1 for a
      // top-level sequence (root → seq), + 2 for one inside a mapping's entry (map → entry → seq)
      // — the head tells. Each item chunk is a sequence of (normally) one item; the assembled
      // sequence runs from the first such sequence's start to the last one's end.
      const seqDepth = depth + headDepth(head);
      const items: YNode[] = [];
      let first: YNode | undefined;
      let last: YNode | undefined;
      for (let k = 1; k <= chunk.items; k++) {
        const node = this.leaf(chunk.head + k, seqDepth);
        if (!node || node.kind !== 'seq' || node.items.length === 0) continue;
        first ??= node;
        last = node;
        const nodeItems = node.items;
        for (let i = 0; i < nodeItems.length; i++) items.push(nodeItems[i]);
      }
      value = first && last ? { kind: 'seq', flow: false, items, start: first.start, end: last.end } : null;
    }
    if (!value) {
      for (let i = 0; i < head.length; i++) out.push(head[i]);
      return;
    }
    for (let i = 0; i < head.length - 1; i++) out.push(head[i]);
    out.push(injectPair(head[head.length - 1], value));
  }

  duplicates(pairs: readonly YPair[]): void {
    const seen = new Set<string>();
    for (const pair of pairs) {
      if (seen.has(pair.key.value)) this.problems.push({ kind: 'duplicate-key', start: pair.key.start, end: pair.key.end, message: 'Map keys must be unique' });
      seen.add(pair.key.value);
    }
  }
}

const NO_STARTS: readonly number[] = [];
const NO_PROBLEMS: readonly YamlProblem[] = [];

function pushPairs(node: YNode | null, out: YPair[]): void {
  if (!node || node.kind !== 'map') return;
  const pairs = node.pairs;
  for (let i = 0; i < pairs.length; i++) out.push(pairs[i]);
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

/** Puts `value` as the value of the last key of the innermost last mapping of `pair`, widening ends. */
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

/**
 * Length of the longest common prefix. This runs on every edit over the whole text: compared in
 * blocks, large ones first (a block compare is a memory compare; one character at a time would
 * cost a call per character).
 */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 16384; block >= 64; block >>= 2) {
    while (i + block <= limit && a.substr(i, block) === b.substr(i, block)) i += block;
  }
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix that does not reach into the common prefix. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let n = 0;
  for (let block = 16384; block >= 64; block >>= 2) {
    while (n + block <= limit && a.substr(a.length - n - block, block) === b.substr(b.length - n - block, block)) n += block;
  }
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
