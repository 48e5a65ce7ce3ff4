import { pinyin } from 'pinyin-pro';
import type { CodeEntry, CodeSystem, CodeTables } from '../codes/codeTables';

/** A code table entry prepared for matching by code prefix, Chinese name and pinyin. */
export interface CodeCandidate {
  readonly entry: CodeEntry;
  readonly path: string;
  /** Pinyin initials of the name ("xzyx" for 行政运行). */
  readonly initials: string;
  /** Full pinyin without tones or spaces ("xingzhengyunxing"). */
  readonly spelled: string;
}

const indexes = new WeakMap<CodeTables, Map<string, CodeCandidate[]>>();

function pinyinOf(name: string): { initials: string; spelled: string } {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
  const spelled = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
  return { initials, spelled };
}

/** All candidates of a system for a year, built once per code tables object. */
export function candidates(tables: CodeTables, system: CodeSystem, year: number | undefined): CodeCandidate[] {
  let byKey = indexes.get(tables);
  if (!byKey) {
    byKey = new Map();
    indexes.set(tables, byKey);
  }
  const key = `${system}:${year ?? ''}`;
  let list = byKey.get(key);
  if (!list) {
    list = tables.entries(system, year).map((entry) => ({
      entry,
      path: tables.path(entry.code, year).map((e) => e.name).join(' › '),
      ...pinyinOf(entry.name),
    }));
    byKey.set(key, list);
  }
  return list;
}

export type MatchKind = 'code' | 'name' | 'initials' | 'pinyin' | 'contains';

/** How well a typed query matches a candidate (lower is better), or undefined. */
export function match(candidate: CodeCandidate, query: string): { kind: MatchKind; rank: number } | undefined {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return { kind: 'code', rank: 4 };
  const { code, name } = candidate.entry;
  if (/^\d+$/.test(q)) return code.startsWith(q) ? { kind: 'code', rank: 0 } : undefined;
  if (name.startsWith(q)) return { kind: 'name', rank: 1 };
  if (/^[a-z]+$/.test(q)) {
    if (candidate.initials.startsWith(q)) return { kind: 'initials', rank: 1 };
    if (candidate.spelled.startsWith(q)) return { kind: 'pinyin', rank: 2 };
    if (candidate.initials.includes(q)) return { kind: 'initials', rank: 3 };
    return undefined;
  }
  if (name.includes(q)) return { kind: 'contains', rank: 2 };
  return undefined;
}
