import { normalizeLabel } from '../grid';
import { tableKeyOfTitle } from '../vocabulary';
import { Frame, framesOf } from './frames';
import { fillFrames, FrameContent } from './frameText';
import { furnitureOf } from './furniture';
import { HIDDEN, Line, linesOf } from './lines';
import type { PdfTable } from './tableGrid';
import { findTextTables, TextTable } from './textTable';
import type { PdfDocument, Unplaced } from './types';

/**
 * The document read page by page in reading order: ruled tables (with the title and 编制部门 /
 * 单位 lines above them and the notes below, continued over the next pages), the text lines of
 * the narrative, and page furniture (page numbers, running headers) left aside. A line that is
 * only partly visible (cut by the page edge) and printed again in full on the neighbouring page
 * counts once.
 */

export interface Layout {
  readonly tables: readonly PdfTable[];
  /** Tables printed without ruling lines. */
  readonly textTables: readonly TextTable[];
  readonly lines: readonly Line[];
  readonly furniture: readonly Line[];
  readonly unplaced: readonly Unplaced[];
}

const NOTE = /^(?:注|备注|说明)\s*[0-9０-９]*\s*[:：.、]/;
const META = /^(?:编制部门|编制单位|部门名称|单位名称|预算单位|填报单位|主管部门|预算主管部门)\s*[:：]|单位\s*[:：]\s*(?:万元|元)/;

function isTableTitle(line: Line): boolean {
  const text = normalizeLabel(line.text);
  return tableKeyOfTitle(text) !== undefined || /表(?:[(（].*[)）])?$/.test(text);
}

/** A frame with a single row or column is a box around text (a page border), not a table. */
function isTable(frame: Frame): boolean {
  return frame.xs.length >= 3 && frame.ys.length >= 3;
}

interface PageItems {
  readonly number: number;
  readonly height: number;
  readonly lines: Line[];
  readonly frames: FrameContent[];
  /** Lines of glyphs that show only a sliver (cut by the page edge). */
  readonly slivers: Line[];
}

function readPages(document: PdfDocument): PageItems[] {
  return document.pages.map((page) => {
    const shown = page.glyphs.filter((g) => g.visible >= HIDDEN);
    const slivers = page.glyphs.filter((g) => g.visible > 0 && g.visible < HIDDEN);
    // Text inside boxes that are not tables is read as text.
    const { contents, outside } = fillFrames(page.number, framesOf(page.rules).filter(isTable), shown);
    return { number: page.number, height: page.height, lines: linesOf(page.number, outside), frames: contents, slivers: linesOf(page.number, slivers) };
  });
}

function sameText(a: Line, b: Line): boolean {
  return normalizeLabel(a.text) === normalizeLabel(b.text) && Math.abs(a.x - b.x) < 2 * a.size;
}

export function layoutDocument(document: PdfDocument): Layout {
  const pages = readPages(document);
  const furniture = furnitureOf(pages);
  const unplaced: Unplaced[] = [];
  // A line cut by the bottom (top) of a page that is printed again at the top (bottom) of the
  // next (previous) page is the same text twice: the cut copy is left out. Cut lines in the
  // middle of a page (a cell too low for its text) are printed once, and kept.
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  const textLines = (page: number): Line[] => (byNumber.get(page)?.lines ?? []).filter((l) => !furniture.has(l)).sort((a, b) => a.top - b.top);
  const printedAgain = (page: number, line: Line): boolean => {
    const own = textLines(page);
    const last = own.length === 0 || own[own.length - 1].top <= line.top;
    const first = own.length === 0 || own[0].top >= line.top;
    const next = last ? textLines(page + 1).slice(0, 2) : [];
    const previous = first ? textLines(page - 1).slice(-2) : [];
    return [...next, ...previous].some((other) => other.visible > line.visible && sameText(other, line));
  };
  const reprinted = new Set<Line>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.visible < 0.9 && printedAgain(page.number, line)) reprinted.add(line);
    }
    for (const sliver of page.slivers) {
      if (printedAgain(page.number, sliver)) continue;
      unplaced.push({ page: page.number, x: sliver.x, y: sliver.top, text: sliver.text.trim(), reason: 'hidden' });
    }
  }

  const tables: Array<{ title: Line[]; meta: Line[]; parts: FrameContent[]; notes: Line[] }> = [];
  const lines: Line[] = [];
  let open: { title: Line[]; meta: Line[]; parts: FrameContent[]; notes: Line[] } | undefined;
  for (const page of pages) {
    const text = page.lines.filter((l) => !furniture.has(l) && !reprinted.has(l));
    const consumed = new Set<Line>();
    const frameOrder = [...page.frames].sort((a, b) => a.top - b.top);
    const preambles = new Map<FrameContent, { title: Line[]; meta: Line[] }>();
    const notes = new Map<FrameContent, Line[]>();
    frameOrder.forEach((frame, index) => {
      const previousBottom = index > 0 ? frameOrder[index - 1].bottom : -Infinity;
      const above = text.filter((l) => l.bottom <= frame.top + 1 && l.top >= previousBottom && !consumed.has(l)).sort((a, b) => a.top - b.top);
      // Walk up from the frame over close lines: 单位 / 编制部门 lines and the title.
      const title: Line[] = [];
      const meta: Line[] = [];
      let edge = frame.top;
      for (let k = above.length - 1; k >= 0 && above.length - k <= 5; k--) {
        const line = above[k];
        if (edge - line.bottom > 3 * line.size) break;
        if (META.test(line.text.trim()) && title.length === 0) {
          meta.unshift(line);
        } else if (isTableTitle(line)) {
          title.unshift(line);
          // A title printed on two lines.
          const before = above[k - 1];
          if (before && Math.abs(before.size - line.size) < 0.1 * line.size && line.top - before.bottom < 0.8 * line.size && !META.test(before.text)) title.unshift(before);
          break;
        } else if (title.length === 0 && meta.length > 0 && line.size > meta[0].size) {
          // A large line right above the 单位 line: a title the vocabulary does not know.
          title.unshift(line);
          break;
        } else {
          break;
        }
        edge = line.top;
      }
      for (const line of [...title, ...meta]) consumed.add(line);
      preambles.set(frame, { title, meta });
      const nextTop = frameOrder[index + 1]?.top ?? Infinity;
      const below = text.filter((l) => l.top >= frame.bottom - 1 && l.bottom <= nextTop && !consumed.has(l)).sort((a, b) => a.top - b.top);
      const noteLines: Line[] = [];
      let bottom = frame.bottom;
      for (const line of below) {
        if (line.top - bottom > 2.5 * line.size) break;
        if (noteLines.length === 0 && !NOTE.test(line.text.trim())) break;
        if (noteLines.length > 0 && !NOTE.test(line.text.trim()) && line.top - bottom > 0.8 * line.size) break;
        noteLines.push(line);
        bottom = line.bottom;
      }
      for (const line of noteLines) consumed.add(line);
      notes.set(frame, noteLines);
    });

    const items: Array<{ top: number; line?: Line; frame?: FrameContent }> = [
      ...text.filter((l) => !consumed.has(l)).map((line) => ({ top: line.top, line })),
      ...frameOrder.map((frame) => ({ top: frame.top, frame })),
    ].sort((a, b) => a.top - b.top);
    let seenText = false;
    for (const item of items) {
      if (item.line) {
        lines.push(item.line);
        seenText = true;
        open = undefined;
        continue;
      }
      const frame = item.frame!;
      const preamble = preambles.get(frame)!;
      const frameNotes = notes.get(frame) ?? [];
      if (preamble.title.length === 0 && preamble.meta.length === 0 && !seenText && open && open.notes.length === 0) {
        open.parts.push(frame);
        open.notes.push(...frameNotes);
      } else {
        open = { title: preamble.title, meta: preamble.meta, parts: [frame], notes: [...frameNotes] };
        tables.push(open);
      }
      seenText = false;
    }
  }
  const found = findTextTables(lines, isTableTitle, (l) => META.test(l.text.trim()), (l) => NOTE.test(l.text.trim()));
  return { tables, textTables: found.tables, lines: found.rest, furniture: [...furniture], unplaced };
}
