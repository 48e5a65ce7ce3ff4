import { normalizeLabel } from './dictionary';
import type { Topic } from './dictionary';
import { readExecutedComparisons } from './executedComparisons';
import { tokenize } from './tokenizer';
import { ReaderState } from './reading';
import type { Reading } from './reading';
import { bareIsFigure, recogniseItem } from './recognise/amount';
import { closeListsAtBreak, closeListsWhere, joinList, recogniseList } from './recognise/parts';
import { changeTakingRate, directionWordBefore, recogniseDelta, recogniseFlat, recogniseRate, statedRate } from './recognise/change';
import { recogniseShare } from './recognise/share';
import { attachYear, recogniseYear, yearOpensClause } from './recognise/year';

/**
 * Reads one section's text as Chinese prose: which numbers are figures of the report, what
 * each one is labelled, which 其中 lists they form, which changes, shares and years they state.
 * The tokenizer (tokenizer.ts) gives the sentences, numbers and marks in text order; each mark
 * goes to the recogniser of its claim kind (recognise/: amount, count, share, change, parts,
 * year), which reads the words around it and the figures found before it (reading.ts).
 * Pure text work: nothing here looks at the tables.
 */

export type { Change, Direction, Enumeration, Item, List, Reading, Share, StatedChange, YearMention, YearRole } from './reading';

export function readSection(text: string, topic: Topic): Reading {
  const tokens = tokenize(text);
  const state = new ReaderState(tokens, topic);
  // Comparisons with their base in the same sentence take their numbers first.
  const { comparisons, taken } = readExecutedComparisons(text, tokens.sentences, tokens.numbers);
  const takenWords = new Set(comparisons.filter((c) => !c.pct).map((c) => c.wordStart));

  for (const mark of tokens.marks) {
    const sentence = tokens.sentenceAt(mark.at);
    if (mark.kind === 'sentence' || mark.kind === 'semicolon' || mark.kind === 'paren') {
      closeListsAtBreak(state, mark.kind, mark.at);
      continue;
    }
    if (!sentence) continue;
    if (mark.kind === 'opener') {
      const list = recogniseList(state, mark.at, mark.text!, sentence);
      if (list) {
        state.lists.push(list);
        state.open.push(list);
      }
      continue;
    }
    if (mark.kind === 'flat') {
      if (takenWords.has(mark.at)) continue;
      state.changes.push(recogniseFlat(state, mark.at, tokens.windowStart(mark.at, sentence), sentence));
      continue;
    }
    const token = mark.token!;
    if (taken.has(token.index)) continue;
    if (token.kind === 'year') {
      if (yearOpensClause(state, token, sentence)) closeListsWhere(state, token.start, (l) => l.sentence === sentence.index && l.closeOn !== 'section');
      state.years.push(recogniseYear(state, token, sentence));
      continue;
    }
    if (token.kind === 'code' || token.kind === 'ordinal' || token.kind === 'other') continue;
    const start = tokens.windowStart(token.start, sentence);
    const window = text.slice(start, token.start);
    const compact = normalizeLabel(window);
    const direction = directionWordBefore(compact);
    if (token.kind === 'percent') {
      const share = recogniseShare(state, token, compact, sentence);
      if (share) state.shares.push(share);
      else if (direction) {
        // The percentage of a change follows its Δ: 增加 203.20 万元，增长 62.33%.
        const rate = statedRate(token, direction[0]);
        const change = changeTakingRate(state, rate, sentence);
        if (change) change.rate = rate;
        else state.changes.push(recogniseRate(state, rate, start, sentence));
      } else state.stray.push(token);
      continue;
    }
    if (direction && (token.kind === 'money' || token.kind === 'bare')) {
      state.changes.push(recogniseDelta(state, token, start, window, direction[1], sentence));
      continue;
    }
    if (token.kind === 'bare' && !bareIsFigure(state, window)) continue;
    const item = recogniseItem(state, token, start, window, sentence);
    state.items.push(item);
    joinList(state, item);
  }
  for (const list of state.open) list.closeAt = text.length;
  for (const year of state.years) attachYear(state, year);
  return {
    text,
    topic,
    sentences: tokens.sentences,
    items: state.items,
    lists: state.lists.filter((l) => l.items.length > 0),
    changes: state.changes,
    shares: state.shares,
    years: state.years.filter((y) => y.role !== 'label' || y.items.length + y.changes.length > 0),
    stray: state.stray,
    comparisons,
  };
}
