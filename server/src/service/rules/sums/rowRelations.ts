import { t } from '../../i18n/l10n';
import { columnValue, isPrinted, isUnreadable } from '../../model/columnValues';
import { rowLabel } from '../../model/labels';
import { COLUMN_RELATIONS, ColumnRelation } from '../../model/tableDefs';
import { columnTitle, tableKeyTitle, tableTitle } from '../../schema/schemaInfo';
import type { AmountRecord, Row, Table } from '../../model/types';
import { contextKey, memoized } from '../memo';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { checkSum, Term } from './sumCheck';

/** Records that share printed columns: a row table's rows, or the amount groups and entries of an item list table. */
interface RecordSet {
  readonly table: Table;
  readonly records: ReadonlyArray<{ readonly record: AmountRecord; readonly label: () => string; readonly row?: Row }>;
  readonly printed: (column: string) => boolean;
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

function recordSets(table: Table): RecordSet[] {
  const title = tableTitle(table.key);
  const sets: RecordSet[] = [];
  if (table.def.shape === 'rows') {
    const records: Array<{ record: AmountRecord; label: () => string; row?: Row }> = table.rows.map((row) => ({ record: row, label: () => `${title}「${rowLabel(row)}」`, row }));
    if (table.total) records.unshift({ record: table.total, label: () => `${title}「${t('total row')}」` });
    sets.push({ table, records, printed: (c) => isPrinted(table, c) });
  }
  if (table.groups.size > 0 || table.lists.size > 0) {
    const records: Array<{ record: AmountRecord; label: () => string }> = [];
    for (const [key, group] of table.groups) records.push({ record: group, label: () => `${title}「${tableKeyTitle(table.key, key)}」` });
    for (const entries of table.lists.values()) for (const entry of entries) records.push({ record: entry, label: () => `${title}「${entry.label.value.trim()}」` });
    const columns = new Set<string>();
    for (const { record } of records) for (const key of record.cells.keys()) columns.add(key);
    sets.push({ table, records, printed: (c) => columns.has(c) });
  }
  return sets;
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

export const rowRelations: Rule = {
  id: 'sum/row',
  area: 'sum',
  severity: 'error',
  title: '行内关系：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，人员经费 = 工资福利 + 对个人和家庭的补助 …',
  companions: ['sum/rounding'],
  run(context, run) {
    const ctx = contextKey(context);
    for (const table of context.report.tables.values()) {
      for (const set of recordSets(table)) {
        const relations = COLUMN_RELATIONS.filter((relation) => appliesTo(set, relation));
        if (relations.length === 0) continue;
        // A row's result depends on its own cells and on the columns its table prints.
        const key = `sum/row|${table.key}|${[...table.columns].sort().join(',')}|${ctx}`;
        for (const { record, label, row } of set.records) {
          const check = (r: typeof run) => {
            for (const relation of relations) checkRecord(context, r, set, record, label, relation);
          };
          if (row) memoized(run, row.node, labelUsesIndex(row) ? `${key}|${row.index}` : key, check);
          else check(run);
        }
      }
    }
  },
};

/** Rows named by their position ("第 3 行") change label when rows are inserted above. */
export function labelUsesIndex(row: Row): boolean {
  return !row.code && !row.unit && !row.name && !row.group && !row.item;
}
