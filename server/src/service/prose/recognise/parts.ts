import type { Sentence } from '../sentences';
import type { Item, List, ReaderState } from '../reading';

/**
 * Parts (text/parts): 其中 / 包括 / 如下 lists — a whole stated before the opener and the parts
 * of its kind stated after it, until the list ends (its sentence, a ；, a ）, or the section for
 * an opener that ends its line). Lists nest: 其中 inside a list details one of its parts.
 */

/** Ends a list and the lists open inside it. */
export function closeList(state: ReaderState, list: List, at: number): void {
  const open = state.open;
  const index = open.indexOf(list);
  if (index < 0) return;
  for (const l of open.splice(index)) l.closeAt = at;
}

/** Ends the open lists that satisfy `predicate`, innermost first. */
export function closeListsWhere(state: ReaderState, at: number, predicate: (l: List) => boolean): void {
  const open = state.open;
  for (let i = open.length - 1; i >= 0; i--) if (predicate(open[i])) closeList(state, open[i], at);
}

/** A break of the text ends the lists it closes: a sentence end all but a section's, a ；those that end on it, a ）the innermost bracketed one. */
export function closeListsAtBreak(state: ReaderState, kind: 'sentence' | 'semicolon' | 'paren', at: number): void {
  if (kind === 'sentence') closeListsWhere(state, at, (l) => l.closeOn !== 'section');
  else if (kind === 'semicolon') closeListsWhere(state, at, (l) => l.closeOn === 'semicolon');
  else {
    const innermost = state.open[state.open.length - 1];
    if (innermost && innermost.closeOn === 'paren') closeList(state, innermost, at);
  }
}

/** The innermost open list that takes parts of the item's kind gets it; the others end here. */
export function joinList(state: ReaderState, item: Item): void {
  const open = state.open;
  while (open.length > 0) {
    const innermost = open[open.length - 1];
    if (innermost.whole.unitClass === item.unitClass) {
      innermost.items.push(item);
      item.list = innermost;
      break;
    }
    closeList(state, innermost, item.token.start);
  }
}

/** An opener at `at`: the list of the figure stated before it (none when there is no such figure). */
export function recogniseList(state: ReaderState, at: number, opener: string, sentence: Sentence): List | undefined {
  const text = state.text;
  const open = state.open;
  const before = text.slice(sentence.start, at).replace(/^[\s（(]*[0-9０-９一二三四五六七八九十]*[）)、.．]?\s*/, '');
  const atSentenceStart = before.trim() === '';
  const lineStart = state.tokens.lineStartOf(at);
  let whole: Item | undefined;
  if (atSentenceStart) whole = state.lastItemBefore(at, lineStart) ?? (text.slice(lineStart, at).trim() === '' ? state.lastItemBefore(at, 0) : undefined);
  else whole = state.lastItemBefore(at, sentence.start);
  if (!whole) return undefined;
  const rest = text.slice(at + opener.length, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
  const parenthesised = /[（(]\s*$/.test(text.slice(Math.max(0, at - 2), at));
  const secondary = /包括/.test(opener);
  const closeOn: List['closeOn'] = rest.trim() === '' ? 'section' : parenthesised ? 'paren' : secondary ? 'semicolon' : 'sentence';
  let parent = open[open.length - 1];
  const afterSemicolon = /[；;]\s*[^，,：:；;]*$/.test(text.slice(parent?.openAt ?? 0, whole.token.start));
  if (parent && parent.items.includes(whole) && /^其中/.test(opener) && !parenthesised && parent.closeOn === 'sentence' && parent.sentence === sentence.index && !atSentenceStart && afterSemicolon) {
    // 编制 73 人，其中…；实有人员 61 人，其中…: a second statement, not a part of the first.
    parent.items.splice(parent.items.indexOf(whole), 1);
    whole.list = undefined;
    const grand = parent.parent;
    closeList(state, parent, at);
    parent = grand && open.includes(grand) ? grand : open[open.length - 1];
  }
  while (parent && !parent.items.includes(whole) && parent.whole !== whole && parent.closeOn !== 'section') {
    closeList(state, parent, at);
    parent = open[open.length - 1];
  }
  if (parent && parent.whole === whole) return undefined;
  // 其中 inside a list, mid-sentence, ends with the part it details: …517.20 万元，其中财政拨款 387.20 万元；政府性基金….
  const nestedCloseOn = closeOn === 'sentence' && parent?.items.includes(whole) && !atSentenceStart ? 'semicolon' : closeOn;
  return { id: state.lists.length, whole, opener, openAt: at, closeAt: text.length, closeOn: nestedCloseOn, sentence: sentence.index, parent, items: [] };
}
