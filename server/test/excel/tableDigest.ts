import { Dec } from '../../src/service/amount/rounding';
import type { Cell, ItemEntry, Report, Row, Table } from '../../src/service/model/types';
import { getString, getValue, isMap, isSeq } from '../../src/service/yaml/ast';

/**
 * What a round trip must keep of a table: figures (compared as numbers, so 89.9 and 89.90 are
 * the same figure), codes and names as written, row kinds, notes and flags.
 */

function figure(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  return cell.amount.blank ? 'blank' : new Dec(cell.amount.value).toString();
}

function cells(map: ReadonlyMap<string, Cell>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, cell] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    const value = figure(cell);
    if (value && value !== 'blank') out[key] = value;
  }
  return out;
}

function trimmed(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.split('\n').map((s) => s.trim()).filter(Boolean).join('\n');
}

function indicators(row: Row): Array<Record<string, string>> {
  const list = isMap(row.node) ? getValue(row.node, 'indicators') : undefined;
  if (!isSeq(list)) return [];
  return list.items.filter(isMap).map((item) => {
    const out: Record<string, string> = {};
    for (const key of ['level1', 'level2', 'level3', 'value', 'description', 'basis', 'remark']) {
      const value = getString(item, key);
      if (value) out[key] = value.value.trim();
    }
    return out;
  });
}

function rowDigest(row: Row): Record<string, unknown> {
  const texts: Record<string, string> = {};
  for (const [key, value] of row.texts) texts[key] = key === 'goal' ? trimmed(value.value)! : value.value.trim();
  return { kind: row.kind, ...(row.kind === 'group' ? { level: row.level } : {}), texts, cells: cells(row.cells), indicators: indicators(row) };
}

function entryDigest(entry: ItemEntry): Record<string, unknown> {
  return { label: entry.label.value.trim(), cells: cells(entry.cells) };
}

export function tableDigest(table: Table): Record<string, unknown> {
  const scalars: Record<string, string> = {};
  for (const [key, cell] of table.scalars) scalars[key] = figure(cell)!;
  for (const key of table.unreadableScalars) scalars[key] = 'unreadable';
  const groups: Record<string, unknown> = {};
  for (const [key, group] of table.groups) groups[key] = cells(group.cells);
  const lists: Record<string, unknown> = {};
  for (const [key, list] of table.lists) lists[key] = list.map(entryDigest);
  const node = isMap(table.node) ? table.node : null;
  const extra: Record<string, unknown> = {};
  for (const key of ['department', 'as_of']) {
    const value = getString(node, key);
    if (value) extra[key] = value.value.trim();
  }
  const goal = getString(node, 'goal');
  if (goal) extra.goal = trimmed(goal.value);
  const tasks = getValue(node, 'tasks');
  if (isSeq(tasks)) extra.tasks = tasks.items.filter(isMap).map((t) => ({ name: getString(t, 'name')?.value.trim(), content: getString(t, 'content')?.value.trim() }));
  const overallIndicators = getValue(node, 'indicators');
  if (isSeq(overallIndicators)) extra.indicators = indicators({ node } as unknown as Row);
  return {
    title: table.title?.value.trim(),
    unit: table.unit,
    note: trimmed(table.note?.value),
    incomplete: table.incomplete,
    columns: [...table.columns].sort(),
    total: table.total ? cells(table.total.cells) : undefined,
    rows: table.rows.map(rowDigest),
    scalars,
    groups,
    lists,
    ...extra,
  };
}

export function reportDigest(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, table] of report.tables) out[key] = tableDigest(table);
  return out;
}

/** Counts for the report: tables, rows and figures compared. */
export function digestCounts(digest: Record<string, unknown>): { tables: number; rows: number; figures: number } {
  let rows = 0;
  let figures = 0;
  const countFigures = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(countFigures);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'cells' && v && typeof v === 'object') figures += Object.keys(v).length;
        else countFigures(v);
      }
    }
  };
  for (const table of Object.values(digest) as Array<Record<string, unknown>>) {
    rows += (table.rows as unknown[]).length;
    for (const list of Object.values(table.lists as Record<string, unknown[]>)) rows += list.length;
    countFigures(table);
    figures += Object.keys((table.total as object) ?? {}).length + Object.values(table.scalars as Record<string, string>).filter((v) => v !== 'blank').length;
    for (const group of Object.values(table.groups as Record<string, object>)) figures += Object.keys(group).length;
  }
  return { tables: Object.keys(digest).length, rows, figures };
}
