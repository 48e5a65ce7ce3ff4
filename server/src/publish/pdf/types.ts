/**
 * A PDF page as the layout code sees it: the visible glyphs with their positions and the ruling
 * lines, in page coordinates (points, origin at the top left, y growing downwards). Reading a PDF
 * (node/readPdf.ts, with pdfjs-dist) produces these; everything that interprets them is pure.
 */

/** One printed character (or a run of characters drawn as one glyph, e.g. a ligature). */
export interface Glyph {
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Advance width. */
  readonly width: number;
  /** Baseline. */
  readonly y: number;
  /** Font size in points (the height of the em square on the page). */
  readonly size: number;
  /** Share of the glyph's height inside the clip (1 = fully visible). */
  readonly visible: number;
  /** Whether the glyph is a space character (it takes room but prints nothing). */
  readonly space: boolean;
}

/** A horizontal or vertical ruling line (a thin filled rectangle or a stroked segment). */
export interface Rule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PdfPage {
  /** 1-based page number. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly glyphs: readonly Glyph[];
  readonly rules: readonly Rule[];
}

export interface PdfDocument {
  readonly pages: readonly PdfPage[];
}

/** A piece of text that could not be placed in a table or a section, named by page and position. */
export interface Unplaced {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly reason: string;
}
