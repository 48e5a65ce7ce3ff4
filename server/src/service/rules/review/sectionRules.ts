import { t } from '../../i18n/l10n';
import type { Section } from '../../model/types';
import type { Rule } from '../ruleTypes';
import { REQUIRED_TOPICS, TOPICS, templateRequirements } from './reviewData';
import { allSections, rootKeySpan } from './textPieces';

/** The topics a section speaks about: named by `topic:` (id or Chinese title), else read from its title. */
export function sectionTopics(section: Section): string[] {
  const named = section.topic?.value.trim();
  if (named) {
    const byName = [...TOPICS.values()].filter((topic) => topic.id === named || topic.title === named || topic.patterns.some((p) => p.test(named)));
    if (byName.length > 0) return byName.map((topic) => topic.id);
  }
  const title = section.title?.value ?? '';
  return [...TOPICS.values()].filter((topic) => topic.patterns.some((p) => p.test(title))).map((topic) => topic.id);
}

export const missingSection: Rule = {
  id: 'review/missing-section',
  area: 'review',
  severity: 'warning',
  title: '情况说明的必备部分齐全：职责与机构、收支总体情况、“三公”经费、机关运行经费、政府采购、国有资产占用、绩效目标、名词解释，以及模板要求的其他部分',
  run(context, run) {
    const { report } = context;
    if (!report.root) return;
    const requirements = templateRequirements(report.template?.value);
    const required = [...new Set([...REQUIRED_TOPICS, ...requirements.sections])];
    if (!report.narrativeSpan) {
      // A draft without any narrative yet: one reminder.
      run.checked();
      run.report({ span: rootKeySpan(report, 'narrative'), message: t('The report has no narrative (情况说明) yet; it must cover {0}', required.map((id) => TOPICS.get(id)?.title ?? id).join('、')), data: { relation: 'narrative' } });
      return;
    }
    const present = new Set(allSections(report.narrative).flatMap(sectionTopics));
    const span = rootKeySpan(report, 'narrative');
    for (const id of required) {
      const topic = TOPICS.get(id);
      if (!topic) continue;
      run.checked();
      if (present.has(id)) continue;
      const byTemplate = !REQUIRED_TOPICS.includes(id);
      run.report({
        span,
        message: byTemplate
          ? t('The narrative has no section on {0}, which the template {1} requires', topic.title, report.template?.value ?? '')
          : t('The narrative has no section on {0}', topic.title),
        data: { relation: id },
      });
    }
  },
};
