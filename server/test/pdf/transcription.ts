import type { Report, Row, Section, Table } from '../../src/service/model/types';

/**
 * Agreement of an imported report with a hand transcription of the same PDF: table cells (codes,
 * names, item labels and amounts, amounts compared by value) and the narrative paragraphs that
 * state a figure (compared character for character). The transcription is the reference.
 */

export interface Agreement {
  readonly cells: number;
  readonly equalCells: number;
  readonly cellMismatches: string[];
  readonly paragraphs: number;
  readonly equalParagraphs: number;
  readonly paragraphMismatches: string[];
}

function rowKey(row: Row): string {
  return row.code?.value ?? row.item?.value ?? row.group?.value ?? row.name?.value ?? '';
}

/** Cells of a table as `path → value`: texts as written, amounts as decimal values. */
function tableCells(table: Table): Map<string, string> {
  const cells = new Map<string, string>();
  const occurrences = new Map<string, number>();
  const amounts = (prefix: string, record: { cells: ReadonlyMap<string, { amount: { blank: boolean; value: { toString(): string } } }> }): void => {
    for (const [key, cell] of record.cells) cells.set(`${prefix}.${key}`, cell.amount.blank ? '' : cell.amount.value.toString());
  };
  const rows = (list: readonly Row[], prefix: string): void => {
    for (const row of list) {
      const key = rowKey(row);
      const n = (occurrences.get(`${prefix}${key}`) ?? 0) + 1;
      occurrences.set(`${prefix}${key}`, n);
      const id = `${prefix}[${key}#${n}]`;
      for (const [text, value] of [['code', row.code?.value], ['name', row.name?.value], ['item', row.item?.value], ['group', row.group?.value]] as const) {
        if (value !== undefined) cells.set(`${id}.${text}`, value);
      }
      amounts(id, row);
    }
  };
  if (table.total) amounts('total', table.total);
  rows(table.rows, 'rows');
  for (const [name, entries] of table.lists) {
    entries.forEach((entry, i) => {
      cells.set(`${name}[${i}].item`, entry.label.value);
      amounts(`${name}[${i}]`, entry);
    });
  }
  for (const [key, cell] of table.scalars) cells.set(key, cell.amount.blank ? '' : cell.amount.value.toString());
  for (const [key, group] of table.groups) amounts(key, group);
  return cells;
}

function sectionLines(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [...(s.text?.value.split('\n') ?? []), ...sectionLines(s.sections)]).map((l) => l.trim()).filter(Boolean);
}

export function agreement(imported: Report, transcription: Report): Agreement {
  let cells = 0;
  let equalCells = 0;
  const cellMismatches: string[] = [];
  for (const [key, table] of transcription.tables) {
    const expected = tableCells(table);
    const actualTable = imported.tables.get(key);
    const actual = actualTable ? tableCells(actualTable) : new Map<string, string>();
    for (const [path, value] of expected) {
      cells += 1;
      if (actual.get(path) === value) equalCells += 1;
      else cellMismatches.push(`${key}.${path}: transcribed ${JSON.stringify(value)}, imported ${JSON.stringify(actual.get(path))}`);
    }
  }
  const importedLines = new Set(sectionLines(imported.narrative));
  const withFigures = sectionLines(transcription.narrative).filter((line) => /[0-9０-９]/.test(line));
  const paragraphMismatches = withFigures.filter((line) => !importedLines.has(line));
  return { cells, equalCells, cellMismatches, paragraphs: withFigures.length, equalParagraphs: withFigures.length - paragraphMismatches.length, paragraphMismatches };
}
