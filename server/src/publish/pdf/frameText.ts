import { cellAt, Frame } from './frames';
import { Line, linesOf } from './lines';
import type { Glyph } from './types';

/**
 * The text of each cell of a ruled table: the glyphs whose centre lies in the cell, as lines;
 * the lines of one cell (a name or header wrapped inside its cell) make one text, joined without
 * a separator as Chinese is written (a space only between two Latin letters).
 */

export interface FrameContent {
  readonly page: number;
  readonly frame: Frame;
  /** Text of each area of the frame (index as frame.areas). */
  readonly texts: readonly string[];
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export function joinCellLines(lines: readonly Line[]): string {
  let text = '';
  for (const line of lines) {
    const piece = line.text.trim();
    if (!piece) continue;
    if (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(piece)) text += ' ';
    text += piece;
  }
  return text;
}

/** Fills the frames with the glyphs that fall in them; returns the glyphs outside every frame. */
export function fillFrames(page: number, frames: readonly Frame[], glyphs: readonly Glyph[]): { contents: FrameContent[]; outside: Glyph[] } {
  const perArea = frames.map((frame) => frame.areas.map((): Glyph[] => []));
  const outside: Glyph[] = [];
  for (const glyph of glyphs) {
    const cx = glyph.x + glyph.width / 2;
    const cy = glyph.y - glyph.size * 0.35;
    // The smallest frame the glyph falls in (a table drawn inside a larger box).
    let best: { f: number; area: number; size: number } | undefined;
    frames.forEach((frame, f) => {
      const cell = cellAt(frame, cx, cy);
      if (!cell) return;
      const size = (frame.xs[frame.xs.length - 1] - frame.xs[0]) * (frame.ys[frame.ys.length - 1] - frame.ys[0]);
      if (!best || size < best.size) best = { f, area: frame.areaOf[cell.row * (frame.xs.length - 1) + cell.col], size };
    });
    if (best) perArea[best.f][best.area].push(glyph);
    else outside.push(glyph);
  }
  const contents = frames.map((frame, f) => ({
    page,
    frame,
    texts: perArea[f].map((areaGlyphs) => joinCellLines(linesOf(page, areaGlyphs))),
    top: frame.ys[0],
    bottom: frame.ys[frame.ys.length - 1],
    left: frame.xs[0],
    right: frame.xs[frame.xs.length - 1],
  }));
  return { contents, outside };
}
