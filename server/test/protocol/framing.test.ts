import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'child_process';
import { contentLength, LspFramingGuard } from '../../src/node/lsp/stdioFraming';
import { SERVER_JS } from './lspTestClient';

/**
 * A header block without a Content-Length (or with an invalid one) must not stall the server:
 * vscode-jsonrpc drops the block but reads its body as the next header, and never answers again.
 * The framing guard skips to the next Content-Length header.
 */

function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Runs the guard over the chunks; returns what it lets through and what it reported. */
function guarded(chunks: ReadonlyArray<string | Buffer>): { output: string; skipped: string[] } {
  const skipped: string[] = [];
  const guard = new LspFramingGuard((reason) => skipped.push(reason));
  const out: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => out.push(chunk));
  for (const chunk of chunks) guard.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return { output: Buffer.concat(out).toString(), skipped };
}

const A = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { text: '预算 “报告” \r\n\r\n Content-Length: 5' } });
const B = frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' });

test('valid messages pass unchanged, however the input is cut into chunks', () => {
  const all = Buffer.from(A + B + A);
  for (let cut = 0; cut <= all.length; cut += 7) {
    const result = guarded([all.subarray(0, cut), all.subarray(cut)]);
    assert.equal(result.output, A + B + A, `cut at ${cut}`);
    assert.deepEqual(result.skipped, []);
  }
  const byteByByte = guarded([...all].map((b) => Buffer.from([b])));
  assert.equal(byteByByte.output, A + B + A);
  assert.equal(guarded([`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${B}`]).output, `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${B}`);
});

test('a header block without Content-Length is skipped with its body, the next message passes', () => {
  const bad = 'Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}';
  assert.deepEqual(guarded([A, bad, B]).output, A + B);
  assert.deepEqual(guarded([A + bad + B]).output, A + B);
  const split = guarded([A, bad.slice(0, 40), bad.slice(40) + B.slice(0, 9), B.slice(9)]);
  assert.equal(split.output, A + B);
  assert.equal(split.skipped.length, 1);
  assert.equal(guarded(['Content-Length: abc\r\n\r\n{}', B]).output, B);
  assert.equal(guarded(['garbage without colon\r\n\r\n', B]).output, B);
  assert.equal(guarded(['x'.repeat(70 * 1024), B]).output, B);
});

test('contentLength reads the header block', () => {
  assert.equal(contentLength('Content-Length: 12'), 12);
  assert.equal(contentLength('content-length:12\r\nContent-Type: x'), 12);
  assert.equal(contentLength('Content-Type: x'), undefined);
  assert.equal(contentLength('Content-Length: -1'), undefined);
  assert.equal(contentLength('Content-Length: 1e3'), undefined);
  assert.equal(contentLength('no colon'), undefined);
});

test('the real server answers after a header block without Content-Length, and exits on request', async (t) => {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => child.kill());
  let stdout = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const answered = (id: number, ms: number) => new Promise<boolean>((resolve) => {
    const check = () => {
      if (stdout.includes(`"id":${id},"result"`)) return resolve(true);
      waiters.push(check);
    };
    setTimeout(() => resolve(stdout.includes(`"id":${id},"result"`)), ms);
    check();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  assert.ok(await answered(1, 60_000), 'initialize');
  child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  // A header block without Content-Length, with a body: the body must not be taken for the next header.
  child.stdin.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":7,"method":"shutdown"}');
  child.stdin.write('Content-Length: nothing\r\n\r\n');
  child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
  assert.ok(await answered(2, 5_000), `the server answers the next valid message within seconds; it wrote: ${stdout.slice(-500)}`);
  assert.ok(!stdout.includes('"id":7'), 'the body of the skipped block is not taken as a message');
  assert.match(stdout, /skipped a header block without a valid Content-Length/);
  child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
  assert.equal(await exited, 0);
});
