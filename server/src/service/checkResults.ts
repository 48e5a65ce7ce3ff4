import type { Finding } from './findings';
import type { Cell } from './model/types';
import type { InternalError } from './analysis/internalErrors';

/**
 * What checking a report gives besides its findings: the ledger of rules and the counts of the
 * prose's numeric claims. The service's result types, for the CLI, the server and the review
 * page (rules/ruleTypes.ts re-exports them for the rules).
 */

/**
 * How a rule ended for one report (the ledger of checks). `internal-error`: the rule met a bug
 * of the checker — nothing is known about what it checks, and the bug is reported apart.
 */
export type Outcome = 'passed' | 'failed' | 'not-applicable' | 'could-not-check' | 'internal-error' | 'off';

export interface LedgerEntry {
  readonly rule: string;
  readonly outcome: Outcome;
  readonly checks: number;
  readonly findings: number;
  readonly reasons: readonly string[];
}

/** How many numeric claims of the prose were verified, mismatched or left unverified. */
export interface ClaimTally {
  readonly total: number;
  readonly verified: number;
  readonly mismatched: number;
  readonly unverified: number;
}

/** The kinds claims are counted by: money amounts and percentages apart from years and counts. */
export type ClaimCountKind = 'amount' | 'share' | 'change' | 'parts' | 'year' | 'count' | 'other';

export interface ClaimCounts extends ClaimTally {
  /** The same counts by kind (`amount`: money amounts; `other`: words such as 持平). */
  readonly byKind?: Readonly<Record<ClaimCountKind, ClaimTally>>;
}

export interface ValidationResult {
  readonly findings: readonly Finding[];
  readonly ledger: readonly LedgerEntry[];
  readonly claims: ClaimCounts;
  /** Bugs of the checker met on this document (empty when all went well). */
  readonly internalErrors: readonly InternalError[];
  /**
   * Printed figures in question: cells of relations that fail, which no relation that holds
   * confirms (rules/evidence). What is generated from the data must not copy them.
   */
  readonly inQuestion?: readonly Cell[];
}
