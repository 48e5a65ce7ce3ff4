import { normalizeLabel } from '../grid';
import type { Line } from './lines';

/**
 * Page furniture: page numbers and running headers or footers, printed in the top or bottom
 * margin of the pages and not part of the document's text.
 */

/** Share of the page height at the top and at the bottom where furniture is looked for. */
const BAND = 0.08;

const PAGE_NUMBER = /^(?:[-—–－]\s*)?(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?(?:\s*[/／]\s*[0-9０-９]{1,4}|\s*共\s*[0-9０-９]{1,4}\s*页)?(?:\s*[-—–－])?$/;

function inBand(line: Line, height: number): boolean {
  return line.bottom < height * BAND || line.top > height * (1 - BAND);
}

/** The furniture lines of the document's pages (lines per page; page heights by page number). */
export function furnitureOf(pages: ReadonlyArray<{ readonly number: number; readonly height: number; readonly lines: readonly Line[] }>): Set<Line> {
  const furniture = new Set<Line>();
  const repeats = new Map<string, Line[]>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inBand(line, page.height)) continue;
      const text = line.text.trim();
      if (PAGE_NUMBER.test(text)) {
        furniture.add(line);
        continue;
      }
      const key = `${line.top < page.height / 2 ? 'top' : 'bottom'}:${normalizeLabel(text).replace(/[0-9０-９]+/g, '#')}`;
      repeats.set(key, [...(repeats.get(key) ?? []), line]);
    }
  }
  // Printed in the same margin on at least half of the pages (and on two at least).
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  for (const lines of repeats.values()) {
    if (new Set(lines.map((l) => l.page)).size >= threshold) for (const line of lines) furniture.add(line);
  }
  return furniture;
}
