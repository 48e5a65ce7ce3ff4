export { analyzeProse, claimAt, claimCounts } from './analyze';
export { describeClaim } from './describe';
export type { Claim, ClaimFigure, ClaimKind, ClaimStatus, ProseAnalysis, ProseIssue, ProseRuleId } from './types';
