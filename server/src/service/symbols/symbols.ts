import { DocumentSymbol, FoldingRange, Range, SymbolKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../document';
import type { Section } from '../model/types';
import type { Span, YNode } from '../yaml/ast';
import { tableTitle } from '../schema/schemaInfo';
import { t } from '../i18n/l10n';

const MAX_SYMBOLS = 2000;
const MAX_FOLDS = 5000;

/** The outline: document header keys, each table (with its Chinese title), and the narrative sections. */
export function documentSymbols(document: TextDocument, parsed: ParsedDocument): DocumentSymbol[] {
  const range = (span: Span) => Range.create(document.positionAt(span.start), document.positionAt(span.end));
  const root = parsed.yaml.root;
  if (!root || root.kind !== 'map') return [];
  const symbols: DocumentSymbol[] = [];
  let budget = MAX_SYMBOLS;
  for (const pair of root.pairs) {
    if (budget-- <= 0) break;
    const full = { start: pair.key.start, end: pair.value?.end ?? pair.key.end };
    if (pair.key.value === 'tables' && pair.value?.kind === 'map') {
      const children = pair.value.pairs.map((table) => {
        const model = parsed.report.tables.get(table.key.value as never);
        const rows = model?.rows.length ?? 0;
        budget--;
        return DocumentSymbol.create(tableTitle(table.key.value), rows ? t('{0} · {1} rows', table.key.value, rows) : table.key.value, SymbolKind.Struct, range({ start: table.key.start, end: table.value?.end ?? table.key.end }), range(table.key));
      });
      symbols.push(DocumentSymbol.create(t('Tables'), 'tables', SymbolKind.Namespace, range(full), range(pair.key), children));
    } else if (pair.key.value === 'narrative') {
      const children = sectionSymbols(parsed.report.narrative, range, () => budget-- > 0);
      symbols.push(DocumentSymbol.create(t('Narrative'), 'narrative', SymbolKind.Namespace, range(full), range(pair.key), children));
    } else {
      const value = pair.value?.kind === 'scalar' ? pair.value.value : undefined;
      symbols.push(DocumentSymbol.create(pair.key.value, value, SymbolKind.Property, range(full), range(pair.key)));
    }
  }
  return symbols;
}

function sectionSymbols(sections: readonly Section[], range: (s: Span) => Range, take: () => boolean): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  for (const section of sections) {
    if (!take()) break;
    const selection = section.title?.span ?? section.span;
    result.push(DocumentSymbol.create(section.title?.value || t('(untitled section)'), undefined, SymbolKind.String, range(section.span), range(selection), sectionSymbols(section.sections, range, take)));
  }
  return result;
}

/** Folding for every mapping or list that spans lines (capped for huge documents). */
export function foldingRanges(document: TextDocument, parsed: ParsedDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (node: YNode | null, depth: number): void => {
    if (!node || ranges.length >= MAX_FOLDS || depth > 12) return;
    if (node.kind === 'scalar') {
      if (node.style === 'literal' || node.style === 'folded') push(node, 0);
      return;
    }
    if (node.kind === 'map') for (const pair of node.pairs) {
      if (pair.value && pair.value.kind !== 'scalar') push({ start: pair.key.start, end: pair.value.end }, 0);
      else if (pair.value && pair.value.kind === 'scalar' && (pair.value.style === 'literal' || pair.value.style === 'folded')) push({ start: pair.key.start, end: pair.value.end }, 0);
      visit(pair.value, depth + 1);
    }
    else for (const item of node.items) {
      if (item.kind !== 'scalar') push(item, 0);
      visit(item, depth + 1);
    }
  };
  const push = (span: Span, _kind: number): void => {
    const start = document.positionAt(span.start).line;
    let end = document.positionAt(span.end).line;
    if (document.positionAt(span.end).character === 0 && end > start) end -= 1;
    if (end > start && ranges.length < MAX_FOLDS) ranges.push(FoldingRange.create(start, end));
  };
  visit(parsed.yaml.root, 0);
  return ranges;
}
