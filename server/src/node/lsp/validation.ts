import * as fs from 'fs';
import { CancellationToken, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describeInternalError } from '../../service/analysis/internalErrors';
import { toDiagnostic } from '../../service/protocol';
import { RULE_CATALOG } from '../../service/ruleCatalog';
import type { ValidationResult } from '../../service/checkResults';
import { CheckDocumentsParams, CheckDocumentsRequest, CheckDocumentsResult, DiagnosticCounts, LedgerNotification, LedgerRow } from '../../../../protocol/src/protocol';
import { uriToPath } from './editorSettings';
import type { ServerContext } from './serverContext';
import type { ServerSnapshot } from './serverState';
import { ValidationScheduler, WorkToken, yieldToEventLoop } from './validationScheduler';

/**
 * Validation for the editor: open documents after each edit (scheduled, outdated work dropped,
 * the wait following the cost of the last check), reports that are not open (the "check all
 * reports" request, and those files again when they change on disk), and what is published for
 * each: diagnostics, and the ledger notification for clients that asked for it.
 */

const RULE_TITLES = new Map<string, string>(RULE_CATALOG.map((r) => [r.id, r.title]));

/** The diagnostics counted by severity (a diagnostic without one counts as a hint). */
export function diagnosticCounts(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const c = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const d of diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) c.errors++;
    else if (d.severity === DiagnosticSeverity.Warning) c.warnings++;
    else if (d.severity === DiagnosticSeverity.Information) c.information++;
    else c.hints++;
  }
  return c;
}

export function ledgerRows(result: ValidationResult): LedgerRow[] {
  return result.ledger.map((e) => ({ rule: e.rule, title: RULE_TITLES.get(e.rule) ?? '', outcome: e.outcome, checks: e.checks, findings: e.findings, reasons: e.reasons }));
}

export class Validator {
  readonly scheduler: ValidationScheduler;

  constructor(private readonly context: ServerContext) {
    this.scheduler = new ValidationScheduler((uri, token) => this.validateOpenDocument(uri, token), (uri, error) => context.logError(`validation of ${uri}`, error));
  }

  private publish(uri: string, version: number | null, result: ValidationResult, diagnostics: readonly Diagnostic[], snapshot: ServerSnapshot): void {
    const { connection } = this.context;
    for (const error of result.internalErrors) this.context.logError(`internal error of the checker on ${uri}`, describeInternalError(error));
    void connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics: [...diagnostics] });
    if (snapshot.options.ledgerNotifications) {
      void connection.sendNotification(LedgerNotification.type, { uri, version, ledger: ledgerRows(result), claims: result.claims, counts: diagnosticCounts(diagnostics) });
    }
  }

  private async validateOpenDocument(uri: string, token: WorkToken): Promise<void> {
    const { state } = this.context;
    const snapshot = await this.context.snapshot();
    const settings = await this.context.settingsFor(uri, snapshot);
    const document = state.documents.get(uri);
    if (token.cancelled || !document) return;
    const version = document.version;
    const request = this.context.requestFor(uri, settings, snapshot);
    let cost = 0;
    if (!state.analyses.hasValidation(document, request)) {
      const parseStart = performance.now();
      state.analyses.parsed(document, request.service);
      cost += performance.now() - parseStart;
      // Between parse and validation, newer edits may have arrived: then this work is outdated.
      await yieldToEventLoop();
      if (token.cancelled || state.documents.get(uri)?.version !== version) return;
    }
    const checkStart = performance.now();
    const analysis = state.analyses.analysis(document, request);
    const validation = state.analyses.validation(document, request);
    if (cost > 0) state.delays.record(uri, cost + performance.now() - checkStart);
    if (token.cancelled || state.documents.get(uri)?.version !== version) return;
    if (state.loggedErrors.has(analysis)) this.publish(uri, version, { ...validation.result, internalErrors: [] }, validation.diagnostics, snapshot);
    else {
      state.loggedErrors.add(analysis);
      this.publish(uri, version, validation.result, validation.diagnostics, snapshot);
    }
  }

  /** Checks a report that is not open (from the text given, or from disk). */
  private async validateClosed(uri: string, text: string, snapshot: ServerSnapshot): Promise<{ result: ValidationResult; diagnostics: Diagnostic[] }> {
    const settings = await this.context.settingsFor(uri, snapshot);
    const { service, messages } = this.context.requestFor(uri, settings, snapshot);
    const textDocument = TextDocument.create(uri, 'budget-yaml', 0, text);
    const result = service.validate(service.parse(text), settings.user, messages);
    const diagnostics = result.findings.map((f) => toDiagnostic(textDocument, f));
    this.publish(uri, null, result, diagnostics, snapshot);
    return { result, diagnostics };
  }

  /** A report published by "check all reports" and not open: checked again from its file, or cleared when it is gone. */
  recheckFromDisk(uri: string): void {
    const { connection, state } = this.context;
    const file = uriToPath(uri);
    if (!file) return;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      state.workspaceReports.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    this.validateClosed(uri, text, state.snapshot).catch((error) => this.context.logError(`validation of ${uri}`, error));
  }

  /** Every open document and every report published from disk, after a change of their inputs. */
  revalidateAll(): void {
    const { state } = this.context;
    for (const document of state.documents.all()) this.scheduler.schedule(document.uri, 0);
    for (const uri of state.workspaceReports) if (!state.documents.get(uri)) this.recheckFromDisk(uri);
  }

  /** The "check all reports" request: open documents in their editor state, the others from the text sent. */
  async checkDocuments(params: CheckDocumentsParams, token: CancellationToken): Promise<CheckDocumentsResult> {
    const { state } = this.context;
    const snapshot = await this.context.snapshot();
    const files: Array<CheckDocumentsResult['files'][number]> = [];
    const list = Array.isArray(params?.documents) ? params.documents : [];
    let index = 0;
    for (; index < list.length && !token.isCancellationRequested; index++) {
      const { uri, text } = list[index];
      if (typeof uri !== 'string' || typeof text !== 'string') continue;
      try {
        const open = state.documents.get(uri);
        if (open) {
          const settings = await this.context.settingsFor(uri, snapshot);
          const validation = state.analyses.validation(open, this.context.requestFor(uri, settings, snapshot));
          this.publish(uri, open.version, validation.result, validation.diagnostics, snapshot);
          files.push({ uri, counts: diagnosticCounts(validation.diagnostics), ledger: ledgerRows(validation.result) });
        } else {
          const { result, diagnostics } = await this.validateClosed(uri, text, snapshot);
          state.workspaceReports.add(uri);
          files.push({ uri, counts: diagnosticCounts(diagnostics), ledger: ledgerRows(result) });
        }
      } catch (error) {
        this.context.logError(`check of ${uri}`, error);
      }
      await yieldToEventLoop();
    }
    return { files, skipped: list.length - index };
  }
}

/** The "check all reports" request (validation of open documents is scheduled by documentHandlers). */
export function registerCheckRequests(context: ServerContext, validator: Validator): void {
  context.connection.onRequest(CheckDocumentsRequest.type, (params, token) => validator.checkDocuments(params, token));
}
