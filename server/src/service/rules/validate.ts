import type { Finding, Severity } from '../findings';
import { t } from '../i18n/l10n';
import { describeError } from '../i18n/plainError';
import { COMPANION_RULES, RULES } from './registry';
import { analyzeProse, claimCounts } from '../prose';
import type { LedgerEntry, Outcome, Rule, RuleContext, RuleRun, ValidationResult } from './ruleTypes';

interface Tally {
  checks: number;
  findings: number;
  /** Findings of error or warning severity: what makes a rule fail. */
  problems: number;
  reasons: string[];
}

/** Runs every enabled rule; never throws (a rule that fails ends as "could not check"). */
export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): ValidationResult {
  const findings: Finding[] = [];
  const tallies = new Map<string, Tally>();
  const tally = (id: string): Tally => {
    let entry = tallies.get(id);
    if (!entry) {
      entry = { checks: 0, findings: 0, problems: 0, reasons: [] };
      tallies.set(id, entry);
    }
    return entry;
  };
  const severityOf = (id: string, fallback: Severity): Severity | 'off' => context.settings.rules[id] ?? fallback;
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
        findings.push({ rule: id, severity, span: reported.span, message: reported.message, data: reported.data });
      },
    };
    try {
      rule.run(context, run);
    } catch (error) {
      run.couldNotCheck(t('the check stopped: {0}', describeError(`rule ${rule.id}`, error)));
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  const ledger: LedgerEntry[] = [];
  for (const rule of [...rules, ...COMPANION_RULES]) {
    const entry = tallies.get(rule.id);
    const off = severityOf(rule.id, rule.severity) === 'off';
    ledger.push({ rule: rule.id, outcome: off ? 'off' : outcomeOf(entry), checks: entry?.checks ?? 0, findings: entry?.findings ?? 0, reasons: entry?.reasons ?? [] });
  }
  let claims = { total: 0, verified: 0, mismatched: 0, unverified: 0 };
  try {
    // The same analysis the text/* rules used (cached per document and settings object).
    claims = claimCounts(analyzeProse(context.document, context.codes, context.settings));
  } catch {
    // Counting never fails a validation; the rules already recorded what they could not check.
  }
  return { findings, ledger, claims };
}

function outcomeOf(tally: Tally | undefined): Outcome {
  if (!tally) return 'not-applicable';
  if (tally.problems > 0) return 'failed';
  if (tally.reasons.length > 0) return 'could-not-check';
  return tally.checks > 0 ? 'passed' : 'not-applicable';
}
