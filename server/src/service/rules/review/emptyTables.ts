import { t } from '../../i18n/l10n';
import { tableTitle } from '../../schema/schemaInfo';
import { getString, isMap, Span } from '../../yaml/ast';
import type { Table } from '../../model/types';
import { tableHasData } from '../../model/tableData';
import type { Rule } from '../ruleTypes';
import { catalogLines, CatalogLine } from '../../model/catalog';
import { EMPTY_NOTE } from './reviewData';
import { piecesOf } from './textPieces';

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

/** The fund each fund table is about, and the words of the other funds a note may name by mistake. */
const FUND_WORDS: ReadonlyArray<{ table: 'fund_expense' | 'state_capital_expense'; own: RegExp; other: RegExp; otherName: string }> = [
  { table: 'fund_expense', own: /政府性基金/, other: /国有资本经营/, otherName: '国有资本经营预算' },
  { table: 'state_capital_expense', own: /国有资本经营/, other: /政府性基金/, otherName: '政府性基金预算' },
];

export const emptyNoteFund: Rule = {
  id: 'review/empty-note-fund',
  area: 'review',
  severity: 'warning',
  title: '政府性基金、国有资本经营预算支出表的空表说明说的是本表的资金（不是另一种资金）',
  run(context, run) {
    for (const { table: key, own, other, otherName } of FUND_WORDS) {
      const table = context.report.tables.get(key);
      const note = table && isMap(table.node) ? getString(table.node, 'note') : undefined;
      if (!table || !note) continue;
      for (const piece of piecesOf(note, context.text, 'note')) {
        if (!EMPTY_NOTE.test(piece.value)) continue;
        run.checked();
        const match = other.exec(piece.value);
        if (!match || own.test(piece.value)) continue;
        run.report({
          span: piece.spanOf(match.index, match.index + match[0].length),
          message: t('The 空表 note of {0} speaks of {1}: “{2}”', tableTitle(key), otherName, piece.value.trim()),
          data: { relation: key },
        });
      }
    }
  },
};
