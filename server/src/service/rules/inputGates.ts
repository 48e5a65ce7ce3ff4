import { t } from '../i18n/l10n';
import { COMPANION_RULES, RULES } from './registry';
import { ENCODING_RULE_ID, encodingRule, startSpan } from './structure/encodingRule';
import { misdecodedText } from '../yaml/encoding';
import type { CheckSettings, LedgerEntry, RuleContext, ValidationResult } from './ruleTypes';
import type { Severity } from '../findings';
import type { Span } from '../yaml/ast';
import { encodingMessage, yamlProblemText } from '../yaml/problemMessages';

const TOO_LARGE_RULE_ID = 'yaml/too-large';

/**
 * The answer for a file whose bytes are not UTF-8 (the command line reads bytes, yaml/encoding.ts
 * decodes them): notUtf8Result, or undefined when the user switched yaml/encoding off and the
 * decoded text is to be checked as it is.
 */
export function notUtf8Gate(text: string, settings: CheckSettings, label?: string): ValidationResult | undefined {
  return settings.rules[ENCODING_RULE_ID] === 'off' ? undefined : notUtf8Result(text, settings, label);
}

/**
 * The whole validation result of a file that is not UTF-8: the one finding, and every other rule
 * "could not check". `label` names the encoding when it is known from the bytes.
 */
function notUtf8Result(text: string, settings: CheckSettings, label?: string): ValidationResult {
  return gatedResult(settings, ENCODING_RULE_ID, encodingRule.severity, startSpan(text), encodingMessage(label), t('not checked: the file is not UTF-8 encoded'));
}

/** One finding of one rule, and every other rule "could not check" for the reason given. */
function gatedResult(settings: CheckSettings, ruleId: string, defaultSeverity: Severity, span: Span, message: string, reason: string): ValidationResult {
  const configured = settings.rules[ruleId];
  const severity = configured && configured !== 'off' ? configured : defaultSeverity;
  const ledger: LedgerEntry[] = [];
  for (const rule of [...RULES, ...COMPANION_RULES]) {
    const off = (settings.rules[rule.id] ?? rule.severity) === 'off';
    if (rule.id === ruleId) ledger.push({ rule: rule.id, outcome: 'failed', checks: 1, findings: 1, reasons: [] });
    else ledger.push({ rule: rule.id, outcome: off ? 'off' : 'could-not-check', checks: 0, findings: 0, reasons: off ? [] : [reason] });
  }
  return {
    findings: [{ rule: ruleId, severity, span, message }],
    ledger,
    claims: { total: 0, verified: 0, mismatched: 0, unverified: 0 },
    internalErrors: [],
  };
}

/**
 * Runs before the rules: a text over the size limit (yaml/parseYaml.ts, set by measurement) was
 * not parsed, so the one finding says so and nothing else pretends to have looked at it.
 */
export function sizeGate(context: RuleContext): ValidationResult | undefined {
  const problem = context.document.yaml.problems.find((p) => p.kind === 'too-large');
  if (!problem || context.settings.rules[TOO_LARGE_RULE_ID] === 'off') return undefined;
  return gatedResult(context.settings, TOO_LARGE_RULE_ID, 'error', problem, yamlProblemText(problem, context.text), t('not checked: the file is too large'));
}

/**
 * Runs before the rules too: a text that shows the marks of a wrong decoding gets the one finding
 * instead of a validation. Undefined when the text is fine or the user switched the rule off.
 */
export function encodingGate(context: RuleContext): ValidationResult | undefined {
  if (context.settings.rules[ENCODING_RULE_ID] === 'off') return undefined;
  const found = misdecodedText(context.text);
  return found ? notUtf8Result(context.text, context.settings, found === 'utf-16' ? 'UTF-16' : undefined) : undefined;
}
