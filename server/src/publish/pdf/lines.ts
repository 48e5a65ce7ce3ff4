import type { Glyph } from './types';

/**
 * Glyphs into printed lines: glyphs whose baselines lie within a fraction of the font size of each
 * other, left to right. The text of a line is its characters as printed; where two glyphs stand
 * apart by more than half an em with no space character between them, one space stands for the
 * gap (a gap is printed white space, e.g. between a label and its figure).
 */

export interface Line {
  readonly page: number;
  readonly glyphs: readonly Glyph[];
  readonly text: string;
  /** Left edge of the first printing (non-space) glyph. */
  readonly x: number;
  /** Right edge of the last printing glyph. */
  readonly right: number;
  /** Baseline. */
  readonly y: number;
  readonly top: number;
  readonly bottom: number;
  /** Font size of most of the line's characters. */
  readonly size: number;
  /** Least visible share of the line's printing glyphs (1 = fully inside the clip). */
  readonly visible: number;
}

/** Below this share of its height inside the clip, a glyph counts as hidden. */
export const HIDDEN = 0.25;

const BASELINE_TOLERANCE = 0.3;
const GAP_AS_SPACE = 0.5;

function mostCommonSize(glyphs: readonly Glyph[]): number {
  const counts = new Map<number, number>();
  for (const g of glyphs) if (!g.space) counts.set(Math.round(g.size * 10) / 10, (counts.get(Math.round(g.size * 10) / 10) ?? 0) + 1);
  let best = glyphs[0]?.size ?? 0;
  let bestCount = 0;
  for (const [size, count] of counts) if (count > bestCount) { best = size; bestCount = count; }
  return best;
}

/** The text of glyphs standing on one line, left to right. */
export function glyphText(glyphs: readonly Glyph[]): string {
  let text = '';
  let previous: Glyph | undefined;
  for (const g of glyphs) {
    if (previous && !previous.space && !g.space) {
      const gap = g.x - (previous.x + previous.width);
      if (gap > GAP_AS_SPACE * Math.max(previous.size, g.size)) text += ' ';
    }
    text += g.text;
    previous = g;
  }
  return text;
}

export function makeLine(page: number, glyphs: readonly Glyph[]): Line {
  const sorted = [...glyphs].sort((a, b) => a.x - b.x);
  const printing = sorted.filter((g) => !g.space);
  const measured = printing.length ? printing : sorted;
  const size = mostCommonSize(measured);
  const baseline = measured.filter((g) => Math.abs(g.size - size) < 0.05 * size).map((g) => g.y);
  const y = baseline.length ? baseline.reduce((a, b) => a + b, 0) / baseline.length : measured[0].y;
  return {
    page,
    glyphs: sorted,
    text: glyphText(sorted),
    x: Math.min(...measured.map((g) => g.x)),
    right: Math.max(...measured.map((g) => g.x + g.width)),
    y,
    top: Math.min(...measured.map((g) => g.y - g.size * 0.88)),
    bottom: Math.max(...measured.map((g) => g.y + g.size * 0.12)),
    size,
    visible: Math.min(...measured.map((g) => g.visible)),
  };
}

/**
 * Groups glyphs into lines. Glyphs are taken in baseline order; a glyph joins a line whose
 * baseline is within 30% of its font size. A glyph printed twice at the same place (overprinted
 * for a bold look) counts once.
 */
export function linesOf(page: number, glyphs: readonly Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Array<{ y: number; size: number; glyphs: Glyph[] }> = [];
  for (const g of sorted) {
    let target: { y: number; size: number; glyphs: Glyph[] } | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const group = groups[i];
      if (Math.abs(group.y - g.y) <= BASELINE_TOLERANCE * Math.min(group.size, g.size)) {
        target = group;
        break;
      }
    }
    if (!target) {
      groups.push({ y: g.y, size: g.size, glyphs: [g] });
      continue;
    }
    const twice = target.glyphs.some((o) => o.text === g.text && Math.abs(o.x - g.x) < 0.3 * g.size && Math.abs(o.y - g.y) < 0.3 * g.size);
    if (!twice) target.glyphs.push(g);
  }
  return groups
    .filter((group) => group.glyphs.some((g) => !g.space))
    .map((group) => makeLine(page, group.glyphs))
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Splits a line where glyphs stand apart by more than `gap` ems (columns of an unruled table, a label and its page number). */
export function chunksOf(line: Line, gap = 1.5): Line[] {
  const chunks: Glyph[][] = [];
  let current: Glyph[] = [];
  let lastRight = -Infinity;
  for (const g of line.glyphs) {
    if (g.space) { current.push(g); continue; }
    if (current.some((c) => !c.space) && g.x - lastRight > gap * g.size) {
      chunks.push(current);
      current = [];
    }
    current.push(g);
    lastRight = g.x + g.width;
  }
  if (current.some((c) => !c.space)) chunks.push(current);
  return chunks.map((glyphs) => makeLine(line.page, glyphs.filter((g, i) => !g.space || (i > 0 && i < glyphs.length - 1))));
}
