import { toAscii } from '../numbers';
import type { NumberToken } from '../numbers';
import type { Sentence } from '../sentences';
import { findLabel } from '../dictionary';
import type { LabelMatch } from '../dictionary';
import { codeSystemOf } from '../figures';
import { functionLineBefore } from '../functionLines';
import type { Item, ReaderState } from '../reading';
import { countLabelAfter, enumerationAfter, isSubsetCount, subordinateUnits, unitClassOf } from './count';

/**
 * Amounts and counts (text/amount, text/count): a money number or a count with what names it —
 * a label of the dictionary in the words before it (or the noun after a count), a code in
 * brackets right before it, or the 功能分类 path of an item-by-item line.
 */

/** A bare number (no unit) is a figure only when words of the dictionary name it. */
export function bareIsFigure(state: ReaderState, window: string): boolean {
  return findLabel(window, state.topic.scope, 'money') !== undefined;
}

/** The figure a money number or count states; `start` is where its window (`window`) starts. */
export function recogniseItem(state: ReaderState, token: NumberToken, start: number, window: string, sentence: Sentence): Item {
  const text = state.text;
  const scope = state.topic.scope;
  const kind = token.kind === 'count' ? 'count' : 'money';
  const unitClass = unitClassOf(token);
  let match: LabelMatch | undefined;
  if (kind === 'count') match = countLabelAfter(state, token);
  // An item-by-item line names its amount by the 功能分类 path, not by a dictionary phrase.
  const functionLine = kind === 'money' ? functionLineBefore(text, state.tokens.clauseStart(token.start, sentence), token.start) : undefined;
  if (!functionLine) match = match ?? findLabel(window, scope, kind);
  match = subordinateUnits(state, match, token, sentence);
  const subset = kind === 'count' && isSubsetCount(state, token);
  const code = codeBefore(state, token, start);
  const item: Item = { id: state.items.length, kind, token, unitClass, match, code, functionLine, subset, window, sentence, years: state.tokens.clauseYears(token.start, sentence) };
  if (kind === 'count') item.enumeration = enumerationAfter(state, token, sentence);
  return item;
}

/** A code printed in brackets right before the number names the row: 行政运行（2101501）73.98. */
function codeBefore(state: ReaderState, token: NumberToken, start: number): Item['code'] {
  const previous = state.tokens.numbers[token.index - 1];
  const codeToken = previous && previous.kind === 'code' && previous.unitEnd <= token.start && state.text.slice(previous.unitEnd, token.start).trim() === '' ? previous : undefined;
  if (codeToken && codeToken.start >= start - 1) {
    const digits = toAscii(codeToken.text);
    const system = codeSystemOf(digits);
    if (system) return { code: digits, system };
  }
  return undefined;
}
