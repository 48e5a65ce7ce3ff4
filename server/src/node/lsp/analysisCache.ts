import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BudgetService } from '../../service/budgetService';
import type { ParsedDocument } from '../../service/document';
import type { DocumentAnalysis } from '../../service/analysis/documentAnalysis';
import type { Messages } from '../../service/i18n/l10n';
import type { ValidationResult } from '../../service/checkResults';
import type { UserSettings } from '../../service/settings';
import { toDiagnostic } from '../../service/protocol';
import type { LastYear } from '../../service/crossYear/lastYear';

export interface Validation {
  readonly result: ValidationResult;
  /** The same conversion as budget-check, so the editor and the CLI show identical diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What an analysis is asked under: the service (its code tables), the settings, the locale. */
export interface AnalysisRequest {
  readonly service: BudgetService;
  readonly settings: UserSettings;
  readonly messages: Messages;
  /** Last year's report of the parsed report's department, when the workspace has one. */
  readonly lastYear?: (parsed: ParsedDocument) => LastYear | undefined;
}

interface Entry {
  readonly version: number;
  readonly parsed: ParsedDocument;
}

/**
 * The parse of each open document version. Every feature asks here, so a version is parsed
 * once however many requests (diagnostics, hover, completion …) use it; the analysis of the
 * version under the request's inputs comes from the service, which keeps one per inputs.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly validations = new WeakMap<DocumentAnalysis, Validation>();

  parsed(document: TextDocument, service: BudgetService): ParsedDocument {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      // The previous version's chunks are reused: an edit re-parses only the rows it touched.
      entry = { version: document.version, parsed: service.parse(document.getText(), entry?.parsed) };
      this.entries.set(document.uri, entry);
    }
    return entry.parsed;
  }

  analysis(document: TextDocument, request: AnalysisRequest): DocumentAnalysis {
    const parsed = this.parsed(document, request.service);
    return request.service.analyze(parsed, request.settings, request.messages, request.lastYear?.(parsed));
  }

  /** Whether this version is parsed and validated under these inputs already. */
  hasValidation(document: TextDocument, request: AnalysisRequest): boolean {
    const entry = this.entries.get(document.uri);
    return !!entry && entry.version === document.version && this.validations.has(request.service.analyze(entry.parsed, request.settings, request.messages, request.lastYear?.(entry.parsed)));
  }

  validation(document: TextDocument, request: AnalysisRequest): Validation {
    const analysis = this.analysis(document, request);
    let validation = this.validations.get(analysis);
    if (!validation) {
      const result = analysis.validation();
      validation = { result, diagnostics: result.findings.map((f) => toDiagnostic(document, f)) };
      this.validations.set(analysis, validation);
    }
    return validation;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
