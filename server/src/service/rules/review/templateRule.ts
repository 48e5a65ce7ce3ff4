import { t } from '../../i18n/l10n';
import { templateFor, templateIds } from '../../narrative/templateRegistry';
import type { Rule } from '../ruleTypes';

/**
 * review/unknown-template: the generator writes a report's sentences only in the conventions of
 * the template it names; a report naming none of the bundled templates is never generated in
 * another province's words (issue 14). Information, not a slip of the published report.
 */
export const unknownTemplate: Rule = {
  id: 'review/unknown-template',
  area: 'review',
  severity: 'information',
  title: '报告的 template: 不是内置的说明文字模板（生成说明文字时不会套用其他地区的模板）',
  run(context, run) {
    const { report } = context;
    run.checked();
    const written = report.template?.value.trim();
    if (written && templateFor(written)) return;
    const ids = templateIds().join(', ');
    const span = report.template?.span ?? report.root?.pairs[0]?.key ?? { start: 0, end: 0 };
    run.report({
      span,
      message: written
        ? t('template "{0}" is not one of the bundled narrative templates ({1}): the narrative cannot be generated; the checks are not affected', written, ids)
        : t('The report names no narrative template (template: one of {0}): the narrative cannot be generated; the checks are not affected', ids),
    });
  },
};
