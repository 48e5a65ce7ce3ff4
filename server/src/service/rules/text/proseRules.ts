import type { ClaimKind, ProseRuleId } from '../../prose/types';
import type { Rule } from '../ruleTypes';
import type { Severity } from '../../findings';

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
        run.report({ span: issue.span, message: issue.message, severity: issue.severity, data: issue.data });
      }
    },
  };
}

export const textAmount = proseRule('text/amount', 'amount', 'error', '说明文字中的金额与表中数字一致');
export const textShare = proseRule('text/share', 'share', 'error', '说明文字中的占比等于部分 ÷ 总数（按所印小数位四舍五入）');
export const textChange = proseRule('text/change', 'change', 'error', '说明文字中的增减额、增减幅度与方向前后一致，并与上年数一致');
export const textParts = proseRule('text/parts', 'parts', 'error', '说明文字中“其中”各项不超过总数，列全时等于总数');
// Warnings: a year label or a count can be right for reasons the tables do not show (a figure
// quoted from another year, projects counted another way), so they are flagged, not failed.
export const textYear = proseRule('text/year', 'year', 'warning', '说明文字中本年数字标注本年度，增减与上年比较');
export const textCount = proseRule('text/count', 'count', 'warning', '说明文字中的个数与项目表、单位构成或所列名称一致');
