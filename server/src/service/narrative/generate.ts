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
import { templateFor, templateIds } from './templateRegistry';
import type { CompiledSection, CompiledTemplate, Token } from './compileTemplate';
import type { KeepDef } from './templateTypes';
import { topicOf } from './topics';
import { impliedPrevious, ImpliedPrevious, proseOf } from './impliedPrevious';
import { parseBudgetDocument } from '../document';
import { analyzeProse } from '../prose/analyze';
import type { Claim, ProseAnalysis } from '../prose/types';
import type { ClaimFigureId } from '../prose/figureIds';
import type { Span } from '../yaml/ast';
import { refreshText } from '../refresh/refresh';
import { toCheckSettings } from '../settings';
import { topicOf as proseTopicOf } from '../prose/dictionary';
import type { Topic as ProseTopic } from '../prose/dictionary';

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
  const generated = section ? rawGeneration(document, codes, section) : undefined;
  return generated ? finish(document, codes, [generated])[0] : undefined;
}

interface RawGeneration {
  readonly section: Section;
  readonly topic: string;
  readonly text: string;
  readonly edit: OffsetEdit;
  /** Author's text with figures was kept in it (a clause, a sentence): its numbers are refreshed from the data. */
  readonly keptFigures: boolean;
  /** The author's sentences with figures the new text replaces, with the figures they state. */
  readonly replaced: readonly ReplacedSentence[];
}

function rawGeneration(document: ParsedDocument, codes: CodeTables, section: Section, keep?: ReadonlySet<string>): RawGeneration | undefined {
  const topic = topicOf(section);
  if (!topic || (section.sections.length > 0 && !section.text)) return undefined;
  const built = buildSection(document, codes, section, topic, keep);
  if (!('text' in built)) return undefined;
  const edit = textBlockEdit(document.text, section, built.text.split('\n'));
  return edit ? { section, topic, text: built.text, edit, keptFigures: built.keptFigures, replaced: built.replaced } : undefined;
}

/** The new blocks' spans in the document with every raw edit applied. */
function newSpans(raws: readonly RawGeneration[]): Map<RawGeneration, Span> {
  const sorted = [...raws].sort((a, b) => a.edit.span.start - b.edit.span.start);
  const spans = new Map<RawGeneration, Span>();
  let shift = 0;
  for (const raw of sorted) {
    const start = raw.edit.span.start + shift;
    spans.set(raw, { start, end: start + raw.edit.newText.length });
    shift += raw.edit.newText.length - (raw.edit.span.end - raw.edit.span.start);
  }
  return spans;
}

/**
 * Generation never removes what it cannot regenerate: an author's sentence with figures is
 * replaced only when the new text states one of its figures (the prose checker reads both); a
 * sentence about figures the template does not state (a 中小企业 reserve the report has no table
 * for, a figure the author added) is kept as the author's, and the section is composed again.
 */
function keepUnregenerated(document: ParsedDocument, codes: CodeTables, raws: RawGeneration[]): RawGeneration[] {
  if (!raws.some((r) => r.replaced.some((s) => s.figures.size > 0))) return raws;
  let analysis: ProseAnalysis;
  try {
    // Parsed against this version: only the regenerated sections are parsed again.
    analysis = analyzeProse(parseBudgetDocument(applyEdits(document.text, raws.map((r) => r.edit)), document), codes, toCheckSettings());
  } catch {
    return raws;
  }
  const spans = newSpans(raws);
  return raws.map((raw) => {
    const span = spans.get(raw)!;
    const stated = new Set(analysis.claims.filter((c) => c.figure && c.kind !== 'year' && c.span.start >= span.start && c.span.end <= span.end).map((c) => c.figure!));
    const keep = raw.replaced.filter((s) => s.figures.size > 0 && ![...s.figures].some((f) => stated.has(f))).map((s) => normalize(s.text));
    if (keep.length === 0) return raw;
    return rawGeneration(document, codes, raw.section, new Set(keep)) ?? raw;
  });
}

/**
 * The generations, with the numbers of the author's text they keep (the 执行数 comparison of an
 * item, a sentence the template does not write) refreshed from the data as `budget-check
 * refresh` does: one refresh over every regenerated section.
 */
function finish(document: ParsedDocument, codes: CodeTables, composed: readonly RawGeneration[]): SectionGeneration[] {
  const raws = keepUnregenerated(document, codes, [...composed]);
  let texts = raws.map((r) => r.text);
  if (raws.some((r) => r.keptFigures)) {
    const spans = newSpans(raws);
    const within = raws.filter((r) => r.keptFigures).map((r) => spans.get(r)!);
    try {
      const text = applyEdits(document.text, raws.map((r) => r.edit));
      const refreshed = refreshText(text, { codes, settings: toCheckSettings(), within, parsed: parseBudgetDocument(text, document) });
      if (refreshed.edits.length > 0) {
        texts = raws.map((raw, i) => {
          const after = findSection(refreshed.document.report.narrative, raw.section.path);
          return after ? currentText(after) : texts[i];
        });
      }
    } catch {
      // The numbers stay as kept; generation itself never fails on the prose reader.
    }
  }
  const result: SectionGeneration[] = [];
  raws.forEach((raw, i) => {
    const text = texts[i];
    const edit = text === raw.text ? raw.edit : textBlockEdit(document.text, raw.section, text.split('\n'));
    if (!edit) return;
    const current = currentText(raw.section);
    const changed = current !== text;
    result.push({ path: raw.section.path, title: raw.section.title?.value ?? '', topic: raw.topic, text, current, edit, handEdited: changed && current.length > 0, changed });
  });
  return result;
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
  const raws: RawGeneration[] = [];
  for (const info of generatableSections(document, codes)) {
    if (!info.generatable) continue;
    const section = findSection(document.report.narrative, info.path);
    const raw = section ? rawGeneration(document, codes, section) : undefined;
    if (raw) raws.push(raw);
  }
  return finish(document, codes, raws);
}

/** The edits that regenerate every generatable section whose text would change. */
export function generateDocument(document: ParsedDocument, codes: CodeTables): OffsetEdit[] {
  return generateAll(document, codes).filter((g) => g.changed).map((g) => g.edit);
}

/** The document text with every generatable section regenerated. */
export function generatedDocumentText(document: ParsedDocument, codes: CodeTables): string {
  return applyEdits(document.text, generateDocument(document, codes));
}

/**
 * The sections of the narrative, depth first; the parts of a project's own 情况说明 (人民调解项目
 * 经费情况说明 › 七、绩效目标) speak about that project, not about the report: they are not walked.
 */
function* walk(sections: readonly Section[], parent?: ProseTopic): Generator<Section> {
  for (const section of sections) {
    const prose = proseTopicOf(section, parent);
    if (parent && OWN_SUBJECT.has(parent.id)) continue;
    yield section;
    yield* walk(section.sections, prose);
  }
}

/** Prose topics whose subsections speak about something else than the report's figures. */
const OWN_SUBJECT: ReadonlySet<string> = new Set(['project_notes', 'glossary', 'functions', 'performance_targets', 'work_tasks']);

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

type Built = { template: string; text: string; keptFigures: boolean; replaced: readonly ReplacedSentence[] } | { template: string; reason: string };

/** An author's sentence with figures that the new text does not keep, and the figures (prose ids) it states. */
interface ReplacedSentence {
  readonly text: string;
  readonly figures: ReadonlySet<ClaimFigureId>;
}

function buildSection(document: ParsedDocument, codes: CodeTables, section: Section, topic: string, keep?: ReadonlySet<string>): Built {
  try {
    return buildSectionUnsafe(document, codes, section, topic, keep);
  } catch (error) {
    // Generation never throws: a section it cannot build is one it leaves as written.
    return { template: templateFor(document.report.template?.value)?.id ?? '', reason: t('the section could not be generated: {0}', describeError('generate', error)) };
  }
}

function buildSectionUnsafe(document: ParsedDocument, codes: CodeTables, section: Section, topic: string, keep?: ReadonlySet<string>): Built {
  const report = document.report;
  const template = templateFor(report.template?.value);
  if (!template) return { template: '', reason: unknownTemplateReason(report.template?.value) };
  const sectionTemplate = template.sections.find((s) => s.topic === topic);
  if (!sectionTemplate) return { template: template.id, reason: t('the template {0} has no sentences for this section', template.id) };
  if (report.year === undefined) return { template: template.id, reason: t('the report states no year') };
  const context = renderContext(report, codes, template, sectionTemplate, impliedPrevious(document, codes));
  let pieces: Piece[];
  try {
    pieces = renderSection(sectionTemplate, context);
  } catch (error) {
    if (!(error instanceof MissingFigure)) throw error;
    const def = template.figures[error.figure];
    const where = def?.path ?? def?.count ?? def?.row?.table ?? def?.sum?.join(' + ');
    return { template: template.id, reason: t('the report has no figure {0}', where ? `${error.figure} (${where})` : error.figure) };
  }
  const figures = sentenceFigures(document, codes, section);
  const composed = compose(pieces, currentText(section), context, sectionTemplate, figures, keep ?? new Set());
  return { template: template.id, text: composed.text, keptFigures: composed.keptFigures, replaced: composed.replaced };
}

function renderContext(report: Report, codes: CodeTables, template: CompiledTemplate, section: CompiledSection, implied: ImpliedPrevious): RenderContext {
  const department = report.department?.value.trim() ?? '';
  const departmentShort = department.replace(/[（(]([^（）()]*)[）)]/g, '$1');
  const year = report.year ?? 0;
  const prevYear = report.previous.year ?? year - 1;
  const subjectTokens: readonly Token[] = report.kind === 'unit' ? template.subject.unit : template.subject.department;
  const subject = subjectTokens.map((t) => (t.kind === 'text' ? t.text : t.kind === 'name' ? (t.name === 'departmentShort' ? departmentShort : department) : '')).join('');
  return {
    report,
    codes,
    template,
    figures: new FigureReader(report, codes, template.figures, section.amount.unit ?? '万元', implied),
    implied,
    keeps: template.keeps,
    amount: section.amount,
    percent: section.percent,
    names: { subject, department, departmentShort, year: String(year), prevYear: String(prevYear) },
  };
}

type OldSentence = { text: string; paragraph: number; free: boolean; figures?: ReadonlySet<ClaimFigureId> };

/**
 * The section's new text: the rendered template, its slots filled with the author's clauses
 * (主要原因 …) found in the current text, and the author's free sentences put back where they were.
 */
function compose(
  pieces: readonly Piece[],
  old: string,
  context: RenderContext,
  section: CompiledSection,
  figuresAt: (oldOffset: number) => ReadonlySet<ClaimFigureId> | undefined,
  keep: ReadonlySet<string>,
): { text: string; keptFigures: boolean; replaced: ReplacedSentence[] } {
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

  const removed = clauses.filter((_, j) => used.has(j));
  const remainder = removeClauses(old, removed);
  // Where a sentence of the remainder stood in the old text (the figures the author's sentence states).
  const oldOffset = (offset: number): number => {
    let at = offset;
    for (const clause of [...removed].sort((a, b) => a.start - b.start)) {
      if (clause.start <= at) at += clause.end - clause.start;
      else break;
    }
    return at;
  };
  const figuresOf = (sentence: { start: number; text: string }): ReadonlySet<ClaimFigureId> | undefined => {
    const lead = sentence.text.length - sentence.text.trimStart().length;
    return figuresAt(oldOffset(sentence.start + lead));
  };
  const templateBigrams = bigramSet(templateFragments(section, context.names));
  const forced = (sentence: string): boolean => {
    const bare = normalize(sentence);
    return bare.length > 0 && [...keep].some((k) => k.includes(bare));
  };
  const oldSentences: OldSentence[] = sentences(remainder)
    .filter((s) => normalize(s.text).length > 0)
    .map((s) => ({ text: s.text.trim(), paragraph: s.paragraph, figures: figuresOf(s), free: !placeholders.some((p) => s.text.includes(p)) && (forced(s.text) || isFree(s.text, templateBigrams, reasonMarkers, figuresOf(s))) }));
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
        fill = piece.lead + (def?.prefix ?? '') + (def?.keepMarker ? clause.marker : '') + clause.text;
      } else if (piece.fallback !== null) fill = piece.lead + (def?.prefix ?? '') + piece.fallback;
      slotRanges.push([text.length, text.length + fill.length]);
      text += fill;
    }
  }
  const keptFigures = pairs.size > 0 && [...pairs.values()].some((j) => /[0-9０-９]/.test(clauses[j].text)) || oldSentences.some((s) => s.free && /[0-9０-９]/.test(s.text));
  const composed = placeFreeSentences(text, oldSentences, slotRanges)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
  const inNew = normalize(composed);
  const replaced = oldSentences
    .filter((s) => !s.free && hasFigure(s.text) && !inNew.includes(normalize(s.text)))
    .map((s) => ({ text: s.text, figures: s.figures ?? new Set<ClaimFigureId>() }));
  return { text: composed, keptFigures, replaced };
}

/** The fixed part of the template's placeholders (【待补充】, 【待补充：上年数 previous.). */
function placeholderTexts(template: CompiledTemplate): string[] {
  return [template.placeholders.reason, template.placeholders.previousFixed].filter((p) => p.length > 1);
}

/**
 * An old sentence is the author's own when it is not in the template's words and states no
 * figure the checker can name (a sentence whose numbers nothing ties to a figure is not one the
 * template writes either); a sentence that starts with a reason (主要原因是…) is always the
 * author's, so that a reason with no place in the new text is kept rather than lost. A sentence
 * about named figures is the template's to replace — unless the new text does not state any of
 * them (keepUnregenerated).
 */
function isFree(sentence: string, templateBigrams: ReadonlySet<string>, reasonMarkers: readonly string[], figures: ReadonlySet<ClaimFigureId> | undefined): boolean {
  const trimmed = sentence.trim().replace(/^[，,；;]/, '');
  if (reasonMarkers.some((m) => trimmed.startsWith(m)) && trimmed.length > 6) return true;
  if (hasFigure(sentence) && figures !== undefined && figures.size > 0) return false;
  return templateCoverage(sentence, templateBigrams) < SENTENCE_THRESHOLD && (!hasFigure(sentence) || figures !== undefined);
}

/**
 * The figures (prose ids) the sentence of a section's current text at an offset states, by the
 * prose checker's reading of the document. Undefined when the text cannot be mapped (not a
 * literal block).
 */
function sentenceFigures(document: ParsedDocument, codes: CodeTables, section: Section): (offset: number) => ReadonlySet<ClaimFigureId> | undefined {
  const text = section.text;
  if (!text || text.style !== 'literal' || !text.lineStarts) return () => undefined;
  let claims: readonly Claim[];
  try {
    claims = proseOf(document, codes).claims;
  } catch {
    return () => undefined;
  }
  const value = text.value;
  const lines = value.split('\n');
  const toText = (offset: number): number | undefined => {
    let at = 0;
    for (let i = 0; i < lines.length && i < text.lineStarts!.length; i++) {
      const start = text.lineStarts![i];
      if (offset >= start && offset <= start + lines[i].length) return at + (offset - start);
      at += lines[i].length + 1;
    }
    return undefined;
  };
  // Sentences of the current text; compose reads `currentText` (the value without its final newlines).
  const own = sentences(value.replace(/\n+$/, '')).map((s) => ({ start: s.start, end: s.end, figures: new Set<ClaimFigureId>() }));
  for (const claim of claims) {
    if (!claim.figure || claim.kind === 'year' || claim.span.start < text.span.start || claim.span.end > text.span.end) continue;
    const at = toText(claim.span.start);
    if (at === undefined) continue;
    own.find((s) => at >= s.start && at < s.end)?.figures.add(claim.figure);
  }
  return (offset: number) => own.find((s) => offset >= s.start && offset < s.end)?.figures ?? new Set<ClaimFigureId>();
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
