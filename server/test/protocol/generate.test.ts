import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { CodeAction, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { sampleFiles, service } from '../helpers';
import { generatedDocumentText } from '../../src/service/narrative';
import { sectionCodeActions } from '../../src/node/lsp/narrativeRequests';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, LspTestClient } from './lspTestClient';
import { JIYUAN_REPORT_HEAD } from '../narrative/smallReport';
import {
  GenerateNarrativeRequest,
  GenerateSectionRequest,
  REGENERATE_SECTION_COMMAND,
} from '../../../protocol/src/protocol';

/**
 * Narrative generation over the protocol (issue 5): the "生成说明文字" request, one section by
 * path or position, and the "用数据重新生成本节" code action, on a real server over stdio.
 */

/** A small 济源 report (figures of seed 000) with comments in and around its sections. */
const REPORT = JIYUAN_REPORT_HEAD + `      - title: 三、支出预算总体情况说明
        text: |
      - title: 七、“三公”经费支出预算情况说明
        text: |  # keep this comment
          具体支出情况如下：
      - title: 其他说明
        text: |
          我单位无其他说明。
`;

/** A server whose client runs the regenerate command itself (like the VS Code client), and one that does not (other editors). */
let withCommand: LspTestClient;
let plainClient: LspTestClient;
before(async () => {
  [withCommand, plainClient] = await Promise.all([
    LspTestClient.start({ initializationOptions: { clientCommands: [REGENERATE_SECTION_COMMAND] } }),
    LspTestClient.start(),
  ]);
});
after(() => Promise.all([withCommand.stop(), plainClient.stop()]));

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** Position at the start of `marker` (plus `delta` characters). */
function positionOf(text: string, marker: string, delta = 0): Position {
  const offset = text.indexOf(marker) + delta;
  assert.ok(offset >= delta, `no ${marker}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

const point = (position: Position): Range => ({ start: position, end: position });

function codeActions(server: LspTestClient, uri: string, position: Position, only?: string[]): Promise<CodeAction[]> {
  return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: point(position), context: { diagnostics: [], ...(only ? { only } : {}) } });
}

const regenerateActions = (actions: CodeAction[]) => actions.filter((a) => a.title === '用数据重新生成本节');

async function openReport(server: LspTestClient, uri: string, text = REPORT): Promise<void> {
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
}

function inside(range: Range, outer: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, range.start) && before(range.end, outer.end);
}

for (const name of ['000-jiyuan-2022-unit.budget.yaml', '003-jiyuan-2024.budget.yaml']) {
  test(`生成说明文字 on ${name}: one set of edits; the generated sections have no text/* errors and a second run changes nothing`, async (t) => {
    const server = plainClient;
    const file = sampleFiles().find((f) => f.endsWith(name))!;
    const text = fs.readFileSync(file, 'utf8');
    const uri = `file:///tmp/generate/${name}`;
    await openReport(server, uri, text);
    const result = await server.request(GenerateNarrativeRequest.type, { uri });
    assert.equal(result.version, 1);
    const changed = result.sections.filter((s) => s.changed);
    assert.ok(changed.length > 0, 'the sample has sections to regenerate');
    assert.deepEqual(result.edits, changed.map((s) => s.edit));
    assert.ok(result.skipped.every((s) => s.reason.length > 0), 'every section left as written says why');
    const generated = applyEdits(text, result.edits);
    assert.equal(generated, generatedDocumentText(service().parse(text), service().codeTables), 'the same text as budget-check generate');

    await server.change(uri, 2, [{ text: generated }]);
    const diagnostics: Diagnostic[] = (await server.diagnostics(uri, 2)).diagnostics;
    const again = await server.request(GenerateNarrativeRequest.type, { uri });
    assert.equal(again.version, 2);
    assert.deepEqual(again.edits, []);
    assert.ok(again.sections.every((s) => !s.changed && !s.handEdited));
    const regenerated = again.sections.filter((s) => changed.some((c) => c.title === s.title)).map((s) => s.edit.range);
    const problems = diagnostics.filter((d) => String(d.code).startsWith('text/') && (d.severity === 1 || d.severity === 2) && regenerated.some((r) => inside(d.range, r)));
    assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), []);
    const checked = diagnostics.filter((d) => String(d.code).startsWith('text/') && regenerated.some((r) => inside(d.range, r))).length;
    t.diagnostic(`${name}: ${changed.length} sections regenerated (${result.skipped.length} left as written); ${regenerated.length} checked again, ${checked} text/* notes in them`);
  });
}

test('hand-edited sections are flagged: text that differs from the generated one; an empty section is not', async () => {
  const uri = 'file:///tmp/generate/hand-edited.budget.yaml';
  await openReport(plainClient, uri);
  const result = await plainClient.request(GenerateNarrativeRequest.type, { uri });
  const flags = Object.fromEntries(result.sections.map((s) => [s.title, [s.changed, s.handEdited]]));
  assert.deepEqual(flags, {
    '一、收入支出预算总体情况说明': [true, true],
    '三、支出预算总体情况说明': [true, false],
    '七、“三公”经费支出预算情况说明': [true, true],
  });
  // 其他说明 has no topic the generator knows: neither generated nor listed as skipped.
  assert.deepEqual(result.skipped, []);
});

test('the section code action is offered in a section\'s title and text, not outside the generated sections', async () => {
  const uri = 'file:///tmp/generate/where.budget.yaml';
  await openReport(plainClient, uri);
  const present = [positionOf(REPORT, '三、支出预算总体情况说明', 2), positionOf(REPORT, '实有在编人数'), positionOf(REPORT, '具体支出情况如下')];
  for (const position of present) assert.equal(regenerateActions(await codeActions(plainClient, uri, position)).length, 1, `at ${JSON.stringify(position)}`);
  const absent = [positionOf(REPORT, 'department:'), positionOf(REPORT, 'income_total: 529.20'), positionOf(REPORT, '第二部分 情况说明'), positionOf(REPORT, '我单位无其他说明')];
  for (const position of absent) assert.deepEqual(regenerateActions(await codeActions(plainClient, uri, position)), [], `at ${JSON.stringify(position)}`);
  // Asked for quick fixes only: no refactoring.
  assert.deepEqual(regenerateActions(await codeActions(plainClient, uri, present[0], ['quickfix'])), []);
  assert.equal(regenerateActions(await codeActions(plainClient, uri, present[0], ['refactor'])).length, 1);
});

test('the code action\'s edit replaces only the section\'s text lines: every byte outside them, comments and indentation stay', async () => {
  const uri = 'file:///tmp/generate/bytes.budget.yaml';
  await openReport(plainClient, uri);
  for (const marker of ['实有在编人数', '三、支出预算总体情况说明', '具体支出情况如下']) {
    const [action] = regenerateActions(await codeActions(plainClient, uri, positionOf(REPORT, marker)));
    assert.equal(action.kind, 'refactor.rewrite');
    const edits = action.edit!.changes![uri];
    assert.equal(edits.length, 1);
    const start = offsetAt(REPORT, edits[0].range.start);
    const end = offsetAt(REPORT, edits[0].range.end);
    const result = applyEdits(REPORT, edits);
    assert.equal(result.slice(0, start), REPORT.slice(0, start), `${marker}: bytes before the section's text`);
    assert.equal(result.slice(result.length - (REPORT.length - end)), REPORT.slice(end), `${marker}: bytes after the section's text`);
    // The replaced range holds text lines of the block only (no key, no comment), and so do the new lines.
    for (const line of REPORT.slice(start, end).split('\n').filter((l) => l.trim())) assert.match(line, /^ {10}\S/, marker);
    for (const line of edits[0].newText.split('\n').filter((l) => l.trim())) assert.match(line, /^ {10}[^\s#]/, marker);
    for (const comment of REPORT.split('\n').filter((l) => l.includes('#'))) assert.ok(result.includes(comment), `${marker}: ${comment}`);
  }
});

test('a hand-edited section\'s action runs the client\'s diff command when the client has it; an empty section\'s carries the edit', async () => {
  const uri = 'file:///tmp/generate/command.budget.yaml';
  await openReport(withCommand, uri);
  const [hand] = regenerateActions(await codeActions(withCommand, uri, positionOf(REPORT, '实有在编人数')));
  assert.equal(hand.edit, undefined);
  assert.equal(hand.command?.command, REGENERATE_SECTION_COMMAND);
  assert.deepEqual(hand.command?.arguments, [uri, [0, 0]]);
  const [empty] = regenerateActions(await codeActions(withCommand, uri, positionOf(REPORT, '三、支出预算总体情况说明')));
  assert.equal(empty.command, undefined);
  assert.ok(empty.edit?.changes?.[uri]?.length === 1);

  // What the command asks for: the section by its path, the same edit as the action without the command.
  const bySection = await withCommand.request(GenerateSectionRequest.type, { uri, path: hand.command!.arguments![1] as number[] });
  assert.equal(bySection.version, 1);
  assert.equal(bySection.section?.handEdited, true);
  const uri2 = 'file:///tmp/generate/command-plain.budget.yaml';
  await openReport(plainClient, uri2);
  const [plain] = regenerateActions(await codeActions(plainClient, uri2, positionOf(REPORT, '实有在编人数')));
  assert.deepEqual(plain.edit!.changes![uri2], [bySection.section!.edit]);
});

test('one section by position: the innermost section at the cursor; elsewhere a reason', async () => {
  const uri = 'file:///tmp/generate/section.budget.yaml';
  await openReport(plainClient, uri);
  const at = await plainClient.request(GenerateSectionRequest.type, { uri, position: positionOf(REPORT, '具体支出情况如下') });
  assert.equal(at.title, '七、“三公”经费支出预算情况说明');
  assert.equal(at.section?.handEdited, true);
  const result = applyEdits(REPORT, [at.section!.edit]);
  assert.ok(result.includes('        text: |  # keep this comment\n          济源产城融合示范区医疗保障局机关2022年“三公”经费支出预算为19.00万元。'));
  const outside = await plainClient.request(GenerateSectionRequest.type, { uri, position: positionOf(REPORT, 'department:') });
  assert.equal(outside.section, undefined);
  assert.ok(outside.reason && outside.reason.length > 0);
  const unknown = await plainClient.request(GenerateSectionRequest.type, { uri, path: [7, 7] });
  assert.equal(unknown.section, undefined);
});

test('a section that already says what the data say gets no action; requests on unknown documents get empty answers', async () => {
  const uri = 'file:///tmp/generate/done.budget.yaml';
  const done = generatedDocumentText(service().parse(REPORT), service().codeTables);
  await openReport(plainClient, uri, done);
  assert.deepEqual(regenerateActions(await codeActions(plainClient, uri, positionOf(done, '三、支出预算总体情况说明'))), []);
  const none = await plainClient.request(GenerateNarrativeRequest.type, { uri: 'file:///tmp/generate/not-open.budget.yaml' });
  assert.deepEqual(none, { version: null, sections: [], edits: [], skipped: [] });
  assert.ok(plainClient.alive);
});

test('clients that show disabled actions learn why a section cannot be regenerated (in-process)', () => {
  const s = service();
  // 三公经费 without its table: the template's figure is missing.
  const text = REPORT.replace(/  three_public:\n(    .*\n)+/, '');
  const document = TextDocument.create('file:///tmp/generate/disabled.budget.yaml', 'budget-yaml', 1, text);
  const parsed = s.parse(text);
  const at = (marker: string) => point(positionOf(text, marker));
  const options = { clientCommand: false, disabledSupport: true };
  const [missing] = sectionCodeActions(document, s.analyze(parsed), at('具体支出情况如下'), undefined, options);
  assert.equal(missing.title, '用数据重新生成本节');
  assert.equal(missing.edit, undefined);
  assert.match(missing.disabled!.reason, /three_public/);
  const done = generatedDocumentText(parsed, s.codeTables);
  const doneDocument = TextDocument.create('file:///tmp/generate/done2.budget.yaml', 'budget-yaml', 1, done);
  const [same] = sectionCodeActions(doneDocument, s.analyze(s.parse(done)), point(positionOf(done, '三、支出预算总体情况说明')), undefined, options);
  assert.equal(same.disabled?.reason, '本节文字已与数据一致');
  // Without the capability, nothing is offered there.
  assert.deepEqual(sectionCodeActions(document, s.analyze(parsed), at('具体支出情况如下'), undefined, { clientCommand: false, disabledSupport: false }), []);
  assert.deepEqual(sectionCodeActions(document, s.analyze(parsed), at('department:'), undefined, options), []);
});
