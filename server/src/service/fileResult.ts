import type { Diagnostic } from 'vscode-languageserver-types';
import type { InternalError } from './analysis/internalErrors';
import { severityName } from './protocol';
import type { ClaimCounts, ClaimTally, LedgerEntry } from './checkResults';

/**
 * One file checked, as budget-check prints it and the review page shows it: the findings as
 * diagnostics, the ledger, the claim counts and the checker's own errors.
 */
export interface FileResult {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  readonly ledger: readonly LedgerEntry[];
  readonly claims: ClaimCounts;
  readonly internalErrors: readonly InternalError[];
  /** For a PDF checked as imported: the page each diagnostic's place came from. */
  readonly pages?: ReadonlyArray<number | undefined>;
  /** The text the diagnostics' ranges are in (for a PDF: the report the import wrote). */
  readonly text?: string;
}

export function severityCounts(diagnostics: FileResult['diagnostics']): { error: number; warning: number; information: number; hint: number } {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[severityName(d.severity)] += 1;
  return counts;
}

/**
 * The claims by what they are: money amounts and percentages (what needs the tables) apart from
 * years and counts, so that years cannot make the coverage look better than it is.
 */
export function claimGroups(byKind: NonNullable<FileResult['claims']['byKind']>): { money: ClaimTally; years: ClaimTally; others: ClaimTally } {
  const add = (...kinds: Array<keyof typeof byKind>) => kinds.reduce((sum, k) => ({ total: sum.total + byKind[k].total, verified: sum.verified + byKind[k].verified, mismatched: sum.mismatched + byKind[k].mismatched, unverified: sum.unverified + byKind[k].unverified }), { total: 0, verified: 0, mismatched: 0, unverified: 0 });
  return { money: add('amount', 'share', 'change', 'parts'), years: byKind.year, others: add('count', 'other') };
}
