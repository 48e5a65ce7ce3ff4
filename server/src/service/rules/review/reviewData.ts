import sectionsData from '../../../../../data/review/sections.json';
import templatesData from '../../../../../data/review/templates.json';
import emptyTablesData from '../../../../../data/review/empty-tables.json';
import residueData from '../../../../../data/review/residue.json';
import wordingData from '../../../../../data/review/wording.json';
import yearsData from '../../../../../data/review/years.json';
import reasonsData from '../../../../../data/review/reasons.json';
import { TABLE_DEFS, isTableKey } from '../../model/tableDefs';
import type { ReportKind, TableKey } from '../../model/types';

/** Typed access to data/review/*.json (the reviewer rules' dictionaries). */

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly patterns: readonly RegExp[];
}

export const TOPICS: ReadonlyMap<string, Topic> = new Map(
  Object.entries(sectionsData.topics).map(([id, topic]) => [id, { id, title: topic.title, patterns: topic.patterns.map((p) => new RegExp(p, 'u')) }]),
);

export const REQUIRED_TOPICS: readonly string[] = sectionsData.required;

export interface TemplateRequirements {
  readonly title?: string;
  readonly tables: readonly TableKey[];
  readonly sections: readonly string[];
  readonly exempt: ReadonlyMap<TableKey, string>;
}

interface TemplateEntry {
  title?: string;
  tables?: string[];
  sections?: string[];
  exempt?: Record<string, string>;
}

const TEMPLATES = templatesData.templates as Record<string, TemplateEntry>;

/** The national tables (required in data/tables.json). */
export const NATIONAL_TABLES: readonly TableKey[] = [...TABLE_DEFS.values()].filter((def) => def.required).map((def) => def.key);

export function templateRequirements(template: string | undefined): TemplateRequirements {
  const entry = template ? TEMPLATES[template.trim()] : undefined;
  return {
    title: entry?.title,
    tables: (entry?.tables ?? []).filter(isTableKey),
    sections: entry?.sections ?? [],
    exempt: new Map(Object.entries(entry?.exempt ?? {}).filter(([key]) => isTableKey(key)) as Array<[TableKey, string]>),
  };
}

/** Every table key and topic id the data names, for the data's own unit test. */
export function templateDataProblems(): string[] {
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(TEMPLATES)) {
    for (const key of [...(entry.tables ?? []), ...Object.keys(entry.exempt ?? {})]) if (!isTableKey(key)) problems.push(`${name}: unknown table ${key}`);
    for (const topic of entry.sections ?? []) if (!TOPICS.has(topic)) problems.push(`${name}: unknown section topic ${topic}`);
  }
  for (const topic of REQUIRED_TOPICS) if (!TOPICS.has(topic)) problems.push(`required: unknown section topic ${topic}`);
  return problems;
}

export const EMPTY_NOTE = new RegExp(emptyTablesData.notePatterns.join('|'), 'u');

/** All placeholder patterns as one expression (one pass over each text). */
export const PLACEHOLDER = new RegExp(residueData.placeholders.map((p) => `(?:${p.pattern})`).join('|'), 'gu');
export const DOUBLED = new RegExp(residueData.doubled.join('|'), 'gu');
export const RESIDUE = residueData;

export interface WordingPattern {
  readonly pattern: RegExp;
  readonly replace: string;
  readonly unless?: RegExp;
}

function wordingPatterns(list: ReadonlyArray<{ pattern: string; replace: string; unless?: string }>): WordingPattern[] {
  return list.map((w) => ({ pattern: new RegExp(w.pattern, 'gu'), replace: w.replace, unless: w.unless ? new RegExp(w.unless, 'u') : undefined }));
}

export const WORDING: Readonly<Record<ReportKind, { prose: WordingPattern[]; titles: WordingPattern[] }>> = {
  unit: { prose: wordingPatterns(wordingData.unit.prose), titles: wordingPatterns(wordingData.unit.titles) },
  department: { prose: wordingPatterns(wordingData.department.prose), titles: wordingPatterns(wordingData.department.titles) },
};

export const YEARS = {
  year: new RegExp(yearsData.yearPattern, 'gu'),
  pastCues: new RegExp(yearsData.pastCues, 'u'),
};

export const REASONS = {
  markers: new RegExp(reasonsData.markers, 'u'),
  detailFollows: new RegExp(reasonsData.detailFollows, 'u'),
};
