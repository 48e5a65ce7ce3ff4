import { isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq, LineCounter, Parser, Composer, Scalar } from 'yaml';
import type { Node as YamlNode, Document } from 'yaml';
import { Span, YNode, YPair, YScalar, ScalarStyle } from './ast';
import { Anchor, MapNode, PairNode, ScalarNode, SeqNode } from './nodes';

/** A problem of the YAML text itself: its range and a stable kind. */
export interface YamlProblem extends Span {
  readonly kind: 'syntax' | 'duplicate-key' | 'alias' | 'too-deep' | 'too-large' | 'tag' | 'multi-document';
  readonly message: string;
  /** The yaml package's error code of a syntax problem (its message is English; see syntaxMessages.ts). */
  readonly code?: string;
}

export interface ParsedYaml {
  readonly root: YNode | null;
  readonly problems: readonly YamlProblem[];
  /** The anchor of the tree's nodes (the incremental parser moves it when it reuses the tree). */
  readonly anchor: Anchor;
}

export interface ParseLimits {
  /** Texts longer than this are not parsed at all. */
  readonly maxLength: number;
  /** Deeper nesting than this is cut off (and reported) instead of descended into. */
  readonly maxDepth: number;
}

/** Tags of plain YAML values; any other tag is reported and ignored. */
const STANDARD_TAGS = new Set(['str', 'map', 'seq', 'int', 'float', 'bool', 'null'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * The length limit is set by measurement (`npm run bench`, "memory"): checking costs about 150 MB
 * per million characters of table rows over a base of about 125 MB, so 5,000,000 characters keep
 * a check under 1 GB (measured 802 MB at 4.8 million). The largest real report is under 100,000
 * characters.
 */
export const DEFAULT_LIMITS: ParseLimits = { maxLength: 5_000_000, maxDepth: 64 };

/**
 * Parses YAML text into the service's tree. Uses the failsafe schema, so no scalar is ever
 * converted to a number and no custom tag can run code; aliases are reported and never
 * expanded (which also makes alias bombs harmless).
 */
export function parseWhole(text: string, limits: ParseLimits = DEFAULT_LIMITS, base = 0, startDepth = 0): ParsedYaml {
  const problems: YamlProblem[] = [];
  const anchor = new Anchor(base);
  if (text.length > limits.maxLength) {
    problems.push({ kind: 'too-large', start: base, end: base + Math.min(text.length, firstLineEnd(text)), message: `text of ${text.length} characters exceeds the limit of ${limits.maxLength}` });
    return { root: null, problems, anchor };
  }
  let docs: Document.Parsed[];
  try {
    docs = parseDocuments(text);
  } catch (error) {
    // The yaml package recurses on nesting; a pathological input can exhaust the stack.
    problems.push({ kind: 'too-deep', start: base, end: base + firstLineEnd(text), message: String((error as Error)?.message ?? error) });
    return { root: null, problems, anchor };
  }
  if (docs.length === 0) return { root: null, problems, anchor };
  for (let i = 1; i < docs.length; i++) {
    const range = docs[i].range;
    problems.push({ kind: 'multi-document', start: base + range[0], end: base + lineEndFrom(text, range[0]), message: 'only the first YAML document is read' });
  }
  const doc = docs[0];
  for (const error of doc.errors) {
    const kind = error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax';
    const [start, end] = clipToLine(text, error.pos[0], error.pos[1]);
    problems.push({ kind, start: base + start, end: base + end, message: error.message.split('\n')[0], code: error.code });
  }
  const converter = new Converter(text, anchor, limits.maxDepth, problems);
  const root = doc.contents ? converter.node(doc.contents as YamlNode, startDepth) : null;
  return { root, problems, anchor };
}

function parseDocuments(text: string): Document.Parsed[] {
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: true, prettyErrors: false, strict: true });
  const docs: Document.Parsed[] = [];
  for (const doc of composer.compose(new Parser().parse(text), true, text.length)) docs.push(doc);
  return docs;
}

class Converter {
  private readonly base: number;

  constructor(
    private readonly text: string,
    private readonly anchor: Anchor,
    private readonly maxDepth: number,
    private readonly problems: YamlProblem[],
  ) {
    // Problems carry document offsets; nodes carry offsets relative to the anchor.
    this.base = anchor.base;
  }

  node(node: YamlNode, depth: number): YNode | null {
    const [start, end] = node.range ?? [0, 0];
    if (depth > this.maxDepth) {
      this.problems.push({ kind: 'too-deep', start: this.base + start, end: this.base + lineEndFrom(this.text, start), message: `nesting deeper than ${this.maxDepth} levels` });
      return null;
    }
    if (isAlias(node)) {
      this.problems.push({ kind: 'alias', start: this.base + start, end: this.base + end, message: `alias *${node.source} is not expanded` });
      return null;
    }
    if (node.tag && !STANDARD_TAGS.has(node.tag)) {
      this.problems.push({ kind: 'tag', start: this.base + start, end: this.base + end, message: `tag ${node.tag} is ignored` });
    }
    if (isYamlScalar(node)) return this.scalar(node);
    if (isYamlMap(node)) {
      const pairs: YPair[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        if (!keyNode || !isYamlScalar(keyNode)) {
          if (keyNode) {
            const [ks, ke] = keyNode.range ?? [start, start];
            this.problems.push({ kind: 'syntax', start: this.base + ks, end: this.base + lineEndFrom(this.text, ks), message: 'a key must be a plain value', code: 'NON_STRING_KEY' });
          }
          continue;
        }
        const key = this.scalar(keyNode);
        const value = pair.value ? this.node(pair.value as YamlNode, depth + 1) : null;
        const keyEnd = keyNode.range?.[1] ?? start;
        const valueEnd = pair.value ? (pair.value as YamlNode).range?.[1] ?? keyEnd : keyEnd;
        pairs.push(new PairNode(this.anchor, key, value ?? (pair.value ? null : key.emptyAfter()), valueEnd));
      }
      return new MapNode(this.anchor, start, node.range![1], node.flow === true, pairs);
    }
    if (isYamlSeq(node)) {
      const items: YNode[] = [];
      for (const item of node.items) {
        if (item === null || item === undefined) continue;
        const converted = this.node(item as YamlNode, depth + 1);
        if (converted) items.push(converted);
      }
      return new SeqNode(this.anchor, start, node.range![1], node.flow === true, items);
    }
    return null;
  }

  scalar(node: Scalar): ScalarNode {
    const [start, valueEnd] = node.range ?? [0, 0];
    const raw = node.value;
    const value = raw === null || raw === undefined ? '' : String(raw);
    const style = styleOf(node.type);
    const isNull = style === 'plain' && (value === '' || value === '~' || value === 'null' || value === 'Null' || value === 'NULL');
    if (style === 'literal' || style === 'folded') {
      return new ScalarNode(this.anchor, start, valueEnd, value, false, style, this.blockLineStarts(start, valueEnd, value));
    }
    return new ScalarNode(this.anchor, start, valueEnd, value, isNull, style);
  }

  /** Offset (relative to the anchor) of each line of a block scalar's value, for exact ranges inside prose. */
  private blockLineStarts(start: number, end: number, value: string): number[] {
    const text = this.text;
    let pos = text.indexOf('\n', start);
    if (pos < 0 || pos >= end) return [];
    pos += 1;
    const lines = value.split('\n');
    // Indentation of the block = indentation of its first non-empty line.
    let indent = -1;
    const starts: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (pos >= end) { starts.push(end); continue; }
      const lineEnd = text.indexOf('\n', pos);
      const stop = lineEnd < 0 ? text.length : lineEnd;
      if (indent < 0 && lines[i].length > 0) {
        let j = pos;
        while (j < stop && text[j] === ' ') j++;
        indent = j - pos;
      }
      starts.push(Math.min(pos + Math.max(indent, 0), stop));
      pos = stop + 1;
    }
    return starts;
  }
}

function styleOf(type: string | undefined): ScalarStyle {
  switch (type) {
    case Scalar.QUOTE_SINGLE: return 'single';
    case Scalar.QUOTE_DOUBLE: return 'double';
    case Scalar.BLOCK_LITERAL: return 'literal';
    case Scalar.BLOCK_FOLDED: return 'folded';
    default: return 'plain';
  }
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? Math.min(text.length, 200) : nl;
}

function lineEndFrom(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** Syntax errors are clipped to one line: whole-file ranges are useless and slow to render. */
function clipToLine(text: string, start: number, end: number): [number, number] {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, lineEndFrom(text, s)));
  return [s, e === s ? Math.min(text.length, s + 1) : e];
}

export { LineCounter };
