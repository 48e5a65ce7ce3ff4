import { t } from '../../service/i18n/l10n';
import { templateOfPlace } from '../../service/narrative/templatePlaces';
import type { TableKey } from '../../service/model/types';
import { normalizeLabel } from '../grid';
import { recogniseWorkbooks } from '../import/recognise';
import { CodeText, flow, PrintedAmount } from '../import/types';
import type { ImportedSection, ImportedTable, ImportProblem, ImportResult, PlainMap } from '../import/types';
import { tableKeyOfTitle } from '../vocabulary';
import { layoutDocument } from './layout';
import { Narrative, NarrativeSection, readNarrative, TocEntry } from './narrative';
import { Place, tableGrid, TableGrid } from './tableGrid';
import { textTableGrid } from './textTable';
import type { PdfDocument, Unplaced } from './types';

/**
 * A published report read from its PDF: the tables rebuilt as grids and recognised by the Excel
 * import's recogniser (one vocabulary for both), the narrative as sections of printed
 * paragraphs, the cover's title and 部门/单位. Everything that could not be placed is a problem
 * named by page and position.
 */

export interface PdfImport {
  readonly file?: string;
  readonly result: ImportResult;
  /** The grid of each imported table, with the page of every row and the place of every cell. */
  readonly grids: ReadonlyMap<TableKey, TableGrid>;
  readonly narrative: Narrative;
  readonly pages: number;
}

/** `第7页 (58,120)`: a page and a position in points from its top left corner. */
export function placeText(place: Place): string {
  return t('page {0} ({1},{2})', place.page, Math.round(place.x), Math.round(place.y));
}

function pageRange(pages: readonly number[]): string {
  const first = Math.min(...pages);
  const last = Math.max(...pages);
  return first === last ? t('page {0}', first) : t('pages {0}–{1}', first, last);
}

function firstAddress(cell: string | undefined): string | undefined {
  return cell?.split(':')[0];
}

function unplacedProblem(file: string | undefined, item: Unplaced): ImportProblem {
  const excerpt = item.text.length > 40 ? item.text.slice(0, 40) + '…' : item.text;
  const message = item.reason === 'hidden'
    ? t('"{0}" is cut by the page edge and printed nowhere in full; it is left out', excerpt)
    : item.reason === 'cover'
      ? t('"{0}" on the cover is neither its title nor the department; it is left out', excerpt)
      : t('"{0}" stands before the first section title; it is left out', excerpt);
  return { file, sheet: t('page {0}', item.page), place: placeText(item), message };
}

function importedSection(section: NarrativeSection): ImportedSection {
  return { title: section.title, paragraphs: section.paragraphs.map((p) => p.text), sections: section.sections.map(importedSection) };
}

function countParagraphs(sections: readonly NarrativeSection[]): number {
  return sections.reduce((n, s) => n + s.paragraphs.length + countParagraphs(s.sections), 0);
}

function sectionPages(sections: readonly NarrativeSection[]): number[] {
  return sections.flatMap((s) => [s.page, ...s.paragraphs.map((p) => p.page), ...sectionPages(s.sections)]);
}

/** `report.pdf: pages 4–23 → narrative, 6 sections, 57 paragraphs`, for the import's summary. */
export function narrativeSummary(imported: PdfImport): string {
  const { sections } = imported.narrative;
  const file = imported.file;
  const where = [file, sections.length ? pageRange(sectionPages(sections)) : undefined].filter(Boolean).join(': ');
  return t('{0} → narrative, {1} sections, {2} paragraphs', where, sections.length, countParagraphs(sections));
}

/** Table titles the 目录 lists (entries that name a published table), with their printed numbers. */
export function tocTables(toc: readonly TocEntry[]): Array<{ entry: TocEntry; no?: string; title: string; key: TableKey }> {
  const out: Array<{ entry: TocEntry; no?: string; title: string; key: TableKey }> = [];
  for (const entry of toc) {
    const number = /^([0-9０-９]+\s*[.．、])\s*/.exec(entry.text);
    const title = entry.text.slice(number?.[0].length ?? 0).trim();
    const key = /表/.test(title) ? tableKeyOfTitle(title) : undefined;
    if (key) out.push({ entry, no: number?.[1].replace(/\s+/g, ''), title, key });
  }
  return out;
}

/** The 目录's table lines as the report's catalog (公开报表目录): number and title as printed. */
function catalogTable(listed: ReturnType<typeof tocTables>, file: string | undefined): ImportedTable | undefined {
  if (listed.length === 0) return undefined;
  const rows = listed.map((l) => flow<PlainMap>({ ...(l.no ? { no: new CodeText(l.no) } : {}), title: l.title }));
  return { key: 'catalog', sheet: t('page {0}', listed[0].entry.page), file, body: { rows } };
}

export function importPdfDocument(document: PdfDocument, file?: string): PdfImport {
  const layout = layoutDocument(document);
  const tables = [
    ...layout.tables.map((table) => tableGrid(table, pageRange(table.parts.map((p) => p.page)))),
    ...layout.textTables.map((table) => textTableGrid(table, pageRange([...table.title, ...table.lines].map((l) => l.page)))),
  ];
  // Two tables on one page range get distinct names.
  const names = new Map<string, number>();
  const grids = tables.map((table) => {
    const count = (names.get(table.grid.name) ?? 0) + 1;
    names.set(table.grid.name, count);
    return count === 1 ? table : { ...table, grid: { ...table.grid, name: `${table.grid.name} (${count})` } };
  });
  const recognised = recogniseWorkbooks([{ file, grids: grids.map((g) => g.grid) }]);
  const byName = new Map(grids.map((g) => [g.grid.name, g]));
  const problems: ImportProblem[] = recognised.problems.map((problem) => {
    const grid = byName.get(problem.sheet);
    const address = firstAddress(problem.cell);
    const place = grid && address ? grid.places.get(address) : undefined;
    // A problem of a whole table is named by its pages (the grid's name).
    return grid ? { ...problem, place: place ? placeText(place) : problem.sheet } : problem;
  });
  const narrative = readNarrative(layout.lines, new Map(document.pages.map((p) => [p.number, p.width])));
  for (const item of [...layout.unplaced, ...narrative.unplaced]) problems.push(unplacedProblem(file, item));
  const tableGrids = new Map<TableKey, TableGrid>();
  for (const table of recognised.tables) {
    const grid = byName.get(table.sheet);
    if (grid) tableGrids.set(table.key, grid);
  }
  const listed = tocTables(narrative.toc);
  for (const line of listed) {
    if (!tableGrids.has(line.key)) {
      problems.push({ file, sheet: t('page {0}', line.entry.page), place: t('page {0}', line.entry.page), message: t('The 目录 lists "{0}", but no such table was found in the document', line.title) });
    }
  }
  const cover = narrative.cover;
  const coverTitle = cover.title ? normalizeLabel(cover.title) : '';
  const kind = /单位预算/.test(coverTitle) ? 'unit' : /部门预算/.test(coverTitle) ? 'department' : recognised.kind;
  const year = /((?:19|20)\d{2})年/.exec(coverTitle)?.[1];
  const sections = narrative.sections.map(importedSection);
  const reportYear = recognised.year ?? (year ? Number(year) : undefined);
  // Last year's 执行数 the 编制说明 states are not written into previous.executed: they are the
  // numbers that block would check, and a report publishes last year's figures nowhere else.
  const catalog = recognised.tables.some((table) => table.key === 'catalog') ? undefined : catalogTable(listed, file);
  const result: ImportResult = {
    ...recognised,
    tables: catalog ? [catalog, ...recognised.tables] : recognised.tables,
    sheets: catalog ? [{ file, sheet: catalog.sheet, table: 'catalog', rows: listed.length }, ...recognised.sheets] : recognised.sheets,
    department: cover.department ?? recognised.department,
    kind,
    template: recognised.template ?? templateOfPlace([cover.title, cover.department ?? recognised.department]),
    year: reportYear,
    title: cover.title,
    date: cover.date,
    narrative: sections.length ? sections : undefined,
    problems,
  };
  return { file, result, grids: tableGrids, narrative, pages: document.pages.length };
}

