import { numberTokens, toAscii } from './numbers';
import type { NumberToken } from './numbers';
import { clauseStart, splitSentences, sentenceAt } from './sentences';
import type { Sentence } from './sentences';
import { figureDef, findLabel, findLeadingLabel, normalizeLabel } from './dictionary';
import type { LabelMatch, Topic } from './dictionary';
import { codeSystemOf } from './figures';
import type { CodeSystemKey } from './dictionary';
import { functionLineBefore } from './functionLines';
import type { FunctionLine } from './functionLines';
import { readExecutedComparisons } from './executedComparisons';
import type { ExecutedComparison } from './executedComparisons';

/**
 * Reads one section's text as Chinese prose: which numbers are figures of the report, what
 * each one is labelled, which 其中 lists they form, which changes, shares and years they state.
 * Pure text work: nothing here looks at the tables.
 */

/** A figure stated in the prose: a money amount or a count, with its label. */
export interface Item {
  readonly id: number;
  readonly kind: 'money' | 'count';
  readonly token: NumberToken;
  /** The counter of a count, 台（套） and 台 and 套 taken as one. */
  readonly unitClass: string;
  readonly match?: LabelMatch;
  readonly code?: { readonly code: string; readonly system: CodeSystemKey };
  /** The 功能分类 path that names the amount in an item-by-item list (公共安全支出（204类）司法（06款）…). */
  readonly functionLine?: FunctionLine;
  /** A count of those that did something (2个预算单位开展了…): a part of its figure, not all of it. */
  readonly subset?: boolean;
  /** The words before the number that name it. */
  readonly window: string;
  readonly sentence: Sentence;
  readonly years: NumberToken[];
  list?: List;
  enumeration?: Enumeration;
}

export interface Enumeration {
  readonly names: readonly string[];
  readonly numbered: boolean;
}

/** A 其中 / 包括 / 如下 list: a whole and the parts stated after it. */
export interface List {
  readonly id: number;
  readonly whole: Item;
  readonly opener: string;
  readonly openAt: number;
  closeAt: number;
  readonly closeOn: 'sentence' | 'semicolon' | 'paren' | 'section';
  readonly sentence: number;
  readonly parent?: List;
  readonly items: Item[];
}

export type Direction = 1 | -1 | 0;

/** 比上年增加 Δ 万元，增长 p% · 与上年持平. */
export interface Change {
  readonly id: number;
  readonly delta?: NumberToken;
  readonly deltaDirection: Direction;
  pct?: NumberToken;
  pctDirection: Direction;
  /** The words of a 持平 (no change). */
  readonly flat?: { readonly start: number; readonly end: number; readonly text: string };
  /** The direction words, for messages. */
  readonly deltaWord?: string;
  pctWord?: string;
  readonly subjectMatch?: LabelMatch;
  readonly subjectItem?: Item;
  readonly sentence: Sentence;
  readonly years: NumberToken[];
}

/** 占 42.21% · 占全部项目预算的100%. */
export interface Share {
  readonly id: number;
  readonly token: NumberToken;
  readonly part?: Item;
  readonly wholeItem?: Item;
  readonly wholeMatch?: LabelMatch;
  readonly wholeWords: string;
  readonly sentence: Sentence;
}

export type YearRole = 'label' | 'comparison' | 'stock' | 'carryover';

export interface YearMention {
  readonly token: NumberToken;
  readonly year: number;
  readonly role: YearRole;
  readonly items: Item[];
  readonly changes: Change[];
  readonly sentence: Sentence;
}

export interface Reading {
  readonly text: string;
  readonly topic: Topic;
  readonly sentences: readonly Sentence[];
  readonly items: readonly Item[];
  readonly lists: readonly List[];
  readonly changes: readonly Change[];
  readonly shares: readonly Share[];
  readonly years: readonly YearMention[];
  /** Percentages that are neither a share nor a change. */
  readonly stray: readonly NumberToken[];
  /** Comparisons with a base stated beside them (执行数为 A，预算安排 B，比执行数增加 C%). */
  readonly comparisons: readonly ExecutedComparison[];
}

const INCREASE = ['增加', '增长', '上升', '提高', '增幅', '增长率', '增'];
const DECREASE = ['减少', '下降', '降低', '减幅', '降幅', '下降率', '减'];
const DIRECTION_AT_END = /(增加|增长|上升|提高|增幅|增长率|减少|下降|降低|减幅|降幅|下降率|增|减)了?(?:约|为|是)?$/;
const OPENERS = /其中[：:，,]?|主要包括[：:]?|包括[：:]?|主要用于以下方面[：:]?|具体(?:支出)?情况如下[：:]?|(?:分别)?如下[：:]|主要是[：:]?/g;
const FLAT = /持平/g;
const COMPARISON_BEFORE = /(?:与|比|较|同|对比)$/;
const STOCK_AFTER = /^(?:期末|年底|底|末|年末|12月31日)/;
const STOCK_BEFORE = /(?:截止|截至|截止到|截至到|至)$/;
/** After a count and its noun: what they did, which makes them a part of all (2个预算单位开展了…). */
const SUBSET_AFTER = /^[\u4e00-\u9fa5]{0,8}?(?:开展|完成|编报|实施|参与|申报|填报|纳入|设置)/;
/** Before a count: the units under the one speaking (本部以及下属1家预算单位). */
const SUBORDINATE_BEFORE = /(?:下属|所属|下辖)[\s\u3000]*$/;
const ENUMERATION_OPENER = /^[，,：:]?(?:共有|共)?[，,]?(?:包括|主要是|主要有|分别是|分别为|具体是|是)[：:]?/;

function directionOf(word: string): Direction {
  if (INCREASE.some((w) => word.startsWith(w))) return 1;
  if (DECREASE.some((w) => word.startsWith(w))) return -1;
  return 0;
}

function unitClassOf(token: NumberToken): string {
  if (token.kind !== 'count') return 'money';
  return /台|套/.test(token.counter ?? '') ? 'count:台套' : `count:${token.counter}`;
}

interface Event {
  readonly at: number;
  readonly order: number;
  readonly kind: 'token' | 'opener' | 'flat' | 'semicolon' | 'paren' | 'sentence';
  readonly token?: NumberToken;
  readonly text?: string;
}

export function readSection(text: string, topic: Topic): Reading {
  const sentences = splitSentences(text);
  const tokens = numberTokens(text);
  const items: Item[] = [];
  const lists: List[] = [];
  const changes: Change[] = [];
  const shares: Share[] = [];
  const years: YearMention[] = [];
  const stray: NumberToken[] = [];
  const open: List[] = [];
  // Comparisons with their base in the same sentence take their numbers first.
  const { comparisons, taken } = readExecutedComparisons(text, sentences, tokens);
  const takenWords = new Set(comparisons.filter((c) => !c.pct).map((c) => c.wordStart));

  const events: Event[] = tokens.map((token) => ({ at: token.start, order: 2, kind: 'token', token }));
  for (const m of text.matchAll(OPENERS)) events.push({ at: m.index!, order: 1, kind: 'opener', text: m[0] });
  for (const m of text.matchAll(FLAT)) events.push({ at: m.index!, order: 2, kind: 'flat', text: m[0] });
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '；' || c === ';') events.push({ at: i, order: 0, kind: 'semicolon' });
    else if (c === '）' || c === ')') events.push({ at: i, order: 0, kind: 'paren' });
    else if (c === '。' || c === '\n' || c === '！' || c === '？') events.push({ at: i, order: 0, kind: 'sentence' });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  const openerEvents = events.filter((e) => e.kind === 'opener');
  /** Index of the last token starting before `offset` (tokens are in text order). */
  const lastTokenBefore = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  /** Start of the words that belong to a number at `offset`: after the last break, number or opener. */
  const windowStart = (offset: number, sentence: Sentence): number => {
    let start = clauseStart(text, offset, sentence.start);
    for (let i = lastTokenBefore(offset); i >= 0 && tokens[i].unitEnd > start; i--) {
      const t = tokens[i];
      if (t.unitEnd <= offset && t.kind !== 'code' && t.kind !== 'year') {
        start = t.unitEnd;
        break;
      }
    }
    for (let i = openerEvents.length - 1; i >= 0; i--) {
      const o = openerEvents[i];
      if (o.at >= offset) continue;
      if (o.at < start) break;
      start = Math.max(start, Math.min(offset, o.at + (o.text?.length ?? 0)));
      break;
    }
    return start;
  };
  const yearsIn = (from: number, to: number): NumberToken[] => {
    const found: NumberToken[] = [];
    for (let i = lastTokenBefore(to); i >= 0 && tokens[i].start >= from; i--) if (tokens[i].kind === 'year') found.unshift(tokens[i]);
    return found;
  };

  const close = (list: List, at: number): void => {
    const index = open.indexOf(list);
    if (index < 0) return;
    for (const l of open.splice(index)) l.closeAt = at;
  };
  const closeWhere = (at: number, predicate: (l: List) => boolean): void => {
    for (let i = open.length - 1; i >= 0; i--) if (predicate(open[i])) close(open[i], at);
  };
  const lastItemBefore = (offset: number, from: number): Item | undefined => {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (item.token.start < from) return undefined;
      if (item.token.start < offset) return item;
    }
    return undefined;
  };
  const lineStartOf = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

  for (const event of events) {
    const sentence = sentenceAt(sentences, event.at);
    if (event.kind === 'sentence') {
      closeWhere(event.at, (l) => l.closeOn !== 'section');
      continue;
    }
    if (event.kind === 'semicolon') {
      closeWhere(event.at, (l) => l.closeOn === 'semicolon');
      continue;
    }
    if (event.kind === 'paren') {
      const innermost = open[open.length - 1];
      if (innermost && innermost.closeOn === 'paren') close(innermost, event.at);
      continue;
    }
    if (!sentence) continue;
    if (event.kind === 'opener') {
      openList(event.at, event.text!, sentence);
      continue;
    }
    if (event.kind === 'flat') {
      if (takenWords.has(event.at)) continue;
      const start = windowStart(event.at, sentence);
      const window = text.slice(start, event.at).replace(/(?:与|较|同|和)?(?:上年|上一年|去年|\d{4}\s*年(?:度)?)(?:预算数?|同期)?$/, '').replace(/(?:预算数?)?(?:与|较|同|和)$/, '');
      const subjectMatch = findLabel(window, topic.scope, 'money');
      changes.push({
        id: changes.length,
        deltaDirection: 0,
        pctDirection: 0,
        flat: { start: event.at, end: event.at + 2, text: '持平' },
        subjectMatch,
        subjectItem: subjectMatch ? undefined : subjectFor(event.at, sentence),
        sentence,
        years: yearsIn(clauseStart(text, event.at, sentence.start), event.at),
      });
      continue;
    }
    const token = event.token!;
    if (taken.has(token.index)) continue;
    if (token.kind === 'year') {
      readYear(token, sentence);
      continue;
    }
    if (token.kind === 'code' || token.kind === 'ordinal' || token.kind === 'other') continue;
    const start = windowStart(token.start, sentence);
    const window = text.slice(start, token.start);
    const compact = normalizeLabel(window);
    const direction = DIRECTION_AT_END.exec(compact);
    if (token.kind === 'percent') {
      const share = /占(.*)$/.exec(compact);
      if (share) {
        const wholeWords = share[1].replace(/(?:的)?(?:比重|比例|份额)?(?:为|是)?$/, '').replace(/的$/, '');
        const part = lastItemBefore(token.start, sentence.start);
        const wholeMatch = wholeWords ? findLabel(wholeWords, topic.scope, part?.kind ?? 'money') : undefined;
        shares.push({ id: shares.length, token, part, wholeItem: wholeWords ? undefined : part?.list?.whole, wholeMatch, wholeWords, sentence });
        continue;
      }
      if (direction) {
        attachPercent(token, direction[0], start, sentence);
        continue;
      }
      stray.push(token);
      continue;
    }
    if (direction && (token.kind === 'money' || token.kind === 'bare')) {
      const wordStart = start + window.lastIndexOf(direction[1]);
      const subjectWindow = text.slice(start, Math.max(start, wordStart)).replace(/(?:比|较|与|同)(?:上年|上一年|去年|\d{4}\s*年(?:度)?)(?:预算数?|预算时|同期)?(?:相比)?$/, '');
      const subjectMatch = findLabel(subjectWindow, topic.scope, 'money');
      changes.push({
        id: changes.length,
        delta: token,
        deltaDirection: directionOf(direction[1]),
        deltaWord: direction[1],
        pctDirection: 0,
        subjectMatch,
        subjectItem: subjectMatch ? undefined : subjectFor(token.start, sentence),
        sentence,
        years: yearsIn(clauseStart(text, token.start, sentence.start), token.start),
      });
      continue;
    }
    if (token.kind === 'bare') {
      const match = findLabel(window, topic.scope, 'money');
      if (!match) continue;
    }
    readItem(token, start, window, sentence);
  }
  for (const list of open) list.closeAt = text.length;
  for (const year of years) attachYear(year);
  return { text, topic, sentences, items, lists: lists.filter((l) => l.items.length > 0), changes, shares, years: years.filter((y) => y.role !== 'label' || y.items.length + y.changes.length > 0), stray, comparisons };

  function readItem(token: NumberToken, start: number, window: string, sentence: Sentence): void {
    const kind = token.kind === 'count' ? 'count' : 'money';
    const unitClass = unitClassOf(token);
    let match: LabelMatch | undefined;
    if (kind === 'count') {
      const after = text.slice(token.unitEnd, Math.min(text.length, token.unitEnd + 12));
      if (/^[\u4e00-\u9fa5]/.test(after) && !ENUMERATION_OPENER.test(after)) match = findLeadingLabel(after, topic.scope, 'count');
    }
    // An item-by-item line names its amount by the 功能分类 path, not by a dictionary phrase.
    const functionLine = kind === 'money' ? functionLineBefore(text, clauseStart(text, token.start, sentence.start), token.start) : undefined;
    if (!functionLine) match = match ?? findLabel(window, topic.scope, kind);
    // 本部以及下属1家预算单位: the units under the 本部, one fewer than all.
    if (match?.figure.id === 'units_count' && SUBORDINATE_BEFORE.test(text.slice(clauseStart(text, token.start, sentence.start), token.start))) {
      const subordinate = figureDef('subordinate_units');
      if (subordinate) match = { ...match, figure: subordinate };
    }
    const subset = kind === 'count' && SUBSET_AFTER.test(text.slice(token.unitEnd, token.unitEnd + 16));
    // A code printed in brackets right before the number names the row: 行政运行（2101501）73.98.
    let code: Item['code'];
    const previous = tokens[token.index - 1];
    const codeToken = previous && previous.kind === 'code' && previous.unitEnd <= token.start && text.slice(previous.unitEnd, token.start).trim() === '' ? previous : undefined;
    if (codeToken && codeToken.start >= start - 1) {
      const digits = toAscii(codeToken.text);
      const system = codeSystemOf(digits);
      if (system) code = { code: digits, system };
    }
    const item: Item = { id: items.length, kind, token, unitClass, match, code, functionLine, subset, window, sentence, years: yearsIn(clauseStart(text, token.start, sentence.start), token.start) };
    items.push(item);
    // The innermost open list that takes parts of this kind gets it; others end here.
    while (open.length > 0) {
      const innermost = open[open.length - 1];
      if (innermost.whole.unitClass === unitClass) {
        innermost.items.push(item);
        item.list = innermost;
        break;
      }
      close(innermost, token.start);
    }
    if (kind === 'count') item.enumeration = enumerationAfter(token, sentence);
  }

  function openList(at: number, opener: string, sentence: Sentence): void {
    const before = text.slice(sentence.start, at).replace(/^[\s（(]*[0-9０-９一二三四五六七八九十]*[）)、.．]?\s*/, '');
    const atSentenceStart = before.trim() === '';
    const lineStart = lineStartOf(at);
    let whole: Item | undefined;
    if (atSentenceStart) whole = lastItemBefore(at, lineStart) ?? (text.slice(lineStart, at).trim() === '' ? lastItemBefore(at, 0) : undefined);
    else whole = lastItemBefore(at, sentence.start);
    if (!whole) return;
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
      close(parent, at);
      parent = grand && open.includes(grand) ? grand : open[open.length - 1];
    }
    while (parent && !parent.items.includes(whole) && parent.whole !== whole && parent.closeOn !== 'section') {
      close(parent, at);
      parent = open[open.length - 1];
    }
    if (parent && parent.whole === whole) return;
    // 其中 inside a list, mid-sentence, ends with the part it details: …517.20 万元，其中财政拨款 387.20 万元；政府性基金….
    const nestedCloseOn = closeOn === 'sentence' && parent?.items.includes(whole) && !atSentenceStart ? 'semicolon' : closeOn;
    const list: List = { id: lists.length, whole, opener, openAt: at, closeAt: text.length, closeOn: nestedCloseOn, sentence: sentence.index, parent, items: [] };
    lists.push(list);
    open.push(list);
  }

  /** The figure a change without its own label speaks about: the last amount of its sentence, else of its paragraph. */
  function subjectFor(offset: number, sentence: Sentence): Item | undefined {
    const inSentence = lastItemBefore(offset, sentence.start);
    if (inSentence && inSentence.kind === 'money') return inSentence;
    const inLine = lastItemBefore(offset, lineStartOf(offset));
    return inLine && inLine.kind === 'money' ? inLine : undefined;
  }

  function attachPercent(token: NumberToken, word: string, start: number, sentence: Sentence): void {
    const verb = /(增加|增长|上升|提高|增幅|增长率|减少|下降|降低|减幅|降幅|下降率|增|减)/.exec(word)?.[1] ?? word;
    const direction = directionOf(verb);
    // The percentage of a change follows its Δ: 增加 203.20 万元，增长 62.33%.
    for (let i = changes.length - 1; i >= 0; i--) {
      const change = changes[i];
      if (change.sentence.index !== sentence.index) break;
      if (change.delta && !change.pct && !itemsBetween(change.delta.end, token.start)) {
        change.pct = token;
        change.pctDirection = direction;
        change.pctWord = verb;
        return;
      }
      break;
    }
    const subjectWindow = text.slice(start, token.start).replace(DIRECTION_AT_END, '');
    const subjectMatch = findLabel(subjectWindow, topic.scope, 'money');
    changes.push({ id: changes.length, deltaDirection: 0, pct: token, pctDirection: direction, pctWord: verb, subjectMatch, subjectItem: subjectMatch ? undefined : subjectFor(token.start, sentence), sentence, years: yearsIn(clauseStart(text, token.start, sentence.start), token.start) });
  }

  function itemsBetween(from: number, to: number): boolean {
    return items.some((i) => i.token.start >= from && i.token.start < to);
  }

  function readYear(token: NumberToken, sentence: Sentence): void {
    const year = Number(toAscii(token.text));
    // A clause that opens with a year starts a new statement: …、政府性基金拨款收入 0 万元，2022 年本部门预算收入较上年….
    const from = clauseStart(text, token.start, sentence.start);
    if (from > sentence.start && text.slice(from, token.start).trim() === '') closeWhere(token.start, (l) => l.sentence === sentence.index && l.closeOn !== 'section');
    const before = text.slice(Math.max(sentence.start, token.start - 6), token.start).replace(/[\s\u3000]+/g, '');
    const after = text.slice(token.unitEnd, token.unitEnd + 8).replace(/[\s\u3000]+/g, '');
    let role: YearRole = 'label';
    if (COMPARISON_BEFORE.test(before)) role = 'comparison';
    else if (STOCK_AFTER.test(after) || STOCK_BEFORE.test(before)) role = 'stock';
    else if (/^(?:度)?结转/.test(after)) role = 'carryover';
    years.push({ token, year, role, items: [], changes: [], sentence });
  }

  /** A label year belongs to the figures of its clause, or of its sentence when it opens it (2022年，…). */
  function attachYear(mention: YearMention): void {
    if (mention.role !== 'label') return;
    const { token, sentence } = mention;
    const opensSentence = text.slice(sentence.start, token.start).replace(/^[\s（(]*[0-9０-９一二三四五六七八九十]*[）)、.．]?\s*/, '').trim() === '' && /^\s*(?:度)?[，,]/.test(text.slice(token.unitEnd));
    if (opensSentence) {
      mention.items.push(...items.filter((i) => i.sentence.index === sentence.index));
      mention.changes.push(...changes.filter((c) => c.sentence.index === sentence.index && !c.years.some((y) => y !== token)));
      return;
    }
    mention.items.push(...items.filter((i) => i.years.includes(token)));
    mention.changes.push(...changes.filter((c) => c.years.includes(token)));
  }

  function enumerationAfter(token: NumberToken, sentence: Sentence): Enumeration | undefined {
    let from = token.unitEnd;
    // 共有1项。主要是：…  — the list may open the next sentence.
    let rest = text.slice(from, sentence.end);
    const noun = /^[\u4e00-\u9fa5]{1,8}?(?=[，,：:]|$)/.exec(rest);
    if (noun && !ENUMERATION_OPENER.test(rest)) {
      from += noun[0].length;
      rest = text.slice(from, sentence.end);
    }
    if (rest.replace(/[。\s]/g, '') === '') {
      const next = sentences[sentence.index + 1];
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
}

