import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document';
import type { CodeTables } from '../codes/codeTables';
import type { CheckSettings, ValidationResult } from '../rules/ruleTypes';
import type { Span } from '../yaml/ast';
import { Messages, t, withMessages } from '../i18n/l10n';
import { runRules } from '../rules/validate';
import { encodingGate, sizeGate } from '../rules/inputGates';
import { analyzeProse, claimAt } from '../prose/analyze';
import { describeClaim } from '../prose/describe';
import type { Claim, ProseAnalysis } from '../prose/types';
import { complete } from '../completion/complete';
import { hover } from '../hover/hover';
import { codeActions } from '../actions/codeActions';
import { documentSymbols, foldingRanges } from '../symbols/symbols';
import { generatableSections, generateSection, sectionAt } from '../narrative/generate';
import type { NarrativeSectionInfo, SectionGeneration } from '../narrative/generate';
import { DependencyFailed, InternalError, internalError } from './internalErrors';
import { parseBudgetDocument } from '../document';
import { figuresNamed, textWithFiguresChanged } from './figuresInQuestion';
import { refreshDocument } from '../refresh/refresh';
import type { LastYear } from '../crossYear/lastYear';
import type { RefreshResult } from '../refresh/refresh';

/**
 * Everything an analysis is computed from besides the document text. A result of the analysis
 * may depend on these and on the text, on nothing else: no setting, locale or table is read
 * from anywhere but here.
 */
export interface AnalysisInputs {
  readonly settings: CheckSettings;
  readonly codes: CodeTables;
  readonly messages: Messages;
  /** Last year's report of the same department, when the caller found one (the figures `previous:` lacks). */
  readonly lastYear?: LastYear;
}

type Memo<T> = { readonly value: T } | { readonly failed: InternalError };

/**
 * The analysis of one document version under one set of inputs (in the spirit of
 * rust-analyzer's query database): it owns every result derived from them — the prose
 * reading, the validation, hovers and quick fixes — computes each at most once, and is
 * replaced, never updated, when the text or an input changes. Nothing derived from a document
 * is cached anywhere else keyed on anything less than the inputs.
 *
 * A bug met while computing a result is recorded in `internalErrors` and ends the rules that
 * needed the result as `internal-error` in the ledger; it never becomes silence.
 */
export class DocumentAnalysis {
  private proseMemo: Memo<ProseAnalysis> | undefined;
  private validationMemo: ValidationResult | undefined;
  private sectionsMemo: readonly NarrativeSectionInfo[] | undefined;
  private readonly generations = new Map<string, SectionGeneration | undefined>();
  private readonly blockers = new Map<string, string | undefined>();
  private changedFiguresMemo: ParsedDocument | undefined;
  private refreshMemo: { readonly value: RefreshResult | undefined } | undefined;
  private readonly errors: InternalError[] = [];

  constructor(readonly document: ParsedDocument, readonly inputs: AnalysisInputs) {}

  /**
   * Runs work of this analysis in its locale, with the nodes of its version placed at its
   * offsets (yaml/incremental.ts: an older version read after a newer one was parsed).
   */
  private run<T>(work: () => T): T {
    this.document.yaml.place();
    return withMessages(this.inputs.messages, work);
  }

  /**
   * The numeric claims of the narrative and the prose findings. Throws DependencyFailed when
   * the reader failed (recorded once in internalErrors), so that no caller mistakes a failed
   * reading for prose without claims.
   */
  prose(): ProseAnalysis {
    // Placed also when remembered: the claims' ranges are read from the version's nodes.
    this.document.yaml.place();
    if (!this.proseMemo) {
      try {
        this.proseMemo = { value: this.run(() => analyzeProse(this.document, this.inputs.codes, this.inputs.settings, this.inputs.lastYear)) };
      } catch (error) {
        const failed = internalError('prose', error);
        this.errors.push(failed);
        this.proseMemo = { failed };
      }
    }
    if ('failed' in this.proseMemo) throw new DependencyFailed('prose');
    return this.proseMemo.value;
  }

  validation(): ValidationResult {
    this.document.yaml.place();
    if (!this.validationMemo) {
      const context = {
        document: this.document,
        report: this.document.report,
        text: this.document.text,
        codes: this.inputs.codes,
        settings: this.inputs.settings,
        messages: this.inputs.messages,
        prose: () => this.prose(),
      };
      // A text that shows the marks of a wrong decoding, or too large to parse, gets its one finding instead of the rules.
      const result = this.run(() => encodingGate(context) ?? sizeGate(context) ?? runRules(context));
      this.errors.push(...result.internalErrors);
      this.validationMemo = { ...result, internalErrors: this.internalErrors };
    }
    return this.validationMemo;
  }

  /** Bugs met so far by any result of this analysis (validation, prose, hovers). */
  get internalErrors(): readonly InternalError[] {
    return [...this.errors];
  }

  /** The claim whose number covers an offset; undefined also when the prose could not be read. */
  claimAt(offset: number): Claim | undefined {
    try {
      return claimAt(this.prose(), offset);
    } catch {
      return undefined;
    }
  }

  hover(textDocument: TextDocument, position: Position): Hover | null {
    return this.run(() => {
      const claimHover = (_parsed: ParsedDocument, offset: number) => {
        const claim = this.claimAt(offset);
        return claim ? { markdown: describeClaim(claim), span: claim.span } : undefined;
      };
      return hover(textDocument, this.document, position, this.inputs.codes, [claimHover], this.inputs.settings.codeYear);
    });
  }

  complete(textDocument: TextDocument, position: Position): CompletionList {
    return this.run(() => complete(textDocument, this.document, position, this.inputs.codes, this.inputs.settings.codeYear));
  }

  /** Quick fixes for the findings of this analysis in a range. */
  codeActions(textDocument: TextDocument, range: Span): CodeAction[] {
    const findings = this.validation().findings;
    // (run places the version again: the findings' ranges are read from its nodes.)
    return this.run(() => codeActions(textDocument, range, findings));
  }

  symbols(textDocument: TextDocument): DocumentSymbol[] {
    return this.run(() => documentSymbols(textDocument, this.document));
  }

  /** The narrative sections and whether the report's template can write each. */
  generatableSections(): readonly NarrativeSectionInfo[] {
    this.document.yaml.place();
    if (!this.sectionsMemo) this.sectionsMemo = this.run(() => generatableSections(this.document, this.inputs.codes));
    return this.sectionsMemo;
  }

  /** The text generated for the section at a path (the edit, and whether it changes anything). */
  sectionGeneration(path: readonly number[]): SectionGeneration | undefined {
    const key = path.join('.');
    this.document.yaml.place();
    if (!this.generations.has(key)) this.generations.set(key, this.run(() => generateSection(this.document, this.inputs.codes, path)));
    return this.generations.get(key);
  }

  /**
   * Why the section must not be regenerated from the data now (undefined when it may): its text
   * would be written from figures in question — a total that does not add up would be copied
   * into the prose. Correct the figures first (their findings have the fixes).
   */
  regenerationBlocker(path: readonly number[]): string | undefined {
    const key = path.join('.');
    if (this.blockers.has(key)) return this.blockers.get(key);
    const blocker = this.run(() => {
      const inQuestion = this.validation().inQuestion ?? [];
      const generated = inQuestion.length > 0 ? this.sectionGeneration(path) : undefined;
      if (!generated) return undefined;
      this.changedFiguresMemo ??= parseBudgetDocument(textWithFiguresChanged(this.document.text, inQuestion));
      const withChanged = generateSection(this.changedFiguresMemo, this.inputs.codes, path);
      if (withChanged && withChanged.text === generated.text) return undefined;
      return t('the section would be written from figures that do not add up ({0}): correct them first', figuresNamed(this.document.report, inQuestion));
    });
    this.blockers.set(key, blocker);
    return blocker;
  }

  /** The innermost section the generator knows at an offset. */
  sectionAt(offset: number): NarrativeSectionInfo | undefined {
    return this.run(() => sectionAt(this.document, this.inputs.codes, offset));
  }

  /**
   * The numbers of the narrative rewritten from the data (service/refresh), computed once per
   * analysis; undefined when the prose could not be read (recorded as an internal error).
   */
  refreshed(): RefreshResult | undefined {
    if (!this.refreshMemo) {
      try {
        this.refreshMemo = { value: this.run(() => refreshDocument(this.document, { codes: this.inputs.codes, settings: this.inputs.settings, lastYear: this.inputs.lastYear, inQuestion: this.validation().inQuestion })) };
      } catch (error) {
        this.errors.push(internalError('refresh', error));
        this.refreshMemo = { value: undefined };
      }
    }
    return this.refreshMemo.value;
  }

  folding(textDocument: TextDocument): FoldingRange[] {
    this.document.yaml.place();
    return foldingRanges(textDocument, this.document);
  }
}
