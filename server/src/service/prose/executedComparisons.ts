import type { NumberToken } from './numbers';
import type { Sentence } from './sentences';

/**
 * A comparison whose base is stated in the same sentence (上海 and others):
 *
 *   2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。
 *
 * The base (执行数), the current figure and the percentage are read together: the percentage is
 * checked against the two figures beside it, not against last year's budget. Pure text work.
 */
export interface ExecutedComparison {
  readonly base: NumberToken;
  readonly current: NumberToken;
  readonly pct?: NumberToken;
  /** 1 for 增加/增长, -1 for 减少/下降, 0 for 持平. */
  readonly direction: 1 | -1 | 0;
  /** The direction word as written (or 持平). */
  readonly word: string;
  /** Offsets of the word (for a 持平 without a percentage, the claim's place). */
  readonly wordStart: number;
  readonly wordEnd: number;
  readonly sentence: Sentence;
}

const SPACE = '[\\s\\u3000]*';
const BASE_LABEL = new RegExp(`执行数${SPACE}(?:为|是)?${SPACE}$`);
const CURRENT_LABEL = new RegExp(`(?:预算${SPACE}(?:安排|数|为)|安排)${SPACE}(?:为|是)?${SPACE}$`);
const PCT_LABEL = new RegExp(`执行数?${SPACE}(?:相比)?${SPACE}(增加|增长|上升|提高|减少|下降|降低)(?:了)?${SPACE}$`);
/** …，与2025年预算执行数持平 (no number between). */
const FLAT = new RegExp(`^[^0-9０-９。]*?执行数${SPACE}(?:相比)?${SPACE}持平`);

/** The comparisons of a section text and the tokens they take (read by nothing else). */
export function readExecutedComparisons(text: string, sentences: readonly Sentence[], tokens: readonly NumberToken[]): { comparisons: ExecutedComparison[]; taken: Set<number> } {
  const comparisons: ExecutedComparison[] = [];
  const taken = new Set<number>();
  for (const sentence of sentences) {
    const inSentence = tokens.filter((t) => t.start >= sentence.start && t.start < sentence.end);
    let base: NumberToken | undefined;
    let current: NumberToken | undefined;
    for (const token of inSentence) {
      const before = text.slice(Math.max(sentence.start, token.start - 24), token.start);
      if (token.kind === 'money' && BASE_LABEL.test(before)) {
        base = token;
        current = undefined;
        continue;
      }
      if (base && !current && token.kind === 'money' && CURRENT_LABEL.test(before)) {
        current = token;
        // 比2025年预算执行数持平: the comparison has no percentage.
        const flat = FLAT.exec(text.slice(token.unitEnd, sentence.end));
        if (flat) {
          const start = token.unitEnd + flat[0].length - 2;
          comparisons.push({ base, current, direction: 0, word: '持平', wordStart: start, wordEnd: start + 2, sentence });
          taken.add(base.index);
          taken.add(current.index);
          base = current = undefined;
        }
        continue;
      }
      if (base && current && token.kind === 'percent') {
        const word = PCT_LABEL.exec(before);
        if (!word) continue;
        const verb = word[1];
        const direction = /增加|增长|上升|提高/.test(verb) ? 1 : -1;
        const wordStart = token.start - before.length + word.index + word[0].indexOf(verb);
        comparisons.push({ base, current, pct: token, direction, word: verb, wordStart, wordEnd: wordStart + verb.length, sentence });
        taken.add(base.index);
        taken.add(current.index);
        taken.add(token.index);
        base = current = undefined;
      }
    }
  }
  return { comparisons, taken };
}
