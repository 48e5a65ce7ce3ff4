import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../src/cli';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { sampleFiles, seededRandom, service } from '../helpers';
import { applyEdits, LspTestClient, plain } from './lspTestClient';

/** 10,000 as the issue asks (about two minutes); SOAK_EDITS=N for a shorter local run. */
const EDITS = Number(process.env.SOAK_EDITS) || 10_000;
/** Every this many edits the test waits for the diagnostics of the version it sent last. */
const SETTLE_EVERY = 100;
/** Every this many edits a hover, completion or symbol request must be answered. */
const REQUEST_EVERY = 20;
/** Random edits pile up into noise; an author's document is reset now and then (a full-text change, as after a revert). */
const RESET_EVERY = 600;

/** The server's resident set size in MB, from /proc (Linux); undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const PIECES = ['1', '0', '.', '5', '9', '万元', '：', ':', ' ', '\n', '  ', '- ', '{', '}', ',', '"', '#', '支出', '2101501', '%', '增长', 'text: |\n', '&a ', '*a', '[', ']'];

interface Doc {
  readonly uri: string;
  readonly original: string;
  text: string;
  version: number;
}

/** The LSP position of an offset of a text. */
function positionAt(text: string, offset: number): Position {
  return TextDocument.create('file:///soak', 'budget-yaml', 0, text).positionAt(offset);
}

/** One random edit: an insertion, a deletion, a changed figure or a duplicated line. */
function randomEdit(doc: Doc, random: (n: number) => number): { range: Range; text: string } {
  const { text } = doc;
  const at = random(text.length + 1);
  const kind = random(100);
  let start = at;
  let end = at;
  let insert = '';
  if (kind < 35) {
    insert = PIECES[random(PIECES.length)];
  } else if (kind < 60) {
    end = Math.min(text.length, at + random(12));
  } else if (kind < 90) {
    // A figure typed over: the digits of a number near the position.
    const match = /\d+(\.\d+)?/g;
    match.lastIndex = at;
    const found = match.exec(text);
    if (found) {
      start = found.index;
      end = found.index + found[0].length;
      insert = (random(1_000_000) / 100).toFixed(2);
    }
  } else {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
    start = end = lineStart;
    insert = text.slice(lineStart, lineEnd);
  }
  return { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert };
}

test(`the server survives ${EDITS} random edits across several documents, answers every request and its memory does not keep growing`, { timeout: 600_000 }, async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  const files = sampleFiles().filter((f) => /00[0-3]-/.test(path.basename(f)));
  const docs: Doc[] = files.map((file, i) => {
    const original = fs.readFileSync(file, 'utf8');
    return { uri: `file:///soak/${i}-${path.basename(file)}`, original, text: original, version: 1 };
  });
  for (const doc of docs) await server.open(doc.uri, doc.text);
  const random = seededRandom(20261123);
  let answered = 0;
  const rss: number[] = [];
  for (let i = 1; i <= EDITS; i++) {
    const doc = docs[random(docs.length)];
    doc.version++;
    if (i % RESET_EVERY === 0) {
      doc.text = doc.original;
      await server.change(doc.uri, doc.version, [{ text: doc.text }]);
    } else {
      const edit = randomEdit(doc, random);
      doc.text = applyEdits(doc.text, [{ range: edit.range, newText: edit.text }]);
      await server.change(doc.uri, doc.version, [edit]);
    }
    if (i % REQUEST_EVERY === 0) {
      const position = positionAt(doc.text, random(doc.text.length));
      const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/codeAction'][i / REQUEST_EVERY % 4];
      await server.request(method, { textDocument: { uri: doc.uri }, position, range: { start: position, end: position }, context: { diagnostics: [] } });
      answered++;
    }
    if (i % SETTLE_EVERY === 0) {
      await server.diagnostics(doc.uri, doc.version, Math.max(0, server.published.length - 50));
      const mb = rssMb(server.process.pid);
      if (mb !== undefined) rss.push(mb);
      assert.ok(server.alive, `the server exited after ${i} edits`);
    }
  }
  assert.deepEqual(server.logs.filter((line) => line.includes('internal error of the checker')), [], 'the checker met a bug of its own');
  // After the storm every document's diagnostics are exactly those of its text.
  for (const doc of docs) {
    doc.version++;
    doc.text = doc.original;
    await server.change(doc.uri, doc.version, [{ text: doc.text }]);
    const published = await server.diagnostics(doc.uri, doc.version);
    assert.deepEqual(plain(published.diagnostics), plain(checkText(service(), doc.uri.replace('file://', ''), doc.text, {}).diagnostics));
  }
  assert.ok(server.alive);
  assert.equal(answered, EDITS / REQUEST_EVERY);
  if (rss.length >= 8) {
    // Memory settles: the last quarter of the run uses no more than the second quarter plus
    // what the garbage collector lets float (no steady climb with the number of edits).
    const quarter = Math.floor(rss.length / 4);
    const peak = (values: number[]) => Math.max(...values);
    const second = peak(rss.slice(quarter, 2 * quarter));
    const last = peak(rss.slice(3 * quarter));
    t.diagnostic(`server RSS (MB) every ${SETTLE_EVERY} edits: first ${rss[0].toFixed(0)}, peak of 2nd quarter ${second.toFixed(0)}, peak of last quarter ${last.toFixed(0)}, max ${peak(rss).toFixed(0)}`);
    assert.ok(last <= second * 1.25 + 20, `RSS keeps growing: ${second.toFixed(0)} MB → ${last.toFixed(0)} MB`);
    // A sanity bound only: a peak depends on when V8 collects (single samples of 433 and 544 MB
    // were seen on a loaded machine while the quarters' peaks stayed near 310 MB); what the soak
    // asserts is that memory levels off (above). The benchmark measures memory on large reports.
    assert.ok(peak(rss) < 640, `RSS ${peak(rss).toFixed(0)} MB`);
  }
});
