/**
 * The printed text around a finding, for the review page: the line(s) of its range with a line
 * before and after, the range marked. Long lines (a narrative paragraph is one line of its block)
 * are cut to a window around the mark, and what is cut is said with an ellipsis.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

export interface ExcerptLine {
  /** 1-based, as editors and the check command count lines. */
  readonly number: number;
  readonly parts: readonly ExcerptPart[];
  /** Text of the line left out before / after what is shown. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

export interface ExcerptOptions {
  /** Lines shown before and after the range. */
  readonly around?: number;
  /** Characters shown of a line at most (the mark itself is cut at twice this). */
  readonly width?: number;
}

/** Splits at line ends as LSP positions count them (\n, \r\n, \r). */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Moves a cut off the second half of a surrogate pair. */
function safe(line: string, index: number): number {
  const code = line.charCodeAt(index);
  return index > 0 && index < line.length && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

export function excerpt(lines: readonly string[], range: Range, options: ExcerptOptions = {}): ExcerptLine[] {
  const around = options.around ?? 1;
  const width = options.width ?? 160;
  if (lines.length === 0) return [];
  const clampLine = (n: number): number => Math.max(0, Math.min(lines.length - 1, n));
  const startLine = clampLine(range.start.line);
  const endLine = clampLine(Math.max(range.end.line, range.start.line));
  const result: ExcerptLine[] = [];
  for (let n = clampLine(startLine - around); n <= clampLine(endLine + around); n++) {
    const line = lines[n];
    let markStart = -1;
    let markEnd = -1;
    if (n >= startLine && n <= endLine) {
      markStart = n === startLine ? Math.min(range.start.character, line.length) : 0;
      markEnd = n === endLine && range.end.line === n ? Math.min(Math.max(range.end.character, markStart), line.length) : line.length;
      // An empty range still points somewhere: mark the character it is before.
      if (markEnd === markStart && markStart < line.length && startLine === endLine) markEnd = markStart + 1;
    }
    // The window shown of the line.
    let from = 0;
    let to = line.length;
    if (line.length > width) {
      if (markStart >= 0) {
        const markLength = Math.min(markEnd - markStart, width * 2);
        const margin = Math.max(Math.floor((width - markLength) / 2), 12);
        from = Math.max(0, markStart - margin);
        to = Math.min(line.length, markStart + markLength + margin);
        markEnd = Math.min(markEnd, markStart + markLength);
      } else {
        // A line around the finding: its beginning is enough to place it.
        to = Math.floor(width / 2);
      }
    }
    from = safe(line, from);
    to = safe(line, to);
    const parts: ExcerptPart[] = [];
    const push = (a: number, b: number, marked: boolean): void => {
      if (b > a) parts.push({ text: line.slice(a, b), marked });
    };
    if (markStart >= 0 && markEnd > markStart) {
      const a = Math.max(from, safe(line, markStart));
      const b = Math.min(to, safe(line, markEnd));
      push(from, a, false);
      push(a, b, true);
      push(b, to, false);
    } else {
      push(from, to, false);
    }
    result.push({ number: n + 1, parts, cutBefore: from > 0, cutAfter: to < line.length });
  }
  return result;
}
