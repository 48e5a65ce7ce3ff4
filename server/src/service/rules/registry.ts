import type { Rule } from './ruleTypes';
import { yamlRules } from './structure/yamlRules';
import { encodingRule } from './structure/encodingRule';
import { schemaRules } from './structure/schemaRules';
import { amountInvalid } from './structure/amountInvalid';
import { labelRules } from './labels/unknownLabels';
import { codeRules } from './codes/codeRules';
import { rowRelations } from './sums/rowRelations';
import { columnTotals, hierarchyTotals } from './sums/columnSums';
import { itemListTotals } from './sums/itemLists';
import { scalarTotals } from './sums/scalarRelations';
import { crossTableRules } from './xref/crossTable';
import { incomeExpenseRows } from './xref/codeRows';
import { textRules } from './text';
import { reviewRules } from './review';

/** Every rule, in the order it runs. Rule ids are stable: users switch rules off by id. */
export const RULES: readonly Rule[] = [
  encodingRule,
  ...yamlRules,
  ...schemaRules,
  amountInvalid,
  ...labelRules,
  ...codeRules,
  rowRelations,
  columnTotals,
  hierarchyTotals,
  itemListTotals,
  scalarTotals,
  ...crossTableRules,
  incomeExpenseRows,
  ...textRules,
  ...reviewRules,
];

/** Rules whose findings are filed by other rules (no run of their own). */
export const COMPANION_RULES: ReadonlyArray<{ id: string; title: string; severity: Rule['severity'] }> = [
  { id: 'sum/rounding', title: '合计与分项之差在四舍五入尾数误差之内（提示，不是错误）', severity: 'information' },
];

export function ruleIds(): string[] {
  return [...RULES.map((r) => r.id), ...COMPANION_RULES.map((r) => r.id)];
}
