import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli';
import { runGenerate } from '../src/commands/generate';
import { runExport } from '../src/commands/export';
import { decodeReport, misdecodedText } from '../src/service/yaml/encoding';
import { ruleIds } from '../src/service/rules/registry';
import { setFrontEndLocale } from '../src/service/i18n/l10n';
import type { CommandIO } from '../src/commands/args';
import { check, readSample, SAMPLES } from './helpers';

/**
 * A report saved as UTF-16 or GBK/GB18030 (common in Chinese offices) gets one clear finding,
 * yaml/encoding at the start of the file, instead of pages of findings about garbled text. A
 * UTF-8 byte order mark is fine.
 */

const NAME = '002-qinyang-2022.budget.yaml';
const UTF8 = readSample(NAME);
const MESSAGE = '文件不是 UTF-8 编码，请另存为 UTF-8';

/**
 * GBK bytes of a text (Node has a GB18030 decoder but no encoder): built from the decoder's table
 * of two-byte characters; a character outside it (such as U+2212 −) becomes '?', as when Notepad
 * saves in the ANSI code page.
 */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      if (pair) bytes.push(...pair);
      else bytes.push(0x3f);
    }
  }
  return Buffer.from(bytes);
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

const VARIANTS: ReadonlyArray<[string, Buffer, string]> = [
  ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF8, 'utf16le')]), 'UTF-16LE'],
  ['UTF-16LE without BOM', Buffer.from(UTF8, 'utf16le'), 'UTF-16LE'],
  ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(UTF8)]), 'UTF-16BE'],
  ['UTF-16BE without BOM', utf16be(UTF8), 'UTF-16BE'],
  ['GBK/GB18030', gb18030(UTF8), 'GBK/GB18030'],
];

function tempFile(name: string, data: Buffer | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-encoding-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** The text as a GBK file holds it. */
const GBK_TEXT = new TextDecoder('gb18030').decode(gb18030(UTF8));

async function run(args: string[], command: (argv: readonly string[], io: CommandIO) => Promise<number> = main): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  try {
    const code = await command(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
    return { code, stdout, stderr };
  } finally {
    setFrontEndLocale('zh-cn');
  }
}

test('the GB18030 test bytes are GB18030 and not UTF-8', () => {
  const bytes = gb18030(UTF8);
  assert.equal(GBK_TEXT.length, UTF8.length);
  assert.ok(GBK_TEXT.split('?').length - UTF8.split('?').length < 10);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
});

test('decodeReport names the encoding from the bytes', () => {
  for (const [label, bytes, expected] of VARIANTS) {
    const decoded = decodeReport(bytes);
    assert.equal(decoded.encoding, expected.toLowerCase().replace('gbk/', ''), label);
    assert.equal(decoded.text, label.startsWith('GBK') ? GBK_TEXT : UTF8, `${label}: decoded as well as recognised`);
  }
  assert.deepEqual(decodeReport(Buffer.from(UTF8)), { encoding: 'utf-8', text: UTF8 });
  assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UTF8)])), { encoding: 'utf-8', text: UTF8 });
  assert.equal(decodeReport(Buffer.alloc(0)).encoding, 'utf-8');
  assert.equal(decodeReport(Buffer.from([0xff, 0xff, 0xff, 0x80, 0x80])).encoding, 'unknown');
});

for (const [label, bytes, shown] of VARIANTS) {
  test(`budget-check: ${label} is one finding, yaml/encoding at the start of the file`, async () => {
    const file = tempFile(NAME, bytes);
    const json = await run(['--format', 'json', '--ledger', file]);
    assert.equal(json.code, 1);
    const [result] = JSON.parse(json.stdout).files;
    assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics.slice(0, 3)));
    const [d] = result.diagnostics;
    assert.equal(d.rule, 'yaml/encoding');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range.start, { line: 0, character: 0 });
    assert.equal(d.message, `${MESSAGE}（看来是 ${shown} 编码）`);
    // Nothing else is reported as passed: the other rules could not check.
    const outcomes = new Set(result.ledger.filter((e: { rule: string }) => e.rule !== 'yaml/encoding').map((e: { outcome: string }) => e.outcome));
    assert.deepEqual([...outcomes], ['could-not-check']);
    const en = await run(['--locale', 'en', file]);
    assert.match(en.stdout, /:1:1: error yaml\/encoding: The file is not UTF-8 encoded; save it as UTF-8/);
  });
}

test('a UTF-8 byte order mark is fine: the same findings as without it', async () => {
  const plain = JSON.parse((await run(['--format', 'json', path.join(SAMPLES, NAME)])).stdout).files[0];
  const bom = JSON.parse((await run(['--format', 'json', tempFile(NAME, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UTF8)]))])).stdout).files[0];
  assert.ok(plain.diagnostics.length > 0);
  assert.deepEqual(bom.diagnostics, plain.diagnostics);
  assert.deepEqual(bom.claims, plain.claims);
});

test('with yaml/encoding off the text is checked as decoded', async () => {
  const plain = JSON.parse((await run(['--format', 'json', tempFile(NAME, GBK_TEXT)])).stdout).files[0];
  const gbk = JSON.parse((await run(['--format', 'json', '--rule', 'yaml/encoding=off', tempFile(NAME, gb18030(UTF8))])).stdout).files[0];
  assert.deepEqual(gbk.diagnostics, plain.diagnostics);
});

test('generate and export refuse a file that is not UTF-8 instead of writing garbled text', async () => {
  const file = tempFile(NAME, gb18030(UTF8));
  const generated = await run([file], runGenerate);
  assert.equal(generated.code, 2);
  assert.equal(generated.stdout, '');
  assert.equal(generated.stderr, `${file}: ${MESSAGE}（看来是 GBK/GB18030 编码）\n`);
  const exported = await run([file, '--html', path.join(path.dirname(file), 'out.html')], runExport);
  assert.equal(exported.code, 2);
  assert.match(exported.stderr, new RegExp(MESSAGE));
});

test('in the editor: the text of a GBK file opened as UTF-8 gets the one finding too', () => {
  // What VS Code shows when it decodes GBK bytes as UTF-8: U+FFFD for every invalid sequence.
  const misread = new TextDecoder('utf-8').decode(gb18030(UTF8));
  const result = check(misread);
  assert.deepEqual(result.findings.map((f) => [f.rule, f.span.start, f.message]), [['yaml/encoding', 0, MESSAGE]]);
  // UTF-16 opened as UTF-8: NUL characters between the letters.
  const utf16 = check(new TextDecoder('utf-8').decode(Buffer.from(UTF8, 'utf16le')));
  assert.deepEqual(utf16.findings.map((f) => f.rule), ['yaml/encoding']);
  assert.equal(misdecodedText(UTF8), undefined);
});

test('a stray U+FFFD in a UTF-8 report is not taken for a wrong encoding', () => {
  const text = UTF8.replace('行政运行', '行政\uFFFD运行');
  assert.equal(misdecodedText(text), undefined);
  assert.ok(!check(text).findings.some((f) => f.rule === 'yaml/encoding'));
  assert.ok(check(UTF8).ledger.some((e) => e.rule === 'yaml/encoding' && e.outcome === 'passed'));
});

test('yaml/encoding is a registered rule (README table, --rule, ledger)', () => {
  assert.ok(ruleIds().includes('yaml/encoding'));
});
