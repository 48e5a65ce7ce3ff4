import type { ScalarStyle, Span, YMap, YNode, YPair, YScalar, YSeq } from './ast';

/**
 * Where a parsed chunk of text currently starts in the document. Every node of the chunk
 * computes its offsets from it, so when a later version of the document reuses the chunk at
 * another position, moving it is one assignment instead of a copy of the subtree — and the
 * model objects and cached findings that point at these nodes move with it. A document
 * version is valid until a newer version of the same document is parsed from it.
 */
export class Anchor {
  constructor(public base: number) {}
}

export class ScalarNode implements YScalar {
  readonly kind = 'scalar' as const;
  constructor(
    private readonly anchor: Anchor,
    private readonly relStart: number,
    private readonly relEnd: number,
    readonly value: string,
    readonly isNull: boolean,
    readonly style: ScalarStyle,
    private readonly relLineStarts?: readonly number[],
  ) {}
  get start(): number { return this.anchor.base + this.relStart; }
  get end(): number { return this.anchor.base + this.relEnd; }
  get lineStarts(): readonly number[] | undefined {
    const base = this.anchor.base;
    return this.relLineStarts?.map((s) => s + base);
  }
  /** An empty scalar right after this one (a key written without a value). */
  emptyAfter(): ScalarNode {
    return new ScalarNode(this.anchor, this.relEnd, this.relEnd, '', true, 'plain');
  }
}

export class PairNode implements YPair {
  constructor(private readonly anchor: Anchor, readonly key: YScalar, readonly value: YNode | null, private readonly relEnd: number) {}
  get start(): number { return this.key.start; }
  get end(): number { return this.anchor.base + this.relEnd; }
}

export class MapNode implements YMap {
  readonly kind = 'map' as const;
  constructor(private readonly anchor: Anchor, private readonly relStart: number, private readonly relEnd: number, readonly flow: boolean, readonly pairs: readonly YPair[]) {}
  get start(): number { return this.anchor.base + this.relStart; }
  get end(): number { return this.anchor.base + this.relEnd; }
}

export class SeqNode implements YSeq {
  readonly kind = 'seq' as const;
  constructor(private readonly anchor: Anchor, private readonly relStart: number, private readonly relEnd: number, readonly flow: boolean, readonly items: readonly YNode[]) {}
  get start(): number { return this.anchor.base + this.relStart; }
  get end(): number { return this.anchor.base + this.relEnd; }
}

/** A span that follows a node: the empty span just after it. */
export function pointAfter(node: Span): Span {
  return { get start() { return node.end; }, get end() { return node.end; } };
}

/** A plain copy of a tree with its current offsets (for comparisons and serialisation). */
export function plainTree(node: YNode | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar': {
      const plain: Record<string, unknown> = { kind: 'scalar', value: node.value, isNull: node.isNull, style: node.style, start: node.start, end: node.end };
      if (node.lineStarts) plain.lineStarts = [...node.lineStarts];
      return plain;
    }
    case 'map':
      return { kind: 'map', flow: node.flow, start: node.start, end: node.end, pairs: node.pairs.map((p) => ({ key: plainTree(p.key), value: plainTree(p.value), start: p.start, end: p.end })) };
    default:
      return { kind: 'seq', flow: node.flow, start: node.start, end: node.end, items: node.items.map(plainTree) };
  }
}
