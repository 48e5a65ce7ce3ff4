import * as vscode from 'vscode';
import { budgetDiagnostics, countDiagnostics, ReportStore } from '../reportStore';
import { outcomeSummary } from '../outcomes';
import type { BudgetCommand } from './command';

interface FindingPick extends vscode.QuickPickItem {
  readonly range?: vscode.Range;
}

function severityIcon(severity: vscode.DiagnosticSeverity): string {
  switch (severity) {
    case vscode.DiagnosticSeverity.Error: return '$(error)';
    case vscode.DiagnosticSeverity.Warning: return '$(warning)';
    case vscode.DiagnosticSeverity.Information: return '$(info)';
    default: return '$(lightbulb)';
  }
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}

/**
 * The findings of a report grouped by rule (with the rule's title and the ledger summary in the
 * title bar); picking one reveals it. Arguments (from the coverage view): the report uri and a
 * rule id to show only that rule.
 */
export const showSummary: BudgetCommand = {
  id: 'budget.showSummary',
  async run({ reports }, uriArg?: unknown, ruleArg?: unknown) {
    const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : reports.activeReport();
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a budget report (*.budget.yaml) first.'));
      return;
    }
    const rule = typeof ruleArg === 'string' ? ruleArg : undefined;
    const all = budgetDiagnostics(uri);
    const diagnostics = rule ? all.filter((d) => ruleOf(d) === rule) : all;
    const name = uri.path.split('/').pop() ?? uri.toString();
    if (diagnostics.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No findings in {0}.', name));
      return;
    }
    const picks = summaryItems(reports, uri, diagnostics);
    const counts = countDiagnostics(all);
    const status = reports.get(uri);
    const picked = await vscode.window.showQuickPick(picks, {
      title: `${vscode.l10n.t('{0}: {1} errors, {2} warnings, {3} notes', name, counts.errors, counts.warnings, counts.information + counts.hints)}${status ? ` — ${outcomeSummary(status.ledger)}` : ''}`,
      placeHolder: vscode.l10n.t('Pick a finding to go to it'),
      matchOnDescription: true,
    });
    if (picked?.range) await vscode.window.showTextDocument(uri, { selection: picked.range });
  },
};

function summaryItems(reports: ReportStore, uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): FindingPick[] {
  const byRule = new Map<string, vscode.Diagnostic[]>();
  for (const d of [...diagnostics].sort((a, b) => (a.severity - b.severity) || a.range.start.compareTo(b.range.start))) {
    const list = byRule.get(ruleOf(d)) ?? [];
    list.push(d);
    byRule.set(ruleOf(d), list);
  }
  const titles = new Map((reports.get(uri)?.ledger ?? []).map((row) => [row.rule, row.title]));
  const picks: FindingPick[] = [];
  for (const [rule, list] of byRule) {
    picks.push({ label: `${rule}${titles.get(rule) ? ` — ${titles.get(rule)}` : ''} (${list.length})`, kind: vscode.QuickPickItemKind.Separator });
    for (const d of list) {
      picks.push({ label: `${severityIcon(d.severity)} ${d.message}`, description: vscode.l10n.t('line {0}', d.range.start.line + 1), range: d.range });
    }
  }
  return picks;
}
