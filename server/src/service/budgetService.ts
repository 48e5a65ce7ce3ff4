import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver-types';
import { parseBudgetDocument, ParsedDocument } from './document';
import { CodeTables } from './codes/codeTables';
import { runRules } from './rules/validate';
import { encodingGate } from './rules/encodingGate';
import { toCheckSettings, UserSettings } from './settings';
import { complete } from './completion/complete';
import { hover, HoverProvider } from './hover/hover';
import { codeActions } from './actions/codeActions';
import { documentSymbols, foldingRanges } from './symbols/symbols';
import type { Finding } from './findings';
import type { ValidationResult } from './rules/ruleTypes';
import type { Span } from './yaml/ast';
import { analyzeProse, claimAt, describeClaim } from './prose';
import type { CheckSettings } from './rules/ruleTypes';

export interface BudgetServiceOptions {
  /** Classification tables (bundled plus the user's extra tables). */
  readonly codeTables: CodeTables;
}

/**
 * The language service: pure functions over a parsed document, no LSP connection, no file
 * system (modelled on vscode-json-languageservice). The LSP server, the CLI and the tests
 * all use this object; `parse` once per document version and pass the result to the rest.
 */
export interface BudgetService {
  readonly codeTables: CodeTables;
  /** Parses a document; pass the previous version of the same document to re-parse only what changed. */
  parse(text: string, previous?: ParsedDocument): ParsedDocument;
  validate(document: ParsedDocument, settings?: UserSettings): ValidationResult;
  complete(textDocument: TextDocument, document: ParsedDocument, position: Position, settings?: UserSettings): CompletionList;
  hover(textDocument: TextDocument, document: ParsedDocument, position: Position, settings?: UserSettings): Hover | null;
  /** Quick fixes for the findings in `range` (from the last validate of this document). */
  codeActions(textDocument: TextDocument, document: ParsedDocument, range: Span, findings: readonly Finding[]): CodeAction[];
  symbols(textDocument: TextDocument, document: ParsedDocument): DocumentSymbol[];
  folding(textDocument: TextDocument, document: ParsedDocument): FoldingRange[];
}

export function createBudgetService(options: BudgetServiceOptions): BudgetService {
  const { codeTables } = options;
  // One settings object per distinct user settings, so analyses cached per settings object
  // (the prose claims) are shared by validation, hovers and code actions.
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
  let hoverSettings: CheckSettings = checkSettings(undefined);
  const hoverProviders: HoverProvider[] = [
    (parsed, offset) => {
      const claim = claimAt(analyzeProse(parsed, codeTables, hoverSettings), offset);
      return claim ? { markdown: describeClaim(claim), span: claim.span } : undefined;
    },
  ];
  return {
    codeTables,
    parse: parseBudgetDocument,
    validate(document, settings) {
      const context = { document, report: document.report, text: document.text, codes: codeTables, settings: checkSettings(settings) };
      return encodingGate(context) ?? runRules(context);
    },
    complete(textDocument, document, position, settings) {
      return complete(textDocument, document, position, codeTables, checkSettings(settings).codeYear);
    },
    hover(textDocument, document, position, settings) {
      hoverSettings = checkSettings(settings);
      return hover(textDocument, document, position, codeTables, hoverProviders, hoverSettings.codeYear);
    },
    codeActions(textDocument, _document, range, findings) {
      return codeActions(textDocument, range, findings);
    },
    symbols: documentSymbols,
    folding: foldingRanges,
  };
}
