import type { Span } from '../yaml/ast';
import type { FindingData, Severity } from '../findings';
import type { Dec } from '../amount/rounding';
import type { ClaimFigureId } from './figureIds';

export type ClaimKind = 'amount' | 'share' | 'change' | 'parts' | 'year' | 'count';

/**
 * verified: tied to data and agrees; mismatched: tied to data and disagrees (a finding);
 * information: agrees by the rules of common practice (a change from 0 written 增长100%, a sum
 * within its rounding); unverified: nothing in the report to tie it to (never a finding).
 */
export type ClaimStatus = 'verified' | 'mismatched' | 'unverified' | 'information';

export type ProseRuleId = 'text/amount' | 'text/share' | 'text/change' | 'text/parts' | 'text/year' | 'text/count' | 'text/name';

/** A figure behind a claim: where it comes from and where it is printed. */
export interface ClaimFigure {
  /** What the figure is (Chinese), e.g. "基本支出（2022 年单位支出预算表 合计行）". */
  readonly label: string;
  /** The value as printed or computed, e.g. "223.40". */
  readonly value: string;
  /** table: a printed table figure; text: a figure stated in the prose; previous: the previous: block; count: rows counted. */
  readonly source: 'table' | 'text' | 'previous' | 'count' | 'report';
  readonly spans: readonly Span[];
}

export interface Claim {
  readonly kind: ClaimKind;
  /** Document range of the number (for 持平, of the word). */
  readonly span: Span;
  /** The characters of the number as written. */
  readonly text: string;
  status: ClaimStatus;
  /** The value the number should have, printed like the author's number. */
  expected?: string;
  /** How the expected value was computed, e.g. "223.40 ÷ 529.20 × 100". */
  formula?: string;
  figures: ClaimFigure[];
  /** Why the claim could not be tied to data (unverified). */
  reason?: string;
  /**
   * Id of the figure the claim speaks about, when known (figureIds.ts: income_total,
   * function:2040601, executed:function:2040601); at run time the same plain string.
   */
  readonly figure?: ClaimFigureId;
  /** The sentence the claim stands in. */
  readonly sentence: string;
  /** Title of the section. */
  readonly section: string;
  /**
   * When the figures compared allow several printed values (a rate computed from the stated
   * figure or from the table's exact one): all of them.
   */
  readonly accepts?: readonly string[];
  /** Verified only to this many decimals (by a sum whose whole is printed less precisely). */
  readonly verifiedDecimals?: number;
  /**
   * A mismatched number that follows from data (a table, `previous:`, a base stated beside it):
   * the text to write, printed like the author's number, and for a change the direction the
   * figures go (its word must follow). Absent when only the sentence's own numbers disagree.
   */
  readonly refresh?: { readonly text: string; readonly direction?: 1 | -1 | 0 };
}

/** A finding of the prose checker, filed by the rule of its kind. */
export interface ProseIssue {
  readonly rule: ProseRuleId;
  readonly severity?: Severity;
  readonly span: Span;
  readonly message: string;
  readonly data: FindingData;
}

export interface ProseAnalysis {
  readonly claims: readonly Claim[];
  readonly issues: readonly ProseIssue[];
  /** Item-by-item lines read (功能分类 paths naming an amount), for the ledger of text/name. */
  readonly functionLines: number;
  /**
   * Last year's figures the prose implies (本年数 − 增减额, or 本年数 for 持平), by previous key
   * (`income_total`, `fiscal`, `function:2040601@general` …), in 万元; only those no check
   * contradicts. For the generator, which restates a change the author wrote when `previous:`
   * lacks its figure; never used to check the sentences they come from.
   */
  readonly impliedPrevious?: ReadonlyArray<{ readonly key: string; readonly value: Dec; readonly decimals: number }>;
}
