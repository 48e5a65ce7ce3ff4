import { t } from '../../i18n/l10n';
import { tableTitle } from '../../schema/schemaInfo';
import type { TableKey } from '../../model/types';
import type { Rule } from '../ruleTypes';
import { CatalogLine, catalogLines, compactTitle, keyByAlias } from '../../model/catalog';
import { NATIONAL_TABLES, templateRequirements } from './reviewData';
import { rootKeySpan } from './textPieces';
import { insertEmptyTable, insertTablesBlock } from '../../skeleton/insertTable';
import { TABLE_DEFS } from '../../model/tableDefs';
import { emptyNoteText } from '../../skeleton/skeleton';
import type { Fix } from '../../findings';

/** The tables a report must publish: the national nine, plus its template's, minus its template's exemptions. */
export function requiredTables(template: string | undefined): { required: TableKey[]; exempt: ReadonlyMap<TableKey, string> } {
  const requirements = templateRequirements(template);
  const required = [...new Set([...NATIONAL_TABLES, ...requirements.tables])].filter((key) => !requirements.exempt.has(key));
  return { required, exempt: requirements.exempt };
}

export const missingTable: Rule = {
  id: 'review/missing-table',
  area: 'review',
  severity: 'error',
  title: '应公开的报表齐全：全国统一的九张表（收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表、政府性基金预算支出表、国有资本经营预算支出表）、模板要求的表，以及公开目录列出的表',
  run(context, run) {
    const { report } = context;
    if (!report.root) return;
    const { required } = requiredTables(report.template?.value);
    if (!report.root.pairs.some((p) => p.key.value === 'tables')) {
      // A draft without any table yet: one reminder, not an error per table.
      run.checked();
      const order = [...TABLE_DEFS.keys()];
      const insert = insertTablesBlock(context.text, report, [...required].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      run.report({
        span: rootKeySpan(report, 'tables'),
        severity: 'warning',
        message: t('The report has no tables yet; it must publish {0}', required.map((key) => tableTitle(key)).join('、')),
        data: { relation: 'tables', fixes: [{ title: t('Insert the tables it must publish, empty, with their notes'), edits: [insert] }] },
      });
      return;
    }
    const span = rootKeySpan(report, 'tables');
    const lines = catalogLines(report);
    // A catalog line naming a required table the document lacks goes into that table's finding.
    const listedAs = new Map<TableKey, CatalogLine>();
    for (const line of lines) {
      const key = !line.table && line.title ? keyByAlias(line.title.value) : undefined;
      if (key && !listedAs.has(key)) listedAs.set(key, line);
    }
    for (const key of required) {
      run.checked();
      if (report.tables.has(key)) continue;
      const line = listedAs.get(key);
      // The empty table with its 空表 note, where the format puts it: for the author to fill, or
      // to keep empty when the report has nothing for it (not certain: only the author knows).
      const insert = insertEmptyTable(context.text, report, key);
      const fixes: Fix[] = insert ? [{ title: t('Insert the empty {0} with its note', tableTitle(key)), edits: [insert] }] : [];
      run.report({
        span: line?.title?.span ?? span,
        message: line
          ? t('The report does not publish the {0} (tables.{1}), which its catalog lists as {2}', tableTitle(key), key, line.no?.value ?? line.title!.value)
          : t('The report does not publish the {0} (tables.{1}): a table without figures is published too, empty, with a note saying why ("{2}"); the quick fix inserts it', tableTitle(key), key, emptyNoteText({ kind: report.kind, year: report.year }).replace(/。$/, '')),
        data: { relation: key, fixes },
      });
    }
    const requiredSet = new Set(required);
    for (const line of lines) {
      run.checked();
      if (line.table || !line.title) continue;
      const key = keyByAlias(line.title.value);
      if (key && requiredSet.has(key) && listedAs.get(key) === line) continue;
      run.report({
        span: line.title.span,
        message: t('The catalog lists {0}{1}, but the document has no such table', line.no ? `${line.no.value} ` : '', line.title.value),
        data: { relation: 'catalog' },
      });
    }
  },
};

export const duplicateTable: Rule = {
  id: 'review/duplicate-table',
  area: 'review',
  severity: 'error',
  title: '同一张表不重复出现：两个键下的表标题相同，或公开目录把同一张表列了两次（同一键写两次由 yaml/duplicate-key 报告）',
  run(context, run) {
    const { report } = context;
    const byTitle = new Map<string, TableKey>();
    for (const table of report.tables.values()) {
      if (!table.title || table.key === 'catalog') continue;
      run.checked();
      const title = compactTitle(table.title.value);
      if (!title) continue;
      const first = byTitle.get(title);
      if (first) {
        run.report({
          span: table.title.span,
          message: t('{0} has the same title as {1} (tables.{2}): the same table is written twice', `tables.${table.key}`, tableTitle(first), first),
          data: { related: [{ span: report.tables.get(first)!.title!.span, message: t('first written here') }] },
        });
      } else byTitle.set(title, table.key);
    }
    const lines = catalogLines(report);
    const seenTitles = new Map<string, number>();
    const seenNumbers = new Map<string, number>();
    for (const line of lines) {
      run.checked();
      const title = line.title ? compactTitle(line.title.value) : '';
      const no = line.no ? compactTitle(line.no.value) : '';
      const firstByTitle = title ? seenTitles.get(title) : undefined;
      const firstByNo = no ? seenNumbers.get(no) : undefined;
      const first = firstByTitle ?? firstByNo;
      if (first !== undefined) {
        const what = firstByTitle !== undefined ? line.title!.value : line.no!.value;
        run.report({
          span: (firstByTitle !== undefined ? line.title : line.no)?.span ?? line.span,
          message: t('The catalog lists {0} twice', what),
          data: { related: [{ span: lines[first].span, message: t('first listed here') }] },
        });
      }
      if (title && !seenTitles.has(title)) seenTitles.set(title, line.index);
      if (no && !seenNumbers.has(no)) seenNumbers.set(no, line.index);
    }
  },
};
