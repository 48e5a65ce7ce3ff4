/**
 * A small, immutable YAML tree with exact document offsets. The rest of the service reads
 * this tree instead of the `yaml` package's nodes so that a parse can be split into chunks
 * (offsets are absolute) and so that no value is ever typed by YAML: every scalar keeps the
 * text it was written with, and amounts are built from that text.
 */

export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YScalar extends Span {
  readonly kind: 'scalar';
  /** The scalar's value as a string (quotes removed, escapes applied, block indentation removed). */
  readonly value: string;
  /** True for an empty plain scalar, `~` or `null`: a key written without a value. */
  readonly isNull: boolean;
  readonly style: ScalarStyle;
  /** For block scalars: the offset in the document of each line of `value`. */
  readonly lineStarts?: readonly number[];
}

export interface YPair extends Span {
  readonly key: YScalar;
  /** Null when the value was not parsable or is an alias. */
  readonly value: YNode | null;
}

export interface YMap extends Span {
  readonly kind: 'map';
  readonly flow: boolean;
  readonly pairs: readonly YPair[];
}

export interface YSeq extends Span {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly items: readonly YNode[];
}

export type YNode = YScalar | YMap | YSeq;

export function isMap(node: YNode | null | undefined): node is YMap {
  return node?.kind === 'map';
}

export function isSeq(node: YNode | null | undefined): node is YSeq {
  return node?.kind === 'seq';
}

export function isScalar(node: YNode | null | undefined): node is YScalar {
  return node?.kind === 'scalar';
}

export function getPair(map: YMap, key: string): YPair | undefined {
  for (const pair of map.pairs) if (pair.key.value === key) return pair;
  return undefined;
}

export function getValue(map: YMap | null | undefined, key: string): YNode | null | undefined {
  if (!map) return undefined;
  return getPair(map, key)?.value;
}

/** Scalar text of a key, or undefined when absent, null or not a scalar. */
export function getString(map: YMap | null | undefined, key: string): YScalar | undefined {
  const node = getValue(map, key);
  return isScalar(node) && !node.isNull ? node : undefined;
}
