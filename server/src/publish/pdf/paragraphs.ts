import type { Line } from './lines';

/**
 * Printed lines into paragraphs, exactly as printed: a paragraph goes on over the next line
 * (also onto the next page) when its line was wrapped — it ran to the right margin, so that the
 * next line's first word would not have fitted; a new paragraph starts on an indented line, on a
 * numbered item (（一）, 一、, 1、), after a line that ended short of the margin, or after a gap
 * larger than the line spacing. Lines are joined without adding a character: Chinese wraps
 * anywhere, and a space printed at the end of a line stays where it was.
 */

export interface Paragraph {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

export interface Margins {
  readonly left: number;
  readonly right: number;
}

const NUMBERED = /^(?:[（(]\s*(?:[一二三四五六七八九十百]+|[0-9０-９]{1,2})\s*[）)]|[一二三四五六七八九十百]+\s*[、．.]|[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])|[①-⑳])/;

export function isNumberedItem(text: string): boolean {
  return NUMBERED.test(text.trimStart());
}

/** Width of the line's first unbreakable piece: a Latin word or number, or one Chinese character. */
export function firstTokenWidth(line: Line): number {
  const glyphs = line.glyphs.filter((g, i) => !g.space || line.glyphs.slice(0, i).some((p) => !p.space));
  const first = glyphs[0];
  if (!first) return 0;
  if (!/^[0-9A-Za-z０-９]$/.test(first.text)) return first.width;
  let width = 0;
  for (const g of glyphs) {
    if (!/^[0-9A-Za-z０-９.,%％:/\-]$/.test(g.text)) break;
    width += g.width;
  }
  return width;
}

/**
 * Margins of a page's text: the leftmost start of its body-size lines, and the right edge their
 * wrapped lines run to. The right edge is only known from at least two lines ending there (within
 * an em): a page of short lines and one long line does not show where its lines would wrap.
 */
export function marginsOf(lines: readonly Line[], bodySize: number): (Margins & { readonly reliable: boolean }) | undefined {
  const body = lines.filter((l) => Math.abs(l.size - bodySize) <= 0.15 * bodySize);
  if (body.length === 0) return undefined;
  const rights = body.map((l) => l.right).sort((a, b) => b - a);
  const left = Math.min(...body.map((l) => l.x));
  return { left, right: rights[0], reliable: rights.length > 1 && rights[0] - rights[1] <= bodySize };
}

export function startsParagraph(previous: Line, next: Line, margins: (page: number) => Margins | undefined): boolean {
  if (isNumberedItem(next.text)) return true;
  const nextMargins = margins(next.page);
  if (nextMargins && next.x > nextMargins.left + 0.5 * next.size) return true;
  const previousMargins = margins(previous.page);
  if (previousMargins && previous.right + firstTokenWidth(next) < previousMargins.right - 0.5 * previous.size) return true;
  if (previous.page === next.page && next.top - previous.bottom > 0.8 * Math.max(previous.size, next.size)) return true;
  return false;
}

export function paragraphsOf(lines: readonly Line[], margins: (page: number) => Margins | undefined): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const text = current.map((l) => l.text).join('').trim();
    if (text) paragraphs.push({ text, lines: current, page: current[0].page, x: current[0].x, y: current[0].top });
    current = [];
  };
  for (const line of lines) {
    if (current.length && startsParagraph(current[current.length - 1], line, margins)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}
