import * as vscode from 'vscode';
import { budgetDiagnostics, countDiagnostics, LANGUAGE_ID, ReportStore } from './reportStore';
import { outcomeSummary } from './outcomes';

/**
 * The language status item of a report: its error and warning counts (from the diagnostics the
 * editor shows), and on hover the ledger of checks, so that rules that could not be checked
 * are visible next to the counts. Clicking it opens the findings summary.
 */
export function createStatusItem(reports: ReportStore): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('budget.findings', { language: LANGUAGE_ID });
  item.name = vscode.l10n.t('Budget report findings');
  const update = () => {
    const uri = reports.activeReport();
    if (!uri) {
      item.text = vscode.l10n.t('Budget report');
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const counts = countDiagnostics(budgetDiagnostics(uri));
    item.text = `$(error) ${counts.errors}  $(warning) ${counts.warnings}`;
    item.accessibilityInformation = { label: vscode.l10n.t('{0} errors, {1} warnings', counts.errors, counts.warnings) };
    const status = reports.get(uri);
    item.detail = status ? vscode.l10n.t('Checks: {0}', outcomeSummary(status.ledger)) : vscode.l10n.t('Checking…');
    item.busy = !status;
    item.severity = counts.errors > 0 ? vscode.LanguageStatusSeverity.Error : counts.warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = { title: vscode.l10n.t('Show findings'), command: 'budget.showSummary' };
  };
  update();
  const subscription = reports.onDidChange(update);
  return vscode.Disposable.from(item, subscription);
}
