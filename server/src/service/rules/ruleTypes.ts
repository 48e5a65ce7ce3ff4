import type { Span } from '../yaml/ast';
import type { FindingData, Severity } from '../findings';
import type { Report } from '../model/types';
import type { CodeTables } from '../codes/codeTables';
import type { Dec } from '../amount/rounding';
import type { ParsedDocument } from '../document';
import type { Messages } from '../i18n/l10n';
import type { ProseAnalysis } from '../prose/types';
import type { RelationEvidence } from './evidence/relationEvidence';

/** The check's result types live with the service (checkResults.ts); the rules read them here too. */
export type { ClaimCountKind, ClaimCounts, ClaimTally, LedgerEntry, Outcome, ValidationResult } from '../checkResults';

export type RuleArea = 'yaml' | 'schema' | 'amount' | 'label' | 'code' | 'sum' | 'xref' | 'text' | 'review';

export interface CheckSettings {
  /** Per-rule severity or 'off'. */
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  /** Extra absolute tolerance for comparisons of figures, in the figure's unit. */
  readonly tolerance: Dec;
  /** Year of the code tables to use instead of the report year. */
  readonly codeYear?: number;
  /** A change of at least this many percent must be followed by its reason (review/reason). */
  readonly reasonThreshold: Dec;
  /** text/unverified marks the numbers nobody checked (off unless asked for). */
  readonly showUnverifiedClaims: boolean;
}

export interface RuleContext {
  readonly document: ParsedDocument;
  readonly report: Report;
  readonly text: string;
  readonly codes: CodeTables;
  readonly settings: CheckSettings;
  /** The locale of the messages (also what results recorded across versions are keyed on). */
  readonly messages: Messages;
  /** The prose reading of this analysis (computed once; throws when the reader failed). */
  prose(): ProseAnalysis;
}

export interface ReportedFinding {
  readonly span: Span;
  readonly message: string;
  /** Defaults to the rule's severity. */
  readonly severity?: Severity;
  readonly data?: FindingData;
  /** Only for findings filed under a companion rule (sum/rounding). */
  readonly rule?: string;
  /** The relation between figures the finding is about (placement and fix by evidence). */
  readonly evidence?: RelationEvidence;
}

export interface RuleRun {
  /** Records that the rule compared something (the rule applies to this report). */
  checked(count?: number): void;
  /** Records something the rule should have checked but could not. */
  couldNotCheck(reason: string): void;
  report(finding: ReportedFinding): void;
  /**
   * Records a relation between printed figures that was compared, whether it held or not: the
   * evidence that decides which figure of a failing relation is wrong (rules/evidence).
   */
  relation(evidence: RelationEvidence): void;
}

export interface Rule {
  readonly id: string;
  readonly area: RuleArea;
  readonly severity: Severity;
  /** One line in Chinese: what the rule checks (README, ledger). */
  readonly title: string;
  /** A rule that runs only when a setting asks for it (it is `off` in the ledger otherwise). */
  enabled?(settings: CheckSettings): boolean;
  /** Companion rules that have no run of their own (their findings come from this rule). */
  readonly companions?: readonly string[];
  run(context: RuleContext, run: RuleRun): void;
}
