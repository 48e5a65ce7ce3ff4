import { normalizeLabel } from '../grid';
import type { Line } from './lines';
import { Margins, marginsOf, Paragraph, paragraphsOf } from './paragraphs';
import type { Unplaced } from './types';

/**
 * The text parts of the document: the cover (title, 部门/单位), the 目录, and the sections. A
 * section starts at a title printed larger than the body text; inside it, a one-line paragraph
 * numbered 一、 that ends without a full stop is the title of a subsection.
 */

export interface NarrativeSection {
  readonly title: string;
  readonly page: number;
  readonly paragraphs: readonly Paragraph[];
  readonly sections: readonly NarrativeSection[];
}

export interface TocEntry {
  readonly text: string;
  readonly page: number;
}

export interface Cover {
  readonly title?: string;
  readonly department?: string;
  readonly date?: string;
}

export interface Narrative {
  readonly cover: Cover;
  readonly toc: readonly TocEntry[];
  readonly sections: readonly NarrativeSection[];
  readonly unplaced: readonly Unplaced[];
}

/** Prefixes of the line that names the department or unit on a cover. */
const DEPARTMENT_LINE = /^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称|编制部门|编制单位)\s*[:：]\s*(.+)$/;
const DATE_LINE = /^(?:[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?|[〇一二三四五六七八九零]{4}年.{1,3}月(?:.{1,3}日)?)$/;
const SUBSECTION = /^[一二三四五六七八九十百]+、/;
const TITLE_RATIO = 1.2;

/** The size most of the text is printed in (by characters). */
export function bodySizeOf(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    counts.set(size, (counts.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) if (count > bestCount) { best = size; bestCount = count; }
  return best;
}

/** A 目录 line without its dot leaders and page number. */
export function tocEntryText(text: string): string {
  return text.replace(/\s*(?:[.…·．。_—-]\s*){2,}.*$/, '').replace(/\s+[0-9０-９]+$/, '').trim();
}

function unplaced(line: Line, reason: string): Unplaced {
  return { page: line.page, x: line.x, y: line.top, text: line.text.trim(), reason };
}

/**
 * `pageWidths` (by page number) lets a page whose lines do not show their right margin take the
 * margin of the other pages of its width.
 */
export function readNarrative(lines: readonly Line[], pageWidths: ReadonlyMap<number, number> = new Map()): Narrative {
  const body = bodySizeOf(lines);
  const isTitle = (line: Line): boolean => line.size >= TITLE_RATIO * body;
  const byPage = new Map<number, Line[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  const measured = new Map<number, ReturnType<typeof marginsOf>>();
  for (const [page, pageLines] of byPage) measured.set(page, marginsOf(pageLines.filter((l) => !isTitle(l)), body));
  // The right margin of a page width: the one most pages of that width show.
  const byWidth = new Map<number, number[]>();
  for (const [page, m] of measured) {
    if (!m?.reliable) continue;
    const width = Math.round(pageWidths.get(page) ?? 0);
    byWidth.set(width, [...(byWidth.get(width) ?? []), m.right]);
  }
  const widthMargin = (page: number): number | undefined => {
    const rights = byWidth.get(Math.round(pageWidths.get(page) ?? 0));
    if (!rights?.length) return undefined;
    return [...rights].sort((a, b) => a - b)[Math.floor(rights.length / 2)];
  };
  const margins = (page: number): Margins | undefined => {
    const m = measured.get(page);
    if (!m) return undefined;
    if (m.reliable) return m;
    const right = widthMargin(page);
    return right !== undefined ? { left: m.left, right: Math.max(right, m.right) } : m;
  };
  const problems: Unplaced[] = [];

  // Cover: the first page, when it holds only large lines and 部门/单位 or date lines.
  let start = 0;
  const cover: { title?: string; department?: string; date?: string } = {};
  const firstPage = lines[0]?.page;
  const coverLines = lines.filter((l) => l.page === firstPage);
  const coverOnly = coverLines.length > 0 && coverLines.every((l) => isTitle(l) || DEPARTMENT_LINE.test(l.text.trim()) || DATE_LINE.test(l.text.trim()));
  if (coverOnly && lines.some((l) => l.page !== firstPage)) {
    start = coverLines.length;
    const largest = Math.max(...coverLines.map((l) => l.size));
    const titleParts: string[] = [];
    for (const line of coverLines) {
      const text = line.text.trim();
      const department = DEPARTMENT_LINE.exec(text);
      if (department) cover.department = department[1].trim();
      else if (DATE_LINE.test(text)) cover.date = text;
      else if (line.size >= largest * 0.9) titleParts.push(text);
      else problems.push(unplaced(line, 'cover'));
    }
    if (titleParts.length) cover.title = titleParts.join('');
  }

  const toc: TocEntry[] = [];
  const sections: Array<{ title: string; page: number; lines: Line[] }> = [];
  let inToc = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (isTitle(line)) {
      // A title printed on two lines: consecutive large lines close together.
      let title = line.text.trim();
      while (i + 1 < lines.length && isTitle(lines[i + 1]) && lines[i + 1].page === line.page && lines[i + 1].top - lines[i].bottom < 0.8 * line.size) {
        i++;
        title += lines[i].text.trim();
      }
      inToc = normalizeLabel(title) === '目录';
      if (!inToc) sections.push({ title, page: line.page, lines: [] });
      continue;
    }
    if (inToc) {
      const text = tocEntryText(line.text);
      if (text) toc.push({ text, page: line.page });
      continue;
    }
    const section = sections[sections.length - 1];
    if (!section) {
      problems.push(unplaced(line, 'before-sections'));
      continue;
    }
    section.lines.push(line);
  }

  const built = sections.map((section): NarrativeSection => {
    const paragraphs = paragraphsOf(section.lines, margins);
    const own: Paragraph[] = [];
    const subsections: Array<{ title: string; page: number; paragraphs: Paragraph[] }> = [];
    for (const paragraph of paragraphs) {
      const heading = paragraph.lines.length === 1 && SUBSECTION.test(paragraph.text) && paragraph.text.length <= 40 && !/[。；;，,]$/.test(paragraph.text);
      if (heading) subsections.push({ title: paragraph.text, page: paragraph.page, paragraphs: [] });
      else if (subsections.length) subsections[subsections.length - 1].paragraphs.push(paragraph);
      else own.push(paragraph);
    }
    return { title: section.title, page: section.page, paragraphs: own, sections: subsections.map((s) => ({ ...s, sections: [] })) };
  });
  return { cover, toc, sections: built, unplaced: problems };
}
