import {
  CancellationToken,
  CodeActionKind,
  Connection,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextEdit,
} from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'fs';
import * as path from 'path';
import { Messages, messagesFor, setFrontEndLocale, withMessages } from './service/i18n/l10n';
import { describeInternalError } from './service/analysis/internalErrors';
import { settingsProblemText } from './service/settingsInput';
import type { DocumentAnalysis } from './service/analysis/documentAnalysis';
import { toDiagnostic } from './service/protocol';
import { toCheckSettings } from './service/settings';
import { COMPANION_RULES, RULES } from './service/rules/registry';
import type { ValidationResult } from './service/rules/ruleTypes';
import type { BudgetService } from './service/budgetService';
import type { ParsedDocument } from './service/document';
import { DocumentStore } from './node/lsp/documentStore';
import { createStdioConnection } from './node/lsp/stdioFraming';
import { AnalysisCache, AnalysisRequest } from './node/lsp/analysisCache';
import { ServiceCache } from './node/lsp/serviceCache';
import { AdaptiveDelay, ValidationScheduler, WorkToken, yieldToEventLoop } from './node/lsp/validationScheduler';
import { budgetSection, DEFAULT_EDITOR_SETTINGS, EditorSettings, effectiveLocale, readEditorSettings, resolveCodeTablePaths, uriToPath } from './node/lsp/editorSettings';
import { codeList } from './node/lsp/codeList';
import { codeInsertionEdits } from './node/lsp/codeInsertion';
import { generateNarrative, generateOneSection, sectionCodeActions } from './node/lsp/narrativeRequests';
import { publicationAnchor, publicationHtml, publicationPdf, validNonce } from './node/lsp/publicationRequests';
import { newReport, reportTemplates } from './node/lsp/newReportRequests';
import { exportXlsx, importWorkbooks } from './node/lsp/excelRequests';
import { nextYear, readNextYearInput, refreshCodeActions, refreshNumbers } from './node/lsp/yearRequests';
import { LastYearIndex } from './node/lsp/lastYearIndex';
import { describeError } from './service/i18n/plainError';
import { NEXT_YEAR_REQUEST, NextYearParams, NextYearResult, REFRESH_NUMBERS_REQUEST, RefreshNumbersParams, RefreshNumbersResult } from './node/lsp/protocolExtensions';
import {
  CHECK_DOCUMENTS_REQUEST,
  CheckDocumentsParams,
  CheckDocumentsResult,
  CODE_LIST_REQUEST,
  CodeListParams,
  CodeListResult,
  DiagnosticCounts,
  EXPORT_XLSX_REQUEST,
  ExportXlsxParams,
  ExportXlsxResult,
  GENERATE_NARRATIVE_REQUEST,
  GENERATE_SECTION_REQUEST,
  GenerateNarrativeParams,
  GenerateNarrativeResult,
  GenerateSectionParams,
  GenerateSectionResult,
  IMPORT_XLSX_REQUEST,
  ImportXlsxParams,
  ImportXlsxResult,
  INSERT_CODE_REQUEST,
  InitializationOptions,
  InsertCodeParams,
  LEDGER_NOTIFICATION,
  LedgerParams,
  LedgerRow,
  PRINT_PDF_REQUEST,
  PrintPdfParams,
  PrintPdfResult,
  PUBLICATION_ANCHOR_REQUEST,
  PUBLICATION_HTML_REQUEST,
  PublicationAnchorParams,
  PublicationAnchorResult,
  PublicationHtmlParams,
  PublicationHtmlResult,
  REGENERATE_SECTION_COMMAND,
  NEW_REPORT_REQUEST,
  NewReportParams,
  NewReportResult,
  REPORT_TEMPLATES_REQUEST,
  ReportTemplatesResult,
  WORKSPACE_TRUST_NOTIFICATION,
  WorkspaceTrustParams,
} from './node/lsp/protocolExtensions';

/**
 * The budget language server: LSP wiring only. Every feature is a call into the language
 * service (service/budgetService.ts); this file keeps documents in sync, caches one parse per
 * version, debounces validation, drops outdated work and translates results to LSP.
 */

const DEFAULT_DEBOUNCE_MS = 200;
const RULE_TITLES = new Map<string, string>([...RULES, ...COMPANION_RULES].map((r) => [r.id, r.title]));

export function startServer(connection: Connection): void {
  const documents = new DocumentStore();
  const analyses = new AnalysisCache();
  const services = new ServiceCache();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  /** Reports published by the "check all reports" request and not open in the editor. */
  const workspaceReports = new Set<string>();
  const reportedTableProblems = new Set<string>();

  let options: InitializationOptions = {};
  let initialSection: unknown;
  let pushedSection: unknown;
  let editorLocale: string | undefined;
  let hasConfiguration = false;
  let hasDynamicConfiguration = false;
  let hasFolderEvents = false;
  let workspaceFolders: string[] = [];
  let trusted = true;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let delays = new AdaptiveDelay(debounceMs);
  let codeActionDisabledSupport = false;
  let ready: Promise<void> = Promise.resolve();
  /** The locale of the server's own messages (notifications, errors of requests). */
  let serverMessages: Messages = messagesFor('zh-cn');
  /** Last year's report of a report's department, in the workspace (the figures previous: lacks). */
  const lastYears = new LastYearIndex(() => documents.all(), () => workspaceFolders, () => trusted);
  /** Analyses whose internal errors are already in the log. */
  const loggedErrors = new WeakSet<DocumentAnalysis>();
  const t = (message: string, ...args: Array<string | number>): string => serverMessages.t(message, ...args);

  const log = (message: string) => connection.console.log(message);
  const logError = (context: string, error: unknown) => connection.console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);

  // ---- settings ----

  /** Settings values that were not taken are told to the user once (and logged), not dropped silently. */
  const reportedSettingsProblems = new Set<string>();
  function withProblemsReported(settings: EditorSettings): EditorSettings {
    if (settings.problems.length === 0) return settings;
    const key = JSON.stringify(settings.problems);
    if (!reportedSettingsProblems.has(key)) {
      reportedSettingsProblems.add(key);
      const lines = settings.problems.map(settingsProblemText);
      for (const line of lines) log(`settings: ${line}`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: t('Some budget.* settings are not used: {0}', lines.join('；')) });
    }
    return settings;
  }

  function settingsFor(uri: string): Promise<EditorSettings> {
    if (!hasConfiguration) return Promise.resolve(withProblemsReported(readEditorSettings(initialSection, pushedSection)));
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'budget' }).then(
        (section: unknown) => withProblemsReported(readEditorSettings(initialSection, section)),
        (error: unknown) => {
          logError('workspace/configuration', error);
          return readEditorSettings(initialSection);
        },
      );
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  async function refreshLocale(): Promise<void> {
    let settings: EditorSettings = readEditorSettings(initialSection, pushedSection);
    if (hasConfiguration) {
      try {
        settings = readEditorSettings(initialSection, await connection.workspace.getConfiguration({ section: 'budget' }));
      } catch (error) {
        logError('workspace/configuration', error);
      }
    }
    // The server's own messages, also those of its asynchronous requests (import, export).
    serverMessages = setFrontEndLocale(effectiveLocale(settings.locale, editorLocale));
    withProblemsReported(settings);
  }

  /** The messages of a document's analyses: its `budget.locale`, or the editor's. */
  function messagesOf(settings: EditorSettings): Messages {
    return messagesFor(effectiveLocale(settings.locale, editorLocale));
  }

  /** The inputs of a document's analysis: the service for its code tables, its settings and locale. */
  function requestFor(uri: string, settings: EditorSettings): AnalysisRequest {
    const files = resolveCodeTablePaths(settings.codeTables, uri, workspaceFolders, trusted);
    const cached = services.get(files);
    if (cached.problems.length && !reportedTableProblems.has(cached.key)) {
      reportedTableProblems.add(cached.key);
      const first = cached.problems[0];
      const message = first.line > 0 ? t('Code table {0}, line {1}: {2}', first.file, first.line, first.message) : t('Code table {0}: {1}', first.file, first.message);
      const text = cached.problems.length > 1 ? `${message} ${t('({0} problems in all)', cached.problems.length)}` : message;
      // A notification, not window/showMessageRequest: nothing to answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
      for (const p of cached.problems) log(`code table ${p.file}:${p.line}: ${p.message}`);
    }
    return { service: cached.service, settings: settings.user, messages: messagesOf(settings), lastYear: (parsed) => lastYears.find(uri, parsed.report, cached.service) };
  }

  // ---- validation ----

  function counts(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
    const c = { errors: 0, warnings: 0, information: 0, hints: 0 };
    for (const d of diagnostics) {
      if (d.severity === 1) c.errors++;
      else if (d.severity === 2) c.warnings++;
      else if (d.severity === 3) c.information++;
      else c.hints++;
    }
    return c;
  }

  function ledgerRows(result: ValidationResult): LedgerRow[] {
    return result.ledger.map((e) => ({ rule: e.rule, title: RULE_TITLES.get(e.rule) ?? '', outcome: e.outcome, checks: e.checks, findings: e.findings, reasons: e.reasons }));
  }

  function publish(uri: string, version: number | null, result: ValidationResult, diagnostics: readonly Diagnostic[]): void {
    for (const error of result.internalErrors) logError(`internal error of the checker on ${uri}`, describeInternalError(error));
    void connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics: [...diagnostics] });
    if (options.ledgerNotifications) {
      const params: LedgerParams = { uri, version, ledger: ledgerRows(result), claims: result.claims, counts: counts(diagnostics) };
      void connection.sendNotification(LEDGER_NOTIFICATION, params);
    }
  }

  async function validateOpenDocument(uri: string, token: WorkToken): Promise<void> {
    await ready;
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (token.cancelled || !document) return;
    const version = document.version;
    const request = requestFor(uri, settings);
    let cost = 0;
    if (!analyses.hasValidation(document, request)) {
      const parseStart = performance.now();
      analyses.parsed(document, request.service);
      cost += performance.now() - parseStart;
      // Between parse and validation, newer edits may have arrived: then this work is outdated.
      await yieldToEventLoop();
      if (token.cancelled || documents.get(uri)?.version !== version) return;
    }
    const checkStart = performance.now();
    const analysis = analyses.analysis(document, request);
    const validation = analyses.validation(document, request);
    if (cost > 0) delays.record(uri, cost + performance.now() - checkStart);
    if (token.cancelled || documents.get(uri)?.version !== version) return;
    if (loggedErrors.has(analysis)) publish(uri, version, { ...validation.result, internalErrors: [] }, validation.diagnostics);
    else {
      loggedErrors.add(analysis);
      publish(uri, version, validation.result, validation.diagnostics);
    }
  }

  const scheduler = new ValidationScheduler(validateOpenDocument, (uri, error) => logError(`validation of ${uri}`, error));

  /** Checks a report that is not open (from the text given, or from disk). */
  async function validateClosed(uri: string, text: string): Promise<{ result: ValidationResult; diagnostics: Diagnostic[] }> {
    const settings = await settingsFor(uri);
    const { service, messages } = requestFor(uri, settings);
    const textDocument = TextDocument.create(uri, 'budget-yaml', 0, text);
    const result = service.validate(service.parse(text), settings.user, messages);
    const diagnostics = result.findings.map((f) => toDiagnostic(textDocument, f));
    publish(uri, null, result, diagnostics);
    return { result, diagnostics };
  }

  function recheckFromDisk(uri: string): void {
    const file = uriToPath(uri);
    if (!file) return;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      workspaceReports.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    validateClosed(uri, text).catch((error) => logError(`validation of ${uri}`, error));
  }

  function revalidateAll(): void {
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    for (const uri of workspaceReports) if (!documents.get(uri)) recheckFromDisk(uri);
  }

  // ---- lifecycle ----

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    initialSection = budgetSection(options);
    editorLocale = params.locale;
    trusted = options.trusted !== false;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    delays = new AdaptiveDelay(debounceMs);
    const capabilities = params.capabilities;
    hasConfiguration = !!capabilities.workspace?.configuration;
    hasDynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasFolderEvents = !!capabilities.workspace?.workspaceFolders;
    codeActionDisabledSupport = !!capabilities.textDocument?.codeAction?.disabledSupport;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    serverMessages = setFrontEndLocale(effectiveLocale(readEditorSettings(initialSection).locale, editorLocale));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: hasFolderEvents } },
      },
      serverInfo: { name: 'budget-language-server', version: readVersion() },
    };
  });

  connection.onInitialized(() => {
    ready = refreshLocale();
    if (hasDynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'budget' });
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
        settingsCache.clear();
        revalidateAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    pushedSection = budgetSection(params.settings) ?? pushedSection;
    settingsCache.clear();
    ready = refreshLocale();
    revalidateAll();
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: WorkspaceTrustParams) => {
    const now = params?.trusted !== false;
    if (now === trusted) return;
    trusted = now;
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let tablesChanged = false;
    for (const change of params.changes) {
      if (/\.csv$/i.test(change.uri)) {
        tablesChanged = true;
        continue;
      }
      if (documents.get(change.uri) || !workspaceReports.has(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        workspaceReports.delete(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else {
        recheckFromDisk(change.uri);
      }
    }
    if (tablesChanged) revalidateAll();
  });

  // ---- documents ----

  connection.onDidOpenTextDocument(({ textDocument }) => {
    analyses.delete(textDocument.uri);
    documents.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    scheduler.schedule(textDocument.uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const outcome = documents.change(textDocument.uri, textDocument.version, contentChanges);
    if (outcome === 'applied') scheduler.schedule(textDocument.uri, delays.delay(textDocument.uri));
    else log(`ignored a ${outcome} change of ${textDocument.uri} (version ${textDocument.version}, have ${documents.get(textDocument.uri)?.version ?? 'none'})`);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const uri = textDocument.uri;
    scheduler.cancel(uri);
    documents.close(uri);
    analyses.delete(uri);
    delays.forget(uri);
    settingsCache.delete(uri);
    if (workspaceReports.has(uri)) recheckFromDisk(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---- features: each a call into the service with the cached parse ----

  async function withDocument<T>(uri: string, token: CancellationToken, fallback: T, feature: (document: TextDocument, request: AnalysisRequest) => T): Promise<T> {
    await ready;
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (!document || token.isCancellationRequested) return fallback;
    try {
      const request = requestFor(uri, settings);
      // Work outside the analysis (requests of the client) speaks the document's locale too.
      return withMessages(request.messages, () => feature(document, request));
    } catch (error) {
      logError(`request on ${uri}`, error);
      return fallback;
    }
  }

  connection.onCompletion((params, token) =>
    withDocument(params.textDocument.uri, token, null, (document, request) => analyses.analysis(document, request).complete(document, params.position)),
  );

  connection.onHover((params, token) =>
    withDocument(params.textDocument.uri, token, null, (document, request) => analyses.analysis(document, request).hover(document, params.position)),
  );

  connection.onCodeAction((params, token) =>
    withDocument(params.textDocument.uri, token, [], (document, request) => {
      // The findings of exactly this version: their spans are the offsets the fixes edit.
      const analysis = analyses.analysis(document, request);
      const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
      const actions = analysis.codeActions(document, span);
      try {
        const clientCommand = Array.isArray(options.clientCommands) && options.clientCommands.includes(REGENERATE_SECTION_COMMAND);
        actions.push(...sectionCodeActions(document, analysis, params.range, params.context?.only, { clientCommand, disabledSupport: codeActionDisabledSupport }));
      } catch (error) {
        logError(`narrative code action on ${params.textDocument.uri}`, error);
      }
      try {
        if (!params.context?.only?.length || params.context.only.some((kind) => kind === 'quickfix' || kind === '')) actions.push(...refreshCodeActions(document, analysis, params.range));
      } catch (error) {
        logError(`refresh code action on ${params.textDocument.uri}`, error);
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    withDocument(params.textDocument.uri, token, [], (document, request) => analyses.analysis(document, request).symbols(document)),
  );

  connection.onFoldingRanges((params, token) =>
    withDocument(params.textDocument.uri, token, [], (document, request) => analyses.analysis(document, request).folding(document)),
  );

  // ---- requests of the VS Code client ----

  connection.onRequest(CHECK_DOCUMENTS_REQUEST, async (params: CheckDocumentsParams, token: CancellationToken): Promise<CheckDocumentsResult> => {
    await ready;
    const files: Array<CheckDocumentsResult['files'][number]> = [];
    const list = Array.isArray(params?.documents) ? params.documents : [];
    let index = 0;
    for (; index < list.length && !token.isCancellationRequested; index++) {
      const { uri, text } = list[index];
      if (typeof uri !== 'string' || typeof text !== 'string') continue;
      try {
        const open = documents.get(uri);
        if (open) {
          const settings = await settingsFor(uri);
          const validation = analyses.validation(open, requestFor(uri, settings));
          publish(uri, open.version, validation.result, validation.diagnostics);
          files.push({ uri, counts: counts(validation.diagnostics), ledger: ledgerRows(validation.result) });
        } else {
          const { result, diagnostics } = await validateClosed(uri, text);
          workspaceReports.add(uri);
          files.push({ uri, counts: counts(diagnostics), ledger: ledgerRows(result) });
        }
      } catch (error) {
        logError(`check of ${uri}`, error);
      }
      await yieldToEventLoop();
    }
    return { files, skipped: list.length - index };
  });

  connection.onRequest(CODE_LIST_REQUEST, (params: CodeListParams, token: CancellationToken) =>
    withDocument<CodeListResult>(params.uri, token, { codes: [] }, (document, request) => {
      const offset = params.position ? document.offsetAt(params.position) : undefined;
      return codeList(request.service.codeTables, analyses.parsed(document, request.service), offset, toCheckSettings(request.settings).codeYear);
    }),
  );

  connection.onRequest(INSERT_CODE_REQUEST, (params: InsertCodeParams, token: CancellationToken) =>
    withDocument<TextEdit[]>(params.uri, token, [], (document) =>
      codeInsertionEdits(document.getText(), document.offsetAt(params.position), String(params.code), String(params.name)).map((e) =>
        TextEdit.replace({ start: document.positionAt(e.span.start), end: document.positionAt(e.span.end) }, e.newText),
      ),
    ),
  );

  // ---- narrative generation, publication and Excel (node/lsp/narrativeRequests, publicationRequests, excelRequests) ----

  /** The open document, or a report that is not open from the text given; undefined when neither. */
  async function reportDocument(uri: string, text: unknown): Promise<{ document: TextDocument; parsed: ParsedDocument; version: number | null } | undefined> {
    await ready;
    const settings = await settingsFor(uri);
    const { service } = requestFor(uri, settings);
    const open = documents.get(uri);
    if (open) return { document: open, parsed: analyses.parsed(open, service), version: open.version };
    if (typeof text !== 'string') return undefined;
    return { document: TextDocument.create(uri, 'budget-yaml', 0, text), parsed: service.parse(text), version: null };
  }

  async function requireReport(uri: unknown, text: unknown) {
    const found = typeof uri === 'string' ? await reportDocument(uri, text) : undefined;
    if (!found) throw new ResponseError(ErrorCodes.InvalidParams, `${String(uri)} is not open and no text was given`);
    return found;
  }

  connection.onRequest(GENERATE_NARRATIVE_REQUEST, (params: GenerateNarrativeParams, token: CancellationToken) =>
    withDocument<GenerateNarrativeResult>(params?.uri, token, { version: null, sections: [], edits: [], skipped: [] }, (document, request) =>
      generateNarrative(document, analyses.analysis(document, request)),
    ),
  );

  connection.onRequest(GENERATE_SECTION_REQUEST, (params: GenerateSectionParams, token: CancellationToken) =>
    withDocument<GenerateSectionResult>(params?.uri, token, { version: null }, (document, request) =>
      generateOneSection(document, analyses.analysis(document, request), params),
    ),
  );

  connection.onRequest(REFRESH_NUMBERS_REQUEST, (params: RefreshNumbersParams, token: CancellationToken) =>
    withDocument<RefreshNumbersResult>(params?.uri, token, { version: null, edits: [], changes: [], lines: [], summary: '' }, (document, request) =>
      refreshNumbers(document, analyses.analysis(document, request)),
    ),
  );

  connection.onRequest(NEXT_YEAR_REQUEST, async (params: NextYearParams, token: CancellationToken): Promise<NextYearResult> => {
    const empty: NextYearResult = { lines: [], markers: 0, problems: [] };
    await ready;
    const uri = params?.uri;
    const settings = typeof uri === 'string' ? await settingsFor(uri) : undefined;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document || !settings || token.isCancellationRequested) return { ...empty, error: t('{0} is not open in the editor', String(uri)) };
    const request = requestFor(uri, settings);
    const input = await readNextYearInput(params);
    return withMessages(request.messages, () => {
      try {
        return nextYear(document, analyses.analysis(document, request), input);
      } catch (error) {
        logError(`next year of ${uri}`, error);
        return { ...empty, error: t('next year\'s report cannot be made: {0}', describeError('next-year', error)) };
      }
    });
  });

  connection.onRequest(PUBLICATION_HTML_REQUEST, async (params: PublicationHtmlParams): Promise<PublicationHtmlResult> => {
    if (params?.nonce !== undefined && !validNonce(params.nonce)) throw new ResponseError(ErrorCodes.InvalidParams, 'the nonce must be base64 of at least 12 bytes');
    const { document, parsed, version } = await requireReport(params?.uri, params?.text);
    const offset = params.nonce && params.position ? document.offsetAt(params.position) : undefined;
    return publicationHtml(document, parsed, version, params.nonce, offset);
  });

  connection.onRequest(PUBLICATION_ANCHOR_REQUEST, (params: PublicationAnchorParams, token: CancellationToken) =>
    withDocument<PublicationAnchorResult>(params?.uri, token, {}, (document, request) =>
      publicationAnchor(analyses.parsed(document, request.service), document.offsetAt(params.position)),
    ),
  );

  connection.onRequest(PRINT_PDF_REQUEST, async (params: PrintPdfParams): Promise<PrintPdfResult> => {
    const { parsed } = await requireReport(params?.uri, params?.text);
    return publicationPdf(parsed);
  });

  connection.onRequest(EXPORT_XLSX_REQUEST, async (params: ExportXlsxParams): Promise<ExportXlsxResult> => {
    const { parsed } = await requireReport(params?.uri, params?.text);
    return exportXlsx(parsed);
  });

  // ---- a new report (node/lsp/newReportRequests): the skeleton `budget-check new` writes ----

  connection.onRequest(REPORT_TEMPLATES_REQUEST, (): ReportTemplatesResult => reportTemplates());

  connection.onRequest(NEW_REPORT_REQUEST, (params: NewReportParams): NewReportResult => newReport(params));

  connection.onRequest(IMPORT_XLSX_REQUEST, async (params: ImportXlsxParams): Promise<ImportXlsxResult> => {
    await ready;
    const into = typeof params?.into === 'string' ? params.into : undefined;
    const document = into ? documents.get(into) : undefined;
    const name = into ? decodeURIComponent(into.slice(into.lastIndexOf('/') + 1)) : '';
    if (into && !document) return { mode: 'failed', replaced: [], added: [], recognised: [], sheets: [], problems: [], error: t('{0} is not open in the editor', name) };
    return importWorkbooks(params, document ? { document, name } : undefined);
  });

  connection.onShutdown(() => scheduler.cancelAll());

  connection.listen();
}

function readVersion(): string {
  try {
    // The manifest sits at the package root, above out/server/src or dist.
    for (const candidate of ['../../../package.json', '../package.json']) {
      const file = path.join(__dirname, candidate);
      if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version ?? '';
    }
  } catch {
    // The version is informational only.
  }
  return '';
}

const USAGE = 'usage: budget-language-server --stdio | --node-ipc | --socket=PORT';

if (process.argv.includes('--version')) {
  process.stdout.write(readVersion() + '\n');
} else if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(USAGE + '\n');
  process.exitCode = 2;
} else {
  // Over stdio, a header block without Content-Length is skipped instead of stalling the reader.
  const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
  // A bug must cost one answer, never the server: log it and carry on.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
  startServer(connection);
}
