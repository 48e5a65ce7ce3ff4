/**
 * Values derived from consecutive blocks of a long list of YAML nodes (the rows of a large
 * table), kept while a block's nodes are the same objects: the incremental parser keeps the node
 * of every row whose text did not change, so after a one-cell edit all blocks but one are found
 * by one look-up and a pointer comparison per node, instead of a look-up per row.
 */
export const BLOCK_SIZE = 64;

interface Block<V> {
  readonly nodes: readonly object[];
  /** Everything else the value depends on (the block's position, the table's settings). */
  readonly key: string;
  readonly value: V;
}

export class NodeBlockCache<V> {
  /** Blocks by their first node: a node starts at most one block of a list at a time. */
  private readonly blocks = new WeakMap<object, Block<V>>();

  /**
   * The value of each block of `count` items (item i's node is `nodeAt(i)`); `key` is called
   * with the block's start and must name everything besides the nodes that the value depends on.
   */
  values(count: number, nodeAt: (index: number) => object, key: (start: number) => string, compute: (start: number, end: number) => V): V[] {
    const values: V[] = [];
    for (let start = 0; start < count; start += BLOCK_SIZE) {
      const end = Math.min(count, start + BLOCK_SIZE);
      const first = nodeAt(start);
      const blockKey = key(start);
      const block = this.blocks.get(first);
      if (block && block.key === blockKey && block.nodes.length === end - start && sameNodes(block.nodes, nodeAt, start)) {
        values.push(block.value);
        continue;
      }
      const nodes: object[] = [];
      for (let i = start; i < end; i++) nodes.push(nodeAt(i));
      const value = compute(start, end);
      this.blocks.set(first, { nodes, key: blockKey, value });
      values.push(value);
    }
    return values;
  }
}

function sameNodes(nodes: readonly object[], nodeAt: (index: number) => object, start: number): boolean {
  for (let i = 0; i < nodes.length; i++) if (nodes[i] !== nodeAt(start + i)) return false;
  return true;
}
