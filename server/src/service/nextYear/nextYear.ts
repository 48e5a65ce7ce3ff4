import { Dec, TEN_THOUSAND } from '../amount/rounding';
import { DocumentAnalysis } from '../analysis/documentAnalysis';
import { currentMessages } from '../i18n/l10n';
import type { CodeTables } from '../codes/codeTables';
import { parseBudgetDocument, ParsedDocument } from '../document';
import { yearFigures, YearFigure, YearFigures } from '../crossYear/yearFigures';
import type { Section } from '../model/types';
import { applyEdits } from '../narrative/blockEdit';
import { formatAmount } from '../narrative/numberFormat';
import { analyzeProse } from '../prose/analyze';
import type { Claim } from '../prose/types';
import { refreshText, RefreshResult } from '../refresh/refresh';
import type { CheckSettings } from '../rules/ruleTypes';
import { getPair, isMap } from '../yaml/ast';
import type { Span } from '../yaml/ast';

/**
 * Next year's report from this year's (issue 14), as text edits of this year's YAML, so that
 * comments and structure stay:
 *
 * 0. Tables replaced from the imported workbook, when one is given (the Excel import's merge:
 *    only the imported tables change).
 * 1. years: the report's `year:`, and in the title, the date, the tables' titles and notes, the
 *    目录, the assets' date and the narrative (titles and sentences) every year that names the
 *    report year or the year before (2026年 → 2027年, 截至2025年8月31日 → 2026年…); a year the
 *    checker finds wrong in this year's text (比2026年预算 for the base year 2025) becomes the
 *    right one of next year. Years of other kinds (文号, a policy of 2015) stay.
 * 2. `previous:` holds this year's 预算数 (from this year's tables, read with the checker's own
 *    figure paths), so that next year's change statements are checked; its comments are kept.
 * 3. The 执行数 a sentence states as last year's (上海: 2025年当年预算执行数为…) is next year's
 *    last year's now, which no table holds: this year's 预算数 of the row stands in for it, with
 *    a marker for the author (【请核对执行数】).
 * 4. Refresh: every number of the narrative tied to data is rewritten from the new tables.
 * 5. A sentence whose figures changed keeps this year's 主要原因: it gets a marker (【请核对原因】).
 */

/** Markers are words of the report (Chinese), for the author: review/placeholder finds them. */
export const REASON_MARKER = '【请核对原因】';
export const EXECUTED_MARKER = '【请核对执行数】';

export interface NextYearOptions {
  readonly codes: CodeTables;
  readonly settings: CheckSettings;
  /** Replaces the imported tables (the Excel import's merge into a report's text). */
  readonly replaceTables?: (text: string) => { text: string; replaced: readonly string[]; added: readonly string[] };
}

export interface NextYearMarker {
  readonly offset: number;
  readonly marker: string;
  readonly sentence: string;
}

export interface NextYearResult {
  readonly text: string;
  readonly year: number;
  /** Years rewritten (and of those, slips corrected). */
  readonly years: number;
  readonly yearsCorrected: number;
  /** Figures written to `previous:`. */
  readonly previousFigures: number;
  readonly executedBases: number;
  readonly tablesReplaced: readonly string[];
  readonly tablesAdded: readonly string[];
  readonly refresh: RefreshResult;
  readonly markers: readonly NextYearMarker[];
}

export class NextYearError extends Error {}

const REASON = /(?:主要原因是|主要原因为|主要原因|原因是|原因为|原因)[：:]?/g;

export function nextYearReport(document: ParsedDocument, options: NextYearOptions): NextYearResult {
  const year = document.report.year;
  if (year === undefined || !document.report.yearSpan) throw new NextYearError('the report states no year');
  // This year's 预算数, from this year's tables, before any is replaced.
  const figures = yearFigures(document.report, options.codes);
  // Tables from the workbook first: their titles move on with the rest.
  let base = document;
  let tablesReplaced: readonly string[] = [];
  let tablesAdded: readonly string[] = [];
  if (options.replaceTables) {
    const merged = options.replaceTables(document.text);
    base = parseBudgetDocument(merged.text);
    tablesReplaced = merged.replaced;
    tablesAdded = merged.added;
  }
  const report = base.report;
  if (!report.yearSpan) throw new NextYearError('the report states no year');
  const claims = analyzeProse(base, options.codes, options.settings).claims;
  const edits: Array<{ span: Span; newText: string }> = [];
  // 1. Years.
  edits.push({ span: report.yearSpan, newText: String(year + 1) });
  const years = bumpYears(base, claims, year);
  edits.push(...years.edits);
  // 2. previous:
  const previous = previousBlock(base, figures, year);
  edits.push(previous.edit);
  // 3. The 执行数 stated as last year's: this year's 预算数 of the row, marked.
  const executed = executedBases(base, claims, figures);
  edits.push(...executed);
  const next = applyEdits(base.text, edits);
  // 4. Refresh.
  // Nothing is written into the text from a figure in question of the new tables (a workbook's
  // 合计 that does not add up): the validation of the new text names them.
  const nextParsed = parseBudgetDocument(next);
  const inQuestion = new DocumentAnalysis(nextParsed, { codes: options.codes, settings: options.settings, messages: currentMessages() }).validation().inQuestion;
  const refresh = refreshText(next, { codes: options.codes, settings: options.settings, parsed: nextParsed, inQuestion });
  // 5. Reasons of sentences whose figures changed (against this year's text, paragraph by paragraph).
  const marked = markReasons(document, refresh.document, executed.length > 0);
  return {
    text: marked.text,
    year: year + 1,
    years: years.edits.length + 1,
    yearsCorrected: years.corrected,
    previousFigures: previous.count,
    executedBases: executed.length / 2,
    tablesReplaced,
    tablesAdded,
    refresh,
    markers: marked.markers,
  };
}

// ————————————————————————————————————————— years

const YEAR = /(?<![0-9０-９])(20\d{2})(?=\s*年|[-/.]\d{1,2}[-/.]\d{1,2})/g;

function bumpYears(document: ParsedDocument, claims: readonly Claim[], year: number): { edits: Array<{ span: Span; newText: string }>; corrected: number } {
  const report = document.report;
  const text = document.text;
  const spans: Span[] = [];
  const add = (span: Span | undefined): void => {
    if (span && span.end > span.start) spans.push(span);
  };
  add(report.title?.span);
  const date = isMap(report.root) ? getPair(report.root, 'date')?.value : undefined;
  if (date) add(date);
  for (const table of report.tables.values()) {
    add(table.title?.span);
    add(table.note?.span);
    if (table.key === 'catalog') for (const row of table.rows) add(row.texts.get('title')?.span);
    if (table.key === 'assets' && isMap(table.node)) add(getPair(table.node, 'as_of')?.value ?? undefined);
  }
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      add(section.title?.span);
      add(section.text?.span);
      walk(section.sections);
    }
  };
  walk(report.narrative);
  const edits: Array<{ span: Span; newText: string }> = [];
  let corrected = 0;
  const seen = new Set<number>();
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const match of slice.matchAll(YEAR)) {
      const at = span.start + (match.index ?? 0);
      if (seen.has(at)) continue;
      seen.add(at);
      const written = Number(match[1]);
      const claim = claims.find((c) => c.kind === 'year' && c.span.start === at && c.status === 'mismatched' && c.expected && /^\d{4}$/.test(c.expected));
      let next: number | undefined;
      if (claim) {
        next = Number(claim.expected) + 1;
        corrected++;
      } else if (written === year || written === year - 1) next = written + 1;
      if (next !== undefined) edits.push({ span: { start: at, end: at + 4 }, newText: String(next) });
    }
  }
  return { edits, corrected };
}

// ————————————————————————————————————————— previous:

function previousBlock(document: ParsedDocument, figures: YearFigures, year: number): { edit: { span: Span; newText: string }; count: number } {
  const report = document.report;
  const text = document.text;
  const unit = report.unit;
  const write = (f: YearFigure): string => (unit === '元' ? f.value.times(TEN_THOUSAND) : new Dec(f.value)).toFixed();
  const lines = ['previous:', `  year: ${year}`, `  unit: ${unit}`];
  let count = 0;
  for (const [key, figure] of figures.figures) {
    lines.push(`  ${key}: ${write(figure)}`);
    count++;
  }
  for (const [name, map] of [['functions', figures.functions], ['economics', figures.economics]] as const) {
    if (map.size === 0) continue;
    lines.push(`  ${name}:`);
    for (const [code, figure] of map) {
      lines.push(`    "${code}": ${write(figure)}`);
      count++;
    }
  }
  const pair = isMap(report.root) ? report.root.pairs.find((p) => p.key.value === 'previous') : undefined;
  if (pair) {
    // The block's lines, from its key to the last line of its value; its comments are kept.
    const start = text.lastIndexOf('\n', pair.key.start - 1) + 1;
    const valueEnd = pair.value ? pair.value.end : pair.key.end;
    let end = text.indexOf('\n', valueEnd);
    if (end < 0) end = text.length;
    // Comment lines that follow the value but are indented under the key belong to the block.
    for (;;) {
      const nextEnd = text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, nextEnd < 0 ? text.length : nextEnd);
      if (/^\s+#/.test(line)) end = nextEnd < 0 ? text.length : nextEnd;
      else break;
    }
    const comments = text.slice(start, end).split('\n').filter((l) => /^\s+#/.test(l));
    return { edit: { span: { start, end }, newText: [lines[0], ...comments, ...lines.slice(1)].join('\n') }, count };
  }
  const tables = /^tables:/m.exec(text);
  const at = tables ? tables.index : text.length;
  return { edit: { span: { start: at, end: at }, newText: lines.join('\n') + '\n\n' }, count };
}

// ————————————————————————————————————————— 执行数

function executedBases(document: ParsedDocument, claims: readonly Claim[], figures: YearFigures): Array<{ span: Span; newText: string }> {
  const text = document.text;
  const edits: Array<{ span: Span; newText: string }> = [];
  for (const claim of claims) {
    const code = /^executed:function:(\d+)$/.exec(claim.figure ?? '')?.[1];
    if (!code || claim.kind !== 'amount') continue;
    const figure = figures.functions.get(code);
    if (!figure) continue;
    const decimals = claim.text.includes('.') ? claim.text.split('.')[1].length : 0;
    const printed = formatAmount(figure.value, { decimals, trim: false, thousands: /[,，]/.test(claim.text) });
    edits.push({ span: claim.span, newText: printed });
    const after = /^\s*万元/.exec(text.slice(claim.span.end));
    const at = claim.span.end + (after ? after[0].length : 0);
    edits.push({ span: { start: at, end: at }, newText: EXECUTED_MARKER });
  }
  return edits;
}

// ————————————————————————————————————————— reasons

/**
 * Marks each 主要原因 of a sentence whose figures changed: by paragraph of each section (the
 * narrative keeps its paragraphs), a paragraph whose numbers other than years differ from this
 * year's; a paragraph of reasons alone is marked when the one before it changed.
 */
function markReasons(before: ParsedDocument, after: ParsedDocument, executedReplaced: boolean): { text: string; markers: NextYearMarker[] } {
  const inserts: Array<{ at: number; marker: string; sentence: string }> = [];
  const text = after.text;
  const pairs = (a: readonly Section[], b: readonly Section[]): void => {
    a.forEach((section, i) => {
      const other = b[i];
      if (!other) return;
      pairs(section.sections, other.sections);
      const old = section.text?.value;
      const now = other.text;
      if (!old || !now || now.style !== 'literal' || !now.lineStarts) return;
      const oldLines = old.split('\n');
      const newLines = now.value.split('\n');
      let previousChanged = false;
      newLines.forEach((line, k) => {
        const changed = numbers(oldLines[k] ?? '') !== numbers(line) || (executedReplaced && line.includes(EXECUTED_MARKER));
        const reasonOnly = !/[0-9０-９]/.test(line.replace(/\d{4}\s*年/g, ''));
        if (changed || (previousChanged && reasonOnly)) {
          for (const match of line.matchAll(REASON)) {
            const start = (match.index ?? 0) + match[0].length;
            if (line.slice(start).startsWith('【')) continue;
            let end = line.length;
            for (const stop of ['。', '；', ';']) {
              const at = line.indexOf(stop, start);
              if (at >= 0 && at < end) end = at;
            }
            if (end <= start) continue;
            if (line.slice(start, end).includes(REASON_MARKER)) continue;
            inserts.push({ at: now.lineStarts![k] + end, marker: REASON_MARKER, sentence: line.slice(Math.max(0, (match.index ?? 0)), end) });
          }
        }
        if (line.trim()) previousChanged = changed || (previousChanged && reasonOnly);
      });
    });
  };
  pairs(before.report.narrative, after.report.narrative);
  inserts.sort((x, y) => y.at - x.at);
  let result = text;
  for (const insert of inserts) result = result.slice(0, insert.at) + insert.marker + result.slice(insert.at);
  // Offsets of the markers in the final text, in reading order.
  const markers: NextYearMarker[] = [];
  let shift = 0;
  for (const insert of [...inserts].reverse()) {
    markers.push({ offset: insert.at + shift, marker: insert.marker, sentence: insert.sentence });
    shift += insert.marker.length;
  }
  return { text: result, markers };
}

/** The numbers of a line other than years, in order. */
function numbers(line: string): string {
  return (line.replace(/(?<![0-9])20\d{2}(?=\s*年)/g, '').match(/[0-9０-９][0-9０-９,，.．]*/g) ?? []).join(' ');
}
