import * as vscode from 'vscode';
import type { ClaimCounts, DiagnosticCounts, LedgerRow } from '../../protocol/src/protocol';

export const LANGUAGE_ID = 'budget-yaml';

/** What the server last said about one report: how every rule ended and the finding counts. */
export interface ReportStatus {
  readonly uri: string;
  readonly ledger: readonly LedgerRow[];
  readonly claims?: ClaimCounts;
  readonly counts: DiagnosticCounts;
}

/**
 * The latest status of each report, from the server's ledger notifications and from "check all
 * reports". The status item and the coverage view read it; they follow the active report, or
 * the last active one while another kind of editor has the focus.
 */
export class ReportStore implements vscode.Disposable {
  private readonly statuses = new Map<string, ReportStatus>();
  private readonly changed = new vscode.EventEmitter<void>();
  private lastActive: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor() {
    this.noteActive(vscode.window.activeTextEditor);
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        this.noteActive(editor);
        this.changed.fire();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.lastActive && event.uris.some((u) => u.toString() === this.lastActive!.toString())) this.changed.fire();
      }),
    );
  }

  private noteActive(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === LANGUAGE_ID) this.lastActive = editor.document.uri;
  }

  update(status: ReportStatus): void {
    this.statuses.set(status.uri, status);
    this.changed.fire();
  }

  get(uri: vscode.Uri | string): ReportStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  /** The report the views show: the active budget editor, else the last one that was active. */
  activeReport(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === LANGUAGE_ID) return editor.document.uri;
    return this.lastActive;
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The budget diagnostics of a document, as the editor shows them. */
export function budgetDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'budget');
}

export function countDiagnostics(diagnostics: readonly vscode.Diagnostic[]): DiagnosticCounts {
  const counts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const d of diagnostics) {
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else if (d.severity === vscode.DiagnosticSeverity.Information) counts.information++;
    else counts.hints++;
  }
  return counts;
}
