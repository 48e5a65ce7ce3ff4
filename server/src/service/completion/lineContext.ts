/**
 * Where the cursor is, read from the text around it rather than from the YAML tree: while a
 * row is being typed the YAML is often broken (an open quote or brace), and completion must
 * still know that it is in the `code:` of a row of `tables.expense.rows`.
 */
export interface LineContext {
  /** Keys (and 0 for sequence items) of the enclosing mappings and sequences, from the root. */
  readonly path: ReadonlyArray<string | number>;
  /** Keys already written in the mapping the cursor is in. */
  readonly siblingKeys: readonly string[];
  /** The cursor is in a key position; `prefix` is the part of the key typed so far. */
  readonly atKey: boolean;
  /** The key whose value is being typed (when not at a key). */
  readonly key?: string;
  /** The typed text of the key or value before the cursor (without an opening quote). */
  readonly prefix: string;
  /** Offset where the typed key or value starts (after an opening quote). */
  readonly prefixStart: number;
  /** Offset where the value being typed ends (up to a closing quote, comma, brace or line end). */
  readonly valueEnd: number;
  readonly quote?: '"' | "'";
  /** The cursor is inside a flow mapping `{ … }` on this line. */
  readonly inFlow: boolean;
  readonly lineStart: number;
  /** Indentation of the current mapping's keys (block style), for inserting sibling lines. */
  readonly indent: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w]*)\s*:(?:\s+(.*))?$/;

function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl < 0 ? text.length : nl };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Keys and sequence positions enclosing a line, from indentation. */
function enclosingPath(text: string, lineStart: number, contentIndent: number): Array<string | number> {
  const reversed: Array<string | number> = [];
  let threshold = contentIndent;
  let end = lineStart - 1;
  let scanned = 0;
  while (end > 0 && threshold > 0 && scanned < 5000) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    scanned++;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent >= threshold) continue;
    const item = /^(\s*)-(\s+|$)/.exec(line);
    if (item) {
      // "- key: …" opens a mapping inside a sequence item: its keys are one level in.
      const innerIndent = item[0].length;
      const inner = KEY_LINE.exec(line);
      if (inner && innerIndent < threshold && inner[4] === undefined) reversed.push(inner[3]);
      reversed.push(0);
      threshold = indent;
      continue;
    }
    const match = KEY_LINE.exec(line);
    if (match) {
      const value = match[4];
      if (value === undefined || /^[|>][-+0-9]*\s*(#.*)?$/.test(value)) {
        reversed.push(match[3]);
        threshold = indent;
      } else {
        threshold = indent;
      }
    } else {
      threshold = indent;
    }
  }
  return reversed.reverse();
}

export function lineContext(text: string, offset: number): LineContext {
  const { start: lineStart, end: lineEnd } = lineAt(text, offset);
  const line = text.slice(lineStart, lineEnd);
  const before = text.slice(lineStart, offset);
  const itemMatch = /^(\s*)-\s+/.exec(line);
  const contentIndent = itemMatch ? itemMatch[0].length : indentOf(line);
  const path = enclosingPath(text, lineStart, itemMatch ? indentOf(line) + 1 : contentIndent);
  if (itemMatch) path.push(0);

  // Inside a flow mapping on this line?
  let depth = 0;
  let braceAt = -1;
  let inQuote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (inQuote) {
      if (c === inQuote) inQuote = undefined;
      continue;
    }
    if (c === '"' || c === "'") inQuote = c;
    else if (c === '{') {
      depth++;
      braceAt = i;
    } else if (c === '}') depth = Math.max(0, depth - 1);
  }
  const inFlow = depth > 0 && braceAt >= 0;
  let segmentStart: number;
  let siblingKeys: string[];
  if (inFlow) {
    const lastComma = lastUnquoted(before, ',', braceAt);
    segmentStart = Math.max(braceAt, lastComma) + 1;
    const close = line.indexOf('}', braceAt);
    const body = line.slice(braceAt + 1, close < 0 ? line.length : close);
    siblingKeys = [...body.matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*:/g)].map((m) => m[1]);
  } else {
    segmentStart = itemMatch ? itemMatch[0].length : indentOf(line);
    siblingKeys = blockSiblingKeys(text, lineStart, contentIndent);
  }
  const segment = before.slice(segmentStart);
  const keyValue = /^\s*([A-Za-z_]\w*)\s*:\s?(.*)$/.exec(segment);
  const valueEndOf = (from: number): number => {
    let i = from;
    while (i < line.length && !/[,}"'\n#]/.test(line[i])) i++;
    return lineStart + i;
  };
  if (keyValue) {
    let value = keyValue[2];
    let quote: '"' | "'" | undefined;
    if (value.startsWith('"') || value.startsWith("'")) {
      quote = value[0] as '"' | "'";
      value = value.slice(1);
    }
    const prefixStart = offset - value.length;
    return { path, siblingKeys, atKey: false, key: keyValue[1], prefix: value.trimStart(), prefixStart: offset - value.trimStart().length, valueEnd: valueEndOf(prefixStart - lineStart), quote, inFlow, lineStart, indent: contentIndent };
  }
  const keyPrefix = /([A-Za-z_]\w*)?$/.exec(segment)?.[1] ?? '';
  return { path, siblingKeys, atKey: true, prefix: keyPrefix, prefixStart: offset - keyPrefix.length, valueEnd: offset, inFlow, lineStart, indent: contentIndent };
}

function lastUnquoted(text: string, char: string, from: number): number {
  let quote: string | undefined;
  let last = -1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === char) last = i;
  }
  return last;
}

/** Keys of the block mapping a line belongs to (lines at the same indentation, up and down). */
function blockSiblingKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  const visit = (line: string, down: boolean): 'stop' | 'item' | 'go' => {
    if (!line.trim() || line.trim().startsWith('#')) return 'go';
    const item = /^(\s*)-\s+/.exec(line);
    const lineIndent = item ? item[0].length : indentOf(line);
    if (lineIndent < indent) return 'stop';
    if (lineIndent === indent) {
      if (item && down) return 'stop';
      const m = KEY_LINE.exec(item ? ' '.repeat(item[0].length) + line.slice(item[0].length) : line);
      if (m) keys.push(m[3]);
      if (item) return 'item';
    }
    return 'go';
  };
  // Upwards until the line that opened this mapping (a "- " item line or a shallower line).
  let end = lineStart - 1;
  for (let n = 0; end > 0 && n < 200; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const verdict = visit(text.slice(start, end), false);
    if (verdict !== 'go') break;
    end = start - 1;
  }
  // Downwards until a shallower line or the next sequence item.
  let start = text.indexOf('\n', lineStart);
  for (let n = 0; start >= 0 && n < 200; n++) {
    const next = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, next < 0 ? text.length : next);
    const verdict = visit(line, true);
    if (verdict !== 'go') break;
    start = next;
  }
  return keys;
}
