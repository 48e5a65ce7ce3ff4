import figuresData from '../../../../data/labels/figures.json';
import sectionsData from '../../../../data/labels/sections.json';
import type { Section } from '../model/types';
import { namedFigureId } from './figureIds';
import type { FigureId, NamedFigureId } from './figureIds';

/** A path of figures.json: a figure path, or one tried only under a condition. */
export type PathSpec = string | { readonly when: Condition; readonly path: string };
export type Condition = 'general-only' | 'fiscal-only';

export interface FigureDef {
  readonly id: NamedFigureId;
  readonly title: string;
  readonly paths: readonly PathSpec[];
  /** Id in the previous: block. */
  readonly previous: string;
  readonly kind: 'money' | 'count';
  /** For count figures: what is counted. */
  readonly count?: 'projects' | 'performance' | 'units' | 'subordinate-units';
  /** For counts of units: only the units of this 单位性质 (行政, 参公, 事业). */
  readonly nature?: string;
  /** A part of another figure (its id): never compared with that whole as if it were it. */
  readonly within?: NamedFigureId;
}

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly scope: string;
  /** False for sections whose numbers are targets or definitions, not figures of the report. */
  readonly claims: boolean;
}

export type CodeSystemKey = 'function' | 'economic' | 'government';

export interface Relation {
  readonly whole: NamedFigureId;
  readonly parts: readonly NamedFigureId[];
}

/** Whether a figure is one of the parts of a relation. */
export function isPartOf(relation: Relation, id: FigureId | undefined): boolean {
  return id !== undefined && (relation.parts as readonly FigureId[]).includes(id);
}

interface RawFigure { title: string; paths: PathSpec[]; previous?: string; kind?: string; within?: string }
interface RawTopic { id: string; title: string; scope?: string; claims?: boolean; patterns?: string[] }

const FIGURES = new Map<string, FigureDef>();
for (const [id, raw] of Object.entries(figuresData.figures as Record<string, RawFigure>)) {
  FIGURES.set(id, { id: namedFigureId(id), title: raw.title, paths: raw.paths, previous: raw.previous ?? id, kind: raw.kind === 'count' ? 'count' : 'money', within: raw.within === undefined ? undefined : namedFigureId(raw.within) });
}
for (const [id, raw] of Object.entries(figuresData.counts as Record<string, { title: string; count: FigureDef['count']; nature?: string }>)) {
  FIGURES.set(id, { id: namedFigureId(id), title: raw.title, paths: [], previous: id, kind: 'count', count: raw.count, nature: raw.nature });
}

/** Label text as compared: no spaces or quotes, brackets full-width. */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

const LABELS = new Map<string, Map<string, string>>();
for (const [scope, table] of Object.entries(figuresData.labels as Record<string, Record<string, string>>)) {
  const map = new Map<string, string>();
  for (const [phrase, figure] of Object.entries(table)) map.set(normalizeLabel(phrase), figure);
  LABELS.set(scope, map);
}

const TOPICS: ReadonlyArray<RawTopic & { patterns: string[] }> = (sectionsData.topics as RawTopic[]).map((t) => ({ ...t, patterns: (t.patterns ?? []).map(normalizeLabel) }));
const DEFAULT_TOPIC: Topic = { id: sectionsData.default.id, title: sectionsData.default.title, scope: sectionsData.default.scope, claims: true };

function toTopic(raw: RawTopic): Topic {
  return { id: raw.id, title: raw.title, scope: raw.scope ?? 'all', claims: raw.claims !== false };
}

/** Topic ids and their Chinese titles (docs/format.md lists them). */
export const TOPIC_IDS: ReadonlyMap<string, string> = new Map(TOPICS.map((t) => [t.id, t.title]));

export const DEFAULT_TOPIC_ID = DEFAULT_TOPIC.id;

/** The topic a `topic:` value names: its id, its Chinese title, or a title pattern it contains. */
export function knownTopic(value: string): Topic | undefined {
  const text = value.trim();
  const named = TOPICS.find((t) => t.id === text) ?? TOPICS.find((t) => normalizeLabel(t.title) === normalizeLabel(text)) ?? TOPICS.find((t) => t.patterns.some((p) => normalizeLabel(text).includes(p)));
  return named ? toTopic(named) : undefined;
}

/** Topics whose titles or patterns share most characters with a text, best first. */
export function likelyTopics(text: string, limit = 3): string[] {
  const bare = normalizeLabel(text);
  const chars = new Set(bare);
  const scored: Array<{ id: string; score: number }> = [];
  for (const topic of TOPICS) {
    let best = 0;
    for (const candidate of [normalizeLabel(topic.title), ...topic.patterns]) {
      const shared = [...new Set(candidate)].filter((ch) => chars.has(ch)).length;
      best = Math.max(best, shared / Math.max(1, new Set(candidate).size));
    }
    if (best >= 0.5) scored.push({ id: topic.id, score: best });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.id);
}

/** The topic of a section: its `topic:` key, else the first topic whose pattern its title contains, else its parent's. */
export function topicOf(section: Section, parent: Topic | undefined): Topic {
  const explicit = section.topic?.value.trim();
  if (explicit) {
    const named = knownTopic(explicit);
    if (named) return named;
  }
  const title = normalizeLabel(section.title?.value ?? '');
  if (title) {
    const matched = TOPICS.find((t) => t.patterns.some((p) => title.includes(p)));
    if (matched) return toTopic(matched);
  }
  return parent ?? DEFAULT_TOPIC;
}

export function figureDef(id: string): FigureDef | undefined {
  return FIGURES.get(id);
}

export interface LabelMatch {
  readonly figure: FigureDef;
  readonly phrase: string;
  /** Where the phrase ends in the normalized window. */
  readonly end: number;
}

/**
 * The figure a label window names: the dictionary phrase (of the scope, else of every scope)
 * that ends nearest to the window's end, the longest among those ending at the same place.
 * Only figures of the wanted kind (money or count) are considered.
 */
/** The phrases a scope understands: its own, then those of every scope it does not redefine. */
const PHRASES = new Map<string, ReadonlyArray<readonly [string, FigureDef]>>();
function phrasesOf(scope: string): ReadonlyArray<readonly [string, FigureDef]> {
  let list = PHRASES.get(scope);
  if (!list) {
    const own = LABELS.get(scope);
    const entries: Array<readonly [string, FigureDef]> = [];
    const add = (phrase: string, id: string): void => {
      const figure = FIGURES.get(id);
      if (figure) entries.push([phrase, figure]);
    };
    if (own) for (const [phrase, id] of own) add(phrase, id);
    for (const [phrase, id] of LABELS.get('*') ?? []) if (!own?.has(phrase)) add(phrase, id);
    list = entries;
    PHRASES.set(scope, list);
  }
  return list;
}

/**
 * The figure a label window names: the dictionary phrase (of the scope, else of every scope)
 * that ends nearest to the window's end, the longest among those ending at the same place.
 * Only figures of the wanted kind (money or count) are considered.
 */
export function findLabel(window: string, scope: string, kind: 'money' | 'count'): LabelMatch | undefined {
  const text = normalizeLabel(window);
  if (!text) return undefined;
  let best: LabelMatch | undefined;
  for (const [phrase, figure] of phrasesOf(scope)) {
    if (figure.kind !== kind) continue;
    const from = text.lastIndexOf(phrase);
    if (from < 0) continue;
    const end = from + phrase.length;
    if (!best || end > best.end || (end === best.end && phrase.length > best.phrase.length)) best = { figure, phrase, end };
  }
  return best;
}

/** Labels that name a figure at the start of a text (the noun after a counter: 26个项目). */
export function findLeadingLabel(text: string, scope: string, kind: 'money' | 'count'): LabelMatch | undefined {
  const normalized = normalizeLabel(text);
  let best: LabelMatch | undefined;
  for (const [phrase, figure] of phrasesOf(scope)) {
    if (figure.kind !== kind || !normalized.startsWith(phrase)) continue;
    if (!best || phrase.length > best.phrase.length) best = { figure, phrase, end: phrase.length };
  }
  return best;
}

const CODES = figuresData.codes as Record<CodeSystemKey, Record<string, PathSpec[]>>;

/** Paths of a figure named by a code, for the section scope (falling back to every scope). */
export function codePaths(system: CodeSystemKey, scope: string): readonly PathSpec[] {
  const table = CODES[system];
  return [...(table[scope] ?? []), ...(scope === 'general_basic' ? table.general ?? [] : []), ...(table['*'] ?? [])];
}

export const RELATIONS: readonly Relation[] = (figuresData.relations as Array<{ whole: string; parts: string[] }>).map((r) => ({ whole: namedFigureId(r.whole), parts: r.parts.map(namedFigureId) }));

/** Groups of figures that are equal in every year (收入总计 = 支出总计). */
export const SAME_GROUPS: ReadonlyArray<readonly string[]> = figuresData.same as string[][];

/** The figure standing for a group of same figures, for comparing their previous-year values. */
export function groupKey(figureId: string): string {
  const group = SAME_GROUPS.find((g) => g.includes(figureId));
  return group ? group[0] : figureId;
}

export function relationOf(whole: FigureId): Relation | undefined {
  return RELATIONS.find((r) => r.whole === whole);
}

/** Every figure that is a part (at any depth) of `whole`. */
export function descendantsOf(whole: NamedFigureId): Set<FigureId> {
  const result = new Set<FigureId>();
  const visit = (id: NamedFigureId): void => {
    for (const part of relationOf(id)?.parts ?? []) {
      if (result.has(part)) continue;
      result.add(part);
      visit(part);
    }
  };
  visit(whole);
  return result;
}
