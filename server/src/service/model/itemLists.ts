import itemsData from '../../../../data/labels/items.json';
import { normalizeName } from '../codes/names';
import type { ItemEntry } from './types';

interface ItemDef {
  readonly top: boolean;
  readonly labels: readonly string[];
  readonly onlyWithOrdinal?: boolean;
}

export const ITEM_IDS: ReadonlyMap<string, ItemDef> = new Map(Object.entries(itemsData.items as Record<string, ItemDef>));

const BY_LABEL = new Map<string, string[]>();
for (const [id, def] of ITEM_IDS) for (const label of def.labels) {
  const key = normalizeName(label);
  BY_LABEL.set(key, [...(BY_LABEL.get(key) ?? []), id]);
}

/** The standard item an entry of an income list means (general, fund, general_fiscal …): its `id:`, or its label's. */
export function itemIdOf(entries: readonly ItemEntry[], index: number): string | undefined {
  const entry = entries[index];
  if (entry.id) return ITEM_IDS.has(entry.id.value.trim()) ? entry.id.value.trim() : undefined;
  const candidates = BY_LABEL.get(normalizeName(entry.bareLabel)) ?? [];
  if (candidates.length <= 1) {
    const id = candidates[0];
    if (id && ITEM_IDS.get(id)!.onlyWithOrdinal && entry.ordinalLevel === 0) return undefined;
    return id;
  }
  // 财政拨款: a 其中 part of 一般公共预算, or the level-1 heading of a 财政拨款收支总表.
  const level = listTree(entries).level[index];
  const preferTop = !entry.isOfWhich && level === minLevel(entries);
  return candidates.find((id) => ITEM_IDS.get(id)!.top === preferTop) ?? candidates[0];
}

export interface ListTree {
  readonly level: readonly number[];
  readonly parent: readonly number[];
  readonly children: ReadonlyArray<readonly number[]>;
  /** Whether an entry's children add up to it (ordinal sub-items) or are only 其中 parts. */
  readonly exhaustive: readonly boolean[];
}

const trees = new WeakMap<readonly ItemEntry[], ListTree>();

/**
 * Levels of an item list from its printed ordinals (一、 > （一）/1、 > （1）) and 其中 markers;
 * an entry without either continues a 其中 run or stands at the level of a known top item.
 */
export function listTree(entries: readonly ItemEntry[]): ListTree {
  const cached = trees.get(entries);
  if (cached) return cached;
  const level: number[] = [];
  const parent: number[] = [];
  const children: number[][] = entries.map(() => []);
  let previousLevel = 1;
  let inOfWhich = false;
  entries.forEach((entry, index) => {
    let current: number;
    if (entry.ordinalLevel > 0) {
      current = entry.ordinalLevel;
      inOfWhich = false;
    } else if (entry.isOfWhich) {
      current = (inOfWhich ? previousLevel : previousLevel + 1);
      inOfWhich = true;
    } else if (inOfWhich && !isKnownTop(entry)) {
      current = previousLevel;
    } else {
      current = isKnownTop(entry) || index === 0 ? topLevelOf(level) : previousLevel;
      inOfWhich = false;
    }
    level.push(current);
    let p = index - 1;
    while (p >= 0 && level[p] >= current) p--;
    parent.push(p);
    if (p >= 0) children[p].push(index);
    previousLevel = current;
  });
  const exhaustive = entries.map((_, index) => children[index].length > 0 && children[index].every((c) => !isOfWhichRun(entries, c)));
  const tree = { level, parent, children, exhaustive };
  trees.set(entries, tree);
  return tree;
}

function isOfWhichRun(entries: readonly ItemEntry[], index: number): boolean {
  // A child is part of a 其中 run when it or an earlier sibling without ordinal is marked 其中.
  for (let i = index; i >= 0; i--) {
    if (entries[i].isOfWhich) return true;
    if (entries[i].ordinalLevel > 0) return false;
  }
  return false;
}

function isKnownTop(entry: ItemEntry): boolean {
  const ids = BY_LABEL.get(normalizeName(entry.bareLabel)) ?? [];
  return ids.some((id) => ITEM_IDS.get(id)!.top && !ITEM_IDS.get(id)!.onlyWithOrdinal);
}

function topLevelOf(levels: readonly number[]): number {
  return levels.length ? Math.min(...levels) : 1;
}

function minLevel(entries: readonly ItemEntry[]): number {
  return Math.min(...listTree(entries).level);
}

/**
 * Entries with an amount whose label the vocabulary does not know (and that carry no `id:`).
 * While a list has one, an item the list does not seem to print may be that entry under
 * another name: it is unknown, never 0.
 */
export function unknownEntries(entries: readonly ItemEntry[]): ItemEntry[] {
  return entries.filter((entry, index) => itemIdOf(entries, index) === undefined && [...entry.cells.values()].some((cell) => !cell.amount.blank && !cell.amount.value.isZero()));
}

/** The standard items whose labels look most like a label (shared characters), best first. */
export function likelyItemIds(label: string, limit = 3): string[] {
  const bare = normalizeName(label);
  if (!bare) return [];
  const scored: Array<{ id: string; score: number }> = [];
  for (const [id, def] of ITEM_IDS) {
    let best = 0;
    for (const candidate of def.labels) {
      const known = normalizeName(candidate);
      const shared = [...new Set(bare)].filter((ch) => known.includes(ch)).length;
      best = Math.max(best, shared / Math.max(new Set(bare).size, new Set(known).size));
    }
    if (best >= 0.5) scored.push({ id, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit).map((s) => s.id);
}
