import { findLabel } from '../dictionary';
import type { NumberToken } from '../numbers';
import type { Sentence } from '../sentences';
import { DIRECTION_AT_END, DIRECTION_WORD, directionOf } from '../tokenizer';
import type { Change, ReaderState, StatedChange } from '../reading';

/**
 * Changes (text/change): 比上年增加 Δ 万元，增长 p% · 与上年持平. One change claim holds the Δ, the
 * rate that follows it in its sentence, or the 持平, with the figure it speaks about: named in
 * the words before it, else the last amount of its sentence (or paragraph).
 */

/** The words naming what a 持平 compares, without the year compared with. */
const FLAT_SUBJECT_TAIL = /(?:与|较|同|和)?(?:上年|上一年|去年|\d{4}\s*年(?:度)?)(?:预算数?|同期)?$/;
const FLAT_SUBJECT_LINK = /(?:预算数?)?(?:与|较|同|和)$/;
/** The words naming what a Δ changes, without 比上年 (相比). */
const DELTA_SUBJECT_TAIL = /(?:比|较|与|同)(?:上年|上一年|去年|\d{4}\s*年(?:度)?)(?:预算数?|预算时|同期)?(?:相比)?$/;

/** The direction word at the end of the words before a number (增加, 下降了 …), if any. */
export function directionWordBefore(compactWindow: string): RegExpExecArray | null {
  return DIRECTION_AT_END.exec(compactWindow);
}

/** 持平 at `at` (`start`: where its words start). */
export function recogniseFlat(state: ReaderState, at: number, start: number, sentence: Sentence): Change {
  const window = state.text.slice(start, at).replace(FLAT_SUBJECT_TAIL, '').replace(FLAT_SUBJECT_LINK, '');
  const subjectMatch = findLabel(window, state.topic.scope, 'money');
  return {
    id: state.changes.length,
    flat: { start: at, end: at + 2, text: '持平' },
    subjectMatch,
    subjectItem: subjectMatch ? undefined : state.subjectFor(at, sentence),
    sentence,
    years: state.tokens.clauseYears(at, sentence),
  };
}

/** An amount after a direction word (增加 203.20 万元): the Δ of a change. `word` is the word as matched (增加, 减少 …). */
export function recogniseDelta(state: ReaderState, token: NumberToken, start: number, window: string, word: string, sentence: Sentence): Change {
  const text = state.text;
  const wordStart = start + window.lastIndexOf(word);
  const subjectWindow = text.slice(start, Math.max(start, wordStart)).replace(DELTA_SUBJECT_TAIL, '');
  const subjectMatch = findLabel(subjectWindow, state.topic.scope, 'money');
  return {
    id: state.changes.length,
    delta: { token, direction: directionOf(word), word },
    subjectMatch,
    subjectItem: subjectMatch ? undefined : state.subjectFor(token.start, sentence),
    sentence,
    years: state.tokens.clauseYears(token.start, sentence),
  };
}

/** A percentage after a direction word (增长 62.33%): the rate, with its verb. */
export function statedRate(token: NumberToken, words: string): StatedChange {
  const verb = DIRECTION_WORD.exec(words)?.[1] ?? words;
  return { token, direction: directionOf(verb), word: verb };
}

/** The change a rate completes: the last change of its sentence when it has a Δ, no rate yet, and no figure between. */
export function changeTakingRate(state: ReaderState, rate: StatedChange, sentence: Sentence): Change | undefined {
  const changes = state.changes;
  const change = changes[changes.length - 1];
  if (!change || change.sentence.index !== sentence.index) return undefined;
  return change.delta && !change.rate && !state.itemsBetween(change.delta.token.end, rate.token.start) ? change : undefined;
}

/** A rate stated alone (增长 5.20%): a change of its own. `start` is where its words start. */
export function recogniseRate(state: ReaderState, rate: StatedChange, start: number, sentence: Sentence): Change {
  const token = rate.token;
  const subjectWindow = state.text.slice(start, token.start).replace(DIRECTION_AT_END, '');
  const subjectMatch = findLabel(subjectWindow, state.topic.scope, 'money');
  return { id: state.changes.length, rate, subjectMatch, subjectItem: subjectMatch ? undefined : state.subjectFor(token.start, sentence), sentence, years: state.tokens.clauseYears(token.start, sentence) };
}
