import { figureDef, findLeadingLabel } from '../dictionary';
import type { LabelMatch } from '../dictionary';
import type { NumberToken } from '../numbers';
import type { Sentence } from '../sentences';
import type { Enumeration, ReaderState } from '../reading';

/**
 * Counts (text/count): what a count counts when its noun follows it (8个预算单位), whether it is
 * a part of all (2个预算单位开展了…), the units under the one speaking (下属1家预算单位), and the
 * names it counts when they follow (内设机构7个，包括：…).
 */

/** After a count and its noun: what they did, which makes them a part of all (2个预算单位开展了…). */
const SUBSET_AFTER = /^[\u4e00-\u9fa5]{0,8}?(?:开展|完成|编报|实施|参与|申报|填报|纳入|设置)/;
/** Before a count: the units under the one speaking (本部以及下属1家预算单位). */
const SUBORDINATE_BEFORE = /(?:下属|所属|下辖)[\s\u3000]*$/;
const ENUMERATION_OPENER = /^[，,：:]?(?:共有|共)?[，,]?(?:包括|主要是|主要有|分别是|分别为|具体是|是)[：:]?/;

/** The counter class of a number: money, or the counter of a count (台（套） and 台 and 套 taken as one). */
export function unitClassOf(token: NumberToken): string {
  if (token.kind !== 'count') return 'money';
  return /台|套/.test(token.counter ?? '') ? 'count:台套' : `count:${token.counter}`;
}

/** The figure a count names by the noun after it (8个预算单位), unless names follow (共有，包括…). */
export function countLabelAfter(state: ReaderState, token: NumberToken): LabelMatch | undefined {
  const text = state.text;
  const after = text.slice(token.unitEnd, Math.min(text.length, token.unitEnd + 12));
  if (/^[\u4e00-\u9fa5]/.test(after) && !ENUMERATION_OPENER.test(after)) return findLeadingLabel(after, state.topic.scope, 'count');
  return undefined;
}

/** 本部以及下属1家预算单位: the units under the 本部, one fewer than all. */
export function subordinateUnits(state: ReaderState, match: LabelMatch | undefined, token: NumberToken, sentence: Sentence): LabelMatch | undefined {
  if (match?.figure.id === 'units_count' && SUBORDINATE_BEFORE.test(state.text.slice(state.tokens.clauseStart(token.start, sentence), token.start))) {
    const subordinate = figureDef('subordinate_units');
    if (subordinate) return { ...match, figure: subordinate };
  }
  return match;
}

/** A count of those that did something: a part of its figure. */
export function isSubsetCount(state: ReaderState, token: NumberToken): boolean {
  return SUBSET_AFTER.test(state.text.slice(token.unitEnd, token.unitEnd + 16));
}

/** The names a count counts, when the sentence (or the next one on its line) lists them. */
export function enumerationAfter(state: ReaderState, token: NumberToken, sentence: Sentence): Enumeration | undefined {
  const text = state.text;
  let from = token.unitEnd;
  // 共有1项。主要是：…  — the list may open the next sentence.
  let rest = text.slice(from, sentence.end);
  const noun = /^[\u4e00-\u9fa5]{1,8}?(?=[，,：:]|$)/.exec(rest);
  if (noun && !ENUMERATION_OPENER.test(rest)) {
    from += noun[0].length;
    rest = text.slice(from, sentence.end);
  }
  if (rest.replace(/[。\s]/g, '') === '') {
    const next = state.tokens.sentences[sentence.index + 1];
    if (!next || next.line !== sentence.line) return undefined;
    from = next.start;
    rest = text.slice(next.start, next.end);
  }
  const opener = ENUMERATION_OPENER.exec(rest.replace(/^\s+/, ''));
  if (!opener) return undefined;
  const body = rest.replace(/^\s+/, '').slice(opener[0].length).replace(/[。\s]+$/, '');
  if (!body || /等等?$/.test(body)) return undefined;
  const numbered = body.match(/(?:^|[；;。])\s*[0-9０-９]+\s*[.．、](?![0-9０-９])/g);
  if (numbered && numbered.length > 0) return { names: numbered.map((m) => m.trim()), numbered: true };
  const names = body.replace(/[（(][^）)]*[）)]/g, '').split(/[、；;]/).map((n) => n.trim()).filter((n) => n.length > 0);
  return names.length > 0 ? { names, numbered: false } : undefined;
}
