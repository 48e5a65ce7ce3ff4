import type { OffsetEdit } from '../findings';
import type { Span } from '../yaml/ast';

/**
 * A text under replacement of whole tokens, round after round: each replacement is kept in the
 * coordinates of the original text, so that the edits of every round add up to one set of
 * non-overlapping edits of the original (what an editor applies in one step). A token replaced
 * again in a later round keeps its original span and takes the new text.
 */
export class TrackedText {
  /** Non-overlapping, by start. */
  private readonly replacements: Array<{ start: number; end: number; text: string }> = [];
  private current: string;

  constructor(readonly original: string) {
    this.current = original;
  }

  get text(): string {
    return this.current;
  }

  /** The original span of a span of the current text (a replaced token maps to its whole original span). */
  toOriginal(span: Span): Span {
    return { start: this.mapOffset(span.start, 'start'), end: this.mapOffset(span.end, 'end') };
  }

  private mapOffset(offset: number, side: 'start' | 'end'): number {
    let delta = 0;
    for (const r of this.replacements) {
      const currentStart = r.start + delta;
      const currentEnd = currentStart + r.text.length;
      if (offset < currentStart) break;
      if (offset < currentEnd || (offset === currentEnd && side === 'end' && offset > currentStart)) return side === 'start' ? r.start : r.end;
      delta += r.text.length - (r.end - r.start);
    }
    return offset - delta;
  }

  /** The original text of a span of the original. */
  originalText(span: Span): string {
    return this.original.slice(span.start, span.end);
  }

  /** Applies edits given in current coordinates (non-overlapping); an edit across two replaced tokens is dropped. */
  apply(edits: readonly OffsetEdit[]): void {
    // Every edit is placed in the original before any is applied: the coordinates are those of
    // the text as it was when the edits were computed.
    const placed: Array<{ start: number; end: number; text: string }> = [];
    for (const edit of edits) {
      const span = this.toOriginal(edit.span);
      const existing = this.replacements.find((r) => r.start === span.start && r.end === span.end);
      if (this.replacements.some((r) => r !== existing && r.start < span.end && span.start < r.end)) continue;
      const currentStart = this.currentOffsetOf(span.start);
      const currentText = this.current.slice(currentStart, currentStart + (existing ? existing.text.length : span.end - span.start));
      const text = currentText.slice(0, edit.span.start - currentStart) + edit.newText + currentText.slice(edit.span.end - currentStart);
      if (placed.some((p) => p.start < span.end && span.start < p.end)) continue;
      placed.push({ start: span.start, end: span.end, text });
    }
    for (const p of placed) {
      const existing = this.replacements.find((r) => r.start === p.start && r.end === p.end);
      if (existing) existing.text = p.text;
      else this.replacements.push(p);
    }
    this.replacements.sort((a, b) => a.start - b.start);
    this.rebuild();
  }

  private currentOffsetOf(originalOffset: number): number {
    let delta = 0;
    for (const r of this.replacements) {
      if (r.start >= originalOffset) break;
      delta += r.text.length - (r.end - r.start);
    }
    return originalOffset + delta;
  }

  private rebuild(): void {
    let text = '';
    let last = 0;
    for (const r of this.replacements) {
      text += this.original.slice(last, r.start) + r.text;
      last = r.end;
    }
    this.current = text + this.original.slice(last);
  }

  /** The edits of the original that give the current text (replacements that changed nothing left out). */
  edits(): OffsetEdit[] {
    return this.replacements.filter((r) => this.original.slice(r.start, r.end) !== r.text).map((r) => ({ span: { start: r.start, end: r.end }, newText: r.text }));
  }
}
