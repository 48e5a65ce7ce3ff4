import { parseBudgetDocument } from '../../service/document';
import { getPair, isMap, isScalar, isSeq, YNode } from '../../service/yaml/ast';
import { amountOfText } from '../cellText';
import { normalizeLabel } from '../grid';
import type { PdfImport } from './importPdf';
import type { NarrativeSection } from './narrative';
import type { TableGrid } from './tableGrid';

/**
 * The page of the PDF each part of an imported report came from, so that a finding on the YAML
 * written by the import also names the page: a table row is found again in its grid by its code,
 * name and figures; a paragraph is a line of its section's block.
 */

interface PageSpan {
  readonly start: number;
  readonly end: number;
  readonly page: number;
}

function scalarTexts(node: YNode | null): string[] {
  if (!node) return [];
  if (isScalar(node)) return node.isNull ? [] : [node.value];
  if (isMap(node)) return node.pairs.flatMap((p) => scalarTexts(p.value));
  return node.items.flatMap(scalarTexts);
}

/** How a printed cell or a written value is compared: amounts by value, texts without spaces. */
function comparable(text: string): string {
  const amount = amountOfText(text);
  if (amount.ok && amount.text !== null) return `#${amount.text.replace(/\.?0+$/, '')}`;
  return normalizeLabel(text);
}

function rowBags(grid: TableGrid): Array<Set<string>> {
  return grid.grid.rows.map((row) => {
    const bag = new Set<string>();
    const texts = row.map((c) => c.text).filter(Boolean);
    for (const text of texts) bag.add(comparable(text));
    // Codes printed in 类/款/项 columns are written joined.
    bag.add(normalizeLabel(texts.filter((t) => /^\d+$/.test(t)).join('')));
    return bag;
  });
}

function matches(bag: Set<string>, values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => bag.has(comparable(v)) || bag.has(normalizeLabel(v)));
}

function tableSpans(node: YNode, grid: TableGrid, spans: PageSpan[]): void {
  const bags = rowBags(grid);
  const firstPage = grid.pages[0];
  spans.push({ start: node.start, end: node.end, page: firstPage });
  if (!isMap(node)) return;
  let cursor = 0;
  const find = (values: readonly string[]): number | undefined => {
    for (let r = cursor; r < bags.length; r++) if (matches(bags[r], values)) { cursor = r + 1; return grid.rowPages[r]; }
    for (let r = 0; r < cursor && r < bags.length; r++) if (matches(bags[r], values)) return grid.rowPages[r];
    return undefined;
  };
  for (const pair of node.pairs) {
    const value = pair.value;
    if (!value) continue;
    if (isSeq(value)) {
      for (const item of value.items) {
        const page = find(scalarTexts(item).filter((v) => v !== ''));
        spans.push({ start: item.start, end: item.end, page: page ?? firstPage });
      }
    } else if (pair.key.value === 'note') {
      spans.push({ start: pair.start, end: pair.end, page: grid.rowPages[grid.rowPages.length - 1] });
    } else if (pair.key.value !== 'title' && pair.key.value !== 'unit' && pair.key.value !== 'columns') {
      const saved = cursor;
      cursor = 0;
      const page = find(scalarTexts(value));
      cursor = saved;
      spans.push({ start: pair.start, end: pair.end, page: page ?? firstPage });
    }
  }
}

function narrativeSpans(node: YNode, sections: readonly NarrativeSection[], spans: PageSpan[]): void {
  if (!isSeq(node)) return;
  node.items.forEach((item, i) => {
    const section = sections[i];
    if (!section || !isMap(item)) return;
    spans.push({ start: item.start, end: item.end, page: section.page });
    const text = getPair(item, 'text')?.value;
    if (isScalar(text) && text.lineStarts) {
      text.lineStarts.forEach((start, k) => {
        const paragraph = section.paragraphs[k];
        const end = text.lineStarts![k + 1] ?? text.end;
        if (paragraph) spans.push({ start, end, page: paragraph.page });
      });
    }
    const children = getPair(item, 'sections')?.value;
    if (children) narrativeSpans(children, section.sections, spans);
  });
}

/** A function from an offset of `text` (the YAML the import wrote) to the page it came from. */
export function pageLocator(text: string, imported: PdfImport): (offset: number) => number | undefined {
  const root = parseBudgetDocument(text).yaml.root;
  const spans: PageSpan[] = [];
  if (isMap(root)) {
    const tables = getPair(root, 'tables')?.value;
    if (isMap(tables)) {
      for (const pair of tables.pairs) {
        const grid = imported.grids.get(pair.key.value as never);
        if (grid && pair.value) tableSpans(pair.value, grid, spans);
      }
    }
    const narrative = getPair(root, 'narrative')?.value;
    if (narrative) narrativeSpans(narrative, imported.narrative.sections, spans);
  }
  return (offset) => {
    let best: PageSpan | undefined;
    for (const span of spans) {
      if (offset < span.start || offset > span.end) continue;
      if (!best || span.end - span.start < best.end - best.start) best = span;
    }
    return best?.page;
  };
}
