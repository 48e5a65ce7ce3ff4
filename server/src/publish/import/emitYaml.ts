import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ScalarTag } from 'yaml';
import { parseBudgetDocument } from '../../service/document';
import { t } from '../../service/i18n/l10n';
import { PlainError } from '../../service/i18n/plainError';
import { getPair, isMap, isScalar } from '../../service/yaml/ast';
import type { MoneyUnit } from '../../service/amount/units';
import type { TableKey } from '../../service/model/types';
import { TABLE_ORDER } from '../vocabulary';
import { BlockText, CodeText, ImportedSection, ImportedTable, ImportResult, isFlow, PlainMap, PlainValue, PrintedAmount } from './types';

/**
 * Writing imported tables as YAML with the `yaml` package's Document API, in the style of the
 * format (rows as flow mappings one per line, codes quoted, amounts as printed), either as a new
 * report or into an existing report, replacing only the imported tables and keeping every other
 * byte — narrative, comments, other tables — as it was.
 */

/** Amounts are printed as their decimal text, unquoted, without going through a JS number. */
const AMOUNT_TAG: ScalarTag = {
  tag: 'tag:budget-report,2024:amount',
  default: true,
  identify: (value) => value instanceof PrintedAmount,
  resolve: (text: string) => new PrintedAmount(text),
  stringify: (item) => (item.value as PrintedAmount).text,
};

const STRINGIFY = { lineWidth: 0, minContentWidth: 0, nullStr: '', indent: 2, indentSeq: true } as const;

/** `columns: [ a, b ]` as the format's examples write it: `columns: [a, b]`. */
function tidy(text: string): string {
  return text.replace(/^(\s*columns: )\[ (.*) \]$/gm, '$1[$2]');
}

function newDocument(): Document {
  return new Document(undefined, { customTags: [AMOUNT_TAG] });
}

function node(value: PlainValue): unknown {
  if (value instanceof PrintedAmount) {
    // A figure written with thousands separators (as printed in a PDF) is quoted: "96,282,213.44".
    if (!/^-?\d+(?:\.\d+)?$/.test(value.text)) {
      const scalar = new Scalar(value.text);
      scalar.type = Scalar.QUOTE_DOUBLE;
      return scalar;
    }
    return new Scalar(value);
  }
  if (value instanceof CodeText) {
    const scalar = new Scalar(value.text);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }
  if (value instanceof BlockText) {
    const scalar = new Scalar(value.text);
    scalar.type = Scalar.BLOCK_LITERAL;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.flow = isFlow(value);
    for (const item of value) seq.items.push(node(item));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap();
    map.flow = isFlow(value);
    for (const [key, item] of Object.entries(value)) map.set(new Scalar(key), node(item));
    return map;
  }
  return new Scalar(value);
}

/** The table's body with its own unit (after its title) when it differs from the document's. */
function tableBody(table: ImportedTable, documentUnit: MoneyUnit | undefined): PlainMap {
  if (!table.unit || table.unit === documentUnit) return table.body;
  const { title, ...rest } = table.body;
  return { ...(title !== undefined ? { title } : {}), unit: table.unit, ...rest };
}

function sortTables(tables: readonly ImportedTable[]): ImportedTable[] {
  return [...tables].sort((a, b) => TABLE_ORDER.indexOf(a.key) - TABLE_ORDER.indexOf(b.key));
}

/** YAML text of one table (`key:` and its value), each line indented by `indent` spaces. */
export function tableYaml(table: ImportedTable, documentUnit: MoneyUnit | undefined, indent: number): string {
  const doc = newDocument();
  const map = new YAMLMap();
  map.set(new Scalar(table.key), node(tableBody(table, documentUnit)));
  doc.contents = map as never;
  const pad = ' '.repeat(indent);
  return tidy(doc.toString(STRINGIFY)).replace(/\n$/, '').split('\n').map((line) => (line ? pad + line : line)).join('\n') + '\n';
}

export interface NewReportOptions {
  /** Workbooks the tables come from (named in the header comment). */
  readonly sources?: readonly string[];
  /** Relative path from the report to the JSON Schema, for the yaml-language-server modeline. */
  readonly schemaPath?: string;
}

/** A new report holding the imported tables. */
export function newReportYaml(result: ImportResult, options: NewReportOptions = {}): string {
  const doc = newDocument();
  const root = new YAMLMap();
  root.set(new Scalar('format'), new Scalar('budget-report/1'));
  if (result.department) root.set(new Scalar('department'), new Scalar(result.department));
  root.set(new Scalar('kind'), new Scalar(result.kind ?? 'department'));
  if (result.year) root.set(new Scalar('year'), new Scalar(new PrintedAmount(String(result.year))));
  root.set(new Scalar('unit'), new Scalar(result.unit ?? '万元'));
  if (result.template) root.set(new Scalar('template'), new Scalar(result.template));
  if (result.title) root.set(new Scalar('title'), new Scalar(result.title));
  if (result.date) root.set(new Scalar('date'), new Scalar(result.date));
  if (result.previous) root.set(new Scalar('previous'), node(result.previous));
  const tables = new YAMLMap();
  sortTables(result.tables).forEach((table, i) => {
    const key = new Scalar(table.key);
    if (i > 0) key.spaceBefore = true;
    tables.set(key, node(tableBody(table, result.unit ?? '万元')));
  });
  const tablesKey = new Scalar('tables');
  tablesKey.spaceBefore = true;
  root.set(tablesKey, tables);
  if (result.narrative?.length) {
    const narrativeKey = new Scalar('narrative');
    narrativeKey.spaceBefore = true;
    root.set(narrativeKey, node(narrativeValue(result.narrative)));
  }
  doc.contents = root as never;
  const comments: string[] = [];
  if (options.schemaPath) comments.push(` yaml-language-server: $schema=${options.schemaPath}`);
  if (options.sources?.length) comments.push(` Imported from ${options.sources.join(', ')} by budget-check import.`);
  if (comments.length) doc.commentBefore = comments.join('\n');
  return tidy(doc.toString(STRINGIFY));
}

/** The narrative as the format writes it: sections with a literal block of one paragraph a line. */
function narrativeValue(sections: readonly ImportedSection[]): PlainValue {
  return sections.map((section) => {
    const map: PlainMap = { title: section.title };
    if (section.paragraphs.length) map.text = new BlockText(section.paragraphs.join('\n') + '\n');
    if (section.sections.length) map.sections = narrativeValue(section.sections);
    return map;
  });
}

/** YAML text of the `narrative:` key and its sections. */
export function narrativeYaml(sections: readonly ImportedSection[]): string {
  const doc = newDocument();
  const map = new YAMLMap();
  map.set(new Scalar('narrative'), node(narrativeValue(sections)));
  doc.contents = map as never;
  return doc.toString(STRINGIFY);
}

/** A replacement of the text between two offsets of the existing report. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface MergeResult {
  readonly text: string;
  /** The edits that turn the existing text into `text` (for an editor: apply only these ranges). */
  readonly edits: readonly TextEdit[];
  readonly replaced: readonly TableKey[];
  readonly added: readonly TableKey[];
  /** The import's narrative was added (the report had none); a report's own narrative is never replaced. */
  readonly narrativeAdded?: boolean;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Replaces the imported tables of an existing report and adds the new ones; everything else —
 * header, narrative, comments, other tables — is kept byte for byte. A table's region runs from
 * its key's line to the next key's line, without the blank and comment lines before the next key
 * that are indented no deeper than the key (those belong to what follows).
 */
function mergeTables(existing: string, result: ImportResult): MergeResult {
  const parsed = parseBudgetDocument(existing).yaml;
  // Offsets of a document with syntax errors cannot be trusted for splicing.
  const syntax = parsed.problems.find((p) => p.kind === 'syntax');
  if (syntax) throw new PlainError(t('a YAML syntax error on line {0}', existing.slice(0, syntax.start).split('\n').length));
  const root = isMap(parsed.root) ? parsed.root : null;
  const unitPair = root ? getPair(root, 'unit') : undefined;
  const unitText = unitPair && isScalar(unitPair.value) ? unitPair.value.value.trim() : '';
  const documentUnit: MoneyUnit = unitText === '元' ? '元' : '万元';
  const tablesPair = root ? getPair(root, 'tables') : undefined;
  const tablesMap = tablesPair && isMap(tablesPair.value) && !tablesPair.value.flow ? tablesPair.value : null;
  const replaced: TableKey[] = [];
  const added: TableKey[] = [];
  const imported = sortTables(result.tables);
  if (!root || root.flow) throw new PlainError(t('the report is not a YAML mapping (key: value lines)'));
  if (!tablesMap && tablesPair && isScalar(tablesPair.value) && tablesPair.value.isNull) {
    // `tables:` written without tables yet: they go under its line.
    const lineEnd = existing.indexOf('\n', tablesPair.key.start);
    const at = lineEnd < 0 ? existing.length : lineEnd + 1;
    const block = (lineEnd < 0 ? '\n' : '') + imported.map((table) => tableYaml(table, documentUnit, 2)).join('\n');
    return { text: existing.slice(0, at) + block + existing.slice(at), edits: [{ start: at, end: at, text: block }], replaced, added: imported.map((t) => t.key) };
  }
  if (!tablesMap) {
    if (tablesPair) throw new PlainError(t('tables: is not written as a block of tables'));
    // No tables yet: put them before the narrative (or at the end).
    const narrative = getPair(root, 'narrative');
    const at = narrative ? lineStart(existing, narrative.key.start) : existing.length;
    const block = 'tables:\n' + imported.map((table) => tableYaml(table, documentUnit, 2)).join('\n');
    const before = existing.slice(0, at);
    const text = before + (before.endsWith('\n') || before === '' ? '' : '\n') + block + (narrative ? '\n' : '') + existing.slice(at);
    return { text, edits: [{ start: at, end: at, text: text.slice(at, at + text.length - existing.length) }], replaced, added: imported.map((t) => t.key) };
  }
  const indent = tablesMap.pairs.length ? tablesMap.pairs[0].key.start - lineStart(existing, tablesMap.pairs[0].key.start) : 2;
  const nextTopLevel = root.pairs.find((p: { key: { start: number } }) => p.key.start > tablesPair!.key.start);
  const tablesEnd = nextTopLevel ? lineStart(existing, nextTopLevel.key.start) : existing.length;
  const regions = tablesMap.pairs.map((pair, i) => {
    const start = lineStart(existing, pair.key.start);
    const next = tablesMap.pairs[i + 1];
    const limit = next ? lineStart(existing, next.key.start) : tablesEnd;
    return { key: pair.key.value, start, end: trimTrailing(existing, start, limit, indent) };
  });
  const edits: TextEdit[] = [];
  for (const table of imported) {
    const region = regions.find((r) => r.key === table.key);
    if (region) {
      edits.push({ start: region.start, end: region.end, text: tableYaml(table, documentUnit, indent) });
      replaced.push(table.key);
    }
  }
  const fresh = imported.filter((table) => !regions.some((r) => r.key === table.key));
  if (fresh.length) {
    const last = regions[regions.length - 1];
    const at = last ? last.end : lineStart(existing, tablesPair!.key.start) + existing.slice(lineStart(existing, tablesPair!.key.start)).indexOf('\n') + 1;
    edits.push({ start: at, end: at, text: fresh.map((table) => '\n' + tableYaml(table, documentUnit, indent)).join('') });
    added.push(...fresh.map((t) => t.key));
  }
  edits.sort((a, b) => a.start - b.start);
  let text = existing;
  for (const edit of [...edits].reverse()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, edits, replaced, added };
}

/**
 * Replaces the imported tables of an existing report and adds the new ones; everything else —
 * header, narrative, comments, other tables — is kept byte for byte. An imported narrative (PDF)
 * is added at the end when the report has none.
 */
export function mergeIntoReport(existing: string, result: ImportResult): MergeResult {
  const merged = mergeTables(existing, result);
  if (!result.narrative?.length) return merged;
  const root = parseBudgetDocument(merged.text).yaml.root;
  if (isMap(root) && getPair(root, 'narrative')) return merged;
  const text = (merged.text.endsWith('\n') || merged.text === '' ? '' : '\n') + '\n' + narrativeYaml(result.narrative);
  // The edit is expressed against the original text: it goes after everything else.
  return { ...merged, text: merged.text + text, edits: [...merged.edits, { start: existing.length, end: existing.length, text }], narrativeAdded: true };
}

/** The end of a table's own lines: trailing blank lines and shallow comments belong to what follows. */
function trimTrailing(text: string, start: number, limit: number, indent: number): number {
  let end = limit;
  while (end > start) {
    const lineBegin = lineStart(text, end - 1 > start ? end - 1 : start);
    if (lineBegin <= start) break;
    const line = text.slice(lineBegin, end).replace(/\n$/, '');
    const depth = line.length - line.trimStart().length;
    if (line.trim() === '' || (line.trimStart().startsWith('#') && depth <= indent)) end = lineBegin;
    else break;
  }
  return end;
}

