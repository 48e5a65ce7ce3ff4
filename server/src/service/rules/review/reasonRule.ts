import { t } from '../../i18n/l10n';
import type { Rule } from '../ruleTypes';
import { changeClaims, ChangeClaim } from './changeClaims';
import { REASONS } from './reviewData';
import { piecesOf } from './textPieces';

/** The paragraphs of the claim's section after the claim's paragraph. */
function followingParagraphs(claim: ChangeClaim, documentText: string): string[] {
  const section = claim.piece.section;
  if (!section?.text) return [];
  return piecesOf(section.text, documentText, 'prose')
    .filter((p) => (p.paragraph ?? 0) > (claim.piece.paragraph ?? 0))
    .map((p) => p.value);
}

/**
 * Whether the change is explained: a reason marker after it in its paragraph, or — when its
 * paragraph or the next one announces a breakdown (“具体支出情况如下：”) — in a following
 * paragraph of the same section (the items of the breakdown give the reasons).
 */
export function hasReason(claim: ChangeClaim, documentText: string): boolean {
  const rest = claim.piece.value.slice(claim.endInParagraph);
  if (REASONS.markers.test(rest)) return true;
  const following = followingParagraphs(claim, documentText);
  const announced = REASONS.detailFollows.test(rest) || (following.length > 0 && REASONS.detailFollows.test(following[0]));
  return announced && following.some((p) => REASONS.markers.test(p));
}

export const reason: Rule = {
  id: 'review/reason',
  area: 'review',
  severity: 'warning',
  title: '增减变化达到阈值（默认 10%，设置 reasonThreshold）的，同一段中随后说明原因（主要原因/原因是/主要是…）',
  run(context, run) {
    const threshold = context.settings.reasonThreshold;
    for (const claim of changeClaims(context)) {
      if (claim.percent.lt(threshold)) continue;
      run.checked();
      if (hasReason(claim, context.text)) continue;
      run.report({
        span: claim.span,
        message: t('A change of {0} is stated without its reason (主要原因是…); changes of {1}% or more need one', claim.text, threshold.toString()),
        data: { relation: 'reason' },
      });
    }
  },
};
