import * as vscode from 'vscode';
import type { LedgerRow, Outcome } from '../../protocol/src/protocol';
import { ReportStore } from './reportStore';
import { OUTCOME_ORDER, outcomeIcon, outcomeLabel } from './outcomes';

export const COVERAGE_VIEW_ID = 'budget.coverage';

type Node =
  | { readonly kind: 'claims'; readonly text: string }
  | { readonly kind: 'group'; readonly outcome: Outcome; readonly rows: readonly LedgerRow[]; readonly uri: vscode.Uri }
  | { readonly kind: 'rule'; readonly row: LedgerRow; readonly uri: vscode.Uri }
  | { readonly kind: 'reason'; readonly text: string };

/**
 * "检查覆盖情况": the ledger of checks of the active report. Every rule appears under how it
 * ended — failed, could not check, passed, not applicable, off — so a check that could not be
 * made is listed as such and never counted as passed.
 */
class CoverageProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly reports: ReportStore) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    const uri = this.reports.activeReport();
    const status = uri && this.reports.get(uri);
    if (!uri || !status) return [];
    if (!node) {
      const nodes: Node[] = [];
      const c = status.claims;
      if (c && c.total > 0) nodes.push({ kind: 'claims', text: vscode.l10n.t('Figures in the text: {0}; verified {1}, mismatched {2}, not verified {3}', c.total, c.verified, c.mismatched, c.unverified) });
      for (const outcome of OUTCOME_ORDER) {
        const rows = status.ledger.filter((r) => r.outcome === outcome);
        if (rows.length) nodes.push({ kind: 'group', outcome, rows, uri });
      }
      return nodes;
    }
    if (node.kind === 'group') return node.rows.map((row) => ({ kind: 'rule', row, uri: node.uri }));
    if (node.kind === 'rule') return node.row.reasons.map((text) => ({ kind: 'reason', text }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'claims': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon('symbol-number');
        return item;
      }
      case 'group': {
        const expanded = node.outcome === 'failed' || node.outcome === 'could-not-check';
        const item = new vscode.TreeItem(`${outcomeLabel(node.outcome)} (${node.rows.length})`, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = outcomeIcon(node.outcome);
        item.id = `${node.uri}#${node.outcome}`;
        return item;
      }
      case 'rule': {
        const { row } = node;
        const item = new vscode.TreeItem(row.rule, row.reasons.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = row.findings > 0 ? `${row.title} · ${vscode.l10n.t('{0} findings', row.findings)}` : row.title;
        item.iconPath = outcomeIcon(row.outcome);
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown(`**${row.rule}** — ${row.title}\n\n`);
        tooltip.appendText(`${outcomeLabel(row.outcome)} · ${vscode.l10n.t('{0} comparisons, {1} findings', row.checks, row.findings)}`);
        for (const reason of row.reasons.slice(0, 10)) tooltip.appendText(`\n• ${reason}`);
        item.tooltip = tooltip;
        if (row.findings > 0) item.command = { title: vscode.l10n.t('Show findings'), command: 'budget.showSummary', arguments: [node.uri, row.rule] };
        return item;
      }
      case 'reason': {
        const item = new vscode.TreeItem(node.text);
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }
}

export function createCoverageView(reports: ReportStore): vscode.Disposable {
  const provider = new CoverageProvider(reports);
  const view = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = () => {
    const uri = reports.activeReport();
    view.description = uri ? uri.path.split('/').pop() : undefined;
    view.message = !uri ? vscode.l10n.t('Open a budget report (*.budget.yaml) to see which checks ran.') : reports.get(uri) ? undefined : vscode.l10n.t('Checking…');
    provider.refresh();
  };
  update();
  return vscode.Disposable.from(view, reports.onDidChange(update));
}
