import { TABLE_DEFS } from './tableDefs';
import type { Report, Row, Table, TableKey, TextValue } from './types';
import type { Span } from '../yaml/ast';

/**
 * The 公开报表目录 (`catalog`, seed 004) and which table of the document each of its lines
 * names. Catalog lines and table titles come from the same document but are rarely printed
 * identically (“…支出明细表（按支出功能分类科目）” in the 目录, “…（按支出功能分类科目-不含上年结转）”
 * above the table), so a line matches a table whose title is the same once the year, spaces
 * and parenthesised qualifiers are dropped; among several such tables the one whose full title
 * is closest wins, and each table is matched once. A line that matches nothing by title is
 * matched by the table's aliases (data/tables.json), then by a title that differs by a word.
 */
export interface CatalogLine {
  readonly index: number;
  readonly span: Span;
  readonly no?: TextValue;
  readonly title?: TextValue;
  /** `empty: true` (是空表). */
  readonly empty: boolean;
  readonly reason?: TextValue;
  readonly table?: TableKey;
}

/** Bigram similarity above which two titles name the same table (one word added or dropped). */
const SIMILAR_TITLES = 0.8;

export function compactTitle(title: string): string {
  return title.replace(/[\s\u3000]+/g, '');
}

/** Title without year, spaces and parenthesised qualifiers: what identifies the table. */
export function baseTitle(title: string): string {
  return compactTitle(title)
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[12]\d{3}年度?/g, '');
}

function bigrams(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Dice coefficient of the character bigrams of two strings (1 = same). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length + y.length === 0) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

function lineOf(row: Row, index: number): Omit<CatalogLine, 'table'> {
  const empty = row.texts.get('empty')?.value.trim();
  return {
    index,
    span: row.span,
    no: row.texts.get('no'),
    title: row.texts.get('title'),
    empty: empty === 'true' || empty === '是',
    reason: row.texts.get('reason'),
  };
}

/** The catalog lines with the table each names (undefined when the document has no such table). */
export function catalogLines(report: Report): CatalogLine[] {
  const catalog = report.tables.get('catalog');
  if (!catalog) return [];
  const lines = catalog.rows.map(lineOf);
  const tables = [...report.tables.values()].filter((t) => t.key !== 'catalog');
  const used = new Set<TableKey>();
  const found = new Map<number, Table>();
  // Titles first, so that an alias never takes a table another line names by its title.
  for (const line of lines) {
    const table = line.title ? byTitle(line.title.value, tables, used) : undefined;
    if (table) {
      used.add(table.key);
      found.set(line.index, table);
    }
  }
  for (const line of lines) {
    if (found.has(line.index) || !line.title) continue;
    const table = byAlias(line.title.value, tables, used);
    if (table) {
      used.add(table.key);
      found.set(line.index, table);
    }
  }
  // Last, titles that differ by a word (“部门专项业务经费绩效目标表” / “部门预算专项业务经费绩效目标表”):
  // the closest pairs first.
  const pairs: Array<{ line: number; table: Table; score: number }> = [];
  for (const line of lines) {
    if (found.has(line.index) || !line.title) continue;
    for (const table of tables) {
      if (used.has(table.key) || !table.title) continue;
      const score = similarity(baseTitle(line.title.value), baseTitle(table.title.value));
      if (score >= SIMILAR_TITLES) pairs.push({ line: line.index, table, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  for (const pair of pairs) {
    if (found.has(pair.line) || used.has(pair.table.key)) continue;
    used.add(pair.table.key);
    found.set(pair.line, pair.table);
  }
  const matched = lines.map((line) => ({ ...line, table: found.get(line.index)?.key }));
  return matched;
}

function byTitle(title: string, tables: readonly Table[], used: ReadonlySet<TableKey>): Table | undefined {
  const base = baseTitle(title);
  const candidates = tables.filter((t) => !used.has(t.key) && t.title && baseTitle(t.title.value) === base);
  let best: Table | undefined;
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = similarity(compactTitle(title), compactTitle(candidate.title!.value));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function byAlias(title: string, tables: readonly Table[], used: ReadonlySet<TableKey>): Table | undefined {
  const compact = compactTitle(title);
  let best: Table | undefined;
  let bestLength = 0;
  for (const table of tables) {
    if (used.has(table.key)) continue;
    for (const alias of table.def.aliases ?? []) {
      if (alias.length > bestLength && compact.includes(alias)) {
        best = table;
        bestLength = alias.length;
      }
    }
  }
  return best;
}

/** The table key a title names by the aliases of data/tables.json (longest alias wins), whether or not the document has it. */
export function keyByAlias(title: string): TableKey | undefined {
  const compact = compactTitle(title);
  let best: TableKey | undefined;
  let bestLength = 0;
  for (const def of TABLE_DEFS.values()) {
    for (const alias of def.aliases ?? []) {
      if (alias.length > bestLength && compact.includes(alias)) {
        best = def.key;
        bestLength = alias.length;
      }
    }
  }
  return best;
}
