import type { Severity } from './findings';
import { COMPANION_RULES, RULES } from './rules/registry';

/** What pages and lists outside the service know of a rule (the review page's ledger). */
export interface RuleInfo {
  readonly id: string;
  /** One line in Chinese: what the rule checks. */
  readonly title: string;
  readonly severity: Severity;
}

/** Every rule in the order it runs, then the companion rules whose findings other rules file. */
export const RULE_CATALOG: readonly RuleInfo[] = [...RULES, ...COMPANION_RULES].map((r) => ({ id: r.id, title: r.title, severity: r.severity }));
