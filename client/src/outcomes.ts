import * as vscode from 'vscode';
import type { LedgerRow, Outcome } from '../../protocol/src/protocol';

/** Display order: what needs attention first. "Could not check" is its own group, never "passed". */
export const OUTCOME_ORDER: readonly Outcome[] = ['internal-error', 'failed', 'could-not-check', 'passed', 'not-applicable', 'off'];

export function outcomeLabel(outcome: Outcome): string {
  switch (outcome) {
    case 'passed': return vscode.l10n.t('Passed');
    case 'failed': return vscode.l10n.t('Failed');
    case 'not-applicable': return vscode.l10n.t('Not applicable');
    case 'could-not-check': return vscode.l10n.t('Could not check');
    case 'internal-error': return vscode.l10n.t('Internal error of the checker');
    case 'off': return vscode.l10n.t('Off');
  }
}

export function outcomeIcon(outcome: Outcome): vscode.ThemeIcon {
  switch (outcome) {
    case 'passed': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'could-not-check': return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'internal-error': return new vscode.ThemeIcon('bug', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'not-applicable': return new vscode.ThemeIcon('circle-slash');
    case 'off': return new vscode.ThemeIcon('debug-disconnect');
  }
}

export function countOutcomes(ledger: readonly LedgerRow[]): Map<Outcome, number> {
  const counts = new Map<Outcome, number>(OUTCOME_ORDER.map((o) => [o, 0]));
  for (const row of ledger) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  return counts;
}

/** "12 passed · 1 failed · 2 could not check …", leaving out empty groups. */
export function outcomeSummary(ledger: readonly LedgerRow[]): string {
  const counts = countOutcomes(ledger);
  return OUTCOME_ORDER.filter((o) => counts.get(o)).map((o) => `${outcomeLabel(o)} ${counts.get(o)}`).join(' · ');
}
