import { t } from '../../i18n/l10n';
import { tableTitle } from '../../schema/schemaInfo';
import { getString, getValue, isMap, Span } from '../../yaml/ast';
import type { AmountRecord, Table } from '../../model/types';
import type { Rule } from '../ruleTypes';
import { catalogLines, CatalogLine } from './catalog';
import { DATA_TABLES, EMPTY_NOTE } from './reviewData';
import { piecesOf } from './textPieces';

function hasFigure(record: AmountRecord): boolean {
  for (const cell of record.cells.values()) if (!cell.amount.blank && !cell.amount.value.isZero()) return true;
  return false;
}

/**
 * Whether a published table carries data: a figure other than 0 anywhere in it, or — for the
 * tables whose lines are data without figures (project blocks, asset lines) — any such line.
 * A table printed with blank or 0.00 cells only has no data.
 */
export function tableHasData(table: Table): boolean {
  const records: AmountRecord[] = [...table.rows, ...table.groups.values(), ...(table.total ? [table.total] : [])];
  for (const list of table.lists.values()) records.push(...list);
  if (records.some(hasFigure)) return true;
  for (const cell of table.scalars.values()) if (!cell.amount.blank && !cell.amount.value.isZero()) return true;
  if (!DATA_TABLES.has(table.key)) return false;
  if (table.rows.some((row) => row.kind === 'item' || row.indicators.length > 0)) return true;
  const node = table.node;
  if (table.key === 'overall_performance' && isMap(node)) return ['goal', 'tasks', 'indicators'].some((k) => getValue(node, k));
  return false;
}

/** How a table is declared empty: its note, or its catalog line (是空表 with a reason). */
function emptyDeclaration(table: Table, lines: readonly CatalogLine[], documentText: string): { span: Span; text: string } | undefined {
  const note = isMap(table.node) ? getString(table.node, 'note') : undefined;
  if (note) {
    for (const piece of piecesOf(note, documentText, 'note')) {
      if (EMPTY_NOTE.test(piece.value)) return { span: piece.spanOf(0, piece.value.length), text: piece.value.trim() };
    }
  }
  const line = lines.find((l) => l.table === table.key && l.empty);
  if (line) return { span: line.span, text: line.reason?.value ?? '' };
  return undefined;
}

export const emptyTableNote: Rule = {
  id: 'review/empty-table-note',
  area: 'review',
  severity: 'warning',
  title: '没有数据的表要说明空表理由（如“本部门无…，故本表无数据”“空表列示”，或公开目录标明是空表及理由）',
  run(context, run) {
    const lines = catalogLines(context.report);
    for (const table of context.report.tables.values()) {
      if (table.key === 'catalog') continue;
      if (table.incomplete) {
        run.couldNotCheck(t('{0} is marked incomplete', tableTitle(table.key)));
        continue;
      }
      run.checked();
      if (tableHasData(table)) continue;
      const declared = emptyDeclaration(table, lines, context.text);
      if (declared && declared.text) continue;
      const catalogLine = lines.find((l) => l.table === table.key && l.empty);
      run.report({
        span: table.title?.span ?? table.keySpan,
        message: catalogLine
          ? t('{0} is published empty and the catalog marks it empty, but gives no reason', tableTitle(table.key))
          : t('{0} has no data but no note saying why (e.g. "本部门无…，故本表无数据" or "空表列示")', tableTitle(table.key)),
        data: { relation: table.key },
      });
    }
  },
};

export const noteOnNonempty: Rule = {
  id: 'review/note-on-nonempty',
  area: 'review',
  severity: 'error',
  title: '说明为空表的表（表注“故本表无数据”“空表列示”，或公开目录标为空表）确实没有数据',
  run(context, run) {
    const lines = catalogLines(context.report);
    for (const table of context.report.tables.values()) {
      if (table.key === 'catalog') continue;
      const declared = emptyDeclaration(table, lines, context.text);
      if (!declared) continue;
      if (table.incomplete) {
        run.couldNotCheck(t('{0} is marked incomplete', tableTitle(table.key)));
        continue;
      }
      run.checked();
      if (!tableHasData(table)) continue;
      run.report({
        span: declared.span,
        message: t('{0} is declared empty ("{1}"), but it has data', tableTitle(table.key), declared.text || t('catalog: empty')),
        data: { relation: table.key },
      });
    }
  },
};
