import type { MoneyUnit } from '../amount/units';
import { isTableKey } from '../model/tableDefs';
import { isListSource } from './listSources';
import type { AmountStyle, DirectionWords, PercentStyle } from './numberFormat';
import type { FigureDef, KeepDef, ListTemplate, NarrativeTemplate, ParagraphTemplate, Phrase, Segment, SectionTemplate } from './templateTypes';

/**
 * Templates are data (data/templates/*.json); this module turns one into a small typed tree when
 * it is loaded, so that nothing at render time interprets strings: every placeholder, condition,
 * figure, list, phrase and kept-clause kind is looked up here, and anything unknown is an error
 * of the template (a test compiles every bundled template) — never text echoed into a report and
 * never a condition that is silently false.
 */

/** Names the report supplies (the department, the years). */
export type NameToken = 'subject' | 'department' | 'departmentShort' | 'year' | 'prevYear';
/** Values of a change phrase. */
export type ChangeValue = 'dir' | 'pdir' | 'delta' | 'pct' | 'a' | 'missing' | 'base';

export type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'name'; readonly name: NameToken }
  /** {a:F}: figure F; {a} in a list item: the item's amount. */
  | { readonly kind: 'amount'; readonly figure?: string }
  | { readonly kind: 'count'; readonly figure: string }
  /** {p:A/B}; {p} in a list item: the item's share of the list's whole. */
  | { readonly kind: 'share'; readonly part?: string; readonly whole?: string }
  | { readonly kind: 'index' }
  /** {name} the item's name; {name:1}…{name:3} the name of its 类/款/项. */
  | { readonly kind: 'itemName'; readonly level?: number }
  /** {code} the item's code; {code:1}…{code:3} the digits of its 类/款/项 (204, 06, 01). */
  | { readonly kind: 'itemCode'; readonly level?: number }
  /** {chg:F:P}; {chg:P} in a list item. `executed`: against last year's 执行数 ({exe:P}). */
  | { readonly kind: 'change'; readonly figure?: string; readonly phrase: string; readonly executed: boolean }
  /** {keep:K} / {reason}: the author's clause, or the kind's default. {opt:K:LEAD}: LEAD + the clause, or nothing. */
  | { readonly kind: 'keep'; readonly keep: string; readonly optional: boolean; readonly lead: string }
  | { readonly kind: 'value'; readonly name: ChangeValue }
  /** {id} in the placeholder of a missing previous figure. */
  | { readonly kind: 'previousKey' };

export type Text = readonly Token[];

export type ConditionTest = 'zero' | 'nonzero' | 'has' | '!has' | 'previous' | '!previous' | 'changed' | '!changed' | 'table' | '!table' | 'kind';

export interface Condition {
  readonly test: ConditionTest;
  readonly id: string;
}

export interface CompiledSegment {
  readonly kind: 'segment';
  readonly text: Text;
  /** All must hold (`a,b`). */
  readonly when?: readonly Condition[];
  readonly else?: Text;
  readonly optional: boolean;
  readonly boilerplate: boolean;
}

export interface CompiledList {
  readonly kind: 'list';
  readonly list: string;
  readonly item: Text;
  readonly join: string;
  readonly end: string;
  readonly items?: ReadonlyArray<{ readonly label: string; readonly figure: string; readonly when?: readonly Condition[] }>;
  readonly shareOf?: string;
  readonly when?: readonly Condition[];
}

export type CompiledPart = CompiledSegment | CompiledList;

export interface CompiledPhrase {
  readonly changed: Text;
  readonly zeroBase?: Text;
  readonly flat: Text;
  readonly missing: Text;
}

export interface CompiledSection {
  readonly topic: string;
  readonly amount: AmountStyle;
  readonly percent: PercentStyle;
  readonly paragraphs: ReadonlyArray<readonly CompiledPart[]>;
  /** Literal words of the section (boilerplate left out) and of `replaces`: what “template-like” is measured against. */
  readonly fragments: readonly string[];
}

export interface CompiledTemplate {
  readonly id: string;
  readonly amount: AmountStyle;
  readonly percent: PercentStyle;
  readonly zeroBasePercent: string;
  readonly words: DirectionWords;
  readonly subject: { readonly unit: Text; readonly department: Text };
  readonly placeholders: { readonly reason: string; readonly previous: Text; readonly previousFixed: string };
  readonly figures: Readonly<Record<string, FigureDef>>;
  readonly keeps: Readonly<Record<string, KeepDef>>;
  readonly phrases: Readonly<Record<string, CompiledPhrase>>;
  readonly sections: readonly CompiledSection[];
}

export interface CommonTemplateData {
  readonly figures: Readonly<Record<string, FigureDef>>;
  readonly keeps: Readonly<Record<string, KeepDef>>;
  readonly topics: ReadonlySet<string>;
}

export class TemplateCompileError extends Error {
  constructor(readonly template: string, readonly problems: readonly string[]) {
    super(`${template}: ${problems.join('; ')}`);
  }
}

const PLACEHOLDER = /\{([a-zA-Z]+)(?::([^{}]*))?\}/g;
const NAMES: ReadonlySet<string> = new Set<NameToken>(['subject', 'department', 'departmentShort', 'year', 'prevYear']);
const VALUES: ReadonlySet<string> = new Set<ChangeValue>(['dir', 'pdir', 'delta', 'pct', 'a', 'missing', 'base']);
const TESTS: ReadonlySet<string> = new Set<ConditionTest>(['zero', 'nonzero', 'has', '!has', 'previous', '!previous', 'changed', '!changed', 'table', '!table', 'kind']);
const UNITS: ReadonlySet<string> = new Set<MoneyUnit>(['万元', '元']);

/** Where a text stands: what its placeholders may be. */
type Place = 'section' | 'item' | 'phrase' | 'itemPhrase' | 'subject' | 'previousPlaceholder';

/**
 * Compiles a template; throws TemplateCompileError listing every problem (unknown placeholder,
 * condition, figure, list, phrase or kept-clause kind, a figure definition naming an unknown
 * table, a literal unit after an amount that is not the template's text unit).
 */
export function compileTemplate(source: NarrativeTemplate, common: CommonTemplateData): CompiledTemplate {
  const problems: string[] = [];
  const id = typeof source?.id === 'string' && source.id ? source.id : '(no id)';
  const figures: Record<string, FigureDef> = { ...common.figures, ...(source.figures ?? {}) };
  const keeps: Record<string, KeepDef> = { ...common.keeps, ...(source.keeps ?? {}) };
  const phraseIds = new Set(Object.keys(source.phrases ?? {}));
  const amount = source.amount;
  const unit = amount?.unit ?? '万元';

  const fail = (where: string, message: string): void => {
    problems.push(`${where}: ${message}`);
  };

  for (const [figureId, def] of Object.entries(figures)) checkFigure(figureId, def, figures, (m) => fail(`figures.${figureId}`, m));
  for (const [kind, def] of Object.entries(keeps)) {
    if (!Array.isArray(def?.markers) || def.markers.length === 0 || def.markers.some((m) => typeof m !== 'string' || !m)) fail(`keeps.${kind}`, 'markers must be a list of words');
  }
  if (!amount || typeof amount.decimals !== 'number' || typeof amount.trim !== 'boolean' || typeof amount.thousands !== 'boolean') fail('amount', 'needs decimals, trim and thousands');
  if (!UNITS.has(unit)) fail('amount.unit', `unknown unit ${unit} (万元 or 元)`);
  if (!source.percent || typeof source.percent.decimals !== 'number' || typeof source.percent.trim !== 'boolean') fail('percent', 'needs decimals and trim');
  for (const word of ['amountUp', 'amountDown', 'percentUp', 'percentDown', 'flat'] as const) {
    if (typeof source.words?.[word] !== 'string' || !source.words[word]) fail(`words.${word}`, 'missing');
  }
  if (typeof source.zeroBasePercent !== 'string') fail('zeroBasePercent', 'missing');
  if (typeof source.placeholders?.reason !== 'string' || typeof source.placeholders?.previous !== 'string') fail('placeholders', 'needs reason and previous');

  const compileText = (text: unknown, place: Place, where: string, textUnit: string = unit): Text => {
    if (typeof text !== 'string') {
      fail(where, 'not a text');
      return [];
    }
    const tokens: Token[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const at = match.index ?? 0;
      if (at > last) tokens.push({ kind: 'text', text: text.slice(last, at) });
      last = at + match[0].length;
      const token = placeholder(match[1], match[2] === undefined ? [] : match[2].split(':'), place, (m) => fail(where, `${match[0]}: ${m}`));
      if (token) tokens.push(token);
    }
    if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
    // What is left of a placeholder after the pattern (a brace) is a typo of one.
    for (const token of tokens) if (token.kind === 'text' && /[{}]/.test(token.text)) fail(where, `unmatched brace in "${token.text}"`);
    tokens.forEach((token, index) => {
      if (token.kind !== 'amount' && !(token.kind === 'value' && (token.name === 'a' || token.name === 'delta' || token.name === 'base'))) return;
      const next = tokens[index + 1];
      if (next?.kind !== 'text') return;
      const printed = /^(万元|元)/.exec(next.text)?.[1];
      if (printed && printed !== textUnit) fail(where, `the amount is printed in ${printed} but the text unit is ${textUnit}`);
    });
    return tokens;
  };

  const placeholder = (name: string, args: readonly string[], place: Place, problem: (message: string) => void): Token | undefined => {
    const inItem = place === 'item' || place === 'itemPhrase';
    const inPhrase = place === 'phrase' || place === 'itemPhrase';
    const figure = (figureId: string | undefined): string | undefined => {
      if (!figureId) return problem('names no figure'), undefined;
      if (!figures[figureId]) return problem(`unknown figure ${figureId}`), undefined;
      return figureId;
    };
    const phrase = (phraseId: string | undefined): string | undefined => {
      if (!phraseId) return problem('names no phrase'), undefined;
      if (!phraseIds.has(phraseId)) return problem(`unknown phrase ${phraseId}`), undefined;
      return phraseId;
    };
    const keep = (kind: string | undefined): string | undefined => {
      if (!kind) return problem('names no kept clause'), undefined;
      if (!keeps[kind]) return problem(`unknown kept clause ${kind}`), undefined;
      return kind;
    };
    if (place === 'subject') {
      if ((name === 'department' || name === 'departmentShort') && args.length === 0) return { kind: 'name', name };
      return problem('only {department} and {departmentShort} may stand in the subject'), undefined;
    }
    if (place === 'previousPlaceholder') {
      if (name === 'id' && args.length === 0) return { kind: 'previousKey' };
      return problem('only {id} may stand in this placeholder'), undefined;
    }
    if (NAMES.has(name)) {
      if (args.length > 0) return problem('takes no argument'), undefined;
      return { kind: 'name', name: name as NameToken };
    }
    if (inPhrase && VALUES.has(name) && args.length === 0) return { kind: 'value', name: name as ChangeValue };
    switch (name) {
      case 'a':
        if (args.length === 0) return inItem ? { kind: 'amount' } : (problem('{a} without a figure stands only in a list item'), undefined);
        if (args.length !== 1) return problem('takes one figure'), undefined;
        return figure(args[0]) ? { kind: 'amount', figure: args[0] } : undefined;
      case 'n':
        if (args.length !== 1) return problem('takes one figure'), undefined;
        return figure(args[0]) ? { kind: 'count', figure: args[0] } : undefined;
      case 'p': {
        if (args.length === 0) return inItem ? { kind: 'share' } : (problem('{p} without figures stands only in a list item'), undefined);
        const [part, whole, ...rest] = (args[0] ?? '').split('/');
        if (args.length !== 1 || rest.length > 0 || !whole) return problem('takes PART/WHOLE'), undefined;
        return figure(part) && figure(whole) ? { kind: 'share', part, whole } : undefined;
      }
      case 'i':
        return inItem && args.length === 0 ? { kind: 'index' } : (problem('stands only in a list item'), undefined);
      case 'name':
      case 'code': {
        if (!inItem) return problem('stands only in a list item'), undefined;
        const level = args.length === 0 ? undefined : Number(args[0]);
        if (args.length > 1 || (level !== undefined && ![1, 2, 3].includes(level))) return problem('takes no argument or a level 1–3'), undefined;
        return { kind: name === 'name' ? 'itemName' : 'itemCode', level };
      }
      case 'chg':
      case 'exe': {
        if (inPhrase) return problem('a change cannot stand in a change phrase'), undefined;
        if (name === 'exe' && !inItem) return problem('{exe:PHRASE} stands only in a list item'), undefined;
        if (inItem && args.length === 1) return phrase(args[0]) ? { kind: 'change', phrase: args[0], executed: name === 'exe' } : undefined;
        if (name === 'chg' && args.length === 2) return figure(args[0]) && phrase(args[1]) ? { kind: 'change', figure: args[0], phrase: args[1], executed: false } : undefined;
        return problem(inItem ? 'takes a phrase' : 'takes FIGURE:PHRASE'), undefined;
      }
      case 'reason':
        if (args.length > 0) return problem('takes no argument'), undefined;
        return keep('reason') ? { kind: 'keep', keep: 'reason', optional: false, lead: '' } : undefined;
      case 'keep':
        if (args.length !== 1) return problem('takes one kept-clause kind'), undefined;
        return keep(args[0]) ? { kind: 'keep', keep: args[0], optional: false, lead: '' } : undefined;
      case 'opt':
        if (args.length < 1 || args.length > 2) return problem('takes KIND or KIND:LEAD'), undefined;
        return keep(args[0]) ? { kind: 'keep', keep: args[0], optional: true, lead: args[1] ?? '' } : undefined;
      default:
        return problem(inPhrase || VALUES.has(name) ? `unknown placeholder${VALUES.has(name) ? ' outside a change phrase' : ''}` : 'unknown placeholder'), undefined;
    }
  };

  const conditions = (condition: unknown, where: string): Condition[] | undefined => {
    if (condition === undefined) return undefined;
    if (typeof condition !== 'string' || !condition.trim()) {
      fail(where, 'a condition must be a text');
      return undefined;
    }
    const result: Condition[] = [];
    for (const part of condition.split(',').map((p) => p.trim())) {
      const colon = part.indexOf(':');
      const test = colon < 0 ? part : part.slice(0, colon);
      const value = colon < 0 ? '' : part.slice(colon + 1);
      if (!TESTS.has(test)) {
        fail(where, `unknown condition ${part}`);
        continue;
      }
      if (test === 'table' || test === '!table') {
        if (!isTableKey(value)) fail(where, `unknown table ${value} in ${part}`);
      } else if (test === 'kind') {
        if (value !== 'unit' && value !== 'department') fail(where, `kind is unit or department, not ${value}`);
      } else if (!figures[value]) fail(where, `unknown figure ${value} in ${part}`);
      result.push({ test: test as ConditionTest, id: value });
    }
    return result;
  };

  const phrases: Record<string, CompiledPhrase> = {};
  for (const [phraseId, phrase] of Object.entries(source.phrases ?? {}) as Array<[string, Phrase]>) {
    const where = `phrases.${phraseId}`;
    // A phrase used in a list item may name the item; the places are told apart when rendered.
    const place: Place = 'itemPhrase';
    phrases[phraseId] = {
      changed: compileText(phrase?.changed, place, `${where}.changed`),
      zeroBase: phrase?.zeroBase === undefined ? undefined : compileText(phrase.zeroBase, place, `${where}.zeroBase`),
      flat: compileText(phrase?.flat, place, `${where}.flat`),
      missing: compileText(phrase?.missing, place, `${where}.missing`),
    };
  }

  const sections: CompiledSection[] = [];
  const seenTopics = new Set<string>();
  (Array.isArray(source.sections) ? source.sections : []).forEach((section: SectionTemplate, s) => {
    const where = `sections[${s}] (${section?.topic ?? '?'})`;
    if (!section || typeof section.topic !== 'string' || !common.topics.has(section.topic)) fail(where, `unknown topic ${section?.topic}`);
    else if (seenTopics.has(section.topic)) fail(where, `topic ${section.topic} twice`);
    seenTopics.add(section?.topic);
    const sectionAmount: AmountStyle = { ...amount, ...(section?.amount ?? {}) };
    const sectionUnit = sectionAmount.unit ?? '万元';
    if (!UNITS.has(sectionUnit)) fail(`${where}.amount.unit`, `unknown unit ${sectionUnit}`);
    const fragments: string[] = [];
    const literal = (text: Text, into: boolean): void => {
      if (!into) return;
      for (const token of text) {
        if (token.kind === 'text') fragments.push(token.text);
        else if (token.kind === 'keep' && token.lead) fragments.push(token.lead);
      }
    };
    const paragraphs = (Array.isArray(section?.paragraphs) ? section.paragraphs : []).map((paragraph: ParagraphTemplate, p) => {
      const parts: ReadonlyArray<Segment | ListTemplate> = Array.isArray(paragraph) ? (paragraph as ReadonlyArray<Segment | ListTemplate>) : [paragraph as Segment | ListTemplate];
      return parts.map((part, k): CompiledPart => {
        const at = `${where}.paragraphs[${p}]${Array.isArray(paragraph) ? `[${k}]` : ''}`;
        if (part && typeof part === 'object' && 'list' in part) {
          const list = part as ListTemplate;
          if (list.list !== 'figures' && !isListSource(list.list)) fail(at, `unknown list ${list.list}`);
          if (list.list === 'figures' && (!Array.isArray(list.items) || list.items.length === 0)) fail(at, 'a list of figures needs items');
          if (list.list !== 'figures' && list.items) fail(at, 'only a list of figures has items');
          if (list.shareOf !== undefined && !figures[list.shareOf]) fail(at, `unknown figure ${list.shareOf} (shareOf)`);
          if (typeof list.join !== 'string' || typeof list.end !== 'string') fail(at, 'a list needs join and end');
          const item = compileText(list.item, 'item', `${at}.item`, sectionUnit);
          literal(item, true);
          return {
            kind: 'list',
            list: list.list,
            item,
            join: list.join ?? '',
            end: list.end ?? '',
            items: list.items?.map((entry, e) => {
              if (!figures[entry?.figure]) fail(`${at}.items[${e}]`, `unknown figure ${entry?.figure}`);
              if (typeof entry?.label !== 'string') fail(`${at}.items[${e}]`, 'needs a label');
              return { label: entry.label, figure: entry.figure, when: conditions(entry.when, `${at}.items[${e}].when`) };
            }),
            shareOf: list.shareOf,
            when: conditions(list.when, `${at}.when`),
          };
        }
        const object = typeof part === 'string' ? { text: part } : (part as Exclude<Segment, string>);
        if (!object || typeof object !== 'object') {
          fail(at, 'not a text, segment or list');
          return { kind: 'segment', text: [], optional: false, boilerplate: false };
        }
        const known = new Set(['text', 'when', 'else', 'optional', 'boilerplate', '$comment']);
        for (const key of Object.keys(object)) if (!known.has(key)) fail(at, `unknown key ${key}`);
        const text = compileText(object.text, 'section', `${at}.text`, sectionUnit);
        const otherwise = object.else === undefined ? undefined : compileText(object.else, 'section', `${at}.else`, sectionUnit);
        if (object.else !== undefined && object.when === undefined) fail(at, 'else without when');
        literal(text, !object.boilerplate);
        if (otherwise) literal(otherwise, !object.boilerplate);
        return { kind: 'segment', text, when: conditions(object.when, `${at}.when`), else: otherwise, optional: object.optional === true, boilerplate: object.boilerplate === true };
      });
    });
    for (const replaced of Array.isArray(section?.replaces) ? section.replaces : []) literal(compileText(replaced, 'section', `${where}.replaces`, sectionUnit), true);
    sections.push({ topic: section?.topic, amount: sectionAmount, percent: { ...source.percent, ...(section?.percent ?? {}) }, paragraphs, fragments });
  });

  // Phrases' literal words count as the template's in every section.
  const phraseWords = Object.values(phrases).flatMap((p) => [p.changed, p.zeroBase ?? [], p.flat, p.missing]).flatMap((text) => text.filter((t): t is Extract<Token, { kind: 'text' }> => t.kind === 'text').map((t) => t.text));
  const subject = {
    unit: compileText(source.subject?.unit, 'subject', 'subject.unit'),
    department: compileText(source.subject?.department, 'subject', 'subject.department'),
  };
  const previous = compileText(source.placeholders?.previous, 'previousPlaceholder', 'placeholders.previous');
  if (problems.length > 0) throw new TemplateCompileError(id, problems);
  return {
    id,
    amount: amount,
    percent: source.percent,
    zeroBasePercent: source.zeroBasePercent,
    words: source.words,
    subject,
    placeholders: { reason: source.placeholders.reason, previous, previousFixed: source.placeholders.previous.split('{')[0] },
    figures,
    keeps,
    phrases,
    sections: sections.map((s) => ({ ...s, fragments: [...s.fragments, ...phraseWords] })),
  };
}

function checkFigure(id: string, def: FigureDef, figures: Readonly<Record<string, FigureDef>>, problem: (message: string) => void): void {
  if (!def || typeof def !== 'object') return problem('not a figure definition');
  const ways = ['path', 'sum', 'count', 'row', 'units'].filter((k) => (def as unknown as Record<string, unknown>)[k] !== undefined);
  if (ways.length !== 1) problem(`needs exactly one of path, sum, count, row, units (has ${ways.join(', ') || 'none'})`);
  if (def.path !== undefined) {
    for (const alternative of String(def.path).split('|').map((a) => a.trim())) {
      if (!isTableKey(alternative.split('.')[0])) problem(`unknown table in path ${alternative}`);
    }
  }
  if (def.sum !== undefined) {
    if (!Array.isArray(def.sum) || def.sum.length === 0) problem('sum needs figures');
    else for (const part of def.sum) if (!figures[part] || part === id) problem(`unknown figure ${part} in sum`);
  }
  if (def.count !== undefined && !isTableKey(def.count)) problem(`unknown table ${def.count} (count)`);
  if (def.row !== undefined && (!def.row || !isTableKey(def.row.table) || !def.row.item || !def.row.column)) problem('row needs a known table, an item and a column');
  if (def.units !== undefined && typeof def.units !== 'string') problem('units names a 单位性质 (or "" for every unit)');
}
