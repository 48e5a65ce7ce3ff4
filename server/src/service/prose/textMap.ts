import type { Span } from '../yaml/ast';
import type { SectionText } from '../model/types';

/** Maps offsets in a section's text value to offsets in the document. */
export interface TextMap {
  toDocument(valueOffset: number): number;
  span(start: number, end: number): Span;
}

/**
 * A literal block keeps every character of a line, so line i of the value starts at
 * lineStarts[i]. A plain single-line scalar is found verbatim at its span. Anything else
 * (quoted escapes, folded lines) cannot give exact ranges and yields undefined.
 */
export function textMap(text: SectionText, document: string): TextMap | undefined {
  const value = text.value;
  const lineStarts = text.lineStarts;
  if (lineStarts && lineStarts.length > 0 && text.style === 'literal') {
    const valueLineStarts: number[] = [0];
    for (let i = 0; i < value.length; i++) if (value[i] === '\n') valueLineStarts.push(i + 1);
    const toDocument = (offset: number): number => {
      let lo = 0;
      let hi = valueLineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (valueLineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      const base = lineStarts[Math.min(lo, lineStarts.length - 1)];
      return base + (offset - valueLineStarts[lo]);
    };
    return { toDocument, span: (start, end) => ({ start: toDocument(start), end: toDocument(end) }) };
  }
  if (!value.includes('\n')) {
    const at = document.slice(text.span.start, text.span.end).indexOf(value);
    if (at >= 0 && value.length > 0) {
      const base = text.span.start + at;
      return { toDocument: (offset) => base + offset, span: (start, end) => ({ start: base + start, end: base + end }) };
    }
  }
  return undefined;
}
