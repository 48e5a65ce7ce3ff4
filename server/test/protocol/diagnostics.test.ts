import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { checkText } from '../../src/cli';
import { messagesFor } from '../../src/service/i18n/l10n';
import { sampleFiles, service } from '../helpers';
import { fileUri, LspTestClient, plain } from './lspTestClient';

/** What budget-check reports for the same text (the same conversion, the same uri). */
function cliDiagnostics(file: string, text: string, settings = {}, locale = 'zh-cn') {
  return plain(checkText(service(), file, text, settings, messagesFor(locale)).diagnostics);
}

test('the server publishes the diagnostics of budget-check for every sample', async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  const files = sampleFiles();
  assert.ok(files.length >= 5);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = fileUri(file);
    await server.open(uri, text, 7);
    const published = await server.diagnostics(uri, 7);
    assert.deepEqual(plain(published.diagnostics), cliDiagnostics(file, text), file);
  }
  // Rule ids are the diagnostic codes.
  const all = server.published.flatMap((p) => p.diagnostics);
  assert.ok(all.length > 0);
  for (const d of all) assert.match(String(d.code), /^[a-z]+\/[a-z0-9-]+$/);
});

test('settings from the editor change the diagnostics exactly as the CLI flags do', async (t) => {
  const settings = { rules: { 'code/name-mismatch': 'error', 'sum/rounding': 'off' }, tolerance: '0.01' };
  const server = await LspTestClient.start({ configuration: (item) => (item.section === 'budget' ? { ...settings, locale: 'auto' } : null) });
  t.after(() => server.stop());
  for (const name of ['003-jiyuan-2024.budget.yaml', '004-changan-2022.budget.yaml']) {
    const file = sampleFiles().find((f) => f.endsWith(name))!;
    const text = fs.readFileSync(file, 'utf8');
    const uri = fileUri(file);
    await server.open(uri, text);
    const published = await server.diagnostics(uri, 1);
    const expected = cliDiagnostics(file, text, settings);
    assert.deepEqual(plain(published.diagnostics), expected, name);
    assert.ok(!expected.some((d) => d.code === 'sum/rounding'));
  }
  const mismatches = server.published.flatMap((p) => p.diagnostics).filter((d) => d.code === 'code/name-mismatch');
  assert.ok(mismatches.length > 0 && mismatches.every((d) => d.severity === 1));
});

test('settings given as initialization options (Helix, clients without workspace/configuration) apply too', async (t) => {
  const server = await LspTestClient.start({ initializationOptions: { budget: { rules: { 'code/name-mismatch': 'off' } } } });
  t.after(() => server.stop());
  const file = sampleFiles().find((f) => f.endsWith('003-jiyuan-2024.budget.yaml'))!;
  const text = fs.readFileSync(file, 'utf8');
  await server.open(fileUri(file), text);
  const published = await server.diagnostics(fileUri(file), 1);
  assert.deepEqual(plain(published.diagnostics), cliDiagnostics(file, text, { rules: { 'code/name-mismatch': 'off' } }));
  // didChangeConfiguration (push) replaces them and the open report is checked again.
  const from = server.published.length;
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { budget: { rules: {} } } });
  const again = await server.diagnostics(fileUri(file), 1, from);
  assert.deepEqual(plain(again.diagnostics), cliDiagnostics(file, text));
});

test('messages follow the editor locale: English only for an English editor', async (t) => {
  const file = sampleFiles().find((f) => f.endsWith('003-jiyuan-2024.budget.yaml'))!;
  const text = fs.readFileSync(file, 'utf8');
  const uri = fileUri(file);
  const english = await LspTestClient.start({ locale: 'en' });
  t.after(() => english.stop());
  await english.open(uri, text);
  assert.deepEqual(plain((await english.diagnostics(uri, 1)).diagnostics), cliDiagnostics(file, text, {}, 'en'));

  const japanese = await LspTestClient.start({ locale: 'ja' });
  t.after(() => japanese.stop());
  await japanese.open(uri, text);
  assert.deepEqual(plain((await japanese.diagnostics(uri, 1)).diagnostics), cliDiagnostics(file, text, {}, 'zh-cn'));

  // budget.locale overrides the editor's locale.
  const forced = await LspTestClient.start({ locale: 'en', configuration: () => ({ locale: 'zh-cn' }) });
  t.after(() => forced.stop());
  await forced.open(uri, text);
  const messages = (await forced.diagnostics(uri, 1)).diagnostics.map((d) => d.message);
  assert.deepEqual(messages, cliDiagnostics(file, text, {}, 'zh-cn').map((d) => d.message));
  assert.ok(messages.some((m) => /官方名称/.test(m)));
});

/** A change of 5% without its reason: review/reason depends on the threshold setting. */
const REASONLESS = `department: 测试局
kind: unit
year: 2022
unit: 万元
previous:
  expense_total: 100.00
tables:
  summary:
    income:
      - { item: 一般公共预算拨款收入, amount: 105.00 }
    income_total: 105.00
    expense_total: 105.00
narrative:
  - title: 一、收入支出预算总体情况说明
    text: |
      测试局2022年支出总计105.00万元，比上年增加5.00万元，增长5.00%。
`;

test('every setting changed in the editor changes the findings it should, without an edit (locale included)', async (t) => {
  const file = sampleFiles().find((f) => f.endsWith('004-changan-2022.budget.yaml'))!;
  const documents = [
    { file, uri: fileUri(file), text: fs.readFileSync(file, 'utf8') },
    { file: '/tmp/settings/reasonless.budget.yaml', uri: fileUri('/tmp/settings/reasonless.budget.yaml'), text: REASONLESS },
  ];
  let current: Record<string, unknown> = {};
  const server = await LspTestClient.start({ configuration: (item) => (item.section === 'budget' ? current : null) });
  t.after(() => server.stop());
  const publishedNow = async (from: number) => {
    const all = [];
    for (const d of documents) all.push(...plain((await server.diagnostics(d.uri, 1, from)).diagnostics));
    return all;
  };
  const cli = (settings: Record<string, unknown>, locale: string) => documents.flatMap((d) => cliDiagnostics(d.file, d.text, settings, locale));
  for (const d of documents) await server.open(d.uri, d.text);
  let before = await publishedNow(0);
  assert.deepEqual(before, cli({}, 'zh-cn'));
  const steps: Array<{ name: string; settings: Record<string, unknown>; locale?: string }> = [
    { name: 'locale en', settings: { locale: 'en' }, locale: 'en' },
    { name: 'locale back to zh-cn', settings: { locale: 'zh-cn' } },
    { name: 'a rule off', settings: { rules: { 'text/amount': 'off' } } },
    { name: 'a rule raised', settings: { rules: { 'text/year': 'error' } } },
    { name: 'tolerance', settings: { tolerance: 0.05 } },
    { name: 'code year', settings: { codeYear: 2025 } },
    { name: 'reason threshold', settings: { reasonThreshold: 4 } },
  ];
  for (const step of steps) {
    current = step.settings;
    const from = server.published.length;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await publishedNow(from);
    const { locale: _locale, ...user } = step.settings;
    assert.deepEqual(after, cli(user, step.locale ?? 'zh-cn'), step.name);
    assert.notDeepEqual(after, before, `${step.name} changed nothing`);
    if (step.locale === 'en') {
      // Every area speaks the new locale at once: the prose findings as much as the others.
      for (const area of ['text/', 'review/', 'code/', 'sum/']) {
        const messages = after.filter((d) => String(d.code).startsWith(area)).map((d) => d.message);
        assert.ok(messages.length > 0, `${area}: no findings to compare`);
        const chinese = before.filter((d) => String(d.code).startsWith(area)).map((d) => d.message);
        assert.ok(messages.every((m, i) => m !== chinese[i]), `${area} still in Chinese: ${messages.filter((m, i) => m === chinese[i]).join(' | ')}`);
      }
    }
    before = after;
  }
});

test('settings the server cannot take are shown once, and the rest of the settings still apply', async (t) => {
  const budget = { rules: { 'code/name-mismatch': 'off', 'sum/rows': 'off' }, tolerance: 'abc' };
  const server = await LspTestClient.start({ configuration: () => budget });
  t.after(() => server.stop());
  const file = sampleFiles().find((f) => f.endsWith('003-jiyuan-2024.budget.yaml'))!;
  const text = fs.readFileSync(file, 'utf8');
  await server.open(fileUri(file), text);
  const published = await server.diagnostics(fileUri(file), 1);
  assert.deepEqual(plain(published.diagnostics), cliDiagnostics(file, text, { rules: { 'code/name-mismatch': 'off' } }));
  const warning = await server.notification<{ type: number; message: string }>('window/showMessage', (p) => /sum\/rows/.test(p.message));
  assert.equal(warning.type, 2);
  assert.match(warning.message, /tolerance/);
  // The same settings read again (another change, another report) are not told again.
  const from = server.published.length;
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await server.diagnostics(fileUri(file), 1, from);
  assert.equal(server.notifications.filter((n) => n.method === 'window/showMessage' && /sum\/rows/.test((n.params as { message: string }).message)).length, 1);
});
