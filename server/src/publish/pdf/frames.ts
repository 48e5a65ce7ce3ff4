import type { Rule } from './types';

/**
 * Ruled tables: the ruling lines of a page grouped into frames (sets of lines that touch), each
 * frame cut into base cells by the distinct positions of its lines, and base cells joined into
 * merged areas wherever the line between them is not printed — a header cell spanning three
 * columns has no vertical lines inside it, a name cell spanning two header rows no horizontal one.
 */

export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface Frame {
  /** Column boundaries, left to right (cols + 1 values). */
  readonly xs: readonly number[];
  /** Row boundaries, top to bottom (rows + 1 values). */
  readonly ys: readonly number[];
  /** Every base cell belongs to exactly one area; areas in reading order. */
  readonly areas: readonly Area[];
  /** Index into `areas` of each base cell, row-major. */
  readonly areaOf: readonly number[];
}

const SAME_LINE = 1.2;
const TOUCH = 2;
/** Boundaries closer than this are one (double rules, rounding). */
const MIN_CELL = 2.5;

interface Segment {
  pos: number;
  from: number;
  to: number;
}

function mergeCollinear(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.pos - s.pos) < SAME_LINE && s.from <= last.to + TOUCH) {
      last.to = Math.max(last.to, s.to);
      last.pos = (last.pos + s.pos) / 2;
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] < MIN_CELL) last.push(v);
    else out.push([v]);
  }
  return out.map((group) => group.reduce((a, b) => a + b, 0) / group.length);
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function covers(segments: readonly Segment[], pos: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  const need = Math.min(TOUCH, (to - from) / 4);
  return segments.some((s) => Math.abs(s.pos - pos) < MIN_CELL && s.from <= mid - need && s.to >= mid + need);
}

/** The frames of a page's ruling lines; lines that form no frame of at least one cell are left out. */
export function framesOf(rules: readonly Rule[]): Frame[] {
  const horizontal = mergeCollinear(rules.filter((r) => Math.abs(r.y1 - r.y2) < 0.5).map((r) => ({ pos: r.y1, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) })));
  const vertical = mergeCollinear(rules.filter((r) => Math.abs(r.x1 - r.x2) < 0.5).map((r) => ({ pos: r.x1, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) })));
  const all = [...horizontal, ...vertical];
  const uf = new UnionFind(all.length);
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (v.pos >= h.from - TOUCH && v.pos <= h.to + TOUCH && h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH) uf.union(i, horizontal.length + j);
    });
  });
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => {
    const root = uf.find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const frames: Frame[] = [];
  for (const members of groups.values()) {
    const hs = members.filter((i) => i < horizontal.length).map((i) => horizontal[i]);
    const vs = members.filter((i) => i >= horizontal.length).map((i) => vertical[i - horizontal.length]);
    if (hs.length < 2 || vs.length < 2) continue;
    const frame = frameOf(hs, vs);
    if (frame) frames.push(frame);
  }
  return frames.sort((a, b) => a.ys[0] - b.ys[0] || a.xs[0] - b.xs[0]);
}

function frameOf(hs: Segment[], vs: Segment[]): Frame | undefined {
  const xs = cluster([...vs.map((v) => v.pos), Math.min(...hs.map((h) => h.from)), Math.max(...hs.map((h) => h.to))]);
  const ys = cluster([...hs.map((h) => h.pos), Math.min(...vs.map((v) => v.from)), Math.max(...vs.map((v) => v.to))]);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 1 || rows < 1) return undefined;
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covers(vs, xs[c + 1], ys[r], ys[r + 1])) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covers(hs, ys[r + 1], xs[c], xs[c + 1])) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const areaIndex = new Map<number, number>();
  const bounds: Array<{ r1: number; c1: number; r2: number; c2: number }> = [];
  const areaOf: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      let index = areaIndex.get(root);
      if (index === undefined) {
        index = bounds.length;
        areaIndex.set(root, index);
        bounds.push({ r1: r, c1: c, r2: r, c2: c });
      }
      const b = bounds[index];
      b.r1 = Math.min(b.r1, r);
      b.c1 = Math.min(b.c1, c);
      b.r2 = Math.max(b.r2, r);
      b.c2 = Math.max(b.c2, c);
      areaOf.push(index);
    }
  }
  return { xs, ys, areas: bounds.map((b) => ({ row: b.r1, col: b.c1, rows: b.r2 - b.r1 + 1, cols: b.c2 - b.c1 + 1 })), areaOf };
}

/** The base cell a point falls in, or undefined outside the frame. */
export function cellAt(frame: Frame, x: number, y: number): { row: number; col: number } | undefined {
  const { xs, ys } = frame;
  if (x < xs[0] || x > xs[xs.length - 1] || y < ys[0] || y > ys[ys.length - 1]) return undefined;
  let col = 0;
  while (col < xs.length - 2 && x > xs[col + 1]) col++;
  let row = 0;
  while (row < ys.length - 2 && y > ys[row + 1]) row++;
  return { row, col };
}
