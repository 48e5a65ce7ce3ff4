import { t } from '../../i18n/l10n';
import { columnValue } from '../../model/columnValues';
import { rowTree } from '../../model/hierarchy';
import { rowLabel } from '../../model/labels';
import { tableTitle } from '../../schema/schemaInfo';
import { compareSum } from '../../amount/rounding';
import { formatLike } from '../../amount/format';
import { convert } from '../../amount/units';
import type { Row, Table } from '../../model/types';
import { unplacedReason } from '../sums/columnSums';
import type { Rule } from '../ruleTypes';

/**
 * xref/income-vs-expense-rows: income by 功能科目 (收入总表) and expenditure by 功能科目 (支出总表)
 * are the same money: every 类/款/项 printed in both has one 合计. Only codes printed in both
 * tables are compared (a table may print fewer levels).
 */

function codeTotals(table: Table): Map<string, { row: Row; value: ReturnType<typeof columnValue> }> {
  const totals = new Map<string, { row: Row; value: ReturnType<typeof columnValue> }>();
  for (const row of table.rows) {
    if (row.kind !== 'code' || !row.code || row.unreadable.has('total')) continue;
    const value = columnValue(table, row, 'total');
    if (value && !totals.has(row.code.digits)) totals.set(row.code.digits, { row, value });
  }
  return totals;
}

export const incomeExpenseRows: Rule = {
  id: 'xref/income-vs-expense-rows',
  area: 'xref',
  severity: 'error',
  title: '收入总表与支出总表同一功能科目（类、款、项）的合计相等',
  companions: ['sum/rounding'],
  run(context, run) {
    const income = context.report.tables.get('income');
    const expense = context.report.tables.get('expense');
    if (!income || !expense || income.def.classification !== 'function' || !income.columns.has('total') || !expense.columns.has('total')) return;
    if (income.incomplete || expense.incomplete) {
      run.couldNotCheck(t('a table is marked incomplete'));
      return;
    }
    for (const table of [income, expense]) {
      const unplaced = rowTree(table).unplaced;
      if (unplaced.length > 0) run.couldNotCheck(unplacedReason(table, unplaced));
    }
    const expenseTotals = codeTotals(expense);
    for (const [code, left] of codeTotals(income)) {
      const right = expenseTotals.get(code);
      if (!right || !left.value || !right.value) continue;
      run.checked();
      const l = convert(left.value.value, income.unit, expense.unit);
      const decimals = Math.min(left.value.decimals, right.value.decimals);
      const agreement = compareSum(right.value.value, right.value.decimals, l, 1, decimals, context.settings.tolerance);
      if (agreement === 'equal') continue;
      const cell = right.value.cells[0];
      const label = `${tableTitle(expense.key)}「${rowLabel(right.row)}」`;
      const message = t('{0} 合计 {1}; 收入总表 prints {2} for {3}', label, cell?.amount.text.trim() ?? right.value.value.toString(), left.value.cells[0]?.amount.text.trim() ?? l.toString(), code);
      if (agreement === 'rounding') run.report({ rule: 'sum/rounding', severity: 'information', span: cell?.span ?? right.row.span, message });
      else run.report({ span: cell?.span ?? right.row.span, message, data: { computed: formatLike(l, cell?.amount.text), related: left.value.cells[0] ? [{ span: left.value.cells[0].span, message: t('compared with this figure') }] : [] } });
    }
  },
};
