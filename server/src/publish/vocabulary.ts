import tablesData from '../../../data/excel/tables.json';
import headersData from '../../../data/excel/headers.json';
import { columnTitle } from '../service/schema/schemaInfo';
import { AMOUNT_COLUMNS, isTableKey } from '../service/model/tableDefs';
import type { TableKey } from '../service/model/types';
import { normalizeLabel } from './grid';

/**
 * The vocabulary of the published tables (data/excel/*.json): table titles → table keys,
 * printed column headers → column keys, and how tables and columns are printed.
 */

export type Layout = 'rows' | 'items' | 'three_public' | 'procurement' | 'assets' | 'catalog' | 'performance' | 'overall';

interface TableEntry {
  readonly sheet: string;
  readonly standardTitle: string;
  readonly layout: Layout;
}

interface TitleRule {
  readonly key: string;
  readonly exact?: readonly string[];
  readonly all?: readonly string[];
  readonly any?: readonly string[];
  readonly none?: readonly string[];
}

interface ColumnRule {
  readonly key: string;
  readonly labels: readonly string[];
  readonly parent?: readonly string[];
  readonly under?: readonly string[];
  readonly notUnder?: readonly string[];
  readonly layouts?: readonly string[];
}

const TABLES = tablesData.tables as Record<string, TableEntry>;

/** The official order of the published tables. */
export const TABLE_ORDER: readonly TableKey[] = (tablesData.order as string[]).filter(isTableKey);

export function tableEntry(key: TableKey): TableEntry {
  return TABLES[key] ?? { sheet: key, standardTitle: key, layout: 'rows' };
}

export function layoutOf(key: TableKey): Layout {
  return tableEntry(key).layout;
}

function normalizeRule<T extends object>(rule: T): T {
  const copy: Record<string, unknown> = { ...(rule as Record<string, unknown>) };
  for (const field of ['exact', 'all', 'any', 'none', 'labels', 'parent', 'under', 'notUnder']) {
    const list = copy[field];
    if (Array.isArray(list)) copy[field] = list.map((s) => normalizeLabel(String(s)));
  }
  return copy as T;
}

const TITLE_RULES: readonly TitleRule[] = (tablesData.titleRules as TitleRule[]).map(normalizeRule);

/** The table a printed title names, or undefined. */
export function tableKeyOfTitle(title: string): TableKey | undefined {
  const text = normalizeLabel(title);
  if (!text) return undefined;
  for (const rule of TITLE_RULES) {
    if (rule.exact) {
      if (rule.exact.includes(text.replace(/^\d{4}年(度)?/, ''))) return rule.key as TableKey;
      continue;
    }
    if (rule.all && !rule.all.every((s) => text.includes(s))) continue;
    if (rule.any && !rule.any.some((s) => text.includes(s))) continue;
    if (rule.none && rule.none.some((s) => text.includes(s))) continue;
    if (rule.all || rule.any) return rule.key as TableKey;
  }
  return undefined;
}

const COLUMN_RULES: readonly ColumnRule[] = [
  ...(headersData.columns as ColumnRule[]).map(normalizeRule),
  // The schema's Chinese titles of the amount columns are printed headers too.
  ...[...AMOUNT_COLUMNS].map((key) => normalizeRule<ColumnRule>({ key, labels: [columnTitle(key)] })),
];

/**
 * The key a column's header path means in a table layout: an amount column key, a text key
 * (code, name, unit, item, …), 'ignore' for 序号/栏次, or undefined when not understood.
 */
export function columnKeyOfPath(path: readonly string[], layout: Layout): string | undefined {
  const texts = path.map(normalizeLabel).filter((s) => s.length > 0);
  if (texts.length === 0) return undefined;
  const leaf = texts[texts.length - 1];
  const ancestors = texts.slice(0, -1);
  const parent = ancestors[ancestors.length - 1] ?? '';
  for (const rule of COLUMN_RULES) {
    if (rule.layouts && !rule.layouts.includes(layout)) continue;
    if (!rule.labels.includes(leaf)) continue;
    if (rule.parent && !rule.parent.some((p) => parent.includes(p))) continue;
    if (rule.under && !ancestors.some((a) => rule.under!.some((u) => a.includes(u)))) continue;
    if (rule.notUnder && ancestors.some((a) => rule.notUnder!.some((u) => a.includes(u)))) continue;
    return rule.key;
  }
  return undefined;
}

export const EXPORT = headersData.export;
export const IMPORT = headersData.import;

const HIERARCHY = EXPORT.hierarchy as Record<string, string[]>;

/** The printed label of an amount column (or scalar) in a layout. */
export function exportLabel(key: string, layout: Layout): string {
  const special = (EXPORT.layoutLabels as Record<string, Record<string, string>>)[layout]?.[key];
  return special ?? (EXPORT.labels as Record<string, string>)[key] ?? columnTitle(key);
}

function descendants(key: string): string[] {
  return (HIERARCHY[key] ?? []).flatMap((child) => [child, ...descendants(child)]);
}

function parentOf(key: string): string | undefined {
  return Object.keys(HIERARCHY).find((parent) => HIERARCHY[parent].includes(key));
}

/**
 * The header path printed above each amount column: the column's label under the labels of
 * the groups it belongs to. A group is printed when its own column is printed or when two or
 * more of its columns are; a printed group column whose parts are printed too reads 小计.
 */
export function exportPaths(columns: readonly string[], layout: Layout): string[][] {
  const present = new Set(columns);
  // The fund columns of a 财政拨款收支总表 stand under 支出, not under a 本年收入 group.
  const hidden = layout === 'items' ? new Set(['current', 'carryover']) : new Set<string>();
  const groupShown = (group: string): boolean => !hidden.has(group) && (present.has(group) || descendants(group).filter((d) => present.has(d)).length >= 2);
  return columns.map((key) => {
    const path: string[] = [];
    for (let parent = parentOf(key); parent; parent = parentOf(parent)) {
      if (groupShown(parent)) path.unshift(exportLabel(parent, layout));
    }
    const hasPrintedParts = descendants(key).some((d) => present.has(d));
    if (hasPrintedParts) path.push(exportLabel(key, layout), EXPORT.subtotal);
    else path.push(exportLabel(key, layout));
    return path;
  });
}
