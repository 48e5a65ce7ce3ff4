import type { Finding, Severity } from '../findings';
import { t } from '../i18n/l10n';
import { describeError } from '../i18n/plainError';
import { COMPANION_RULES, RULES } from './registry';
import { claimCounts } from '../prose/analyze';
import { DependencyFailed, InternalError, internalError } from '../analysis/internalErrors';
import { isExpectedError, plainErrorText } from '../i18n/plainError';
import type { LedgerEntry, Outcome, Rule, RuleContext, RuleRun, ValidationResult } from './ruleTypes';
import type { RelationEvidence } from './evidence/relationEvidence';
import type { Cell } from '../model/types';
import { placeByEvidence } from './evidence/placement';

interface Tally {
  checks: number;
  findings: number;
  /** Findings of error or warning severity: what makes a rule fail. */
  problems: number;
  reasons: string[];
  /** The rule met a bug of the checker (its own, or of a result it needed). */
  internal: boolean;
}

/**
 * Runs every enabled rule; never throws. A rule that throws ends as `internal-error` and the
 * error is returned in `internalErrors` (once per failure: a rule that failed because the prose
 * reading it needed failed is marked, the reading's error is recorded by the analysis).
 */
export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): ValidationResult {
  let findings: Finding[] = [];
  // The relations between figures the rules compared, and the one each finding is about.
  const relations: RelationEvidence[] = [];
  const evidenceOf = new Map<Finding, RelationEvidence>();
  const internalErrors: InternalError[] = [];
  const tallies = new Map<string, Tally>();
  const tally = (id: string): Tally => {
    let entry = tallies.get(id);
    if (!entry) {
      entry = { checks: 0, findings: 0, problems: 0, reasons: [], internal: false };
      tallies.set(id, entry);
    }
    return entry;
  };
  const enabledBySettings = new Map(rules.map((r) => [r.id, r.enabled ? r.enabled(context.settings) : true]));
  const severityOf = (id: string, fallback: Severity): Severity | 'off' => (enabledBySettings.get(id) === false ? 'off' : context.settings.rules[id] ?? fallback);
  for (const rule of rules) {
    if (severityOf(rule.id, rule.severity) === 'off') continue;
    const own = tally(rule.id);
    const run: RuleRun = {
      checked(count = 1) {
        own.checks += count;
      },
      couldNotCheck(reason) {
        if (own.reasons.length < 20) own.reasons.push(reason);
      },
      report(reported) {
        const id = reported.rule ?? rule.id;
        const severity = severityOf(id, reported.severity ?? rule.severity);
        const target = tally(id);
        target.checks += id === rule.id ? 0 : 1;
        if (severity === 'off') return;
        target.findings += 1;
        if (severity === 'error' || severity === 'warning') target.problems += 1;
        const finding: Finding = { rule: id, severity, span: reported.span, message: reported.message, data: reported.data };
        findings.push(finding);
        if (reported.evidence) evidenceOf.set(finding, reported.evidence);
      },
      relation(evidence) {
        relations.push(evidence);
      },
    };
    try {
      rule.run(context, run);
    } catch (error) {
      if (error instanceof DependencyFailed) {
        own.internal = true;
        if (own.reasons.length < 20) own.reasons.push(t('not checked: reading the {0} failed (an internal error of the checker)', error.dependency));
      } else if (isExpectedError(error)) {
        // Input the checker cannot read (nested too deeply, too large): not a bug, not checked.
        run.couldNotCheck(t('the check stopped: {0}', plainErrorText(error)));
      } else {
        own.internal = true;
        internalErrors.push(internalError(rule.id, error));
        if (own.reasons.length < 20) own.reasons.push(t('the check stopped: {0}', plainErrorText(error)));
      }
    }
  }
  let inQuestion: readonly Cell[] = [];
  try {
    const placement = placeByEvidence(findings, evidenceOf, relations, context);
    findings = placement.findings;
    inQuestion = placement.inQuestion;
  } catch (error) {
    internalErrors.push(internalError('evidence', error));
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  // The same finding is never reported twice at the same place (two relations that end on one
  // cell with one message, a rule's row and block replays): the first stays.
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.span.start}:${f.span.end}:${f.severity}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ledger: LedgerEntry[] = [];
  for (const rule of [...rules, ...COMPANION_RULES]) {
    const entry = tallies.get(rule.id);
    const off = severityOf(rule.id, rule.severity) === 'off';
    ledger.push({ rule: rule.id, outcome: off ? 'off' : outcomeOf(entry), checks: entry?.checks ?? 0, findings: entry?.findings ?? 0, reasons: entry?.reasons ?? [] });
  }
  let claims = { total: 0, verified: 0, mismatched: 0, unverified: 0 };
  try {
    // The same reading the text/* rules used.
    claims = claimCounts(context.prose());
  } catch (error) {
    // A failed reading is already recorded (and its rules are internal-error); anything else is new.
    if (!(error instanceof DependencyFailed)) internalErrors.push(internalError('claims', error));
  }
  return { findings: unique, ledger, claims, internalErrors, inQuestion };
}

function outcomeOf(tally: Tally | undefined): Outcome {
  if (!tally) return 'not-applicable';
  if (tally.internal) return 'internal-error';
  if (tally.problems > 0) return 'failed';
  if (tally.reasons.length > 0) return 'could-not-check';
  return tally.checks > 0 ? 'passed' : 'not-applicable';
}
