import type { YNode, YScalar } from './ast';

/**
 * Converts the tree to plain JSON values with the YAML core schema's typing, for JSON Schema
 * validation only (the model never uses these typed values: amounts are built from text).
 */
export function toJson(node: YNode | null, skip?: SkipRule, path: readonly string[] = []): unknown {
  if (!node) return null;
  if (!skip || skip.nothingBelow(path)) return plainJson(node);
  switch (node.kind) {
    case 'scalar':
      return scalarValue(node);
    case 'seq':
      // A skipped list is replaced by an empty one (validated elsewhere).
      if (skip.skips(path)) return [];
      return node.items.map((item) => toJson(item, skip, path));
    case 'map': {
      const object: Record<string, unknown> = Object.create(null);
      for (const pair of node.pairs) object[pair.key.value] = pair.value ? toJson(pair.value, skip, [...path, pair.key.value]) : null;
      return object;
    }
  }
}

/** Lists that toJson replaces by empty ones: `skips(path)` for a list's key path. */
export interface SkipRule {
  skips(path: readonly string[]): boolean;
  /** Whether no list at or below `path` is skipped (its JSON is then kept per node). */
  nothingBelow(path: readonly string[]): boolean;
}

/**
 * The JSON of a node below every skipped list, kept per node: the incremental parser keeps the
 * nodes of unchanged chunks, so an edit converts the chunks it touched. Nobody writes to the
 * values (ajv validates without defaults or coercion).
 */
const JSON_OF = new WeakMap<YNode, unknown>();

function plainJson(node: YNode): unknown {
  if (node.kind === 'scalar') return scalarValue(node);
  if (JSON_OF.has(node)) return JSON_OF.get(node);
  let value: unknown;
  if (node.kind === 'seq') value = node.items.map((item) => plainJson(item));
  else {
    const object: Record<string, unknown> = Object.create(null);
    for (const pair of node.pairs) object[pair.key.value] = pair.value ? plainJson(pair.value) : null;
    value = object;
  }
  JSON_OF.set(node, value);
  return value;
}

const INT = /^[-+]?(0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function scalarValue(node: YScalar): unknown {
  if (node.style !== 'plain') return node.value;
  if (node.isNull) return null;
  const v = node.value;
  if (v === 'true' || v === 'True' || v === 'TRUE') return true;
  if (v === 'false' || v === 'False' || v === 'FALSE') return false;
  // Leading zeros make the core schema read an octal-looking string; keep such codes as text.
  if (INT.test(v) || (FLOAT.test(v) && !/^0\d/.test(v))) return Number(v);
  return v;
}

/** The node at a JSON pointer path (`/tables/expense/rows/3/total`). */
export function nodeAtPointer(root: YNode | null, pointer: string): { node: YNode | null; keySpan?: { start: number; end: number }; parent?: YNode } {
  if (!pointer) return { node: root };
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: YNode | null = root;
  let keySpan: { start: number; end: number } | undefined;
  let parent: YNode | undefined;
  for (const segment of segments) {
    if (!node) break;
    parent = node;
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => p.key.value === segment);
      if (!pair) return { node: null, parent };
      keySpan = { start: pair.key.start, end: pair.key.end };
      node = pair.value;
    } else if (node.kind === 'seq') {
      node = node.items[Number(segment)] ?? null;
      keySpan = undefined;
    } else {
      return { node: null, parent };
    }
  }
  return { node, keySpan, parent };
}
