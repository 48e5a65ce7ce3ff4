import { parseBudgetDocument, ParsedDocument } from './document';
import { CodeTables } from './codes/codeTables';
import { runRules } from './rules/validate';
import { toCheckSettings, UserSettings } from './settings';
import type { ValidationResult } from './rules/ruleTypes';

export interface BudgetServiceOptions {
  /** Classification tables (bundled plus the user's extra tables). */
  readonly codeTables: CodeTables;
}

/**
 * The language service: pure functions over a parsed document, no LSP connection, no file
 * system. The LSP server, the CLI and the tests all use this object.
 */
export interface BudgetService {
  parse(text: string): ParsedDocument;
  validate(document: ParsedDocument, settings?: UserSettings): ValidationResult;
  readonly codeTables: CodeTables;
}

export function createBudgetService(options: BudgetServiceOptions): BudgetService {
  const { codeTables } = options;
  return {
    codeTables,
    parse: parseBudgetDocument,
    validate(document, settings) {
      return runRules({ document, report: document.report, text: document.text, codes: codeTables, settings: toCheckSettings(settings) });
    },
  };
}
