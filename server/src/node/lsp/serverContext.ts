import { CancellationToken, Connection, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Messages, messagesFor, setFrontEndLocale, withMessages } from '../../service/i18n/l10n';
import { settingsProblemText } from '../../service/settingsInput';
import type { ParsedDocument } from '../../service/document';
import type { AnalysisRequest } from './analysisCache';
import { EditorSettings, effectiveLocale, readEditorSettings, resolveCodeTablePaths } from './editorSettings';
import type { ServerSnapshot, ServerState } from './serverState';

/** A report a request works on: the open document, or one that is not open from the text given. */
export interface ReportDocument {
  readonly document: TextDocument;
  readonly parsed: ParsedDocument;
  /** The open document's version; null for a text given with the request. */
  readonly version: number | null;
}

/**
 * What every handler module shares: the connection, the server's state, the log, and the steps
 * each request takes — wait until the settings are read, take a snapshot of the state, find the
 * document's settings and the inputs of its analysis, run inside the document's locale. A request
 * reads the state only through the snapshot it took when it started.
 */
export class ServerContext {
  constructor(readonly connection: Connection, readonly state: ServerState) {}

  log(message: string): void {
    this.connection.console.log(message);
  }

  logError(context: string, error: unknown): void {
    this.connection.console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }

  /** A message of the server itself, in the server's locale. */
  t(message: string, ...args: Array<string | number>): string {
    return this.state.snapshot.messages.t(message, ...args);
  }

  /** The state once the settings of the last configuration are read: what a request reads, fixed for its run. */
  async snapshot(): Promise<ServerSnapshot> {
    await this.state.ready;
    return this.state.snapshot;
  }

  // ---- settings ----

  /** Settings values that were not taken are told to the user once (and logged), not dropped silently. */
  private withProblemsReported(settings: EditorSettings): EditorSettings {
    if (settings.problems.length === 0) return settings;
    const key = JSON.stringify(settings.problems);
    if (!this.state.reportedSettingsProblems.has(key)) {
      this.state.reportedSettingsProblems.add(key);
      const lines = settings.problems.map(settingsProblemText);
      for (const line of lines) this.log(`settings: ${line}`);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: this.t('Some budget.* settings are not used: {0}', lines.join('；')) });
    }
    return settings;
  }

  /** A document's `budget.*` settings: asked for once per document (workspace/configuration), or those pushed. */
  settingsFor(uri: string, snapshot: ServerSnapshot = this.state.snapshot): Promise<EditorSettings> {
    if (!snapshot.client.configuration) return Promise.resolve(this.withProblemsReported(readEditorSettings(snapshot.initialSection, snapshot.pushedSection)));
    let settings = this.state.settings.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'budget' }).then(
        (section: unknown) => this.withProblemsReported(readEditorSettings(snapshot.initialSection, section)),
        (error: unknown) => {
          this.logError('workspace/configuration', error);
          return readEditorSettings(snapshot.initialSection);
        },
      );
      this.state.settings.set(uri, settings);
    }
    return settings;
  }

  /** Reads the workspace's settings again and sets the locale of the server's own messages from them. */
  async refreshLocale(): Promise<void> {
    const snapshot = this.state.snapshot;
    let settings: EditorSettings = readEditorSettings(snapshot.initialSection, snapshot.pushedSection);
    if (snapshot.client.configuration) {
      try {
        settings = readEditorSettings(snapshot.initialSection, await this.connection.workspace.getConfiguration({ section: 'budget' }));
      } catch (error) {
        this.logError('workspace/configuration', error);
      }
    }
    // The server's own messages, also those of its asynchronous requests (import, export).
    this.state.update({ messages: setFrontEndLocale(effectiveLocale(settings.locale, this.state.snapshot.editorLocale)) });
    this.withProblemsReported(settings);
  }

  /** The messages of a document's analyses: its `budget.locale`, or the editor's. */
  messagesOf(settings: EditorSettings, snapshot: ServerSnapshot): Messages {
    return messagesFor(effectiveLocale(settings.locale, snapshot.editorLocale));
  }

  /** The inputs of a document's analysis: the service for its code tables, its settings and locale. */
  requestFor(uri: string, settings: EditorSettings, snapshot: ServerSnapshot): AnalysisRequest {
    const { services, reportedTableProblems, lastYears } = this.state;
    const files = resolveCodeTablePaths(settings.codeTables, uri, snapshot.workspaceFolders, snapshot.trusted);
    const cached = services.get(files);
    if (cached.problems.length && !reportedTableProblems.has(cached.key)) {
      reportedTableProblems.add(cached.key);
      const first = cached.problems[0];
      const message = first.line > 0 ? this.t('Code table {0}, line {1}: {2}', first.file, first.line, first.message) : this.t('Code table {0}: {1}', first.file, first.message);
      const text = cached.problems.length > 1 ? `${message} ${this.t('({0} problems in all)', cached.problems.length)}` : message;
      // A notification, not window/showMessageRequest: nothing to answer.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
      for (const p of cached.problems) this.log(`code table ${p.file}:${p.line}: ${p.message}`);
    }
    return { service: cached.service, settings: settings.user, messages: this.messagesOf(settings, snapshot), lastYear: (parsed) => lastYears.find(uri, parsed.report, cached.service) };
  }

  // ---- the steps of a request ----

  /**
   * Runs a feature on an open document with the inputs of its analysis, in the document's locale
   * (work outside the analysis speaks it too). The fallback answers a document that is not open,
   * a cancelled request, and a feature that throws (logged).
   */
  async withDocument<T>(uri: string, token: CancellationToken, fallback: T, feature: (document: TextDocument, request: AnalysisRequest, snapshot: ServerSnapshot) => T): Promise<T> {
    const snapshot = await this.snapshot();
    const settings = await this.settingsFor(uri, snapshot);
    const document = this.state.documents.get(uri);
    if (!document || token.isCancellationRequested) return fallback;
    try {
      const request = this.requestFor(uri, settings, snapshot);
      return withMessages(request.messages, () => feature(document, request, snapshot));
    } catch (error) {
      this.logError(`request on ${uri}`, error);
      return fallback;
    }
  }

  /** The open document, or a report that is not open from the text given; undefined when neither. */
  async reportDocument(uri: string, text: unknown): Promise<ReportDocument | undefined> {
    const snapshot = await this.snapshot();
    const settings = await this.settingsFor(uri, snapshot);
    const { service } = this.requestFor(uri, settings, snapshot);
    const open = this.state.documents.get(uri);
    if (open) return { document: open, parsed: this.state.analyses.parsed(open, service), version: open.version };
    if (typeof text !== 'string') return undefined;
    return { document: TextDocument.create(uri, 'budget-yaml', 0, text), parsed: service.parse(text), version: null };
  }

  /** As reportDocument, or an InvalidParams error when there is no report. */
  async requireReport(uri: unknown, text: unknown): Promise<ReportDocument> {
    const found = typeof uri === 'string' ? await this.reportDocument(uri, text) : undefined;
    if (!found) throw new ResponseError(ErrorCodes.InvalidParams, `${String(uri)} is not open and no text was given`);
    return found;
  }
}
