import type { Classification, Row, Table, TableDef } from './types';

/**
 * Which printed rows a subtotal row covers, inferred from the printed order (format.md, Row
 * tables): unit rows nest by code prefix, group rows by level, 功能/经济 code rows by code
 * prefix; item rows are leaves.
 */
export interface RowTree {
  /** Parent of each row (by index in `table.rows`), or -1 for a top row. */
  readonly parent: readonly number[];
  /** Direct children of each row. */
  readonly children: ReadonlyArray<readonly number[]>;
  /** Rows without a parent: what the 合计 row adds up. */
  readonly top: readonly number[];
  /**
   * Code rows whose code cannot be read as a code of the table's classification (a 类 that lost
   * its digits in print, `7 11 02`): nobody knows which subtotal they belong to, so they are in
   * no subtotal and no total, and the sums they could be part of cannot be checked.
   */
  readonly unplaced: readonly number[];
}

/** Whether a code row's code has the shape of its table's classification (3/5/7 or 3/5 digits). */
export function isPlaceable(row: Row, classification: Classification | undefined): boolean {
  // A misspelt code, unit, group or item key (`cdoe:`): what the row is, is unknown.
  if (row.unreadable.size > 0 && (row.unreadable.has('code') || row.unreadable.has('unit') || row.unreadable.has('group') || row.unreadable.has('item'))) return false;
  if (row.kind !== 'code' || !row.code || !classification) return true;
  const digits = row.code.digits;
  if (!allDigits(digits)) return false;
  const length = digits.length;
  return classification === 'function' ? digits.charCodeAt(0) === 0x32 && (length === 3 || length === 5 || length === 7) : (digits.charCodeAt(0) === 0x33 || digits.charCodeAt(0) === 0x35) && (length === 3 || length === 5);
}

function allDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The children of a row without any (most rows): one shared empty list, never written to. */
const NO_CHILDREN: readonly number[] = Object.freeze([]);

export function buildRowTree(rows: readonly Row[], classification?: Classification): RowTree {
  const parent: number[] = new Array(rows.length).fill(-1);
  const children: Array<readonly number[]> = new Array(rows.length).fill(NO_CHILDREN);
  const top: number[] = [];
  const unplaced: number[] = [];
  const stack: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!isPlaceable(row, classification)) {
      unplaced.push(index);
      continue;
    }
    while (stack.length > 0 && !accepts(rows[stack[stack.length - 1]], row)) stack.pop();
    if (stack.length > 0) {
      const p = stack[stack.length - 1];
      parent[index] = p;
      if (children[p] === NO_CHILDREN) children[p] = [index];
      else (children[p] as number[]).push(index);
    } else {
      top.push(index);
    }
    if (row.kind === 'unit' || row.kind === 'group' || row.kind === 'code') stack.push(index);
  }
  return { parent, children, top, unplaced };
}

function accepts(container: Row, row: Row): boolean {
  switch (container.kind) {
    case 'unit':
      if (row.kind === 'unit') return !!row.unit && !!container.unit && row.unit.digits.length > container.unit.digits.length && row.unit.digits.startsWith(container.unit.digits);
      return true;
    case 'group':
      if (row.kind === 'unit') return false;
      if (row.kind === 'group') return row.level > container.level;
      return true;
    case 'code':
      return row.kind === 'code' && !!row.code && !!container.code && row.code.digits.length > container.code.digits.length && row.code.digits.startsWith(container.code.digits);
    default:
      return false;
  }
}

const trees = new WeakMap<Table, RowTree>();

/**
 * The last tree built for each kind of table, with the rows it was built from: an edit that
 * changes a row's amounts or name (most edits) leaves the tree as it was, and the tree is taken
 * over after a pointer comparison per row instead of being built again.
 */
const lastTrees = new Map<TableDef, { readonly rows: readonly Row[]; readonly tree: RowTree }>();

/** The row tree of a table, computed once per table object. */
export function rowTree(table: Table): RowTree {
  let tree = trees.get(table);
  if (!tree) {
    const classification = table.def.classification;
    const last = lastTrees.get(table.def);
    tree = last && samePlaces(last.rows, table.rows, classification) ? last.tree : buildRowTree(table.rows, classification);
    trees.set(table, tree);
    lastTrees.set(table.def, { rows: table.rows, tree });
  }
  return tree;
}

/** Whether two lists of rows give the same tree: each row the same, or placed by the same facts. */
function samePlaces(before: readonly Row[], after: readonly Row[], classification: Classification | undefined): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a === b) continue;
    if (a.kind !== b.kind || a.level !== b.level || a.code?.digits !== b.code?.digits || a.unit?.digits !== b.unit?.digits) return false;
    if (isPlaceable(a, classification) !== isPlaceable(b, classification)) return false;
  }
  return true;
}
