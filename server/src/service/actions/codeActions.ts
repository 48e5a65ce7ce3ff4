import { CodeAction, CodeActionKind, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, OffsetEdit } from '../findings';
import type { Span } from '../yaml/ast';
import { t } from '../i18n/l10n';

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The certain fix of a finding: the first, when it is certain (a finding has at most one). */
export function certainFix(finding: Finding): Fix[] {
  const fix = finding.data?.fixes?.[0];
  return fix?.certain ? [fix] : [];
}

function toEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => TextEdit.replace(Range.create(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.newText));
}

function workspaceEdit(document: TextDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: toEdits(document, edits) } };
}

/** Keeps the first of overlapping edits so that a combined edit is always applicable. */
export function nonOverlapping(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  const kept: OffsetEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last && edit.span.start < last.span.end) continue;
    kept.push(edit);
  }
  return kept;
}

/**
 * Quick fixes from the findings in a range (their data carries the edits), and for each rule
 * with certain fixes a "fix all of this kind in the file" action that applies only those: a
 * likely value or a guessed key is for the author to accept one by one, never in bulk.
 */
export function codeActions(document: TextDocument, range: Span, findings: readonly Finding[], extra: readonly CodeAction[] = []): CodeAction[] {
  const actions: CodeAction[] = [];
  const here = findings.filter((f) => overlaps(f.span, range) && f.data?.fixes?.length);
  const rulesHere = new Set<string>();
  for (const finding of here) {
    for (const fix of finding.data!.fixes!) {
      const action = CodeAction.create(fix.title, workspaceEdit(document, fix.edits), CodeActionKind.QuickFix);
      action.isPreferred = finding.data!.fixes!.length === 1;
      actions.push(action);
    }
    rulesHere.add(finding.rule);
  }
  for (const rule of rulesHere) {
    const certain = findings.flatMap((f) => (f.rule === rule ? certainFix(f) : []));
    if (certain.length < 2) continue;
    const edits = nonOverlapping(certain.flatMap((fix) => fix.edits));
    actions.push(CodeAction.create(t('Fix all {0} in this file ({1})', rule, certain.length), workspaceEdit(document, edits), CodeActionKind.QuickFix));
  }
  actions.push(...extra);
  return actions;
}
