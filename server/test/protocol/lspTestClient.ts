import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, NotificationType, RequestType, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { InitializeResult } from 'vscode-languageserver/node';
import { ROOT } from '../helpers';

/** The compiled server, started exactly as editors start it. */
export const SERVER_JS = path.join(ROOT, 'out', 'server', 'src', 'server.js');

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

export interface StartOptions {
  readonly initializationOptions?: unknown;
  /** Answers workspace/configuration (the client then declares the capability). */
  readonly configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  readonly locale?: string;
  readonly workspaceFolders?: string[];
  readonly command?: readonly string[];
}

/** How long a test waits for an event before it fails (a guard against hangs, not a delay). */
const EVENT_TIMEOUT_MS = 90_000;

/**
 * A JSON-RPC client speaking LSP to a real server process over stdio. Tests wait for the
 * server's events (publishDiagnostics, notifications) and never sleep for a fixed time.
 */
export class LspTestClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly logs: string[] = [];
  private readonly waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  private exited = false;
  initializeResult!: InitializeResult;

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const command = options.command ?? [SERVER_JS, '--stdio'];
    const child = spawn(process.execPath, [...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => client.logs.push(chunk.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.wake();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      client.published.push(params);
      client.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => client.logs.push(params.message));
    connection.onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params });
      client.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      params.items.map((item) => (options.configuration ? options.configuration(item) : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onError(() => undefined);
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      locale: options.locale,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: !!options.configuration, workspaceFolders: false },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get alive(): boolean {
    return !this.exited;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  /** Resolves once `test` holds (checked now and after every event from the server). */
  waitUntil(description: string, test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${description}; server log:\n${this.logs.join('\n')}`)), EVENT_TIMEOUT_MS);
      this.waiters.push({
        test: () => test() || this.exited,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !test()) reject(new Error(`server exited while waiting for ${description}; log:\n${this.logs.join('\n')}`));
          else resolve();
        },
      });
    });
  }

  /** The first diagnostics published for `uri` (with `version`, when given) from index `from` on. */
  async diagnostics(uri: string, version?: number, from = 0): Promise<PublishedDiagnostics> {
    const find = () => this.published.slice(from).find((p) => p.uri === uri && (version === undefined || p.version === version));
    await this.waitUntil(`diagnostics of ${uri}${version === undefined ? '' : ` version ${version}`}`, () => !!find());
    return find()!;
  }

  /** The first notification of a type declared in protocol/ (or an LSP method) that passes `test`. */
  async notification<T>(type: NotificationType<T> | string, test: (params: T) => boolean, from = 0): Promise<T> {
    const method = typeof type === 'string' ? type : type.method;
    const find = () => this.notifications.slice(from).find((n) => n.method === method && test(n.params as T));
    await this.waitUntil(`notification ${method}`, () => !!find());
    return find()!.params as T;
  }

  open(uri: string, text: string, version = 1, languageId = 'budget-yaml'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: Array<{ range?: Range; text: string }>): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** A request declared in protocol/ (params and result typed by the declaration), or an LSP request by name. */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  request<R>(method: string, params: unknown): Promise<R>;
  request(type: RequestType<unknown, unknown, void> | string, params: unknown): Promise<unknown> {
    return typeof type === 'string' ? this.connection.sendRequest(type, params) : this.connection.sendRequest(type, params);
  }

  completion(uri: string, position: Position) {
    return this.request<{ items: Array<{ label: string; detail?: string; textEdit?: TextEdit; additionalTextEdits?: TextEdit[] }> } | null>('textDocument/completion', { textDocument: { uri }, position });
  }

  /** Shuts the server down politely, and kills it whatever happens. */
  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await Promise.race([
          (async () => {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
          })(),
          new Promise((resolve) => setTimeout(resolve, 2000)),
        ]);
      }
    } catch {
      // The process is killed below in any case.
    } finally {
      this.connection.dispose();
      if (this.alive) this.process.kill('SIGKILL');
    }
  }
}

/** Applies LSP text edits to a text (edits must not overlap; any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** Diagnostics as JSON values (undefined fields dropped), to compare server and CLI output. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

export function fileUri(file: string): string {
  return 'file://' + path.resolve(file).split(path.sep).map(encodeURIComponent).join('/');
}
