import type { Dec as Decimal } from '../amount/rounding';
import { roundHalfUp } from '../amount/rounding';
import type { CodeTables } from '../codes/codeTables';
import type { Report } from '../model/types';
import type { FigureReader } from './figureValues';
import { listItems, ListItem } from './listSources';
import { amountWord, computeChange, formatAmount, formatCount, formatPercent, percentWord, share } from './numberFormat';
import type { AmountStyle, PercentStyle } from './numberFormat';
import type { CompiledList, CompiledPart, CompiledSection, CompiledSegment, CompiledTemplate, Condition, Text, Token } from './compileTemplate';
import type { KeepDef } from './templateTypes';
import type { ImpliedPrevious } from './impliedPrevious';

/** A piece of generated text: literal text, a slot for kept author text, or boilerplate. */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'slot'; readonly keep: string; readonly fallback: string | null; readonly lead: string }
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
  readonly template: CompiledTemplate;
  readonly figures: FigureReader;
  readonly keeps: Readonly<Record<string, KeepDef>>;
  readonly amount: AmountStyle;
  readonly percent: PercentStyle;
  /** Values of {subject}, {department}, {departmentShort}, {year}, {prevYear}. */
  readonly names: Readonly<Record<string, string>>;
  /** Last year's figures the author's sentences imply, for what `previous:` lacks. */
  readonly implied?: ImpliedPrevious;
}

export function renderSection(section: CompiledSection, context: RenderContext): Piece[] {
  const pieces: Piece[] = [];
  section.paragraphs.forEach((paragraph, index) => {
    const rendered = renderParagraph(paragraph, context);
    if (rendered.length === 0) return;
    if (index > 0 && pieces.length > 0) pieces.push({ kind: 'text', text: '\n' });
    pieces.push(...rendered);
  });
  return mergeText(pieces);
}

function renderParagraph(parts: readonly CompiledPart[], context: RenderContext): Piece[] {
  const pieces: Piece[] = [];
  for (const part of parts) pieces.push(...(part.kind === 'list' ? renderList(part, context) : renderSegment(part, context)));
  return pieces;
}

function renderSegment(segment: CompiledSegment, context: RenderContext): Piece[] {
  try {
    let text: Text | undefined = segment.text;
    if (segment.when && !evaluate(segment.when, context)) text = segment.else;
    if (text === undefined) return [];
    const pieces = fill(text, context, {});
    if (segment.boilerplate) return pieces.map((p) => (p.kind === 'text' ? { kind: 'boilerplate', text: p.text } : p));
    return pieces;
  } catch (error) {
    if (segment.optional && error instanceof MissingFigure) return [];
    throw error;
  }
}

function renderList(list: CompiledList, context: RenderContext): Piece[] {
  if (list.when && !evaluate(list.when, context)) return [];
  const items = list.list === 'figures' ? figureItems(list, context) : listItems(list.list, context.report, context.codes, context.amount.unit ?? '万元', context.implied);
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

function figureItems(list: CompiledList, context: RenderContext): ListItem[] {
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

function fill(text: Text, context: RenderContext, scope: ItemScope): Piece[] {
  const pieces: Piece[] = [];
  for (const token of text) pieces.push(...tokenPieces(token, context, scope));
  return pieces;
}

function tokenPieces(token: Token, context: RenderContext, scope: ItemScope): Piece[] {
  const text = (value: string): Piece[] => [{ kind: 'text', text: value }];
  const item = scope.item;
  switch (token.kind) {
    case 'text':
      return text(token.text);
    case 'name':
      return text(context.names[token.name] ?? '');
    case 'value':
      return text(scope.change?.[token.name] ?? '');
    case 'previousKey':
      return [];
    case 'amount':
      if (token.figure === undefined) return text(formatAmount(requireItem(item).value, context.amount));
      return text(formatAmount(requireFigure(token.figure, context), context.amount));
    case 'count':
      return text(formatCount(requireFigure(token.figure, context)));
    case 'share':
      if (token.part === undefined || token.whole === undefined) {
        if (!scope.whole) throw new MissingFigure('the whole of the list (shareOf)');
        return text(formatShare(requireItem(item).value, scope.whole, context));
      }
      return text(formatShare(requireFigure(token.part, context), requireFigure(token.whole, context), context));
    case 'index':
      return text(String((scope.index ?? 0) + 1));
    case 'itemName':
      if (token.level === undefined) return text(requireItem(item).name);
      return text(levelOf(requireItem(item), token.level).name);
    case 'itemCode':
      if (token.level === undefined) return text(requireItem(item).code ?? '');
      return text(levelOf(requireItem(item), token.level).code);
    case 'change': {
      if (token.figure === undefined) {
        const it = requireItem(item);
        if (token.executed) return changePhrase(it.value, it.executed, `executed.${it.previousKey}`, token.phrase, context, item);
        return changePhrase(it.value, it.previous, it.previousKey, token.phrase, context, item);
      }
      const current = requireFigure(token.figure, context);
      return changePhrase(current, context.figures.previous(token.figure), context.figures.previousKey(token.figure) ?? token.figure, token.phrase, context, item);
    }
    case 'keep':
      return [slot(token.keep, token.optional, token.lead, context)];
  }
}

function requireItem(item: ListItem | undefined): ListItem {
  if (!item) throw new MissingFigure('a list item');
  return item;
}

/** The 类 (1), 款 (2) or 项 (3) of a 功能科目 item: its name and its own digits (204, 06, 01). */
function levelOf(item: ListItem, level: number): { code: string; name: string } {
  const entry = item.path?.[level - 1];
  if (!entry) throw new MissingFigure(`level ${level} of ${item.name}`);
  return entry;
}

function slot(keep: string, optional: boolean, lead: string, context: RenderContext): Piece {
  const def = context.keeps[keep];
  const fallback = optional ? null : keep === 'reason' ? def?.default ?? context.template.placeholders.reason : def?.default ?? null;
  return { kind: 'slot', keep, fallback, lead };
}

function formatShare(part: Decimal, whole: Decimal, context: RenderContext): string {
  const value = share(part, whole);
  if (!value) throw new MissingFigure('share of a zero whole');
  return formatPercent(value, context.percent);
}

function changePhrase(current: Decimal, previous: Decimal | undefined, previousKey: string, phraseId: string, context: RenderContext, item: ListItem | undefined): Piece[] {
  const phrase = context.template.phrases[phraseId];
  const amount = formatAmount(current, context.amount);
  const scoped = (change: Record<string, string>): ItemScope => ({ item, change });
  if (previous === undefined) {
    const missing = context.template.placeholders.previous.map((t) => (t.kind === 'text' ? t.text : t.kind === 'previousKey' ? previousKey : '')).join('');
    return fill(phrase.missing, context, scoped({ missing, a: amount }));
  }
  const change = computeChange(current, previous, context.amount.decimals);
  const base = formatAmount(previous, context.amount);
  if (change.direction === 'flat') return fill(phrase.flat, context, scoped({ a: amount, base }));
  const values = {
    a: amount,
    base,
    dir: amountWord(change.direction, context.template.words),
    pdir: percentWord(change.direction, context.template.words),
    delta: formatAmount(change.delta, context.amount),
    pct: change.zeroBase ? context.template.zeroBasePercent : formatPercent(change.percent!, context.percent),
  };
  return fill(change.zeroBase && phrase.zeroBase ? phrase.zeroBase : phrase.changed, context, scoped(values));
}

function requireFigure(id: string, context: RenderContext): Decimal {
  const figure = context.figures.get(id);
  if (!figure) throw new MissingFigure(id);
  return figure.value;
}

/** Every condition holds (`a,b` in the template). */
export function evaluate(conditions: readonly Condition[], context: RenderContext): boolean {
  return conditions.every((condition) => evaluateOne(condition, context));
}

function evaluateOne(condition: Condition, context: RenderContext): boolean {
  const id = condition.id;
  const isZero = (): boolean => roundHalfUp(requireFigure(id, context), context.amount.decimals).isZero();
  switch (condition.test) {
    case 'zero': return isZero();
    case 'nonzero': return !isZero();
    case 'has': return context.figures.has(id);
    case '!has': return !context.figures.has(id);
    case 'previous': return context.figures.previous(id) !== undefined;
    case '!previous': return context.figures.previous(id) === undefined;
    case 'changed': {
      const previous = context.figures.previous(id);
      return previous !== undefined && computeChange(requireFigure(id, context), previous, context.amount.decimals).direction !== 'flat';
    }
    case '!changed': {
      const previous = context.figures.previous(id);
      return previous === undefined || computeChange(requireFigure(id, context), previous, context.amount.decimals).direction === 'flat';
    }
    case 'table': return context.report.tables.has(id as never);
    case '!table': return !context.report.tables.has(id as never);
    case 'kind': return context.report.kind === id;
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

/** Literal words of a section's template and its phrases, and the report's names: what “template-like” is measured against. */
export function templateFragments(section: CompiledSection, names: Readonly<Record<string, string>>): string[] {
  return [...Object.values(names), ...section.fragments];
}
