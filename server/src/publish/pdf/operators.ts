import type { Glyph, Rule } from './types';

/**
 * Interprets a page's operator list (pdf.js's parsed content stream, operators by name) the way a
 * renderer would, but only far enough to know where each character lands and whether it is
 * visible: the graphics state (transform, clip) and the text state (matrices, font, spacing).
 * Clipping matters: spreadsheet programs print a long cell on every page it crosses and clip it
 * to the page, so the text of one page is also in the content of the next, outside its clip.
 * The clip is kept as the bounding box of the clip paths, which is exact for the rectangles such
 * programs use. Thin filled rectangles and axis-parallel strokes are kept as ruling lines.
 */

export type Matrix = readonly [number, number, number, number, number, number];

export interface Operator {
  readonly op: string;
  readonly args: readonly unknown[] | null;
}

/** The glyph fields of pdf.js's operator list that position a character. */
export interface OperatorGlyph {
  readonly unicode?: string;
  readonly width?: number;
  readonly isSpace?: boolean;
  readonly vmetric?: readonly number[] | null;
}

export interface FontInfo {
  readonly fontMatrix?: readonly number[];
  readonly vertical?: boolean;
  readonly ascent?: number;
  readonly descent?: number;
  readonly defaultVMetrics?: readonly number[];
}

export interface PageGeometry {
  /** User space → page coordinates (top left origin, y down): pdf.js's viewport transform at scale 1. */
  readonly transform: Matrix;
  readonly width: number;
  readonly height: number;
}

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function boxOf(m: Matrix, x1: number, y1: number, x2: number, y2: number): Box {
  const points = [apply(m, x1, y1), apply(m, x2, y1), apply(m, x1, y2), apply(m, x2, y2)];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

function intersect(a: Box, b: Box): Box {
  return { x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) };
}

function isMatrix(value: unknown): value is Matrix {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<unknown>).length === 6 && Array.from(value as ArrayLike<unknown>).every((v) => typeof v === 'number' && Number.isFinite(v));
}

function numberArg(args: readonly unknown[] | null, index: number, fallback = 0): number {
  const value = args?.[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

interface GraphicsState {
  ctm: Matrix;
  clip: Box;
  font?: FontInfo;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** Thinner than this (points), a filled rectangle is a ruling line. */
const RULE_THICKNESS = 2.5;
/** Shorter than this, a thin rectangle is a dot or a tick, not a rule. */
const RULE_MIN_LENGTH = 3;

/** A path as built by pdf.js's constructPath: sub-path operators by name with their coordinates. */
interface Path {
  readonly rectangles: Box[];
  readonly segments: Box[];
  readonly bounds: Box | undefined;
}

function readPath(args: readonly unknown[] | null, ctm: Matrix): Path {
  const ops = Array.isArray(args?.[0]) ? (args![0] as unknown[]) : [];
  const coords = args?.[1] as ArrayLike<number> | undefined;
  const rectangles: Box[] = [];
  const segments: Box[] = [];
  let bounds: Box | undefined;
  const extend = (box: Box): void => {
    bounds = bounds ? { x1: Math.min(bounds.x1, box.x1), y1: Math.min(bounds.y1, box.y1), x2: Math.max(bounds.x2, box.x2), y2: Math.max(bounds.y2, box.y2) } : box;
  };
  let j = 0;
  let current: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  const at = (k: number): number => Number(coords?.[k] ?? 0);
  for (const op of ops) {
    switch (op) {
      case 'rectangle': {
        const [x, y, w, h] = [at(j), at(j + 1), at(j + 2), at(j + 3)];
        j += 4;
        const box = boxOf(ctm, x, y, x + w, y + h);
        rectangles.push(box);
        extend(box);
        current = [x, y];
        start = [x, y];
        break;
      }
      case 'moveTo':
        current = [at(j), at(j + 1)];
        start = current;
        extend(boxOf(ctm, current[0], current[1], current[0], current[1]));
        j += 2;
        break;
      case 'lineTo': {
        const next: [number, number] = [at(j), at(j + 1)];
        j += 2;
        const box = boxOf(ctm, current[0], current[1], next[0], next[1]);
        segments.push(box);
        extend(box);
        current = next;
        break;
      }
      case 'curveTo': case 'curveTo2': case 'curveTo3': {
        const count = op === 'curveTo' ? 6 : 4;
        const points: number[] = [];
        for (let k = 0; k < count; k++) points.push(at(j + k));
        j += count;
        for (let k = 0; k < points.length; k += 2) extend(boxOf(ctm, points[k], points[k + 1], points[k], points[k + 1]));
        current = [points[points.length - 2], points[points.length - 1]];
        break;
      }
      case 'closePath': {
        const box = boxOf(ctm, current[0], current[1], start[0], start[1]);
        if (box.x2 - box.x1 > 0 || box.y2 - box.y1 > 0) segments.push(box);
        current = start;
        break;
      }
      default:
        break;
    }
  }
  return { rectangles, segments, bounds };
}

export interface PageContent {
  readonly glyphs: Glyph[];
  readonly rules: Rule[];
}

/**
 * Glyphs and ruling lines of a page from its operator list. `fonts` gives the metrics of a font
 * by the name setFont uses (pdf.js's loaded font name); unknown fonts are read with the PDF
 * default (1/1000 glyph units, horizontal).
 */
export function interpretOperators(operators: Iterable<Operator>, fonts: (name: string) => FontInfo | undefined, page: PageGeometry): PageContent {
  const glyphs: Glyph[] = [];
  const rules: Rule[] = [];
  const pageBox: Box = { x1: 0, y1: 0, x2: page.width, y2: page.height };
  let state: GraphicsState = { ctm: page.transform, clip: pageBox, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  const stack: GraphicsState[] = [];
  let path: Path | undefined;
  let pendingClip = false;
  // Text object state: the text matrix and the start of the current line, in text space.
  let textMatrix: Matrix = IDENTITY;
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;

  const save = (): void => { stack.push({ ...state }); };
  const restore = (): void => { state = stack.pop() ?? state; };

  const finishPath = (fill: boolean, stroke: boolean): void => {
    if (!path) return;
    if (pendingClip && path.bounds) state.clip = intersect(state.clip, path.bounds);
    pendingClip = false;
    const clip = state.clip;
    const keep = (box: Box, thickness: number): void => {
      const clipped = intersect(box, clip);
      if (clipped.x2 < clipped.x1 - 0.01 || clipped.y2 < clipped.y1 - 0.01) return;
      const w = clipped.x2 - clipped.x1;
      const h = clipped.y2 - clipped.y1;
      if (Math.max(w, h) < RULE_MIN_LENGTH || Math.min(w, h) > thickness) return;
      if (w >= h) rules.push({ x1: clipped.x1, y1: (clipped.y1 + clipped.y2) / 2, x2: clipped.x2, y2: (clipped.y1 + clipped.y2) / 2 });
      else rules.push({ x1: (clipped.x1 + clipped.x2) / 2, y1: clipped.y1, x2: (clipped.x1 + clipped.x2) / 2, y2: clipped.y2 });
    };
    if (fill) for (const box of path.rectangles) keep(box, RULE_THICKNESS);
    if (stroke) {
      for (const box of path.rectangles) {
        keep({ x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y1 }, RULE_THICKNESS);
        keep({ x1: box.x1, y1: box.y2, x2: box.x2, y2: box.y2 }, RULE_THICKNESS);
        keep({ x1: box.x1, y1: box.y1, x2: box.x1, y2: box.y2 }, RULE_THICKNESS);
        keep({ x1: box.x2, y1: box.y1, x2: box.x2, y2: box.y2 }, RULE_THICKNESS);
      }
      for (const segment of path.segments) keep(segment, 0.5);
    }
    path = undefined;
  };

  const moveText = (dx: number, dy: number): void => {
    lineX += dx;
    lineY += dy;
    x = lineX;
    y = lineY;
  };

  const showText = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    const font = state.font;
    const fontSize = state.fontSize;
    if (fontSize === 0) return;
    const fontMatrix = font?.fontMatrix && font.fontMatrix.length >= 1 ? font.fontMatrix : [0.001];
    const vertical = font?.vertical === true;
    const widthScale = fontSize * fontMatrix[0];
    const hScale = state.hScale * state.fontDirection;
    const ascent = font?.ascent && font.ascent > 0 && font.ascent < 2 ? font.ascent : 0.88;
    const descent = font?.descent && font.descent < 0 && font.descent > -1 ? font.descent : -0.12;
    const trm = multiply(state.ctm, textMatrix);
    let advance = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        // TJ adjustments are in thousandths of the font size, against the writing direction.
        advance += ((vertical ? 1 : -1) * item * fontSize) / 1000;
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const g = item as OperatorGlyph;
      const spacing = (g.isSpace ? state.wordSpacing : 0) + state.charSpacing;
      let width = typeof g.width === 'number' ? g.width : 0;
      if (vertical) {
        const vmetric = g.vmetric ?? font?.defaultVMetrics;
        if (vmetric && typeof vmetric[0] === 'number') width = -vmetric[0];
      }
      const charAdvance = vertical ? width * widthScale - spacing * state.fontDirection : width * widthScale + spacing * state.fontDirection;
      const text = typeof g.unicode === 'string' ? g.unicode : '';
      if (text !== '') {
        let box: Box;
        let baseline: [number, number];
        if (vertical) {
          const top = y - advance;
          box = boxOf(trm, x - fontSize / 2, top - Math.abs(charAdvance), x + fontSize / 2, top);
          baseline = apply(trm, x, top - Math.abs(charAdvance));
        } else {
          const left = x + advance * hScale;
          const right = left + width * widthScale * hScale;
          box = boxOf(trm, left, y + state.rise + descent * fontSize, right, y + state.rise + ascent * fontSize);
          baseline = apply(trm, left, y + state.rise);
        }
        const height = box.y2 - box.y1;
        const centerX = (box.x1 + box.x2) / 2;
        const clip = intersect(state.clip, pageBox);
        let visible = 0;
        if (centerX >= clip.x1 && centerX <= clip.x2 && height > 0) {
          visible = Math.max(0, Math.min(box.y2, clip.y2) - Math.max(box.y1, clip.y1)) / height;
        }
        const [dx, dy] = [trm[2] * fontSize, trm[3] * fontSize];
        const size = Math.hypot(dx, dy);
        glyphs.push({ text, x: box.x1, width: box.x2 - box.x1, y: baseline[1], size, visible: Math.min(1, visible), space: g.isSpace === true || text.trim() === '' });
      }
      advance += charAdvance;
    }
    if (vertical) y -= advance;
    else x += advance * hScale;
  };

  for (const { op, args } of operators) {
    switch (op) {
      case 'save': save(); break;
      case 'restore': restore(); break;
      case 'transform':
        if (isMatrix(args)) state.ctm = multiply(state.ctm, args);
        else if (args && isMatrix(args[0])) state.ctm = multiply(state.ctm, args[0] as Matrix);
        break;
      case 'paintFormXObjectBegin': {
        save();
        const matrix = args?.[0];
        if (isMatrix(matrix)) state.ctm = multiply(state.ctm, matrix);
        const bbox = args?.[1] as ArrayLike<number> | null | undefined;
        if (bbox && bbox.length === 4) state.clip = intersect(state.clip, boxOf(state.ctm, bbox[0], bbox[1], bbox[2], bbox[3]));
        break;
      }
      case 'paintFormXObjectEnd': restore(); break;
      case 'beginGroup': save(); break;
      case 'endGroup': restore(); break;
      case 'constructPath': path = readPath(args, state.ctm); break;
      case 'clip': case 'eoClip': pendingClip = true; break;
      case 'endPath': finishPath(false, false); break;
      case 'fill': case 'eoFill': finishPath(true, false); break;
      case 'stroke': case 'closeStroke': finishPath(false, true); break;
      case 'fillStroke': case 'eoFillStroke': case 'closeFillStroke': case 'closeEOFillStroke': finishPath(true, true); break;
      case 'beginText':
        textMatrix = IDENTITY;
        x = y = lineX = lineY = 0;
        break;
      case 'setFont': {
        const name = args?.[0];
        const size = numberArg(args, 1);
        state.font = typeof name === 'string' ? fonts(name) : undefined;
        state.fontDirection = size < 0 ? -1 : 1;
        state.fontSize = Math.abs(size);
        break;
      }
      case 'setTextMatrix': {
        const matrix = isMatrix(args) ? args : args && isMatrix(args[0]) ? (args[0] as Matrix) : undefined;
        if (matrix) textMatrix = [...matrix] as unknown as Matrix;
        x = y = lineX = lineY = 0;
        break;
      }
      case 'moveText': moveText(numberArg(args, 0), numberArg(args, 1)); break;
      case 'setLeadingMoveText':
        // TD: set the leading to -ty, then move (pdf.js keeps the negated leading).
        state.leading = numberArg(args, 1);
        moveText(numberArg(args, 0), numberArg(args, 1));
        break;
      case 'setLeading': state.leading = -numberArg(args, 0); break;
      case 'nextLine': moveText(0, state.leading); break;
      case 'setCharSpacing': state.charSpacing = numberArg(args, 0); break;
      case 'setWordSpacing': state.wordSpacing = numberArg(args, 0); break;
      case 'setHScale': state.hScale = numberArg(args, 0, 100) / 100; break;
      case 'setTextRise': state.rise = numberArg(args, 0); break;
      case 'showText': case 'showSpacedText': showText(args?.[0]); break;
      case 'nextLineShowText':
        moveText(0, state.leading);
        showText(args?.[0]);
        break;
      case 'nextLineSetSpacingShowText':
        state.wordSpacing = numberArg(args, 0);
        state.charSpacing = numberArg(args, 1);
        moveText(0, state.leading);
        showText(args?.[2]);
        break;
      default:
        break;
    }
  }
  return { glyphs, rules };
}
