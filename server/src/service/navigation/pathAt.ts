import type { YNode, YPair, YScalar } from '../yaml/ast';

/** Where an offset falls in the YAML tree: the key path and the innermost pair/scalar. */
export interface NodeLocation {
  /** Keys and sequence indices from the root to the innermost node containing the offset. */
  readonly path: ReadonlyArray<string | number>;
  /** The innermost pair whose key or value contains the offset. */
  readonly pair?: YPair;
  /** True when the offset is on the key of `pair`. */
  readonly onKey: boolean;
  /** The innermost scalar containing the offset (key or value). */
  readonly scalar?: YScalar;
  /** Ancestors from the root (outermost first). */
  readonly nodes: readonly YNode[];
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function locate(root: YNode | null, offset: number): NodeLocation {
  const path: Array<string | number> = [];
  const nodes: YNode[] = [];
  let pair: YPair | undefined;
  let onKey = false;
  let scalar: YScalar | undefined;
  let node: YNode | null = root;
  for (let depth = 0; node && depth < 100; depth++) {
    if (!contains(node, offset)) break;
    nodes.push(node);
    if (node.kind === 'scalar') {
      scalar = node;
      break;
    }
    if (node.kind === 'map') {
      const found: YPair | undefined = node.pairs.find((p) => contains(p.key, offset) || (p.value && contains(p.value, offset)));
      if (!found) break;
      pair = found;
      path.push(found.key.value);
      if (contains(found.key, offset) && !(found.value && contains(found.value, offset) && found.value.start < found.key.end)) {
        onKey = true;
        scalar = found.key;
        break;
      }
      onKey = false;
      node = found.value;
    } else {
      const index: number = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    }
  }
  return { path, pair, onKey, scalar, nodes };
}
