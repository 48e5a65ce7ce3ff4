import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver-types';
import { parseBudgetDocument, ParsedDocument } from './document';
import type { CodeTables } from './codes/codeTables';
import { toCheckSettings, UserSettings } from './settings';
import type { CheckSettings, ValidationResult } from './rules/ruleTypes';
import type { Span } from './yaml/ast';
import { Messages, messagesFor } from './i18n/l10n';
import { AnalysisInputs, DocumentAnalysis } from './analysis/documentAnalysis';
import type { LastYear } from './crossYear/lastYear';

export interface BudgetServiceOptions {
  /** Classification tables (bundled plus the user's extra tables). */
  readonly codeTables: CodeTables;
}

/** The locale of an analysis: messages, or a locale name (`zh-cn` when none is given). */
export type LocaleInput = Messages | string | undefined;

/**
 * The language service: pure functions over a parsed document, no LSP connection, no file
 * system (modelled on vscode-json-languageservice). The LSP server, the CLI and the tests
 * all use this object: `parse` once per document version, `analyze` once per version and
 * inputs (settings, locale; the code tables are the service's), and ask the analysis.
 * The other methods are shorthands for `analyze(…).method(…)`.
 */
export interface BudgetService {
  readonly codeTables: CodeTables;
  /** Parses a document; pass the previous version of the same document to re-parse only what changed. */
  parse(text: string, previous?: ParsedDocument): ParsedDocument;
  /**
   * The analysis of a document version under these inputs (the same object while they are the
   * same); `lastYear`: last year's report of the same department, when the caller has it.
   */
  analyze(document: ParsedDocument, settings?: UserSettings, locale?: LocaleInput, lastYear?: LastYear): DocumentAnalysis;
  validate(document: ParsedDocument, settings?: UserSettings, locale?: LocaleInput): ValidationResult;
  complete(textDocument: TextDocument, document: ParsedDocument, position: Position, settings?: UserSettings, locale?: LocaleInput): CompletionList;
  hover(textDocument: TextDocument, document: ParsedDocument, position: Position, settings?: UserSettings, locale?: LocaleInput): Hover | null;
  /** Quick fixes for the findings of the analysis in `range`. */
  codeActions(textDocument: TextDocument, document: ParsedDocument, range: Span, settings?: UserSettings, locale?: LocaleInput): CodeAction[];
  symbols(textDocument: TextDocument, document: ParsedDocument, locale?: LocaleInput): DocumentSymbol[];
  folding(textDocument: TextDocument, document: ParsedDocument): FoldingRange[];
}

export function createBudgetService(options: BudgetServiceOptions): BudgetService {
  const { codeTables } = options;
  // One settings object per distinct user settings: results recorded per settings object
  // (rules/memo.ts) are then shared by every version of a document checked with them.
  const settingsCache = new Map<string, CheckSettings>();
  const checkSettings = (user: UserSettings | undefined): CheckSettings => {
    const key = JSON.stringify(user ?? {});
    let settings = settingsCache.get(key);
    if (!settings) {
      if (settingsCache.size > 20) settingsCache.clear();
      settings = toCheckSettings(user);
      settingsCache.set(key, settings);
    }
    return settings;
  };
  // The analyses of each document version, one per inputs (settings and locale) asked for:
  // features of one version asked with the same inputs share one analysis.
  const analyses = new WeakMap<ParsedDocument, Map<string, DocumentAnalysis>>();
  const analyze = (document: ParsedDocument, settings?: UserSettings, locale?: LocaleInput, lastYear?: LastYear): DocumentAnalysis => {
    const inputs: AnalysisInputs = { settings: checkSettings(settings), codes: codeTables, messages: typeof locale === 'object' ? locale : messagesFor(locale), lastYear };
    const key = `${JSON.stringify(settings ?? {})}|${inputs.messages.locale}|${lastYear?.id ?? ''}`;
    let perInputs = analyses.get(document);
    if (!perInputs) analyses.set(document, (perInputs = new Map()));
    let analysis = perInputs.get(key);
    if (!analysis) {
      if (perInputs.size >= 8) perInputs.clear();
      analysis = new DocumentAnalysis(document, inputs);
      perInputs.set(key, analysis);
    }
    return analysis;
  };
  return {
    codeTables,
    parse: parseBudgetDocument,
    analyze,
    validate: (document, settings, locale) => analyze(document, settings, locale).validation(),
    complete: (textDocument, document, position, settings, locale) => analyze(document, settings, locale).complete(textDocument, position),
    hover: (textDocument, document, position, settings, locale) => analyze(document, settings, locale).hover(textDocument, position),
    codeActions: (textDocument, document, range, settings, locale) => analyze(document, settings, locale).codeActions(textDocument, range),
    symbols: (textDocument, document, locale) => analyze(document, undefined, locale).symbols(textDocument),
    folding: (textDocument, document) => analyze(document).folding(textDocument),
  };
}
