import type { Dec as Decimal } from '../amount/rounding';
import { roundHalfUp } from '../amount/rounding';
import type { CodeTables } from '../codes/codeTables';
import type { Report } from '../model/types';
import type { FigureReader } from './figureValues';
import { listItems, ListItem } from './listSources';
import { amountWord, computeChange, formatAmount, formatCount, formatPercent, percentWord, share } from './numberFormat';
import type { AmountStyle, PercentStyle } from './numberFormat';
import type { KeepDef, ListTemplate, NarrativeTemplate, ParagraphTemplate, SectionTemplate, Segment, SegmentObject } from './templateTypes';

/** A piece of generated text: literal text, a slot for kept author text, or boilerplate. */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'slot'; readonly keep: string; readonly fallback: string | null }
  | { readonly kind: 'boilerplate'; readonly text: string };

/** Thrown when a figure a sentence needs is not in the report. */
export class MissingFigure extends Error {
  constructor(readonly figure: string) {
    super(figure);
  }
}

export interface RenderContext {
  readonly report: Report;
  readonly codes: CodeTables;
  readonly template: NarrativeTemplate;
  readonly figures: FigureReader;
  readonly keeps: Readonly<Record<string, KeepDef>>;
  readonly amount: AmountStyle;
  readonly percent: PercentStyle;
  /** Values of {subject}, {department}, {year}, {prevYear}. */
  readonly names: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\{([a-zA-Z]+)(?::([^{}]*))?\}/g;

export function renderSection(section: SectionTemplate, context: RenderContext): Piece[] {
  const pieces: Piece[] = [];
  section.paragraphs.forEach((paragraph, index) => {
    const rendered = renderParagraph(paragraph, context);
    if (rendered.length === 0) return;
    if (index > 0 && pieces.length > 0) pieces.push({ kind: 'text', text: '\n' });
    pieces.push(...rendered);
  });
  return mergeText(pieces);
}

function renderParagraph(paragraph: ParagraphTemplate, context: RenderContext): Piece[] {
  const parts: ReadonlyArray<Segment | ListTemplate> = Array.isArray(paragraph) ? (paragraph as ReadonlyArray<Segment | ListTemplate>) : [paragraph as Segment | ListTemplate];
  const pieces: Piece[] = [];
  for (const part of parts) {
    if (typeof part === 'object' && 'list' in part) pieces.push(...renderList(part, context));
    else pieces.push(...renderSegment(part, context));
  }
  return pieces;
}

function renderSegment(segment: Segment, context: RenderContext): Piece[] {
  const object: SegmentObject = typeof segment === 'string' ? { text: segment } : segment;
  try {
    let text: string | undefined = object.text;
    if (object.when && !evaluate(object.when, context)) text = object.else;
    if (text === undefined) return [];
    const pieces = fill(text, context, {});
    if (object.boilerplate) return pieces.map((p) => (p.kind === 'text' ? { kind: 'boilerplate', text: p.text } : p));
    return pieces;
  } catch (error) {
    if (object.optional && error instanceof MissingFigure) return [];
    throw error;
  }
}

function renderList(list: ListTemplate, context: RenderContext): Piece[] {
  if (list.when && !evaluate(list.when, context)) return [];
  const items = list.list === 'figures' ? figureItems(list, context) : listItems(list.list, context.report, context.codes);
  if (!items || items.length === 0) throw new MissingFigure(list.list);
  const whole = list.shareOf ? requireFigure(list.shareOf, context) : undefined;
  const pieces: Piece[] = [];
  items.forEach((item, index) => {
    if (index > 0) pieces.push({ kind: 'text', text: list.join });
    pieces.push(...fill(list.item, context, { item, index, whole }));
  });
  pieces.push({ kind: 'text', text: list.end });
  return pieces;
}

function figureItems(list: ListTemplate, context: RenderContext): ListItem[] {
  return (list.items ?? [])
    .filter((item) => !item.when || evaluate(item.when, context))
    .map((item) => ({
      name: item.label,
      value: requireFigure(item.figure, context),
      previous: context.figures.previous(item.figure),
      previousKey: context.figures.previousKey(item.figure) ?? item.figure,
    }));
}

interface ItemScope {
  readonly item?: ListItem;
  readonly index?: number;
  readonly whole?: Decimal;
  /** Inside a change phrase. */
  readonly change?: Readonly<Record<string, string>>;
}

function fill(text: string, context: RenderContext, scope: ItemScope): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ kind: 'text', text: text.slice(last, at) });
    last = at + match[0].length;
    pieces.push(...placeholder(match[1], match[2] === undefined ? [] : match[2].split(':'), context, scope));
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

function placeholder(name: string, args: readonly string[], context: RenderContext, scope: ItemScope): Piece[] {
  const text = (value: string): Piece[] => [{ kind: 'text', text: value }];
  if (scope.change && args.length === 0 && name in scope.change) return text(scope.change[name]);
  if (name in context.names) return text(context.names[name]);
  const item = scope.item;
  switch (name) {
    case 'a':
      if (args.length === 0 && item) return text(formatAmount(item.value, context.amount));
      return text(formatAmount(requireFigure(args[0], context), context.amount));
    case 'n':
      return text(formatCount(requireFigure(args[0], context)));
    case 'p': {
      if (args.length === 0 && item && scope.whole) return text(formatShare(item.value, scope.whole, context));
      const [part, whole] = (args[0] ?? '').split('/');
      return text(formatShare(requireFigure(part, context), requireFigure(whole, context), context));
    }
    case 'i':
      return text(String((scope.index ?? 0) + 1));
    case 'name':
      return text(item?.name ?? '');
    case 'code':
      return text(item?.code ?? '');
    case 'chg': {
      if (item && args.length === 1) return changePhrase(item.value, item.previous, item.previousKey, args[0], context);
      const current = requireFigure(args[0], context);
      return changePhrase(current, context.figures.previous(args[0]), context.figures.previousKey(args[0]) ?? args[0], args[1], context);
    }
    case 'reason':
      return [slot('reason', context)];
    case 'keep':
      return [slot(args[0] ?? 'reason', context)];
    default:
      return text(`{${name}${args.length ? ':' + args.join(':') : ''}}`);
  }
}

function slot(keep: string, context: RenderContext): Piece {
  const def = context.keeps[keep];
  const fallback = keep === 'reason' ? def?.default ?? context.template.placeholders.reason : def?.default ?? null;
  return { kind: 'slot', keep, fallback };
}

function formatShare(part: Decimal, whole: Decimal, context: RenderContext): string {
  const value = share(part, whole);
  if (!value) throw new MissingFigure('share of a zero whole');
  return formatPercent(value, context.percent);
}

function changePhrase(current: Decimal, previous: Decimal | undefined, previousKey: string, phraseId: string, context: RenderContext): Piece[] {
  const phrase = context.template.phrases[phraseId];
  if (!phrase) throw new MissingFigure(`phrase ${phraseId}`);
  const amount = formatAmount(current, context.amount);
  if (previous === undefined) {
    const missing = context.template.placeholders.previous.replace('{id}', previousKey);
    return fill(phrase.missing, context, { change: { missing, a: amount } });
  }
  const change = computeChange(current, previous, context.amount.decimals);
  if (change.direction === 'flat') return fill(phrase.flat, context, { change: { a: amount } });
  const values = {
    a: amount,
    dir: amountWord(change.direction, context.template.words),
    pdir: percentWord(change.direction, context.template.words),
    delta: formatAmount(change.delta, context.amount),
    pct: change.zeroBase ? context.template.zeroBasePercent : formatPercent(change.percent!, context.percent),
  };
  return fill(change.zeroBase && phrase.zeroBase ? phrase.zeroBase : phrase.changed, context, { change: values });
}

function requireFigure(id: string, context: RenderContext): Decimal {
  const figure = context.figures.get(id);
  if (!figure) throw new MissingFigure(id);
  return figure.value;
}

/** zero:F, nonzero:F, has:F, !has:F, previous:F, table:T; `a,b` means all of them. */
export function evaluate(condition: string, context: RenderContext): boolean {
  return condition.split(',').every((part) => evaluateOne(part.trim(), context));
}

function evaluateOne(condition: string, context: RenderContext): boolean {
  const [test, id] = condition.split(':');
  const isZero = (): boolean => roundHalfUp(requireFigure(id, context), context.amount.decimals).isZero();
  switch (test) {
    case 'zero': return isZero();
    case 'nonzero': return !isZero();
    case 'has': return context.figures.has(id);
    case '!has': return !context.figures.has(id);
    case 'previous': return context.figures.previous(id) !== undefined;
    case 'changed': {
      const previous = context.figures.previous(id);
      return previous !== undefined && computeChange(requireFigure(id, context), previous, context.amount.decimals).direction !== 'flat';
    }
    case '!changed': {
      const previous = context.figures.previous(id);
      return previous === undefined || computeChange(requireFigure(id, context), previous, context.amount.decimals).direction === 'flat';
    }
    case '!previous': return context.figures.previous(id) === undefined;
    case 'table': return context.report.tables.has(id as never);
    case '!table': return !context.report.tables.has(id as never);
    case 'kind': return context.report.kind === id;
    default: return false;
  }
}

function mergeText(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (piece.kind !== 'slot' && previous && previous.kind === piece.kind) merged[merged.length - 1] = { kind: piece.kind, text: previous.text + piece.text };
    else merged.push(piece);
  }
  return merged;
}

function isBoilerplate(segment: unknown): boolean {
  return typeof segment === 'object' && segment !== null && (segment as SegmentObject).boilerplate === true;
}

/** Literal text of a section's template and the phrases it may use: what “template-like” is measured against. */
export function templateFragments(section: SectionTemplate, template: NarrativeTemplate, names: Readonly<Record<string, string>>): string[] {
  const fragments: string[] = Object.values(names);
  const visit = (value: unknown): void => {
    if (typeof value === 'string') fragments.push(...value.split(PLACEHOLDER).filter((s) => s && !/^[a-zA-Z]+$/.test(s)));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  // Boilerplate is the author's kind of text: an old sentence like it is kept, not replaced.
  visit(section.paragraphs.map((p) => (Array.isArray(p) ? p.filter((s) => !isBoilerplate(s)) : isBoilerplate(p) ? [] : p)));
  for (const phrase of Object.values(template.phrases)) visit(phrase);
  visit(section.replaces ?? []);
  return fragments;
}
