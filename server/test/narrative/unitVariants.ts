import type { MoneyUnit } from '../../src/service/amount/units';
import { Dec } from '../../src/service/amount/rounding';
import type { ParsedDocument } from '../../src/service/document';
import type { Cell, Table } from '../../src/service/model/types';
import { service } from '../helpers';

/**
 * The same report written with other units, for the tests that every generated or refreshed
 * amount is converted from its table's unit to the unit of the text:
 *
 * - `declared`: the document's `unit:` is the other unit, and every table (and `previous:`)
 *   states the unit its figures were written in — the figures stay as they are;
 * - `converted`: every figure is converted to the other unit (exactly: ×10000 or ÷10000), and
 *   the document, every table and `previous:` say so.
 *
 * Both are the same report as the original: whatever is generated from them must be the same.
 */
export type UnitVariant = 'declared' | 'converted';

const other = (unit: MoneyUnit): MoneyUnit => (unit === '万元' ? '元' : '万元');

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function unitVariant(text: string, variant: UnitVariant): string {
  const document = service().parse(text);
  const report = document.report;
  const replacements: Replacement[] = [];
  const documentUnit = report.unit;
  const unitLine = /^unit:[ \t]*(\S+)[ \t]*$/m.exec(text);
  if (unitLine) replacements.push({ start: unitLine.index, end: unitLine.index + unitLine[0].length, text: `unit: ${other(documentUnit)}` });
  else replacements.push({ start: 0, end: 0, text: `unit: ${other(documentUnit)}\n` });
  for (const table of report.tables.values()) {
    const target = variant === 'declared' ? table.unit : other(table.unit);
    replacements.push(...tableUnit(document, table, target));
    if (variant === 'converted') for (const cell of cellsOf(table)) replacements.push(...converted(text, cell, table.unit, target));
  }
  // previous: the unit its figures are in.
  const previousKey = /^previous:[ \t]*\n/m.exec(text);
  if (previousKey) {
    const previous = report.previous;
    const target = variant === 'declared' ? previous.unit : other(previous.unit);
    const unitOfPrevious = /^( +)unit:[ \t]*\S+[ \t]*$/m.exec(text.slice(previousKey.index + previousKey[0].length).split(/\n(?=\S)/)[0]);
    if (unitOfPrevious) {
      const start = previousKey.index + previousKey[0].length + unitOfPrevious.index;
      replacements.push({ start, end: start + unitOfPrevious[0].length, text: `${unitOfPrevious[1]}unit: ${target}` });
    } else {
      const indent = /^( +)\S/.exec(text.slice(previousKey.index + previousKey[0].length))?.[1] ?? '  ';
      replacements.push({ start: previousKey.index + previousKey[0].length, end: previousKey.index + previousKey[0].length, text: `${indent}unit: ${target}\n` });
    }
    if (variant === 'converted') {
      for (const map of [previous.figures, previous.functions, previous.economics, previous.executed.figures, previous.executed.functions, previous.executed.economics]) {
        for (const cell of map.values()) replacements.push(...converted(text, cell, previous.unit, target));
      }
    }
  }
  replacements.sort((a, b) => b.start - a.start);
  let result = text;
  for (const r of replacements) result = result.slice(0, r.start) + r.text + result.slice(r.end);
  return result;
}

function cellsOf(table: Table): Cell[] {
  const cells: Cell[] = [];
  const add = (map: ReadonlyMap<string, Cell>): void => {
    for (const cell of map.values()) cells.push(cell);
  };
  if (table.total) add(table.total.cells);
  for (const row of table.rows) if (table.key !== 'assets') add(row.cells);
  for (const row of table.rows) if (table.key === 'assets') { const value = row.cells.get('value'); if (value) cells.push(value); }
  add(table.scalars);
  for (const group of table.groups.values()) add(group.cells);
  for (const list of table.lists.values()) for (const entry of list) add(entry.cells);
  // A cell may be reached twice (a total that is also a scalar): once is enough.
  return [...new Map(cells.map((c) => [`${c.span.start}:${c.span.end}`, c])).values()];
}

function converted(text: string, cell: Cell, from: MoneyUnit, to: MoneyUnit): Replacement[] {
  if (from === to || cell.amount.blank || cell.span.start === cell.span.end) return [];
  const value = from === '元' ? new Dec(cell.amount.value).div(10000) : new Dec(cell.amount.value).times(10000);
  const written = text.slice(cell.span.start, cell.span.end);
  const number = value.toFixed();
  return [{ start: cell.span.start, end: cell.span.end, text: /^["']/.test(written) ? `"${number}"` : number }];
}

/** Sets a table's `unit:` (replacing the one it states, or adding one as its first key). */
function tableUnit(document: ParsedDocument, table: Table, unit: MoneyUnit): Replacement[] {
  const text = document.text;
  const keyLineEnd = text.indexOf('\n', table.keySpan.end);
  if (keyLineEnd < 0 || !table.node) return [];
  const body = text.slice(keyLineEnd + 1, Math.max(keyLineEnd + 1, table.node.end));
  const indent = /^( +)\S/.exec(body)?.[1];
  if (!indent || text.slice(table.keySpan.end, keyLineEnd).trim() !== ':') return [];
  const stated = new RegExp(`^${indent}unit:[ \\t]*\\S+[ \\t]*$`, 'm').exec(body);
  if (stated) {
    const start = keyLineEnd + 1 + stated.index;
    return [{ start, end: start + stated[0].length, text: `${indent}unit: ${unit}` }];
  }
  return [{ start: keyLineEnd + 1, end: keyLineEnd + 1, text: `${indent}unit: ${unit}\n` }];
}
