import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from './findings';
import type { Span } from './yaml/ast';

/** Converts service results (offsets) to LSP types (positions). Pure: used by the server, the CLI and the tests. */
export function toRange(document: TextDocument, span: Span): Range {
  return Range.create(document.positionAt(span.start), document.positionAt(span.end));
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    default: return DiagnosticSeverity.Hint;
  }
}

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Error: return 'error';
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'information';
    default: return 'hint';
  }
}

export const DIAGNOSTIC_SOURCE = 'budget';

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const diagnostic = Diagnostic.create(toRange(document, finding.span), finding.message, toSeverity(finding.severity), finding.rule, DIAGNOSTIC_SOURCE);
  if (finding.data?.related?.length) {
    diagnostic.relatedInformation = finding.data.related.map((r) => DiagnosticRelatedInformation.create(Location.create(document.uri, toRange(document, r.span)), r.message));
  }
  if (finding.data) diagnostic.data = { ...finding.data, related: undefined };
  return diagnostic;
}
