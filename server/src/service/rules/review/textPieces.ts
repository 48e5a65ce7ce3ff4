import { getString, isMap, isScalar, isSeq, Span, YMap, YNode, YScalar } from '../../yaml/ast';
import type { Report, Section, Table, TableKey } from '../../model/types';
import { NodeBlockCache } from '../../yaml/nodeBlocks';

/**
 * The texts a reviewer reads, cut into paragraphs that know where each of their characters is
 * in the document, so that a finding covers exactly the characters it is about.
 */
export type PieceKind = 'document-title' | 'table-title' | 'section-title' | 'note' | 'prose' | 'cell' | 'date';

export interface TextPiece {
  readonly kind: PieceKind;
  /** The paragraph (one line of a block scalar, or a whole one-line scalar). */
  readonly value: string;
  /** Document offset of character i of `value` (the whole scalar's start when it cannot be mapped). */
  offsetAt(index: number): number;
  /** Span of characters [start, end) of `value`. */
  spanOf(start: number, end: number): Span;
  readonly table?: TableKey;
  readonly section?: Section;
  /** Index of the paragraph in its text (prose), for rules that read the next paragraphs. */
  readonly paragraph?: number;
}

interface ScalarLike {
  readonly value: string;
  readonly span?: Span;
  readonly start?: number;
  readonly end?: number;
  readonly lineStarts?: readonly number[];
}

/** Pieces are read once per parsed report and shared by the review rules (a report is immutable). */
const CACHE = new WeakMap<Report, Map<string, TextPiece[]>>();

function cached(report: Report, key: string, compute: () => TextPiece[]): TextPiece[] {
  let entry = CACHE.get(report);
  if (!entry) {
    entry = new Map();
    CACHE.set(report, entry);
  }
  let pieces = entry.get(key);
  if (!pieces) {
    pieces = compute();
    entry.set(key, pieces);
  }
  return pieces;
}

/** Pieces of one scalar node, kept while the node is (an unchanged row of a large table). */
const PIECES = new WeakMap<object, Map<string, TextPiece[]>>();

/** The paragraphs of a scalar; block scalars are split at their lines, others are one piece. */
export function piecesOf(scalar: ScalarLike, documentText: string, kind: PieceKind, extra: Partial<Pick<TextPiece, 'table' | 'section'>> = {}): TextPiece[] {
  if (kind !== 'cell') return computePieces(scalar, documentText, kind, extra);
  const key = `${kind}|${extra.table ?? ''}`;
  let perNode = PIECES.get(scalar);
  let pieces = perNode?.get(key);
  if (!pieces) {
    pieces = computePieces(scalar, documentText, kind, extra);
    if (!perNode) {
      perNode = new Map();
      PIECES.set(scalar, perNode);
    }
    perNode.set(key, pieces);
  }
  return pieces;
}

function computePieces(scalar: ScalarLike, documentText: string, kind: PieceKind, extra: Partial<Pick<TextPiece, 'table' | 'section'>>): TextPiece[] {
  const span: Span = scalar.span ?? (scalar.start !== undefined ? (scalar as Span) : { start: 0, end: 0 });
  const lines = scalar.value.split('\n');
  const pieces: TextPiece[] = [];
  lines.forEach((line, i) => {
    const lineStart = scalar.lineStarts?.[i];
    let base: number | undefined;
    if (lineStart !== undefined) base = lineStart;
    else if (lines.length === 1) base = directBase(scalar.value, span, documentText);
    const mapped = base !== undefined && documentText.slice(base, base + line.length) === line ? base : undefined;
    if (line.trim().length > 0) pieces.push(makePiece(kind, line, mapped, span, extra, i));
  });
  return pieces;
}

function directBase(value: string, span: Span, documentText: string): number | undefined {
  const raw = documentText.slice(span.start, span.end);
  if (raw === value) return span.start;
  if (raw.length === value.length + 2 && raw.slice(1, -1) === value) return span.start + 1;
  const at = raw.indexOf(value);
  return at >= 0 && value.length > 0 ? span.start + at : undefined;
}

function makePiece(kind: PieceKind, value: string, base: number | undefined, whole: Span, extra: Partial<Pick<TextPiece, 'table' | 'section'>>, paragraph: number): TextPiece {
  // Offsets are kept relative to the scalar, whose own offsets follow it when the text above
  // changes (yaml/nodes.ts): a piece and the spans it hands out stay right across versions.
  const delta = base === undefined ? undefined : base - whole.start;
  // Every piece has the same properties in the same order (no spread of `extra`): one hidden
  // class for all, so reading them in the rules stays fast.
  return {
    kind,
    value,
    table: extra.table,
    section: extra.section,
    paragraph,
    offsetAt: (index) => (delta === undefined ? whole.start : whole.start + delta + Math.max(0, Math.min(index, value.length))),
    spanOf: (start, end) => (delta === undefined ? whole : { get start() { return whole.start + delta + start; }, get end() { return whole.start + delta + end; } }),
  };
}

/** The scalar node of key `key` in a table's mapping (titles and notes keep their line starts there). */
function tableScalar(table: Table, key: string): YScalar | undefined {
  return isMap(table.node) ? getString(table.node, key) : undefined;
}

export function tableTitlePieces(report: Report, documentText: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const table of report.tables.values()) {
    const title = tableScalar(table, 'title');
    if (title) pieces.push(...piecesOf(title, documentText, 'table-title', { table: table.key }));
  }
  return pieces;
}

export function notePieces(report: Report, documentText: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const table of report.tables.values()) {
    const note = tableScalar(table, 'note');
    if (note) pieces.push(...piecesOf(note, documentText, 'note', { table: table.key }));
  }
  return pieces;
}

export function documentTitlePieces(report: Report, documentText: string): TextPiece[] {
  return report.title ? piecesOf(report.title, documentText, 'document-title') : [];
}

/** Every section, depth first, in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]): void => {
    for (const section of list) {
      out.push(section);
      walk(section.sections);
    }
  };
  walk(sections);
  return out;
}

export function sectionTitlePieces(report: Report, documentText: string): TextPiece[] {
  return allSections(report.narrative).flatMap((section) => (section.title ? piecesOf(section.title, documentText, 'section-title', { section }) : []));
}

/** The paragraphs of the narrative, section by section. */
export function prosePieces(report: Report, documentText: string): TextPiece[] {
  return cached(report, 'prose', () => allSections(report.narrative).flatMap((section) => (section.text ? piecesOf(section.text, documentText, 'prose', { section }) : [])));
}

export function titlePieces(report: Report, documentText: string): TextPiece[] {
  return [...documentTitlePieces(report, documentText), ...tableTitlePieces(report, documentText), ...sectionTitlePieces(report, documentText)];
}

/** Free texts inside tables: names, items, descriptions, goals, indicators (not codes or amounts). */
const CELL_TEXT_KEYS = new Set(['name', 'item', 'description', 'goal', 'content', 'level1', 'level2', 'level3', 'value', 'basis', 'remark', 'title', 'reason', 'department', 'unit_name', 'gov_name']);

export function cellPieces(report: Report, documentText: string): TextPiece[] {
  return cached(report, 'cells', () => cellPieceBlocks(report, documentText).flat(2));
}

/**
 * Groups of cell pieces: a group is the pieces of one mapping below a table's root (a row, an
 * indicator) or of one scalar of a table's own mapping, the same array while its node is. A
 * block is the groups of up to 64 consecutive items of a list (or one group), the same array
 * while its items' nodes are.
 */
export type PieceBlock = readonly (readonly TextPiece[])[];

/** The blocks of `cellPieceBlocks`, read once per parsed report. */
const BLOCKS = new WeakMap<Report, readonly PieceBlock[]>();

/**
 * The cell pieces of a report (`cellPieces`, in the same order) in blocks of groups, so that a
 * rule can keep its results per block and per group (rules/memo.ts): an edit of a large table
 * costs a pointer comparison per unchanged row and a look-up per unchanged block.
 */
export function cellPieceBlocks(report: Report, documentText: string): readonly PieceBlock[] {
  let blocks = BLOCKS.get(report);
  if (!blocks) {
    blocks = collectCellPieceBlocks(report, documentText);
    BLOCKS.set(report, blocks);
  }
  return blocks;
}

/**
 * Cell pieces of one mapping below a table's root (a row, an indicator), kept per node: a new
 * version of a large table walks its rows, not every cell of every row.
 */
const MAP_PIECES = new WeakMap<YMap, Map<string, TextPiece[]>>();

/** The groups of blocks of a list's items (yaml/nodeBlocks.ts), kept while the items' nodes are. */
const ITEM_BLOCKS = new NodeBlockCache<PieceBlock>();

/** The block of one group, the same array while the group is. */
const SINGLE_BLOCKS = new WeakMap<readonly TextPiece[], PieceBlock>();

function singleBlock(group: readonly TextPiece[]): PieceBlock {
  let block = SINGLE_BLOCKS.get(group);
  if (!block) {
    block = [group];
    SINGLE_BLOCKS.set(group, block);
  }
  return block;
}

function collectCellPieceBlocks(report: Report, documentText: string): PieceBlock[] {
  const blocks: PieceBlock[] = [];
  for (const table of report.tables.values()) {
    if (!isMap(table.node)) continue;
    // The keys of the kept pieces by depth, built once per table (not once per row).
    const keys: string[] = [];
    const keyAt = (depth: number): string => (keys[depth] ??= `${table.key}|${depth}`);
    const mapPieces = (map: YMap, depth: number): readonly TextPiece[] => {
      const key = keyAt(depth);
      let perNode = MAP_PIECES.get(map);
      let found = perNode?.get(key);
      if (!found) {
        const collected: TextPiece[] = [];
        visitMap(map, depth, collected);
        found = collected;
        if (!perNode) {
          perNode = new Map();
          MAP_PIECES.set(map, perNode);
        }
        perNode.set(key, found);
      }
      return found;
    };
    // Inside a kept mapping: the pieces of the mappings below it are its own.
    const visit = (node: YNode | null, depth: number, into: TextPiece[]): void => {
      if (!node || depth > 6) return;
      if (isSeq(node)) for (const item of node.items) visit(item, depth + 1, into);
      else if (isMap(node)) for (const piece of mapPieces(node, depth)) into.push(piece);
    };
    const visitMap = (map: YMap, depth: number, into: TextPiece[]): void => {
      for (const pair of map.pairs) {
        const key = pair.key.value;
        if (depth === 0 && (key === 'title' || key === 'note')) continue;
        const value = pair.value;
        if (isScalar(value)) {
          if (CELL_TEXT_KEYS.has(key) && !value.isNull) for (const piece of piecesOf(value, documentText, 'cell', { table: table.key })) into.push(piece);
        } else visit(value, depth + 1, into);
      }
    };
    // Below the table's own mapping each kept mapping is a group (the same walk as `visit`).
    const visitGroups = (node: YNode | null, depth: number, into: Array<readonly TextPiece[]>): void => {
      if (!node || depth > 6) return;
      if (isSeq(node)) for (const item of node.items) visitGroups(item, depth + 1, into);
      else if (isMap(node)) {
        const found = mapPieces(node, depth);
        if (found.length > 0) into.push(found);
      }
    };
    // The table's own mapping changes with every edit inside it: walked, not kept.
    for (const pair of table.node.pairs) {
      const key = pair.key.value;
      if (key === 'title' || key === 'note') continue;
      const value = pair.value;
      if (isScalar(value)) {
        if (CELL_TEXT_KEYS.has(key) && !value.isNull) {
          const pieces = piecesOf(value, documentText, 'cell', { table: table.key });
          if (pieces.length > 0) blocks.push(singleBlock(pieces));
        }
      } else if (isSeq(value)) {
        // depth 1 is the list, its items are at depth 2 (as `visit` counts).
        const items = value.items;
        const itemBlocks = ITEM_BLOCKS.values(items.length, (i) => items[i], () => keyAt(2), (start, end) => {
          const groups: Array<readonly TextPiece[]> = [];
          for (let i = start; i < end; i++) visitGroups(items[i], 2, groups);
          return groups;
        });
        for (const groups of itemBlocks) if (groups.length > 0) blocks.push(groups);
      } else if (isMap(value)) {
        const found = mapPieces(value, 1);
        if (found.length > 0) blocks.push(singleBlock(found));
      }
    }
  }
  return blocks;
}

/** Where a finding about the whole report goes: the key `key` of the document root, or its start. */
export function rootKeySpan(report: Report, key: string): Span {
  const pair = report.root?.pairs.find((p) => p.key.value === key);
  if (pair) return { start: pair.key.start, end: pair.key.end };
  const first = report.root?.pairs[0];
  return first ? { start: first.key.start, end: first.key.end } : { start: 0, end: 0 };
}

/** The scalar of a top-level key (date, title). */
export function rootScalar(report: Report, key: string): YScalar | undefined {
  return getString(report.root, key);
}
