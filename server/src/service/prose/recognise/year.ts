import { toAscii } from '../numbers';
import type { NumberToken } from '../numbers';
import type { Sentence } from '../sentences';
import type { ReaderState, YearMention, YearRole } from '../reading';

/**
 * Years (text/year): 2022 年收入总计 labels a figure with its year; 与 2021 年相比 is the year
 * compared with; 2021 年期末 / 截止 2021 年底 a holding at the end of a year; 2021 年结转 a
 * carry-over from it. A label year belongs to the figures of its clause, or of its sentence when
 * it opens it (2022年，…).
 */

const COMPARISON_BEFORE = /(?:与|比|较|同|对比)$/;
const STOCK_AFTER = /^(?:期末|年底|底|末|年末|12月31日)/;
const STOCK_BEFORE = /(?:截止|截至|截止到|截至到|至)$/;
const NUMBERING = /^[\s（(]*[0-9０-９一二三四五六七八九十]*[）)、.．]?\s*/;

/** A clause that opens with a year starts a new statement: …、政府性基金拨款收入 0 万元，2022 年本部门预算收入较上年…. */
export function yearOpensClause(state: ReaderState, token: NumberToken, sentence: Sentence): boolean {
  const from = state.tokens.clauseStart(token.start, sentence);
  return from > sentence.start && state.text.slice(from, token.start).trim() === '';
}

export function recogniseYear(state: ReaderState, token: NumberToken, sentence: Sentence): YearMention {
  const text = state.text;
  const year = Number(toAscii(token.text));
  const before = text.slice(Math.max(sentence.start, token.start - 6), token.start).replace(/[\s\u3000]+/g, '');
  const after = text.slice(token.unitEnd, token.unitEnd + 8).replace(/[\s\u3000]+/g, '');
  let role: YearRole = 'label';
  if (COMPARISON_BEFORE.test(before)) role = 'comparison';
  else if (STOCK_AFTER.test(after) || STOCK_BEFORE.test(before)) role = 'stock';
  else if (/^(?:度)?结转/.test(after)) role = 'carryover';
  return { token, year, role, items: [], changes: [], sentence };
}

/** The figures and changes a label year speaks of, once the section is read. */
export function attachYear(state: ReaderState, mention: YearMention): void {
  if (mention.role !== 'label') return;
  const text = state.text;
  const { token, sentence } = mention;
  const opensSentence = text.slice(sentence.start, token.start).replace(NUMBERING, '').trim() === '' && /^\s*(?:度)?[，,]/.test(text.slice(token.unitEnd));
  if (opensSentence) {
    mention.items.push(...state.items.filter((i) => i.sentence.index === sentence.index));
    mention.changes.push(...state.changes.filter((c) => c.sentence.index === sentence.index && !c.years.some((y) => y !== token)));
    return;
  }
  mention.items.push(...state.items.filter((i) => i.years.includes(token)));
  mention.changes.push(...state.changes.filter((c) => c.years.includes(token)));
}
