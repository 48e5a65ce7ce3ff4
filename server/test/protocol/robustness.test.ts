import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { Hover } from 'vscode-languageserver-types';
import { checkText } from '../../src/cli';
import { spawnSync } from 'child_process';
import { ROOT, sampleFiles, service } from '../helpers';
import { applyEdits, fileUri, LspTestClient, plain } from './lspTestClient';

const BROKEN = [
  'tables: {{{ : ]]] \n  - - : :\n\t\u0000 "unterminated\n',
  'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntables: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
  '['.repeat(5000) + ']'.repeat(10),
  'year: "二〇二二"\nunit: 美元\ntables:\n  expense:\n    rows: 12\n    total: { total: abc, basic: [1] }\n',
  '',
];

test('the server survives invalid documents and keeps answering', async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  for (const [i, text] of BROKEN.entries()) {
    const uri = `file:///broken/${i}.budget.yaml`;
    await server.open(uri, text);
    const published = await server.diagnostics(uri, 1);
    assert.deepEqual(plain(published.diagnostics), plain(checkText(service(), '/broken/' + i + '.budget.yaml', text, {}).diagnostics));
    await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: [] } });
    await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    await server.request('textDocument/foldingRange', { textDocument: { uri } });
  }
  // Requests on documents the server does not know, positions outside the text.
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.budget.yaml' }, position: { line: 0, character: 0 } }), null);
  const uri = 'file:///broken/0.budget.yaml';
  await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } });
  await server.change(uri, 2, [{ range: { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } }, text: 'x' }]);
  await server.diagnostics(uri, 2);
  assert.ok(server.alive);
});

test('stale and out-of-order edits are refused; diagnostics always match the text of their version', async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  const file = sampleFiles().find((f) => f.endsWith('000-jiyuan-2022-unit.budget.yaml'))!;
  const uri = fileUri(file);
  const v1 = fs.readFileSync(file, 'utf8');
  await server.open(uri, v1);
  await server.diagnostics(uri, 1);

  // Version 3 arrives, then the older version 2 (computed against version 1): 2 is refused.
  const totalLine = v1.split('\n').findIndex((l) => l.includes('total: { total: 529.20, basic: 223.40'));
  const at = (character: number) => ({ line: totalLine, character });
  const start = v1.split('\n')[totalLine].indexOf('529.20');
  const edit3 = { range: { start: at(start), end: at(start + 6) }, newText: '530.20' };
  const v3 = applyEdits(v1, [edit3]);
  await server.change(uri, 3, [{ range: edit3.range, text: edit3.newText }]);
  await server.change(uri, 2, [{ range: { start: at(0), end: at(4) }, text: 'XXXX' }]);
  const published3 = await server.diagnostics(uri, 3);
  assert.deepEqual(plain(published3.diagnostics), plain(checkText(service(), file, v3, {}).diagnostics));
  assert.ok(published3.diagnostics.length > 0, 'the edited total no longer adds up');
  assert.ok(!server.published.some((p) => p.uri === uri && p.version === 2));

  // A burst of edits: outdated versions may be skipped, but what is published is never older
  // than what was published before, and the last version's diagnostics are those of its text.
  let text = v3;
  const from = server.published.length;
  for (let version = 4; version <= 30; version++) {
    const value = (500 + version).toFixed(2);
    const line = text.split('\n')[totalLine];
    const begin = line.indexOf('{ total: ') + '{ total: '.length;
    const end = line.indexOf(',', begin);
    const edit = { range: { start: at(begin), end: at(end) }, newText: value };
    text = applyEdits(text, [edit]);
    await server.change(uri, version, [{ range: edit.range, text: edit.newText }]);
  }
  const last = await server.diagnostics(uri, 30, from);
  assert.deepEqual(plain(last.diagnostics), plain(checkText(service(), file, text, {}).diagnostics));
  const versions = server.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version!);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  assert.ok(server.alive);
});

test('closing a report clears its diagnostics', async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  const uri = 'file:///tmp/closing.budget.yaml';
  await server.open(uri, 'year: 2022\ntables: {{\n');
  assert.ok((await server.diagnostics(uri, 1)).diagnostics.length > 0);
  const from = server.published.length;
  await server.close(uri);
  const cleared = await server.diagnostics(uri, undefined, from);
  assert.deepEqual(cleared.diagnostics, []);
});

test('the server exits when the editor goes away (its input closes)', async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  server.process.stdin!.end();
  await server.waitUntil('the server to exit', () => !server.alive);
});

test('budget-language-server without a transport prints its usage and exits with 2', () => {
  const result = spawnSync(process.execPath, [`${ROOT}/bin/budget-language-server.js`], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--stdio/);
});

test('the bin starts the same server over stdio', async (t) => {
  const server = await LspTestClient.start({ command: [`${ROOT}/bin/budget-language-server.js`, '--stdio'] });
  t.after(() => server.stop());
  assert.equal(server.initializeResult.serverInfo?.name, 'budget-language-server');
  assert.equal(server.initializeResult.capabilities.textDocumentSync && typeof server.initializeResult.capabilities.textDocumentSync === 'object' && server.initializeResult.capabilities.textDocumentSync.change, 2);
  await server.open('file:///tmp/bin.budget.yaml', 'year: 2022\n');
  await server.diagnostics('file:///tmp/bin.budget.yaml', 1);
});
