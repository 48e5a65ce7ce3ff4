import { Transform, TransformCallback } from 'stream';
import { format } from 'util';
import { Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';

/**
 * Keeps the server listening when a client sends a header block it cannot use.
 *
 * vscode-jsonrpc's StreamMessageReader reports a header block without a valid Content-Length
 * ("Header must provide a Content-Length property") and drops the block, but not the body that
 * follows it: those bytes are then read as the next header, which never parses, and the server
 * stops answering for good while the client waits. This transform sits between stdin and the
 * reader: a message with a valid Content-Length passes unchanged; any other header block is
 * reported and the input is skipped to the next `Content-Length:` header, so the next valid
 * message is answered.
 */

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /content-length:/i;
/** A header block longer than this is garbage, not a header. */
const MAX_HEADER_BYTES = 64 * 1024;

export class LspFramingGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current message's body still to pass through. */
  private bodyLeft = 0;
  /** Skipping input until the next `Content-Length:` (after a header block that could not be used). */
  private skipping = false;

  constructor(private readonly onSkipped: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.skipping) {
        data = this.skipToHeader(data, 0);
        continue;
      }
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, data.length);
        this.push(data.subarray(0, take));
        this.bodyLeft -= take;
        data = data.subarray(take);
        continue;
      }
      const end = data.indexOf(HEADER_END);
      if (end < 0) {
        if (data.length > MAX_HEADER_BYTES) data = this.resync(data, 1, 'a header block without its end');
        else {
          this.pending = data;
          break;
        }
        continue;
      }
      const header = data.subarray(0, end).toString('ascii');
      const length = contentLength(header);
      if (length === undefined) {
        data = this.resync(data, end + HEADER_END.length, `a header block without a valid Content-Length (${JSON.stringify(header.slice(0, 200))})`);
        continue;
      }
      this.push(data.subarray(0, end + HEADER_END.length));
      this.bodyLeft = length;
      data = data.subarray(end + HEADER_END.length);
    }
    callback();
  }

  private resync(data: Buffer, from: number, reason: string): Buffer {
    this.onSkipped(reason);
    return this.skipToHeader(data, from);
  }

  /** Skips to the next `Content-Length:` at or after `from`; without one, keeps a tail that may be its start. */
  private skipToHeader(data: Buffer, from: number): Buffer {
    const next = data.toString('latin1').slice(from).search(CONTENT_LENGTH);
    this.skipping = next < 0;
    if (next >= 0) return data.subarray(from + next);
    this.pending = data.subarray(Math.max(from, data.length - 'content-length:'.length + 1));
    return Buffer.alloc(0);
  }
}

/** The Content-Length of a header block, undefined when it has none or an invalid one. */
export function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}

/**
 * Sends console output to the client's log: over stdio, stdout is the protocol. (vscode-
 * languageserver does this itself only when it opens stdin and stdout on its own.)
 */
export function consoleToLog(log: { log(message: string): void; info(message: string): void; warn(message: string): void; error(message: string): void }): void {
  console.log = (...args: unknown[]) => log.log(format(...args));
  console.info = (...args: unknown[]) => log.info(format(...args));
  console.debug = (...args: unknown[]) => log.log(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
  console.trace = (...args: unknown[]) => log.log(format(...args));
  console.dir = (item: unknown) => log.log(format(item));
}

/**
 * The connection for `--stdio`: stdin through the framing guard, stdout as is, console output to
 * the client's log. The server still exits when stdin ends, as vscode-languageserver arranges.
 */
export function createStdioConnection(): Connection {
  let connection: Connection | undefined;
  const guard = new LspFramingGuard((reason) => {
    const message = `budget-language-server: skipped ${reason}; reading on from the next Content-Length header`;
    if (connection) connection.console.error(message);
    else process.stderr.write(message + '\n');
  });
  process.stdin.pipe(guard);
  connection = createConnection(ProposedFeatures.all, guard, process.stdout);
  consoleToLog(connection.console);
  return connection;
}
