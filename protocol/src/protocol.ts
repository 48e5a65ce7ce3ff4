import { MessageDirection, NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

/**
 * Messages beyond LSP between the budget server and its clients, each declared once: its method
 * name, the direction it travels and the types of its params and result, as a `RequestType` or
 * `NotificationType` that both sides pass to `onRequest`/`sendRequest` (so a handler and its
 * callers cannot disagree on the types). Only the VS Code client uses them; other editors get
 * plain LSP (the ledger notification is opt-in, see InitializationOptions).
 *
 * This module is its own project (protocol/): types and declarations only, no logic, imported by
 * the server and the client alike. The types of the wire are written out here; the service takes
 * the ones it shares with the wire (Outcome, ClaimCounts) from here, and assigns its other values
 * to them (so a change the wire cannot carry fails to compile in the server, not at run time in
 * the client).
 */

/**
 * How a rule ended on a document (the ledger of checks). `internal-error`: the rule met a bug of
 * the checker — nothing is known about what it checks, and the bug is reported apart.
 */
export type Outcome = 'passed' | 'failed' | 'not-applicable' | 'could-not-check' | 'internal-error' | 'off';

/** A classification of codes: 支出功能分类, 部门预算支出经济分类, 政府预算支出经济分类. */
export type CodeSystem = 'function' | 'economic-department' | 'economic-government';

/** How many numeric claims of the prose were verified, mismatched or left unverified. */
export interface ClaimTally {
  readonly total: number;
  readonly verified: number;
  readonly mismatched: number;
  readonly unverified: number;
}

/** The kinds claims are counted by: money amounts and percentages apart from years and counts. */
export type ClaimCountKind = 'amount' | 'share' | 'change' | 'parts' | 'year' | 'count' | 'other';

export interface ClaimCounts extends ClaimTally {
  /** The same counts by kind (`amount`: money amounts; `other`: words such as 持平). */
  readonly byKind?: Readonly<Record<ClaimCountKind, ClaimTally>>;
}

/** What a client may pass in `initializationOptions`. Every field is optional. */
export interface InitializationOptions {
  /** The `budget` settings section, for clients without workspace/configuration (Helix sends its `config` here). */
  readonly budget?: unknown;
  readonly settings?: { readonly budget?: unknown };
  /** false in an untrusted workspace: extra code tables are then never read. Default true. */
  readonly trusted?: boolean;
  /** Send `budget/ledger` after each validation (the VS Code client's coverage view). */
  readonly ledgerNotifications?: boolean;
  /** The longest wait between the last edit and validation (default 200); the wait follows the cost of the last check (AdaptiveDelay). */
  readonly debounceMs?: number;
  /**
   * Commands the client runs itself (e.g. REGENERATE_SECTION_COMMAND, which shows a diff before
   * replacing hand-edited text). A code action carries such a command instead of an edit only
   * when the client declares it; other editors get the edit.
   */
  readonly clientCommands?: readonly string[];
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

export interface LedgerRow {
  readonly rule: string;
  /** The rule's one-line Chinese title (empty for rules the registry does not know). */
  readonly title: string;
  readonly outcome: Outcome;
  readonly checks: number;
  readonly findings: number;
  readonly reasons: readonly string[];
}

/** After each validation of a document: how every rule ended, for the coverage view. */
export interface LedgerParams {
  readonly uri: string;
  readonly version: number | null;
  readonly ledger: readonly LedgerRow[];
  readonly claims: ClaimCounts;
  readonly counts: DiagnosticCounts;
}
export namespace LedgerNotification {
  export const method = 'budget/ledger';
  export const messageDirection = MessageDirection.serverToClient;
  export const type = new NotificationType<LedgerParams>(method);
}

/** The workspace became trusted (or not): extra code tables may now be read. */
export interface WorkspaceTrustParams {
  readonly trusted: boolean;
}
export namespace WorkspaceTrustNotification {
  export const method = 'budget/workspaceTrust';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new NotificationType<WorkspaceTrustParams>(method);
}

/**
 * Checks reports that need not be open (the "check all reports" command): the server publishes
 * their diagnostics and answers with counts. An open document is checked in its editor state.
 */
export interface CheckDocumentsParams {
  readonly documents: ReadonlyArray<{ readonly uri: string; readonly text: string }>;
}
export interface CheckDocumentsResult {
  readonly files: ReadonlyArray<{ readonly uri: string; readonly counts: DiagnosticCounts; readonly ledger: readonly LedgerRow[] }>;
  /** Files left out because the request was cancelled. */
  readonly skipped: number;
}
export namespace CheckDocumentsRequest {
  export const method = 'budget/checkDocuments';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<CheckDocumentsParams, CheckDocumentsResult, void>(method);
}

/** The codes valid in the report's year, for the code picker; system from the table at the position. */
export interface CodeListParams {
  readonly uri: string;
  readonly position?: Position;
}
export interface CodeListItem {
  readonly code: string;
  readonly name: string;
  readonly system: CodeSystem;
  /** 类 › 款 › 项 names. */
  readonly path: string;
  /** Pinyin initials of the name, for filtering. */
  readonly initials: string;
}
export interface CodeListResult {
  readonly year?: number;
  /** The classification of the table at the position, when there is one. */
  readonly system?: CodeSystem;
  readonly codes: readonly CodeListItem[];
}
export namespace CodeListRequest {
  export const method = 'budget/codeList';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<CodeListParams, CodeListResult, void>(method);
}

/** The edits that write a code and its name into the row at the position. */
export interface InsertCodeParams {
  readonly uri: string;
  readonly position: Position;
  readonly code: string;
  readonly name: string;
}
/** Answered with the TextEdits. */
export namespace InsertCodeRequest {
  export const method = 'budget/insertCode';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<InsertCodeParams, TextEdit[], void>(method);
}

// ---- narrative generation (issue 5) ----

/** Client commands that the server's code actions may carry (the VS Code client declares them in InitializationOptions.clientCommands). */
export const REGENERATE_SECTION_COMMAND = 'budget.regenerateSection';

/** One section of the 情况说明 as the generator would write it. Ranges are in the version answered. */
export interface SectionGenerationInfo {
  /** Section.path: indices from `narrative:` down. */
  readonly path: readonly number[];
  readonly title: string;
  readonly topic: string;
  /** The generated text differs from the current text. */
  readonly changed: boolean;
  /** The current text is not empty and differs from the generated one: show a diff before applying. */
  readonly handEdited: boolean;
  /** Replaces the content lines of the section's `text: |` block only (comments and indentation stay). */
  readonly edit: TextEdit;
}

export interface GenerateNarrativeParams {
  readonly uri: string;
}
export interface GenerateNarrativeResult {
  /** The document version the edits apply to (null when the document is not open). */
  readonly version: number | null;
  /** Every generatable section, changed or not. */
  readonly sections: readonly SectionGenerationInfo[];
  /** The edits of the changed sections: apply them together as one edit. */
  readonly edits: readonly TextEdit[];
  /** Sections with a known topic that cannot be generated from this report, and why (localised). */
  readonly skipped: ReadonlyArray<{ readonly path: readonly number[]; readonly title: string; readonly reason: string }>;
}
/** "生成说明文字": the whole report. */
export namespace GenerateNarrativeRequest {
  export const method = 'budget/generateNarrative';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<GenerateNarrativeParams, GenerateNarrativeResult, void>(method);
}

/** One section, by its path or by a position inside its title or text. */
export interface GenerateSectionParams {
  readonly uri: string;
  readonly path?: readonly number[];
  readonly position?: Position;
}
export interface GenerateSectionResult {
  readonly version: number | null;
  /** Undefined when there is no section there, or it cannot be generated (then `reason` says why). */
  readonly section?: SectionGenerationInfo;
  /** The title of the section found, generatable or not. */
  readonly title?: string;
  readonly reason?: string;
}
/** "用数据重新生成本节". */
export namespace GenerateSectionRequest {
  export const method = 'budget/generateSection';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<GenerateSectionParams, GenerateSectionResult, void>(method);
}

// ---- refresh and next year's report (issue 14) ----

/** "按数据更新说明中的数字": the numbers of the narrative rewritten from the data. */
export interface RefreshNumbersParams {
  readonly uri: string;
}
export interface RefreshNumbersResult {
  /** The document version the edits apply to (null when the document is not open). */
  readonly version: number | null;
  /** Number tokens and direction words only; apply them together as one edit. */
  readonly edits: readonly TextEdit[];
  /** Each token rewritten (range in the version answered). */
  readonly changes: ReadonlyArray<{ readonly range: Range; readonly before: string; readonly after: string }>;
  /** `line:column: what` lines, localised: numbers left as written with the reason, reasons to check. */
  readonly lines: readonly string[];
  /** The numbers rewritten, those left as written, and the claims before and after (localised). */
  readonly summary: string;
}
export namespace RefreshNumbersRequest {
  export const method = 'budget/refreshNumbers';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<RefreshNumbersParams, RefreshNumbersResult, void>(method);
}

/** "生成下一年度报告": next year's report from this one, with the new year's workbook when given. */
export interface NextYearParams {
  readonly uri: string;
  /** The budget system's workbooks of the new year (name and content, base64). */
  readonly files?: ReadonlyArray<{ readonly name: string; readonly data: string }>;
}
export interface NextYearResult {
  /** The new report (undefined when it could not be made: see `error`). */
  readonly text?: string;
  readonly year?: number;
  /** A file name for it beside this one (the year in the name moved on). */
  readonly fileName?: string;
  /** What was done, localised lines for the output channel. */
  readonly lines: readonly string[];
  /** Markers placed for the author. */
  readonly markers: number;
  /** Cells of the workbook that could not be imported (`file: sheet!cell: message`). */
  readonly problems: readonly string[];
  readonly error?: string;
}
export namespace NextYearRequest {
  export const method = 'budget/nextYear';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<NextYearParams, NextYearResult, void>(method);
}

// ---- publication: preview, PDF (issue 9) ----

export interface PublicationHtmlParams {
  /** The report: the open document, or `text` when it is not open. */
  readonly uri: string;
  readonly text?: string;
  /**
   * For a webview: a fresh nonce (base64, at least 16 characters). The HTML then carries a
   * Content-Security-Policy that allows only the nonce'd style and scroll script. Without it,
   * a standalone HTML file to open in a browser (no script, no CSP).
   */
  readonly nonce?: string;
  /** With a nonce: the page opens scrolled to the section or table written at this position. */
  readonly position?: Position;
}
export interface PublicationAnchor {
  readonly range: Range;
  readonly anchor: string;
  readonly title: string;
}
export interface PublicationHtmlResult {
  readonly version: number | null;
  readonly html: string;
  /** The anchor the page opens at (from `position`). */
  readonly anchor?: string;
  /** Where each section and table is written, and the id of its element in the HTML. */
  readonly anchors: readonly PublicationAnchor[];
}
export namespace PublicationHtmlRequest {
  export const method = 'budget/publicationHtml';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<PublicationHtmlParams, PublicationHtmlResult, void>(method);
}

/** The anchor of the section or table at a position (the preview follows the cursor). */
export interface PublicationAnchorParams {
  readonly uri: string;
  readonly position: Position;
}
export interface PublicationAnchorResult {
  readonly anchor?: string;
}
export namespace PublicationAnchorRequest {
  export const method = 'budget/publicationAnchor';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<PublicationAnchorParams, PublicationAnchorResult, void>(method);
}

export interface PrintPdfParams {
  readonly uri: string;
  readonly text?: string;
}
export interface PrintPdfResult {
  /** Whether a chromium to print with was found (BUDGET_CHROMIUM or /usr/bin/chromium). */
  readonly chromium: boolean;
  /** The PDF, base64. */
  readonly data?: string;
  readonly error?: string;
}
/** Prints the publication with headless chromium into a temporary file and answers with the PDF. */
export namespace PrintPdfRequest {
  export const method = 'budget/printPdf';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<PrintPdfParams, PrintPdfResult, void>(method);
}

// ---- Excel (issue 9) ----

export interface ExportXlsxParams {
  readonly uri: string;
  readonly text?: string;
}
export interface ExportXlsxResult {
  /** The workbook (.xlsx), base64. */
  readonly data: string;
  readonly tables: number;
  /** What the export could not show (syntax errors, amounts that are not amounts), localised, with line numbers. */
  readonly problems: readonly string[];
}
export namespace ExportXlsxRequest {
  export const method = 'budget/exportXlsx';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<ExportXlsxParams, ExportXlsxResult, void>(method);
}

export interface ImportXlsxParams {
  /** The workbooks: file name (for messages) and content, base64. */
  readonly files: ReadonlyArray<{ readonly name: string; readonly data: string }>;
  /** Merge into this open report (only its imported tables are replaced); otherwise a new report. */
  readonly into?: string;
}
export interface ImportProblemInfo {
  readonly file?: string;
  readonly sheet: string;
  readonly cell?: string;
  readonly message: string;
  /** `file: sheet!cell: message`. */
  readonly line: string;
}
export interface ImportXlsxResult {
  /** merge: `edits` for the report `into` at `version`; new: `text` of a new report; failed: nothing to write (see `error`). */
  readonly mode: 'merge' | 'new' | 'failed';
  readonly version?: number | null;
  readonly edits?: readonly TextEdit[];
  readonly text?: string;
  readonly replaced: readonly string[];
  readonly added: readonly string[];
  /** Keys of the tables recognised in the workbooks (also when they could not be merged: they can still go to a new report). */
  readonly recognised: readonly string[];
  /** One line per sheet: which table it became, or that it was not imported (localised). */
  readonly sheets: readonly string[];
  /** What could not be imported, by sheet and cell. */
  readonly problems: readonly ImportProblemInfo[];
  readonly error?: string;
}
export namespace ImportXlsxRequest {
  export const method = 'budget/importXlsx';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<ImportXlsxParams, ImportXlsxResult, void>(method);
}

// ---- a new report (issue 15) ----

/** The templates a new report can be written for. */
export interface ReportTemplatesResult {
  readonly templates: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}
export namespace ReportTemplatesRequest {
  export const method = 'budget/reportTemplates';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType0<ReportTemplatesResult, void>(method);
}

/** The skeleton of a new report (service/skeleton): the text, or why it cannot be written. */
export interface NewReportParams {
  readonly kind: string;
  readonly template: string;
  readonly year: number;
  readonly department: string;
}
export interface NewReportResult {
  readonly text?: string;
  readonly error?: string;
}
export namespace NewReportRequest {
  export const method = 'budget/newReport';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new RequestType<NewReportParams, NewReportResult, void>(method);
}
