import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BudgetService } from '../../service/budgetService';
import type { ParsedDocument } from '../../service/document';
import type { ValidationResult } from '../../service/rules/ruleTypes';
import type { UserSettings } from '../../service/settings';
import { toDiagnostic } from '../../service/protocol';

export interface Validation {
  readonly result: ValidationResult;
  /** The same conversion as budget-check, so the editor and the CLI show identical diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Entry {
  readonly version: number;
  readonly parsed: ParsedDocument;
  validation?: { readonly key: string; readonly value: Validation };
}

/**
 * The parse and the last validation of each document version. Every feature asks here, so a
 * version is parsed once however many requests (diagnostics, hover, completion …) use it; the
 * validation is reused while the settings key (settings, code tables, locale) is unchanged.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  private entry(document: TextDocument, service: BudgetService): Entry {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      // The previous version's chunks are reused: an edit re-parses only the rows it touched.
      entry = { version: document.version, parsed: service.parse(document.getText(), entry?.parsed) };
      this.entries.set(document.uri, entry);
    }
    return entry;
  }

  parsed(document: TextDocument, service: BudgetService): ParsedDocument {
    return this.entry(document, service).parsed;
  }

  /** Whether the validation of this version under this key is already known. */
  hasValidation(document: TextDocument, key: string): boolean {
    const entry = this.entries.get(document.uri);
    return !!entry && entry.version === document.version && entry.validation?.key === key;
  }

  validation(document: TextDocument, service: BudgetService, settings: UserSettings, key: string): Validation {
    const entry = this.entry(document, service);
    if (entry.validation?.key !== key) {
      const result = service.validate(entry.parsed, settings);
      entry.validation = { key, value: { result, diagnostics: result.findings.map((f) => toDiagnostic(document, f)) } };
    }
    return entry.validation.value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets validations (settings or locale changed); parses stay. */
  invalidateValidations(): void {
    for (const entry of this.entries.values()) entry.validation = undefined;
  }
}
