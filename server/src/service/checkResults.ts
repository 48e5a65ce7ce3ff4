import type { Finding } from './findings';
import type { Cell } from './model/types';
import type { InternalError } from './analysis/internalErrors';
import type { ClaimCounts, Outcome } from '../../../protocol/src/protocol';

// The outcome and the claim counts travel to the editor as they are: one definition, the protocol's.
export type { ClaimCountKind, ClaimCounts, ClaimTally, Outcome } from '../../../protocol/src/protocol';

/**
 * What checking a report gives besides its findings: the ledger of rules and the counts of the
 * prose's numeric claims. The service's result types, for the CLI, the server and the review
 * page (rules/ruleTypes.ts re-exports them for the rules).
 */

export interface LedgerEntry {
  readonly rule: string;
  readonly outcome: Outcome;
  readonly checks: number;
  readonly findings: number;
  readonly reasons: readonly string[];
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
