import type { Span } from '../yaml/ast';
import type { Severity } from '../findings';
import type { Claim, ClaimFigure, ClaimKind, ClaimStatus, ProseIssue, ProseRuleId } from './types';
import type { ClaimFigureId } from './figureIds';

/**
 * The result of one comparison a claim takes part in. A claim is mismatched when any of its
 * checks disagrees, verified when one agrees, information when it only agrees by common practice
 * (0-base 100%, a rounding difference of summed figures), unverified when nothing compared it.
 */
export type Outcome = 'ok' | 'info' | 'bad';

export interface Check {
  readonly outcome: Outcome;
  readonly expected?: string;
  readonly formula?: string;
  readonly figures: readonly ClaimFigure[];
  /** Every value the number may have under the figures it was compared with (each a valid reading). */
  readonly accepts?: readonly string[];
  /**
   * The check holds only to this many decimals (a part of a list whose whole is printed with
   * fewer decimals than the part): a change below that precision is not seen by it.
   */
  readonly decimals?: number;
  /** A change: the direction the figures go (1 up, −1 down, 0 none), for a word that must follow them. */
  readonly direction?: 1 | -1 | 0;
  /**
   * The expected value follows from another number of the same sentence only (a rate from the
   * change stated beside it), not from the report's data: refresh does not write it.
   */
  readonly sentenceOnly?: boolean;
}

/** A claim while it is being checked. */
export class ClaimRecord {
  readonly checks: Check[] = [];
  reason?: string;
  constructor(
    readonly kind: ClaimKind,
    readonly span: Span,
    readonly text: string,
    readonly sentence: string,
    readonly section: string,
    readonly figure?: ClaimFigureId,
  ) {}

  add(check: Check): void {
    this.checks.push(check);
  }

  get status(): ClaimStatus {
    if (this.checks.some((c) => c.outcome === 'bad')) return 'mismatched';
    if (this.checks.some((c) => c.outcome === 'ok')) return 'verified';
    if (this.checks.some((c) => c.outcome === 'info')) return 'information';
    return 'unverified';
  }

  /** Tied to data: verified, mismatched or information. */
  get tied(): boolean {
    return this.checks.length > 0;
  }

  has(outcome: Outcome): boolean {
    return this.checks.some((c) => c.outcome === outcome);
  }

  unverified(reason: string): void {
    if (!this.reason) this.reason = reason;
  }

  /** The precision of the most precise agreeing check; undefined when one holds to the number's own. */
  private verifiedDecimals(): number | undefined {
    const ok = this.checks.filter((c) => c.outcome === 'ok' || c.outcome === 'info');
    if (ok.length === 0 || ok.some((c) => c.decimals === undefined)) return undefined;
    return Math.max(...ok.map((c) => c.decimals!));
  }

  /**
   * What refresh writes for a mismatched claim: the expected value of the first disagreeing check
   * that follows from data (a table, last year's figures, a stated base), with the direction
   * the figures go for a change.
   */
  private refresh(): Claim['refresh'] {
    const check = this.checks.find((c) => c.outcome === 'bad' && c.expected !== undefined && c.expected !== this.text && !c.sentenceOnly)
      ?? this.checks.find((c) => c.outcome === 'bad' && c.direction !== undefined && c.expected !== undefined && !c.sentenceOnly);
    return check ? { text: check.expected!, direction: check.direction } : undefined;
  }

  toClaim(): Claim {
    const status = this.status;
    const decisive = this.checks.find((c) => c.outcome === 'bad') ?? this.checks.find((c) => c.outcome === 'ok') ?? this.checks[0];
    const figures: ClaimFigure[] = [];
    const seen = new Set<string>();
    for (const check of decisive ? [decisive, ...this.checks.filter((c) => c !== decisive)] : []) {
      for (const f of check.figures) {
        const key = `${f.label}|${f.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        figures.push(f);
      }
    }
    return {
      kind: this.kind,
      span: this.span,
      text: this.text,
      status,
      expected: decisive?.expected,
      formula: decisive?.formula,
      figures,
      reason: status === 'unverified' ? this.reason : undefined,
      figure: this.figure,
      sentence: this.sentence,
      section: this.section,
      accepts: decisive?.accepts,
      verifiedDecimals: this.verifiedDecimals(),
      refresh: status === 'mismatched' ? this.refresh() : undefined,
    };
  }
}

/** Claims and findings of one analysis. */
export class Ledger {
  readonly claims: ClaimRecord[] = [];
  readonly issues: ProseIssue[] = [];

  claim(kind: ClaimKind, span: Span, text: string, sentence: string, section: string, figure?: ClaimFigureId): ClaimRecord {
    const record = new ClaimRecord(kind, span, text, sentence, section, figure);
    this.claims.push(record);
    return record;
  }

  issue(rule: ProseRuleId, span: Span, message: string, data: ProseIssue['data'], severity?: Severity): void {
    this.issues.push({ rule, span, message, data, severity });
  }
}
