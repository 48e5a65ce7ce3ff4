/** A sentence of a section's text: offsets in the text value, terminator included. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index of the line (paragraph) the sentence starts on. */
  readonly line: number;
}

const SENTENCE_END = /[。！？!?\n]/;

/** Sentences end at 。！？ and at line ends (one paragraph per line in the format). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let line = 0;
  let startLine = 0;
  const push = (end: number): void => {
    if (text.slice(start, end).trim().length > 0) sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), line: startLine });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (SENTENCE_END.test(c)) {
      push(c === '\n' ? i : i + 1);
      if (c === '\n') line++;
      start = i + 1;
      startLine = line;
    }
  }
  push(text.length);
  return sentences;
}

/** Characters that end a clause: a label never reaches back across them. */
export const CLAUSE_BREAK = /[，,；;：:。！？!?\n]/;

/** Offset just after the last clause break before `offset` (not before `floor`). */
export function clauseStart(text: string, offset: number, floor = 0): number {
  for (let i = offset - 1; i >= floor; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return floor;
}

/** Offset of the next clause break at or after `offset` (or the text end). */
export function clauseEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) if (CLAUSE_BREAK.test(text[i])) return i;
  return text.length;
}

export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
