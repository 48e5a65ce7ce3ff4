import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { MessageDirection } from 'vscode-languageserver-protocol';
import type { Connection } from 'vscode-languageserver/node';
import * as protocol from '../../../protocol/src/protocol';
import { registerHandlers } from '../../src/node/lsp/handlers';
import { ServerContext } from '../../src/node/lsp/serverContext';
import { ServerState } from '../../src/node/lsp/serverState';
import { ROOT } from '../helpers';

/**
 * The messages beyond LSP are declared once, in protocol/: the server registers exactly the
 * declared client-to-server messages, each by its declaration (not by a method string), and the
 * client sends and handles them by the same declarations, without reaching into the server.
 */

interface Declaration {
  readonly name: string;
  readonly method: string;
  readonly messageDirection: MessageDirection;
  readonly type: { readonly method: string };
}

function declarations(): Declaration[] {
  return Object.entries(protocol)
    .filter(([, value]) => typeof value === 'object' && value !== null && 'type' in value && 'messageDirection' in value)
    .map(([name, value]) => ({ name, ...(value as Omit<Declaration, 'name'>) }));
}

/** The handlers the server registers: a connection that records every on… call and answers nothing. */
function registrations(): Array<{ kind: string; type: unknown }> {
  const recorded: Array<{ kind: string; type: unknown }> = [];
  const connection = new Proxy({} as Record<string, unknown>, {
    get: (_target, property) => (...args: unknown[]) => {
      if (property === 'onRequest' || property === 'onNotification') recorded.push({ kind: property, type: args[0] });
      return { dispose: () => undefined };
    },
  }) as unknown as Connection;
  registerHandlers(new ServerContext(connection, new ServerState()), () => '0.0.0');
  return recorded;
}

test('protocol/ declares each message once, under budget/, with a direction', () => {
  const all = declarations();
  assert.ok(all.length >= 16, `only ${all.length} declarations found`);
  for (const d of all) {
    assert.match(d.method, /^budget\/\w+$/, d.name);
    assert.equal(d.type.method, d.method, d.name);
    assert.ok([MessageDirection.clientToServer, MessageDirection.serverToClient].includes(d.messageDirection), d.name);
  }
  assert.equal(new Set(all.map((d) => d.method)).size, all.length, 'a method is declared twice');
});

test('the server registers exactly the client-to-server messages of protocol/, each by its declaration', () => {
  const all = declarations();
  const registered = registrations();
  for (const r of registered) {
    assert.notEqual(typeof r.type, 'string', `a handler is registered by a method string: ${String(r.type)}`);
    assert.ok(all.some((d) => d.type === r.type), `${(r.type as { method?: string }).method} is registered but not declared in protocol/`);
  }
  const methods = (kind: string) => registered.filter((r) => r.kind === kind).map((r) => (r.type as { method: string }).method).sort();
  const declared = (direction: MessageDirection, kind: 'Request' | 'Notification') =>
    all.filter((d) => d.messageDirection === direction && d.name.endsWith(kind)).map((d) => d.method).sort();
  assert.deepEqual(methods('onRequest'), declared(MessageDirection.clientToServer, 'Request'));
  assert.deepEqual(methods('onNotification'), declared(MessageDirection.clientToServer, 'Notification'));
  assert.deepEqual(declared(MessageDirection.serverToClient, 'Request'), [], 'no request of the server to the client is declared');
});

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

test('the client uses the declarations of protocol/ and imports nothing of the server', () => {
  const client = sources(path.join(ROOT, 'client', 'src')).map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));
  for (const { file, text } of client) {
    assert.doesNotMatch(text, /from '(\.\.\/)+server\//, `${file} imports from the server project`);
    assert.doesNotMatch(text, /\b(sendRequest|sendNotification|onRequest|onNotification)(<[^>]*>)?\(\s*['"`]/, `${file} names a method by a string`);
  }
  const all = client.map((c) => c.text).join('\n');
  for (const d of declarations()) {
    if (d.messageDirection === MessageDirection.serverToClient) assert.match(all, new RegExp(`onNotification\\(${d.name}\\.type\\b`), `the client does not handle ${d.name}`);
    else assert.match(all, new RegExp(`(sendRequest|sendNotification)\\(${d.name}\\.type\\b`), `the client does not send ${d.name}`);
  }
});

test('no source of the server names a budget/ method outside protocol/', () => {
  const server = sources(path.join(ROOT, 'server', 'src'));
  for (const file of server) assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /['"`]budget\/\w+['"`]/, path.relative(ROOT, file));
});
