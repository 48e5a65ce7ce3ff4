import type { ClaimKind, ProseRuleId } from '../../prose/types';
import type { Rule } from '../ruleTypes';
import type { FindingData, Severity } from '../../findings';
import { t } from '../../i18n/l10n';

/**
 * One rule per kind of numeric claim of the prose. The prose is read once per analysis
 * (context.prose()); each rule files the findings of its kind and records which claims it
 * compared and which it could not tie to data.
 */
function proseRule(id: ProseRuleId, kind: ClaimKind, severity: Severity, title: string): Rule {
  return {
    id,
    area: 'text',
    severity,
    title,
    run(context, run) {
      const analysis = context.prose();
      for (const claim of analysis.claims) {
        if (claim.kind !== kind) continue;
        if (claim.status === 'unverified') run.couldNotCheck(`${claim.text}（${claim.sentence.slice(0, 24)}…）：${claim.reason ?? ''}`);
        else run.checked();
      }
      for (const issue of analysis.issues) {
        if (issue.rule !== id) continue;
        run.report({ span: issue.span, message: issue.message, severity: issue.severity, data: certainFixes(issue.data) });
      }
    },
  };
}

/**
 * A fix of the prose writes the value the tables give: certain (rules/evidence drops it when the
 * table figure it copies is itself in question).
 */
function certainFixes(data: FindingData): FindingData {
  return data.fixes?.length ? { ...data, fixes: data.fixes.map((fix) => ({ ...fix, certain: true })) } : data;
}

export const textAmount = proseRule('text/amount', 'amount', 'error', '说明文字中的金额与表中数字一致');
export const textShare = proseRule('text/share', 'share', 'error', '说明文字中的占比等于部分 ÷ 总数（按所印小数位四舍五入）');
export const textChange = proseRule('text/change', 'change', 'error', '说明文字中的增减额、增减幅度与方向前后一致，并与上年数一致');
export const textParts = proseRule('text/parts', 'parts', 'error', '说明文字中“其中”各项不超过总数，列全时等于总数');
// Warnings: a year label or a count can be right for reasons the tables do not show (a figure
// quoted from another year, projects counted another way), so they are flagged, not failed.
export const textYear = proseRule('text/year', 'year', 'warning', '说明文字中本年数字标注本年度，增减与上年比较');
export const textCount = proseRule('text/count', 'count', 'warning', '说明文字中的个数与项目表、单位构成或所列名称一致');

/**
 * text/name: the 类/款/项 names of an item-by-item line against the code its numbers or the
 * report's tables give (a retired name, another row's name, a misspelt name), with the fix.
 */
export const textName: Rule = {
  id: 'text/name',
  area: 'text',
  severity: 'warning',
  title: '说明文字中逐项列出的功能科目类、款、项名称与科目编码一致（含已停用的旧名称）',
  run(context, run) {
    const analysis = context.prose();
    for (const issue of analysis.issues) {
      if (issue.rule !== 'text/name') continue;
      run.report({ span: issue.span, message: issue.message, severity: issue.severity, data: certainFixes(issue.data) });
    }
    if (analysis.functionLines > 0) run.checked(analysis.functionLines);
  },
};

/**
 * text/unverified (budget.showUnverifiedClaims): a hint on every number of the prose the checker
 * could not tie to data, with the reason — so that an author sees at a glance which numbers
 * nobody checked. Off by default: an unverified number is not a slip.
 */
export const textUnverified: Rule = {
  id: 'text/unverified',
  area: 'text',
  severity: 'hint',
  title: '说明文字中未能核对的数字（设置 budget.showUnverifiedClaims 打开后逐个标出并说明原因）',
  enabled: (settings) => settings.showUnverifiedClaims,
  run(context, run) {
    for (const claim of context.prose().claims) {
      run.checked();
      if (claim.status !== 'unverified') continue;
      run.report({ span: claim.span, message: t('Not checked: {0}', claim.reason ?? t('nothing in the report to compare it with')) });
    }
  },
};
