import { findLabel } from '../dictionary';
import type { NumberToken } from '../numbers';
import type { Sentence } from '../sentences';
import type { ReaderState, Share } from '../reading';

/**
 * Shares (text/share): a percentage after 占 — 占 42.21% · 占全部项目预算的100%. The part is the
 * figure stated before it in its sentence; the whole is named after 占, or is the whole of the
 * list the part belongs to when 占 names none.
 */
export function recogniseShare(state: ReaderState, token: NumberToken, compactWindow: string, sentence: Sentence): Share | undefined {
  const share = /占(.*)$/.exec(compactWindow);
  if (!share) return undefined;
  const wholeWords = share[1].replace(/(?:的)?(?:比重|比例|份额)?(?:为|是)?$/, '').replace(/的$/, '');
  const part = state.lastItemBefore(token.start, sentence.start);
  const wholeMatch = wholeWords ? findLabel(wholeWords, state.topic.scope, part?.kind ?? 'money') : undefined;
  return { id: state.shares.length, token, part, wholeItem: wholeWords ? undefined : part?.list?.whole, wholeMatch, wholeWords, sentence };
}
