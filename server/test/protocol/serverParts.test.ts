import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { codeInsertionEdits, yamlFlowScalar } from '../../src/node/lsp/codeInsertion';
import { readEditorSettings, resolveCodeTablePaths, effectiveLocale, budgetSection } from '../../src/node/lsp/editorSettings';
import { DocumentStore } from '../../src/node/lsp/documentStore';
import { AdaptiveDelay, ValidationScheduler, WorkToken } from '../../src/node/lsp/validationScheduler';
import { ServerState } from '../../src/node/lsp/serverState';
import type { OffsetEdit } from '../../src/service/findings';
import { fileUri } from './lspTestClient';

function apply(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) result = result.slice(0, e.span.start) + e.newText + result.slice(e.span.end);
  return result;
}

/** Applies the insertion at the `|` marker. */
function insert(textWithCursor: string, code = '2101501', name = '行政运行'): string {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return apply(text, codeInsertionEdits(text, offset, code, name));
}

const HEAD = 'year: 2022\ntables:\n  expense:\n    rows:\n';

test('code insertion fills a flow row', () => {
  assert.equal(insert(HEAD + '      - { code: "21|015", name: 行政, total: 1 }\n'), HEAD + '      - { code: "2101501", name: 行政运行, total: 1 }\n');
  assert.equal(insert(HEAD + '      - { code: "21015"|, total: 1 }\n'), HEAD + '      - { code: "2101501", name: 行政运行, total: 1 }\n');
  assert.equal(insert(HEAD + '      - { name: 行|, total: 1 }\n'), HEAD + '      - { code: "2101501", name: 行政运行, total: 1 }\n');
  assert.equal(insert(HEAD + '      - { total: 1| }\n'), HEAD + '      - { code: "2101501", name: 行政运行, total: 1 }\n');
  assert.equal(insert(HEAD + '      - {|}\n'), HEAD + '      - { code: "2101501", name: 行政运行 }\n');
});

test('code insertion uses gov_code and gov_name in the government column', () => {
  const head = 'year: 2022\ntables:\n  general_basic:\n    rows:\n';
  assert.equal(
    insert(head + '      - { code: "30101", name: 基本工资, gov_code: "50|1" }\n', '50101', '工资奖金津补贴'),
    head + '      - { code: "30101", name: 基本工资, gov_code: "50101", gov_name: 工资奖金津补贴 }\n',
  );
});

test('code insertion fills block rows and starts new rows', () => {
  assert.equal(insert(HEAD + '      - code: "2|"\n        name: x\n        total: 1\n'), HEAD + '      - code: "2101501"\n        name: 行政运行\n        total: 1\n');
  assert.equal(insert(HEAD + '      - total: 1\n        code: |\n'), HEAD + '      - total: 1\n        code: "2101501"\n        name: 行政运行\n');
  assert.equal(insert(HEAD + '      - code: "1"\n        name: a\n      - code: |\n'), HEAD + '      - code: "1"\n        name: a\n      - code: "2101501"\n        name: 行政运行\n');
  assert.equal(insert(HEAD + '      |\n'), HEAD + '      - { code: "2101501", name: 行政运行 }\n');
  assert.equal(insert(HEAD + '      -|\n'), HEAD + '      - { code: "2101501", name: 行政运行 }\n');
});

test('names are quoted only when YAML needs it', () => {
  assert.equal(yamlFlowScalar('其他对个人和家庭的补助'), '其他对个人和家庭的补助');
  assert.equal(yamlFlowScalar('维修(护)费'), '维修(护)费');
  assert.equal(yamlFlowScalar('a, b'), '"a, b"');
  assert.equal(yamlFlowScalar('- x'), '"- x"');
  assert.equal(yamlFlowScalar('2022'), '"2022"');
});

test('editor settings are layered, and wrong values are left out and named as problems', () => {
  const settings = readEditorSettings(
    { rules: { 'code/unknown': 'off' }, tolerance: 0.01, locale: 'en' },
    { rules: { 'sum/rounding': 'error', 'bad/one': 'loud', 'sum/row': 3 }, codeYear: '2024', codeTables: ['a.csv', '', 7], reasonThreshold: '15', locale: 'fr', tolerance: null },
  );
  // A later layer replaces the whole `rules` mapping, as VS Code's own configuration merge does.
  assert.deepEqual(settings.user, { rules: { 'sum/rounding': 'error' }, tolerance: '0.01', codeYear: 2024, reasonThreshold: '15' });
  assert.deepEqual(settings.codeTables, ['a.csv']);
  assert.equal(settings.locale, 'auto');
  assert.deepEqual(settings.problems.map((p) => p.key), ['rules.bad/one', 'rules.sum/row', 'locale', 'codeTables', 'codeTables']);
  assert.deepEqual(readEditorSettings(null, 'x', [1]).user, {});
  assert.equal(readEditorSettings(null, 'x', [1]).problems.length, 0, 'layers that are not mappings are not settings at all');
  assert.equal(readEditorSettings({ codeYear: null }).user.codeYear, undefined);
  assert.equal(readEditorSettings({ codeYear: null }).problems.length, 0);
  assert.deepEqual(readEditorSettings({ tolerance: '-1', codeYear: 1776, showUnverifiedClaims: 'yes' }).problems.map((p) => p.key), ['tolerance', 'codeYear', 'showUnverifiedClaims']);
  assert.deepEqual(budgetSection({ settings: { budget: { a: 1 } } }), { a: 1 });
  assert.deepEqual(budgetSection({ budget: { b: 1 } }), { b: 1 });
  assert.equal(effectiveLocale('auto', 'en-US'), 'en-US');
  assert.equal(effectiveLocale('auto', undefined), 'zh-cn');
  assert.equal(effectiveLocale('zh-cn', 'en'), 'zh-cn');
});

test('code-table paths resolve against the report\'s workspace folder, and not at all when untrusted', () => {
  const a = path.resolve('/ws/a');
  const b = path.resolve('/ws/b');
  const folders = [fileUri(a), fileUri(b)];
  const report = fileUri(path.join(b, 'r', 'x.budget.yaml'));
  assert.deepEqual(resolveCodeTablePaths(['t.csv', '${workspaceFolder}/u.csv', path.resolve('/abs/v.csv')], report, folders, true), [path.join(b, 't.csv'), path.join(b, 'u.csv'), path.resolve('/abs/v.csv')]);
  assert.deepEqual(resolveCodeTablePaths(['t.csv'], 'untitled:Untitled-1', folders, true), [path.join(a, 't.csv')]);
  assert.deepEqual(resolveCodeTablePaths(['t.csv', path.resolve('/abs/v.csv')], report, folders, false), []);
  assert.deepEqual(resolveCodeTablePaths(['t.csv'], 'untitled:Untitled-1', [], true), []);
});

test('the document store applies increasing versions only', () => {
  const store = new DocumentStore();
  store.open('u', 'budget-yaml', 1, 'abc');
  assert.equal(store.change('u', 2, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'X' }]), 'applied');
  assert.equal(store.get('u')!.getText(), 'aXc');
  assert.equal(store.change('u', 2, [{ text: 'old' }]), 'stale');
  assert.equal(store.change('u', 1, [{ text: 'older' }]), 'stale');
  assert.equal(store.change('u', null, [{ text: 'none' }]), 'stale');
  assert.equal(store.change('other', 5, [{ text: 'x' }]), 'unknown');
  assert.equal(store.change('u', 9, [{ text: 'new' }]), 'applied');
  assert.equal(store.get('u')!.getText(), 'new');
  assert.equal(store.get('u')!.version, 9);
});

test('the scheduler runs the last of quick successive requests and cancels running work', async () => {
  const runs: string[] = [];
  const tokens: WorkToken[] = [];
  let release!: () => void;
  const blocked = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const scheduler = new ValidationScheduler(async (uri, token) => {
    runs.push(uri);
    tokens.push(token);
    if (first) {
      first = false;
      await blocked;
    } else {
      done();
    }
  }, (_uri, error) => assert.fail(String(error)));
  scheduler.schedule('a', 50);
  scheduler.schedule('a', 50);
  scheduler.schedule('a', 0);
  // Only the last scheduling runs; wait for it to start (it blocks until released).
  await new Promise<void>((resolve) => {
    const poll = () => (runs.length > 0 ? resolve() : setImmediate(poll));
    poll();
  });
  assert.equal(runs.length, 1);
  scheduler.schedule('a', 0);
  assert.equal(tokens[0].cancelled, true, 'rescheduling cancels the running job');
  release();
  await finished;
  assert.equal(runs.length, 2);
  assert.equal(tokens[1].cancelled, false);
  scheduler.cancelAll();
});

test('the wait before a check follows the cost of the last check, within the configured delay', () => {
  const delays = new AdaptiveDelay(200);
  assert.equal(delays.delay('a'), 200, 'nothing known: the configured delay');
  delays.record('a', 12);
  assert.equal(delays.delay('a'), AdaptiveDelay.MIN_MS, 'a cheap check: short wait, still long enough to join keystrokes');
  delays.record('a', 40);
  assert.equal(delays.delay('a'), 40, 'as long as the last check took');
  delays.record('a', 250);
  assert.equal(delays.delay('a'), 200, 'a slow report waits as long as before, no longer');
  assert.equal(delays.delay('b'), 200, 'per document');
  delays.forget('a');
  assert.equal(delays.delay('a'), 200);
  assert.equal(new AdaptiveDelay(0).delay('a'), 0, 'debounceMs 0 means no wait at all');
});

test('the server state hands each request a snapshot that never changes', () => {
  const state = new ServerState();
  const before = state.snapshot;
  const after = state.update({ trusted: false, workspaceFolders: ['file:///a'], debounceMs: 50 });
  assert.equal(before.trusted, true);
  assert.deepEqual(before.workspaceFolders, []);
  assert.equal(after.trusted, false);
  assert.deepEqual(after.workspaceFolders, ['file:///a']);
  assert.equal(state.snapshot, after);
  assert.ok(Object.isFrozen(before) && Object.isFrozen(after));
  assert.throws(() => {
    (after as { trusted: boolean }).trusted = true;
  }, TypeError);
  // The wait before validating follows the new longest wait.
  assert.equal(state.delays.delay('file:///a/x.budget.yaml'), 50);
});
