import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** A minimal LSP client for timing servers: open, edit, wait for diagnostics, request. */
export class LspDriver {
  private waiting: Array<{ uri: string; resolve: (at: number) => void }> = [];

  private constructor(private readonly child: ChildProcess, readonly connection: MessageConnection) {}

  static async start(args: string[], configuration: (section: string) => unknown, initializationOptions?: unknown): Promise<LspDriver> {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    // A stopped server closes its pipes while late messages may still be in flight.
    child.stdin!.on('error', () => undefined);
    child.stdout!.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onError(() => undefined);
    const driver = new LspDriver(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
      const now = performance.now();
      const pending = driver.waiting.filter((w) => w.uri === params.uri);
      driver.waiting = driver.waiting.filter((w) => w.uri !== params.uri);
      for (const w of pending) w.resolve(now);
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((i) => configuration(i.section ?? '')));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    connection.sendNotification('initialized', {});
    return driver;
  }

  /** Resolves with the time the next diagnostics for `uri` arrive. */
  nextDiagnostics(uri: string, timeoutMs = 120_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push({ uri, resolve: (at) => { clearTimeout(timer); resolve(at); } });
    });
  }

  async open(uri: string, text: string): Promise<number> {
    const started = performance.now();
    const done = this.nextDiagnostics(uri);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await done) - started;
  }

  /** Replaces `range` with `text` (an incremental change) and measures the time to diagnostics. */
  async edit(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const started = performance.now();
    const done = this.nextDiagnostics(uri);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return (await done) - started;
  }

  async request(method: string, params: unknown): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest(method, params);
    return performance.now() - started;
  }

  /** Peak resident memory of the server process (VmHWM), in MB. */
  peakRssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit').catch(() => undefined);
    } catch {
      /* the process may already be gone */
    }
    this.connection.dispose();
    this.child.kill('SIGKILL');
  }
}
