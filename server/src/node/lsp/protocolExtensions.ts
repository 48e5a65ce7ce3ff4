import type { Position } from 'vscode-languageserver-types';
import type { CodeSystem } from '../../service/codes/codeTables';
import type { ClaimCounts, Outcome } from '../../service/rules/ruleTypes';

/**
 * Messages beyond LSP between the budget server and its clients. Only the VS Code client uses
 * them; other editors get plain LSP (the ledger notification is opt-in, see InitializationOptions).
 * The client imports this module from the server project so both sides share one definition;
 * method names are plain strings so that it depends on no JSON-RPC package.
 */

/** What a client may pass in `initializationOptions`. Every field is optional. */
export interface InitializationOptions {
  /** The `budget` settings section, for clients without workspace/configuration (Helix sends its `config` here). */
  readonly budget?: unknown;
  readonly settings?: { readonly budget?: unknown };
  /** false in an untrusted workspace: extra code tables are then never read. Default true. */
  readonly trusted?: boolean;
  /** Send `budget/ledger` after each validation (the VS Code client's coverage view). */
  readonly ledgerNotifications?: boolean;
  /** Milliseconds between the last edit and validation (default 200). */
  readonly debounceMs?: number;
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
export const LEDGER_NOTIFICATION = 'budget/ledger';

/** The workspace became trusted (or not): extra code tables may now be read. */
export interface WorkspaceTrustParams {
  readonly trusted: boolean;
}
export const WORKSPACE_TRUST_NOTIFICATION = 'budget/workspaceTrust';

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
export const CHECK_DOCUMENTS_REQUEST = 'budget/checkDocuments';

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
export const CODE_LIST_REQUEST = 'budget/codeList';

/** The edits that write a code and its name into the row at the position. */
export interface InsertCodeParams {
  readonly uri: string;
  readonly position: Position;
  readonly code: string;
  readonly name: string;
}
/** Answered with TextEdit[]. */
export const INSERT_CODE_REQUEST = 'budget/insertCode';
