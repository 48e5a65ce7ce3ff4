import { t } from '../../i18n/l10n';
import { columnValue, isPrinted, isUnreadable } from '../../model/columnValues';
import { rowLabel } from '../../model/labels';
import { COLUMN_RELATIONS, ColumnRelation } from '../../model/tableDefs';
import { columnTitle, tableKeyTitle, tableTitle } from '../../schema/schemaInfo';
import type { AmountRecord, Row, Table } from '../../model/types';
import { contextKey, memoizedEach, nodeOfRow } from '../memo';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { checkSum, Term } from './sumCheck';

/** Records that share printed columns: a row table's rows, or the amount groups and entries of an item list table. */
interface RecordSet {
  readonly table: Table;
  readonly printed: (column: string) => boolean;
}

interface Labelled {
  readonly record: AmountRecord;
  readonly label: () => string;
}

function derivable(set: RecordSet, column: string): boolean {
  return COLUMN_RELATIONS.some((r) => r.derive && r.whole === column && r.parts.some((p) => set.printed(p)));
}

/**
 * A relation is checked where its whole and one of its required columns are printed. A part
 * the table does not print but can derive (基本支出 from 人员经费 + 公用经费) takes part in the
 * sum; it does not by itself make the relation apply, or a table printing 合计, 人员经费 and
 * 公用经费 would be checked twice for one slip.
 */
function appliesTo(set: RecordSet, relation: ColumnRelation): boolean {
  if (!set.printed(relation.whole)) return false;
  if (relation.unless?.some((c) => set.printed(c))) return false;
  return relation.requires.some((c) => set.printed(c));
}

/** The amount groups and entries of an item list table (a row table's rows are walked apart: there are many). */
function groupRecords(table: Table, title: string): { set: RecordSet; records: Labelled[] } | undefined {
  if (table.groups.size === 0 && table.lists.size === 0) return undefined;
  const records: Labelled[] = [];
  for (const [key, group] of table.groups) records.push({ record: group, label: () => `${title}「${tableKeyTitle(table.key, key)}」` });
  for (const entries of table.lists.values()) for (const entry of entries) records.push({ record: entry, label: () => `${title}「${entry.label.value.trim()}」` });
  const columns = new Set<string>();
  for (const { record } of records) for (const key of record.cells.keys()) columns.add(key);
  return { set: { table, printed: (c) => columns.has(c) }, records };
}

function checkRecord(context: RuleContext, run: RuleRun, set: RecordSet, record: AmountRecord, label: () => string, relation: ColumnRelation): void {
  if ([relation.whole, ...relation.parts].some((c) => isUnreadable(set.table, record, c))) {
    run.couldNotCheck(t('{0}: a cell is not an amount', label()));
    return;
  }
  const whole = record.cells.get(relation.whole);
  const terms: Term[] = [];
  for (const part of relation.parts) {
    if (!set.printed(part) && !derivable(set, part)) continue;
    const figure = columnValue(set.table, record, part);
    if (!figure) continue;
    terms.push({ label: columnTitle(part), value: figure.value, decimals: figure.decimals, blank: figure.cells.every((c) => c.amount.blank), text: !figure.derived && figure.cells.length === 1 ? figure.cells[0].amount.text : undefined, cells: figure.cells });
  }
  if ((!whole || whole.amount.blank) && terms.every((term) => term.blank)) return;
  checkSum(context, run, { wholeLabel: () => label() + columnTitle(relation.whole), whole, span: record.span, terms, kind: relation.kind ?? 'sum', relation: relation.id, unit: set.table.unit });
}

function checkRelations(context: RuleContext, run: RuleRun, set: RecordSet, record: AmountRecord, label: () => string, relations: readonly ColumnRelation[]): void {
  for (const relation of relations) checkRecord(context, run, set, record, label, relation);
}


export const rowRelations: Rule = {
  id: 'sum/row',
  area: 'sum',
  severity: 'error',
  title: '行内关系：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，人员经费 = 工资福利 + 对个人和家庭的补助 …',
  companions: ['sum/rounding'],
  run(context, run) {
    const ctx = contextKey(context);
    for (const table of context.report.tables.values()) {
      const title = tableTitle(table.key);
      if (table.def.shape === 'rows') {
        const set: RecordSet = { table, printed: (c) => isPrinted(table, c) };
        const relations = COLUMN_RELATIONS.filter((relation) => appliesTo(set, relation));
        if (relations.length > 0) {
          if (table.total) checkRelations(context, run, set, table.total, () => `${title}「${t('total row')}」`, relations);
          // A row's result depends on its own cells and on the columns its table prints; rows
          // unchanged since the last check are replayed a block at a time.
          const key = `sum/row|${table.key}|${table.unit}|${[...table.columns].sort().join(',')}|${ctx}`;
          memoizedEach(run, table.rows, nodeOfRow, key, (r, row) => checkRelations(context, r, set, row, () => `${title}「${rowLabel(row)}」`, relations), labelUsesIndex);
        }
      }
      const grouped = groupRecords(table, title);
      if (!grouped) continue;
      const relations = COLUMN_RELATIONS.filter((relation) => appliesTo(grouped.set, relation));
      for (const { record, label } of grouped.records) checkRelations(context, run, grouped.set, record, label, relations);
    }
  },
};

/** Rows named by their position ("第 3 行") change label when rows are inserted above. */
export function labelUsesIndex(row: Row): boolean {
  return !row.code && !row.unit && !row.name && !row.group && !row.item;
}
