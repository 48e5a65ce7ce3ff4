import type { ReportedFinding, RuleContext, RuleRun } from './ruleTypes';
import type { RelationEvidence } from './evidence/relationEvidence';

/**
 * Results of a rule on one YAML node (a table row), recorded once and replayed while the node
 * is unchanged: an edit re-checks the rows it touched, not the whole table. Recorded findings
 * keep their spans, which are the nodes' own and follow them when the text above moves
 * (yaml/nodes.ts). The key must contain everything else the result depends on.
 */
interface Recording {
  checks: number;
  readonly reasons: string[];
  readonly reports: ReportedFinding[];
  readonly relations: RelationEvidence[];
}

const recordings = new WeakMap<object, Map<string, Recording>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

export function idOf(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = nextId++;
    ids.set(object, id);
  }
  return id;
}

/** What every recorded result depends on besides the node: locale, settings, code tables, year. */
export function contextKey(context: RuleContext): string {
  return `${context.messages.locale}|${idOf(context.settings)}|${idOf(context.codes)}|${context.settings.codeYear ?? context.report.year ?? ''}`;
}

function recorder(recording: Recording): RuleRun {
  return {
    checked(count = 1) { recording.checks += count; },
    couldNotCheck(reason) { recording.reasons.push(reason); },
    report(finding) { recording.reports.push(finding); },
    relation(evidence) { recording.relations.push(evidence); },
  };
}

function replay(run: RuleRun, recording: Recording): void {
  if (recording.checks) run.checked(recording.checks);
  for (const reason of recording.reasons) run.couldNotCheck(reason);
  for (const finding of recording.reports) run.report(finding);
  for (const evidence of recording.relations) run.relation(evidence);
}

function store<R>(map: WeakMap<object, Map<string, R>>, node: object, key: string, value: R): void {
  let perNode = map.get(node);
  if (!perNode) {
    perNode = new Map();
    map.set(node, perNode);
  }
  if (perNode.size > 16) perNode.clear();
  perNode.set(key, value);
}

export function memoized(run: RuleRun, node: object, key: string, compute: (run: RuleRun) => void): void {
  let recording = recordings.get(node)?.get(key);
  if (!recording) {
    recording = { checks: 0, reasons: [], reports: [], relations: [] };
    compute(recorder(recording));
    store(recordings, node, key, recording);
  }
  replay(run, recording);
}

interface DependentRecording extends Recording {
  readonly dependencies: readonly object[];
}

const dependentRecordings = new WeakMap<object, Map<string, DependentRecording>>();

/**
 * `memoized` for a result that depends on other nodes besides its own (a subtotal row on the
 * rows under it): replayed while the `count` nodes `dependencyAt(0 … count − 1)` are the same
 * nodes in the same order — a pointer comparison each, where a key naming them would cost a
 * string per dependency, and a list of them an allocation per subtotal on every check.
 */
export function memoizedWith(run: RuleRun, node: object, key: string, count: number, dependencyAt: (index: number) => object, compute: (run: RuleRun) => void): void {
  let recording = dependentRecordings.get(node)?.get(key);
  if (!recording || !sameDependencies(recording.dependencies, count, dependencyAt)) {
    const dependencies: object[] = [];
    for (let i = 0; i < count; i++) dependencies.push(dependencyAt(i));
    recording = { dependencies, checks: 0, reasons: [], reports: [], relations: [] };
    compute(recorder(recording));
    store(dependentRecordings, node, key, recording);
  }
  replay(run, recording);
}

function sameDependencies(recorded: readonly object[], count: number, dependencyAt: (index: number) => object): boolean {
  if (recorded.length !== count) return false;
  for (let i = 0; i < count; i++) if (recorded[i] !== dependencyAt(i)) return false;
  return true;
}

/** The node of a table row (or of anything else built from one YAML node): what `memoizedEach` compares. */
export const nodeOfRow = (row: { readonly node: object }): object => row.node;

/** Items per block of `memoizedEach`: small enough that an edit recomputes little, large enough that 10,000 rows are 160 look-ups. */
const BLOCK = 64;

interface BlockRecording extends Recording {
  readonly nodes: readonly object[];
  /** Where the block started when an item's result depends on its position (see `positional`); -1 otherwise. */
  readonly start: number;
}

/** Recordings of blocks of items, by the node of a block's first item. */
const blocks = new WeakMap<object, Map<string, BlockRecording>>();

/**
 * `memoized` for every item of a list (the rows of a table, the cells of a report), replayed a
 * block at a time: a block whose items all have the nodes they had is one look-up and one
 * replay, so an edit costs a pointer comparison per unchanged row. A block with a changed item
 * falls back to the per-item recordings, so only the changed item is checked again.
 */
export function memoizedEach<T>(run: RuleRun, items: readonly T[], nodeOf: (item: T) => object, key: string, compute: (run: RuleRun, item: T) => void, positional?: (item: T) => boolean): void {
  for (let start = 0; start < items.length; start += BLOCK) {
    const end = Math.min(items.length, start + BLOCK);
    const first = nodeOf(items[start]);
    const block = blocks.get(first)?.get(key);
    if (block && block.nodes.length === end - start && (block.start < 0 || block.start === start) && sameNodes(block.nodes, items, start, nodeOf)) {
      replay(run, block);
      continue;
    }
    const nodes: object[] = [];
    let atPosition = false;
    const recording: { -readonly [K in keyof BlockRecording]: BlockRecording[K] } = { nodes, start: -1, checks: 0, reasons: [], reports: [], relations: [] };
    const into = recorder(recording);
    for (let i = start; i < end; i++) {
      const item = items[i];
      const node = nodeOf(item);
      nodes.push(node);
      // An item whose result names its position (a row labelled by its number) is recorded per
      // position, and its block is replayed only where it was recorded.
      const here = positional?.(item) ?? false;
      atPosition ||= here;
      memoized(into, node, here ? `${key}|@${i}` : key, (r) => compute(r, item));
    }
    if (atPosition) recording.start = start;
    store(blocks, first, key, recording);
    replay(run, recording);
  }
}

function sameNodes<T>(nodes: readonly object[], items: readonly T[], start: number, nodeOf: (item: T) => object): boolean {
  for (let i = 0; i < nodes.length; i++) if (nodes[i] !== nodeOf(items[start + i])) return false;
  return true;
}
