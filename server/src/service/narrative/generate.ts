import type { CodeTables } from '../codes/codeTables';
import type { ParsedDocument } from '../document';
import type { OffsetEdit } from '../findings';
import { t } from '../i18n/l10n';
import { describeError } from '../i18n/plainError';
import type { Report, Section } from '../model/types';
import { applyEdits, textBlockEdit } from './blockEdit';
import { FigureReader } from './figureValues';
import { alignClauses, bigramSet, Clause, contextOf, findClauses, hasFigure, normalize, sentences, Slot, templateCoverage } from './keptText';
import { MissingFigure, Piece, RenderContext, renderSection, templateFragments } from './render';
import { figureDefs, keepDefs, templateFor, templateIds } from './templateRegistry';
import type { KeepDef, NarrativeTemplate, SectionTemplate } from './templateTypes';
import { topicOf } from './topics';

/** A section of the narrative the generator knows by topic. */
export interface NarrativeSectionInfo {
  /** Section.path: indices from `narrative:` down. */
  readonly path: readonly number[];
  readonly title: string;
  readonly topic: string;
  /** The template used (the report's `template:`); empty when the report names none that is bundled. */
  readonly template: string;
  readonly generatable: boolean;
  /** Why the section cannot be generated (localised). */
  readonly reason?: string;
}

export interface SectionGeneration {
  readonly path: readonly number[];
  readonly title: string;
  readonly topic: string;
  /** The section's new text (paragraphs separated by \n). */
  readonly text: string;
  /** The section's current text (what a diff compares the new text with). */
  readonly current: string;
  /** Replaces the content lines of the section's `text: |` block only. */
  readonly edit: OffsetEdit;
  /** The current text is not empty and differs from what would be generated (kept sentences included): show a diff first. */
  readonly handEdited: boolean;
  /** The generated text differs from the current text. */
  readonly changed: boolean;
}

/** An old sentence this much made of the template's own words is the template's, not the author's. */
const SENTENCE_THRESHOLD = 0.6;



/** Every section whose topic is known, with whether it can be generated from this report's data. */
export function generatableSections(document: ParsedDocument, codes: CodeTables): NarrativeSectionInfo[] {
  const result: NarrativeSectionInfo[] = [];
  for (const section of walk(document.report.narrative)) {
    const topic = topicOf(section);
    if (!topic || (section.sections.length > 0 && !section.text)) continue;
    const built = buildSection(document, codes, section, topic);
    result.push({
      path: section.path,
      title: section.title?.value ?? '',
      topic,
      template: built.template,
      generatable: 'text' in built,
      reason: 'reason' in built ? built.reason : undefined,
    });
  }
  return result;
}

/** The generated text of one section and the edit that writes it; undefined when it cannot be generated. */
export function generateSection(document: ParsedDocument, codes: CodeTables, sectionPath: readonly number[]): SectionGeneration | undefined {
  const section = findSection(document.report.narrative, sectionPath);
  if (!section) return undefined;
  const topic = topicOf(section);
  if (!topic || (section.sections.length > 0 && !section.text)) return undefined;
  const built = buildSection(document, codes, section, topic);
  if (!('text' in built)) return undefined;
  const edit = textBlockEdit(document.text, section, built.text.split('\n'));
  if (!edit) return undefined;
  const current = currentText(section);
  const changed = current !== built.text;
  return { path: section.path, title: section.title?.value ?? '', topic, text: built.text, current, edit, handEdited: changed && current.length > 0, changed };
}

/** The innermost section with a known topic whose span holds the offset (for the code action on a section). */
export function sectionAt(document: ParsedDocument, codes: CodeTables, offset: number): NarrativeSectionInfo | undefined {
  let found: NarrativeSectionInfo | undefined;
  for (const info of generatableSections(document, codes)) {
    const section = findSection(document.report.narrative, info.path);
    if (section && section.span.start <= offset && offset <= section.span.end) found = info;
  }
  return found;
}

/** Why a report without a bundled template is not generated (localised; names the bundled ids). */
export function unknownTemplateReason(id: string | undefined): string {
  return id?.trim()
    ? t('the template "{0}" is not bundled (bundled: {1}); nothing is generated', id.trim(), templateIds().join(', '))
    : t('the report names no template (template: one of {0}); nothing is generated', templateIds().join(', '));
}

/** Localised titles of the editor's command and code action. */
export function narrativeCommandTitle(): string {
  return t('Generate the narrative text');
}

export function regenerateSectionTitle(): string {
  return t('Regenerate this section from the data');
}

/** Generations of every generatable section (also those whose text would not change). */
export function generateAll(document: ParsedDocument, codes: CodeTables): SectionGeneration[] {
  const result: SectionGeneration[] = [];
  for (const info of generatableSections(document, codes)) {
    if (!info.generatable) continue;
    const generation = generateSection(document, codes, info.path);
    if (generation) result.push(generation);
  }
  return result;
}

/** The edits that regenerate every generatable section whose text would change. */
export function generateDocument(document: ParsedDocument, codes: CodeTables): OffsetEdit[] {
  return generateAll(document, codes).filter((g) => g.changed).map((g) => g.edit);
}

/** The document text with every generatable section regenerated. */
export function generatedDocumentText(document: ParsedDocument, codes: CodeTables): string {
  return applyEdits(document.text, generateDocument(document, codes));
}

function* walk(sections: readonly Section[]): Generator<Section> {
  for (const section of sections) {
    yield section;
    yield* walk(section.sections);
  }
}

export function findSection(sections: readonly Section[], path: readonly number[]): Section | undefined {
  let list = sections;
  let found: Section | undefined;
  for (const index of path) {
    found = list.find((s) => s.path[s.path.length - 1] === index);
    if (!found) return undefined;
    list = found.sections;
  }
  return found;
}

function currentText(section: Section): string {
  return (section.text?.value ?? '').replace(/\n+$/, '');
}

type Built = { template: string; text: string } | { template: string; reason: string };

function buildSection(document: ParsedDocument, codes: CodeTables, section: Section, topic: string): Built {
  try {
    return buildSectionUnsafe(document, codes, section, topic);
  } catch (error) {
    // Generation never throws: a section it cannot build is one it leaves as written.
    return { template: templateFor(document.report.template?.value)?.id ?? '', reason: t('the section could not be generated: {0}', describeError('generate', error)) };
  }
}

function buildSectionUnsafe(document: ParsedDocument, codes: CodeTables, section: Section, topic: string): Built {
  const report = document.report;
  const template = templateFor(report.template?.value);
  if (!template) return { template: '', reason: unknownTemplateReason(report.template?.value) };
  const sectionTemplate = template.sections.find((s) => s.topic === topic);
  if (!sectionTemplate) return { template: template.id, reason: t('the template {0} has no sentences for this section', template.id) };
  if (report.year === undefined) return { template: template.id, reason: t('the report states no year') };
  const context = renderContext(report, codes, template, sectionTemplate);
  let pieces: Piece[];
  try {
    pieces = renderSection(sectionTemplate, context);
  } catch (error) {
    if (!(error instanceof MissingFigure)) throw error;
    const def = figureDefs(template)[error.figure];
    const where = def?.path ?? def?.count ?? def?.row?.table ?? def?.sum?.join(' + ');
    return { template: template.id, reason: t('the report has no figure {0}', where ? `${error.figure} (${where})` : error.figure) };
  }
  return { template: template.id, text: compose(pieces, currentText(section), context, sectionTemplate) };
}

function renderContext(report: Report, codes: CodeTables, template: NarrativeTemplate, section: SectionTemplate): RenderContext {
  const department = report.department?.value.trim() ?? '';
  const departmentShort = department.replace(/[（(]([^（）()]*)[）)]/g, '$1');
  const year = report.year ?? 0;
  const prevYear = report.previous.year ?? year - 1;
  const subjectPattern = report.kind === 'unit' ? template.subject.unit : template.subject.department;
  const subject = subjectPattern.replace('{departmentShort}', departmentShort).replace('{department}', department);
  return {
    report,
    codes,
    template,
    figures: new FigureReader(report, codes, figureDefs(template)),
    keeps: keepDefs(template),
    amount: { ...template.amount, ...(section.amount ?? {}) },
    percent: { ...template.percent, ...(section.percent ?? {}) },
    names: { subject, department, departmentShort, year: String(year), prevYear: String(prevYear) },
  };
}

type OldSentence = { text: string; paragraph: number; free: boolean };

/**
 * The section's new text: the rendered template, its slots filled with the author's clauses
 * (主要原因 …) found in the current text, and the author's free sentences put back where they were.
 */
function compose(pieces: readonly Piece[], old: string, context: RenderContext, section: SectionTemplate): string {
  const slots = slotsOf(pieces);
  const kinds = new Set(slots.map((s) => s.keep));
  const keeps: Record<string, KeepDef> = {};
  for (const kind of kinds) if (context.keeps[kind]) keeps[kind] = context.keeps[kind];
  const placeholders = placeholderTexts(context.template);
  // A placeholder the generator wrote earlier is not the author's reason.
  const clauses = findClauses(old, keeps).filter((c) => !placeholders.some((p) => c.text.startsWith(p)));
  const reasonMarkers = context.keeps.reason?.markers ?? [];
  const pairs = alignClauses(slots, clauses);
  const used = new Set(pairs.values());

  const remainder = removeClauses(old, clauses.filter((_, j) => used.has(j)));
  const templateBigrams = bigramSet(templateFragments(section, context.template, context.names));
  const oldSentences: OldSentence[] = sentences(remainder)
    .filter((s) => normalize(s.text).length > 0)
    .map((s) => ({ text: s.text.trim(), paragraph: s.paragraph, free: !placeholders.some((p) => s.text.includes(p)) && isFree(s.text, templateBigrams, reasonMarkers) }));
  const hasFree = oldSentences.some((s) => s.free);

  // The template text with its slots filled; slot ranges are remembered so that a sentence
  // made only of kept text does not count as a generated one when free sentences are placed.
  let text = '';
  const slotRanges: Array<[number, number]> = [];
  let slotIndex = 0;
  for (const piece of pieces) {
    if (piece.kind === 'text') text += piece.text;
    else if (piece.kind === 'boilerplate') text += hasFree ? '' : piece.text;
    else {
      const index = slotIndex++;
      const clauseIndex = pairs.get(index);
      const def = context.keeps[piece.keep];
      let fill = '';
      if (clauseIndex !== undefined) {
        const clause = clauses[clauseIndex];
        fill = (def?.prefix ?? '') + (def?.keepMarker ? clause.marker : '') + clause.text;
      } else if (piece.fallback !== null) fill = (def?.prefix ?? '') + piece.fallback;
      slotRanges.push([text.length, text.length + fill.length]);
      text += fill;
    }
  }
  return placeFreeSentences(text, oldSentences, slotRanges)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Each slot with the template text before it on its line (placeholders left out): what it is matched by. */
/** The fixed part of the template's placeholders (【待补充】, 【待补充：上年数 previous.). */
function placeholderTexts(template: NarrativeTemplate): string[] {
  return [template.placeholders.reason, template.placeholders.previous.split('{')[0]].filter((p) => p.length > 1);
}

/**
 * An old sentence is the author's own when it states no figure and is not in the template's
 * words; a sentence that starts with a reason (主要原因是…) is always the author's, so that a
 * reason with no place in the new text is kept rather than lost.
 */
function isFree(sentence: string, templateBigrams: ReadonlySet<string>, reasonMarkers: readonly string[]): boolean {
  const trimmed = sentence.trim().replace(/^[，,；;]/, '');
  if (reasonMarkers.some((m) => trimmed.startsWith(m)) && trimmed.length > 6) return true;
  return !hasFigure(sentence) && templateCoverage(sentence, templateBigrams) < SENTENCE_THRESHOLD;
}

function slotsOf(pieces: readonly Piece[]): Slot[] {
  const slots: Slot[] = [];
  let before = '';
  for (const piece of pieces) {
    if (piece.kind === 'slot') {
      const line = before.slice(before.lastIndexOf('\n') + 1).replace(/【[^】]*】/g, '');
      slots.push({ keep: piece.keep, context: contextOf(line) });
    } else before += piece.text;
  }
  return slots;
}

function removeClauses(text: string, clauses: readonly Clause[]): string {
  let result = text;
  for (const clause of [...clauses].sort((a, b) => b.start - a.start)) result = result.slice(0, clause.start) + result.slice(clause.end);
  return result;
}

/**
 * Puts the author's free sentences back: each run of free sentences goes after the generated
 * sentence that corresponds to the statement it followed (by count), in the same paragraph when
 * it shared that statement's paragraph.
 */
function placeFreeSentences(text: string, old: readonly OldSentence[], slotRanges: ReadonlyArray<[number, number]>): string {
  if (!old.some((s) => s.free)) return text;
  const generated = sentences(text).filter((s) => !insideSlots(text, s.start, s.end, slotRanges));
  const existing = new Set(sentences(text).map((s) => normalize(s.text)));
  const lineEnd = (offset: number): number => {
    const nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length : nl;
  };
  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const others = old.filter((s) => !s.free).length;
  const insertions: Array<{ at: number; text: string; order: number }> = [];
  let k = 0;
  let i = 0;
  while (i < old.length) {
    if (!old[i].free) {
      k += 1;
      i += 1;
      continue;
    }
    const run: OldSentence[] = [];
    while (i < old.length && old[i].free) run.push(old[i++]);
    const kept = run.filter((s) => !existing.has(normalize(s.text)));
    if (kept.length === 0) continue;
    const before = old.slice(0, i - run.length).reverse().find((s) => !s.free);
    const after = old.slice(i).find((s) => !s.free);
    const runText = joinRun(kept);
    const order = insertions.length;
    if (generated.length === 0) {
      insertions.push({ at: text.length, text: (text ? '\n' : '') + runText, order });
    } else if (k === 0) {
      const first = generated[0];
      const same = after !== undefined && after.paragraph === run[run.length - 1].paragraph;
      insertions.push(same ? { at: first.start, text: runText, order } : { at: lineStart(first.start), text: runText + '\n', order });
    } else {
      const anchor = generated[Math.min(k >= others ? generated.length : k, generated.length) - 1];
      const next = generated.find((s) => s.start > anchor.start);
      const same = before !== undefined && before.paragraph === run[0].paragraph;
      if (same) insertions.push({ at: next && next.paragraph === anchor.paragraph ? next.start : lineEnd(anchor.start), text: runText, order });
      else insertions.push({ at: lineEnd(anchor.start), text: '\n' + runText, order });
    }
  }
  insertions.sort((a, b) => a.at - b.at || a.order - b.order);
  let result = '';
  let last = 0;
  for (const insertion of insertions) {
    result += text.slice(last, insertion.at) + insertion.text;
    last = insertion.at;
  }
  return result + text.slice(last);
}

function joinRun(run: readonly OldSentence[]): string {
  let text = '';
  run.forEach((sentence, index) => {
    if (index > 0 && sentence.paragraph !== run[index - 1].paragraph) text += '\n';
    text += sentence.text;
  });
  return text;
}

function insideSlots(text: string, start: number, end: number, ranges: ReadonlyArray<[number, number]>): boolean {
  for (let i = start; i < end; i++) {
    if (!/[\u4e00-\u9fff\d]/.test(text[i])) continue;
    if (!ranges.some(([a, b]) => i >= a && i < b)) return false;
  }
  return true;
}
