import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../document';
import type { CodeTables } from '../codes/codeTables';
import { locate } from '../navigation/pathAt';
import { schemaAtPath, resolveRef } from '../schema/schemaInfo';
import { isTableKey } from '../model/tableDefs';
import type { Cell, Row, Table } from '../model/types';
import type { Span } from '../yaml/ast';
import { explainCell, Explanation } from './explainFigure';
import { t } from '../i18n/l10n';

/** Extra hover providers (the prose claims), consulted before the structural hover. */
export type HoverProvider = (parsed: ParsedDocument, offset: number) => { markdown: string; span: Span } | undefined;

export function hover(textDocument: TextDocument, parsed: ParsedDocument, position: Position, codes: CodeTables, providers: readonly HoverProvider[] = [], codeYear?: number): Hover | null {
  const offset = textDocument.offsetAt(position);
  const range = (span: Span) => Range.create(textDocument.positionAt(span.start), textDocument.positionAt(span.end));
  for (const provider of providers) {
    const result = provider(parsed, offset);
    if (result) return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: range(result.span) };
  }
  const location = locate(parsed.yaml.root, offset);
  if (!location.pair || !location.scalar) return null;
  const key = location.pair.key.value;
  if (location.onKey) {
    const schema = schemaAtPath(location.path);
    const resolved = resolveRef(schema);
    const title = schema?.title ?? resolved?.title;
    const description = schema?.description ?? resolved?.description;
    if (!title && !description) return null;
    return { contents: { kind: MarkupKind.Markdown, value: `**${key}** — ${title ?? ''}\n\n${description ?? ''}`.trim() }, range: range(location.pair.key) };
  }
  const year = codeYear ?? parsed.report.year;
  if (key === 'code' || key === 'gov_code') {
    const digits = location.scalar.value.replace(/\s+/g, '');
    const path = codes.path(digits, year);
    const entry = codes.lookup(digits, year);
    const lines = entry
      ? [`**${digits}** ${entry.name}`, path.map((e) => `${e.code} ${e.name}`).join(' › '), t('source: {0}', entry.source)]
      : [`**${digits}**`, t('Not in the code tables for {0}', year ?? '')];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: range(location.scalar) };
  }
  const cellHover = amountHover(parsed, codes, location.path, location.scalar);
  if (cellHover) return { contents: { kind: MarkupKind.Markdown, value: cellHover }, range: range(location.scalar) };
  return null;
}

/** The table, row and cell an amount under the cursor belongs to. */
function findCell(parsed: ParsedDocument, path: ReadonlyArray<string | number>, span: Span): { table: Table; row: Row; column: string; cell: Cell } | undefined {
  const [root, tableKey, section, index, column] = path;
  if (root !== 'tables' || typeof tableKey !== 'string' || !isTableKey(tableKey)) return undefined;
  const table = parsed.report.tables.get(tableKey);
  if (!table) return undefined;
  let row: Row | undefined;
  let key: string | undefined;
  if (section === 'total' && typeof index === 'string') {
    row = table.total;
    key = index;
  } else if (section === 'rows' && typeof index === 'number' && typeof column === 'string') {
    row = table.rows.find((r) => r.span.start <= span.start && span.end <= r.span.end);
    key = column;
  }
  const cell = row && key ? row.cells.get(key) : undefined;
  if (!row || !key || !cell || cell.span.start !== span.start) return undefined;
  return { table, row, column: key, cell };
}

function amountHover(parsed: ParsedDocument, codes: CodeTables, path: ReadonlyArray<string | number>, scalar: Span): string | undefined {
  const found = findCell(parsed, path, scalar);
  if (!found) return undefined;
  const explanations = explainCell(parsed.report, codes, found.table, found.row, found.column, found.cell);
  if (explanations.length === 0) return undefined;
  return explanations.map(describe).join('\n\n');
}

function describe(explanation: Explanation): string {
  const mark = explanation.agrees ? '✓' : '✗';
  return `${mark} ${explanation.what} **${explanation.value}**  \n${explanation.formula}`;
}
