import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import { checkText } from '../../src/cli';
import { sampleFiles, service } from '../helpers';
import { applyEdits, fileUri, LspTestClient, plain } from './lspTestClient';

// One server for the file: every test opens its own documents (distinct uris).
let server: LspTestClient;
before(async () => {
  server = await LspTestClient.start();
});
after(() => server.stop());

/** A sample's text; `tag` gives the document its own uri, as tests share the server. */
function sample(name: string, tag?: string): { file: string; uri: string; text: string } {
  const file = sampleFiles().find((f) => f.endsWith(name))!;
  return { file, uri: tag ? `file:///tmp/${tag}/${name}` : fileUri(file), text: fs.readFileSync(file, 'utf8') };
}

/** Position just after the first occurrence of `marker` (after `skip` characters of it when given). */
function positionAfter(text: string, marker: string, from = 0): Position {
  const offset = text.indexOf(marker, from) + marker.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function lineOf(text: string, marker: string): number {
  return text.slice(0, text.indexOf(marker)).split('\n').length - 1;
}

/** A report with a new row typed under 支出表 (through an incremental change), cursor after "21015". */
async function typeCodePrefix(tag: string) {
  const { uri, text } = sample('000-jiyuan-2022-unit.budget.yaml', tag);
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
  const anchor = lineOf(text, 'code: "221 02 01"') + 1;
  const at = { line: anchor, character: 0 };
  const newRow = '      - { code: "21015" }\n';
  await server.change(uri, 2, [{ range: { start: at, end: at }, text: newRow }]);
  const edited = applyEdits(text, [{ range: { start: at, end: at }, newText: newRow }]);
  const list = await server.completion(uri, { line: anchor, character: '      - { code: "21015'.length });
  return { anchor, edited, list };
}

test('completion after "21015" in a code field offers 2101501 行政运行 with its path', async () => {
  const { list } = await typeCodePrefix('code-prefix');
  assert.ok(list && list.items.length > 0);
  const item = list.items.find((i) => i.label === '2101501 行政运行');
  assert.ok(item, `labels: ${list.items.map((i) => i.label).slice(0, 10).join(', ')}`);
  assert.ok(list.items.every((i) => i.label.startsWith('21015')));
  assert.match(item.detail ?? '', /医疗保障管理事务 › 行政运行/);
  assert.ok(item.additionalTextEdits?.some((e) => e.newText.includes('name: 行政运行')), 'the name is written beside the code');
});

test('accepting the code completion keeps the closing quote', async () => {
  const { anchor, edited, list } = await typeCodePrefix('accept-code');
  const item = list!.items.find((i) => i.label === '2101501 行政运行')!;
  const after = applyEdits(edited, [item.textEdit!, ...(item.additionalTextEdits ?? [])]);
  assert.equal(after.split('\n')[anchor], '      - { code: "2101501", name: 行政运行 }');
});

test('completion in a name field matches Chinese names and pinyin initials', async () => {
  const { uri, text } = sample('000-jiyuan-2022-unit.budget.yaml', 'name-field');
  const anchor = lineOf(text, 'code: "221 02 01"') + 1;
  const lines = text.split('\n');
  lines.splice(anchor, 0, '      - { name: xzyx }');
  const edited = lines.join('\n');
  await server.open(uri, edited);
  const byInitials = await server.completion(uri, { line: anchor, character: '      - { name: xzyx'.length });
  assert.ok(byInitials?.items.some((i) => i.label === '2101501 行政运行'));
  lines[anchor] = '      - { name: 行政运 }';
  await server.change(uri, 2, [{ text: lines.join('\n') }]);
  const byName = await server.completion(uri, { line: anchor, character: '      - { name: 行政运'.length });
  assert.ok(byName?.items.some((i) => i.label.endsWith('行政运行')));
});

test('completion of keys and enum values from the JSON Schema, and of item names', async () => {
  const labels = async (text: string, position: Position) => {
    const uri = `file:///tmp/complete-${server.published.length}-${text.length}.budget.yaml`;
    await server.open(uri, text);
    return (await server.completion(uri, position))?.items.map((i) => i.label) ?? [];
  };
  assert.ok((await labels('department: x\nki\n', { line: 1, character: 2 })).includes('kind'));
  assert.deepEqual((await labels('department: x\nkind: \n', { line: 1, character: 6 })).sort(), ['department', 'unit']);
  assert.ok((await labels('year: 2022\ntables:\n  summary:\n    income:\n      - { item: 一、 }\n', { line: 4, character: 17 })).includes('一般公共预算'));
});

test('hover on a code shows its 类 › 款 › 项 path', async () => {
  const { uri, text } = sample('000-jiyuan-2022-unit.budget.yaml', 'hover');
  await server.open(uri, text);
  const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAfter(text, 'code: "210 1') });
  assert.ok(hover);
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /2101501/);
  assert.match(value, /210 [^›]+ › 21015 [^›]+ › 2101501 行政运行/);
});

test('a quick fix removes its diagnostic; fix-all is offered for a rule with several findings', async () => {
  const { file, uri, text } = sample('003-jiyuan-2024.budget.yaml');
  await server.open(uri, text);
  const first = await server.diagnostics(uri, 1);
  const mismatches = first.diagnostics.filter((d) => d.code === 'code/name-mismatch');
  assert.ok(mismatches.length >= 2);
  const target: Diagnostic = mismatches[0];
  const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
  assert.ok(actions.some((a) => a.title.includes('code/name-mismatch') && a.edit!.changes![uri].length === mismatches.length), 'fix all of this kind');

  const edits: TextEdit[] = fix.edit!.changes![uri];
  const fixed = applyEdits(text, edits);
  await server.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
  const after = await server.diagnostics(uri, 2);
  const left = after.diagnostics.filter((d) => d.code === 'code/name-mismatch');
  assert.equal(left.length, mismatches.length - 1);
  assert.ok(!left.some((d) => d.range.start.line === target.range.start.line));
  assert.deepEqual(plain(after.diagnostics), plain(checkText(service(), file, fixed, {}).diagnostics));
});

test('document symbols and folding ranges come from the service', async () => {
  const { uri, text } = sample('004-changan-2022.budget.yaml');
  await server.open(uri, text);
  const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(symbols.length > 0 && symbols.some((s) => (s.children ?? []).length > 0));
  const folding = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(folding.length > 0 && folding.every((r) => r.endLine >= r.startLine));
});
