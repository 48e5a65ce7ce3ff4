import { t } from '../../i18n/l10n';
import type { Rule } from '../ruleTypes';

export const amountInvalid: Rule = {
  id: 'amount/invalid',
  area: 'amount',
  severity: 'error',
  title: '金额栏填写的不是金额（如文字、多个小数点）',
  run(context, run) {
    run.checked();
    for (const problem of context.document.modelProblems) {
      if (problem.rule !== 'amount/invalid') continue;
      run.report({ span: problem.span, message: t('"{0}" is not an amount: write digits as printed, e.g. 6465.30 or "6,465.30", or leave the cell blank', problem.text) });
    }
  },
};
