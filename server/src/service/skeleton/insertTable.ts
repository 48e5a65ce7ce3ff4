import type { OffsetEdit } from '../findings';
import { TABLE_DEFS } from '../model/tableDefs';
import type { Report, TableKey } from '../model/types';
import { isMap } from '../yaml/ast';
import { emptyTableLines } from './skeleton';

/**
 * The edit that adds an empty table (its title, columns and 空表 note) to a report: in the order
 * of the format, before the next table and the comments above it, indented like the other
 * tables and spaced like them — an insertion, nothing else in the file changes. Undefined when
 * `tables:` is not a block mapping the edit can extend.
 */
export function insertEmptyTable(text: string, report: Report, key: TableKey): OffsetEdit | undefined {
  const pair = report.root?.pairs.find((p) => p.key.value === 'tables');
  const wording = { kind: report.kind, year: report.year };
  if (!pair) return undefined;
  const tables = pair.value;
  if (!isMap(tables) || tables.flow || tables.pairs.length === 0) {
    if (tables && !(isMap(tables) && !tables.flow)) return undefined;
    // `tables:` written without any table yet: the table goes on the next line.
    const at = lineEnd(text, pair.key.end);
    return { span: { start: at, end: at }, newText: '\n' + emptyTableLines(key, wording, '  ').join('\n') };
  }
  const indent = ' '.repeat(tables.pairs[0].key.start - lineStart(text, tables.pairs[0].key.start));
  const order = [...TABLE_DEFS.keys()] as string[];
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  const next = tables.pairs.find((p) => rank(p.key.value) > rank(key));
  // Tables separated by blank lines get one around the new table too.
  const spaced = tables.pairs.slice(1).some((p) => {
    const at = startWithComments(text, p.key.start);
    return /\n[ \t]*\n$/.test(text.slice(Math.max(0, at - 80), at));
  });
  const lines = emptyTableLines(key, wording, indent);
  if (next) {
    // Before the next table and the comment lines right above it (they belong to it).
    const at = startWithComments(text, next.key.start);
    return { span: { start: at, end: at }, newText: lines.join('\n') + '\n' + (spaced ? '\n' : '') };
  }
  const last = tables.pairs[tables.pairs.length - 1];
  const at = lineEnd(text, Math.max(last.end - 1, last.key.end));
  return { span: { start: at, end: at }, newText: '\n' + (spaced ? '\n' : '') + lines.join('\n') };
}

/** The edit that adds a `tables:` block with these tables, empty (a report that has none yet): before `narrative:`, else at the end. */
export function insertTablesBlock(text: string, report: Report, keys: readonly TableKey[]): OffsetEdit {
  const wording = { kind: report.kind, year: report.year };
  const block = ['tables:', ...keys.flatMap((key, i) => [...(i > 0 ? [''] : []), ...emptyTableLines(key, wording, '  ')])].join('\n');
  const narrative = report.root?.pairs.find((p) => p.key.value === 'narrative');
  if (narrative) {
    const at = lineStart(text, narrative.key.start);
    return { span: { start: at, end: at }, newText: block + '\n\n' };
  }
  const end = text.length;
  return { span: { start: end, end }, newText: (text.endsWith('\n') || text.length === 0 ? '' : '\n') + block + '\n' };
}

/** The start of the line of a key, or of the comment lines right above it. */
function startWithComments(text: string, keyStart: number): number {
  let at = lineStart(text, keyStart);
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, at - 1))) break;
    at = previous;
  }
  return at;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}
