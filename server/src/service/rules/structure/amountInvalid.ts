import { t } from '../../i18n/l10n';
import { parseAmount } from '../../amount/amount';
import type { MoneyUnit } from '../../amount/units';
import type { Report } from '../../model/types';
import { getValue } from '../../yaml/ast';
import type { Fix } from '../../findings';
import type { Rule } from '../ruleTypes';

/** The unit the figures at an offset are printed in: their table's, `previous.unit`, else the document's. */
function unitAt(report: Report, offset: number): MoneyUnit {
  for (const table of report.tables.values()) {
    if (table.node && table.node.start <= offset && offset <= table.node.end) return table.unit;
  }
  const previous = getValue(report.root, 'previous');
  if (previous && previous.start <= offset && offset <= previous.end) return report.previous.unit;
  return report.unit;
}

/** `300.00万` in a 万元 table, `1,200元` in a 元 table: the figure with the table's own unit written after it. */
const UNIT_SUFFIX = /^(.*?\d)\s*(万元|万|元)\s*$/u;

export const amountInvalid: Rule = {
  id: 'amount/invalid',
  area: 'amount',
  severity: 'error',
  title: '金额栏填写的不是金额（如文字、多个小数点、带单位的“300.00万”）',
  run(context, run) {
    run.checked();
    for (const problem of context.document.modelProblems) {
      if (problem.rule !== 'amount/invalid') continue;
      const suffix = UNIT_SUFFIX.exec(problem.text.trim());
      const figure = suffix && parseAmount(suffix[1]).ok ? suffix[1] : undefined;
      if (figure && suffix) {
        const unit = unitAt(context.report, problem.span.start);
        const written: MoneyUnit = suffix[2] === '元' ? '元' : '万元';
        if (written === unit) {
          // The table states its unit once; the cell holds the figure alone.
          const raw = context.text.slice(problem.span.start, problem.span.end);
          const quote = /^(["'])/.exec(raw)?.[1];
          const newText = quote ? `${quote}${figure}${quote}` : /[,，]/.test(figure) ? `"${figure}"` : figure;
          const fixes: Fix[] = [{ title: t('Replace with {0}', newText), edits: [{ span: problem.span, newText }], certain: true }];
          run.report({ span: problem.span, message: t('"{0}" is not an amount: write the figure without its unit ({1}, the table is in {2})', problem.text, figure, unit), data: { computed: figure, fixes } });
          continue;
        }
        run.report({ span: problem.span, message: t('"{0}" is not an amount: the table is in {1}; write the figure in {1}, without a unit', problem.text, unit) });
        continue;
      }
      run.report({ span: problem.span, message: t('"{0}" is not an amount: write digits as printed, e.g. 6465.30 or "6,465.30", or leave the cell blank', problem.text) });
    }
  },
};
