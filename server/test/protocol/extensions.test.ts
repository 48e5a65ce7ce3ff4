import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkText } from '../../src/cli';
import { sampleFiles, service } from '../helpers';
import { applyEdits, fileUri, LspTestClient, plain } from './lspTestClient';
import {
  CheckDocumentsRequest,
  CodeListRequest,
  InsertCodeRequest,
  LedgerNotification,
  LedgerParams,
  WorkspaceTrustNotification,
} from '../../../protocol/src/protocol';

const LOCAL_REPORT = `department: 测试单位
kind: department
year: 2024
unit: 万元
tables:
  general_expense:
    rows:
      - { code: "2101588", name: 本地医保专项, total: 1.00 }
`;

function workspace(): { dir: string; folder: string; report: string; csv: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ws-'));
  const report = path.join(dir, 'local.budget.yaml');
  const csv = path.join(dir, 'tables', 'local.csv');
  fs.mkdirSync(path.dirname(csv));
  fs.writeFileSync(report, LOCAL_REPORT);
  fs.writeFileSync(csv, 'code,name\n2101588,本地医保专项\n');
  return { dir, folder: fileUri(dir), report, csv };
}

// Shared by the tests of the client requests (each uses its own documents).
let shared: LspTestClient;
before(async () => {
  shared = await LspTestClient.start({ initializationOptions: { ledgerNotifications: true } });
});
after(() => shared.stop());

const unknownCodes = (diagnostics: Array<{ code?: unknown }>) => diagnostics.filter((d) => d.code === 'code/unknown').length;

test('extra code tables (workspace-relative) are read only in a trusted workspace', async (t) => {
  const ws = workspace();
  t.after(() => fs.rmSync(ws.dir, { recursive: true, force: true }));
  const uri = fileUri(ws.report);
  const configuration = () => ({ codeTables: ['tables/local.csv'] });

  const trusted = await LspTestClient.start({ workspaceFolders: [ws.folder], configuration });
  t.after(() => trusted.stop());
  await trusted.open(uri, LOCAL_REPORT);
  assert.equal(unknownCodes((await trusted.diagnostics(uri, 1)).diagnostics), 0);

  const untrusted = await LspTestClient.start({ workspaceFolders: [ws.folder], configuration, initializationOptions: { trusted: false } });
  t.after(() => untrusted.stop());
  await untrusted.open(uri, LOCAL_REPORT);
  assert.equal(unknownCodes((await untrusted.diagnostics(uri, 1)).diagnostics), 1);
  const from = untrusted.published.length;
  await untrusted.connection.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
  await untrusted.waitUntil('diagnostics with the extra table', () => untrusted.published.slice(from).some((p) => p.uri === uri && unknownCodes(p.diagnostics) === 0));
});

test('an edited code table is read again when the editor reports the change', async (t) => {
  const ws = workspace();
  t.after(() => fs.rmSync(ws.dir, { recursive: true, force: true }));
  fs.writeFileSync(ws.csv, 'code,name\n2101599,别的科目\n');
  const uri = fileUri(ws.report);
  const server = await LspTestClient.start({ workspaceFolders: [ws.folder], configuration: () => ({ codeTables: ['${workspaceFolder}/tables/local.csv'] }) });
  t.after(() => server.stop());
  await server.open(uri, LOCAL_REPORT);
  assert.equal(unknownCodes((await server.diagnostics(uri, 1)).diagnostics), 1);
  fs.writeFileSync(ws.csv, 'code,name\n2101588,本地医保专项\n');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(ws.csv, later, later);
  const from = server.published.length;
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ws.csv), type: 2 }] });
  const again = await server.diagnostics(uri, 1, from);
  assert.equal(unknownCodes(again.diagnostics), 0);
});

test('a broken code table is reported once and the check goes on with the bundled tables', async (t) => {
  const ws = workspace();
  t.after(() => fs.rmSync(ws.dir, { recursive: true, force: true }));
  fs.writeFileSync(ws.csv, 'code,name\nnot-a-code,什么\n');
  const server = await LspTestClient.start({ workspaceFolders: [ws.folder], configuration: () => ({ codeTables: ['tables/local.csv', 'missing.csv'] }) });
  t.after(() => server.stop());
  const uri = fileUri(ws.report);
  await server.open(uri, LOCAL_REPORT);
  assert.equal(unknownCodes((await server.diagnostics(uri, 1)).diagnostics), 1);
  const warning = await server.notification<{ type: number; message: string }>('window/showMessage', () => true);
  assert.equal(warning.type, 2);
  assert.match(warning.message, /local\.csv|missing\.csv/);
});

test('ledger notifications (opt-in) carry every rule outcome, titles and counts', async () => {
  const server = shared;
  const file = sampleFiles().find((f) => f.endsWith('003-jiyuan-2024.budget.yaml'))!;
  const text = fs.readFileSync(file, 'utf8');
  const uri = fileUri(file);
  await server.open(uri, text);
  const published = await server.diagnostics(uri, 1);
  const ledger = await server.notification<LedgerParams>(LedgerNotification.type, (p) => p.uri === uri && p.version === 1);
  const expected = checkText(service(), file, text, {});
  assert.deepEqual(ledger.ledger.map((e) => [e.rule, e.outcome, e.checks, e.findings]), expected.ledger.map((e) => [e.rule, e.outcome, e.checks, e.findings]));
  assert.ok(ledger.ledger.every((e) => ['passed', 'failed', 'not-applicable', 'could-not-check', 'off'].includes(e.outcome)));
  assert.ok(ledger.ledger.filter((e) => e.rule.startsWith('code/')).every((e) => e.title.length > 0));
  assert.equal(ledger.counts.warnings, published.diagnostics.filter((d) => d.severity === 2).length);
  assert.equal(ledger.counts.errors, published.diagnostics.filter((d) => d.severity === 1).length);
  assert.deepEqual(ledger.claims, expected.claims);
});

test('without the opt-in, other editors get no budget/ledger notifications', async (t) => {
  const server = await LspTestClient.start();
  t.after(() => server.stop());
  await server.open('file:///tmp/x.budget.yaml', 'year: 2022\n');
  await server.diagnostics('file:///tmp/x.budget.yaml', 1);
  assert.ok(!server.notifications.some((n) => n.method === LedgerNotification.method));
});

test('checkDocuments publishes diagnostics of reports that are not open', async () => {
  const server = shared;
  // Paths of their own: other tests of this file open the samples themselves.
  const [a, b] = sampleFiles().filter((f) => /00[34]-/.test(f)).map((f) => ({ path: path.join(os.tmpdir(), 'check-documents', path.basename(f)), text: fs.readFileSync(f, 'utf8') }));
  const openText = 'year: 2022\ntables: {{\n';
  await server.open(fileUri(b.path), openText);
  await server.diagnostics(fileUri(b.path), 1);
  const from = server.published.length;
  const result = await server.request(CheckDocumentsRequest.type, { documents: [a, b].map((f) => ({ uri: fileUri(f.path), text: f.text })) });
  assert.equal(result.files.length, 2);
  assert.equal(result.skipped, 0);
  const publishedA = await server.diagnostics(fileUri(a.path), undefined, from);
  assert.equal(publishedA.version, undefined);
  assert.deepEqual(plain(publishedA.diagnostics), plain(checkText(service(), a.path, a.text, {}).diagnostics));
  assert.equal(result.files[0].counts.warnings, publishedA.diagnostics.filter((d) => d.severity === 2).length);
  assert.ok(result.files[0].ledger.length > 0);
  // The open report is checked in its editor state, not from the text sent.
  const publishedB = await server.diagnostics(fileUri(b.path), undefined, from);
  assert.deepEqual(plain(publishedB.diagnostics), plain(checkText(service(), b.path, openText, {}).diagnostics));
});

test('the code list holds the codes of the report year for the table at the cursor', async () => {
  const server = shared;
  const file = sampleFiles().find((f) => f.endsWith('000-jiyuan-2022-unit.budget.yaml'))!;
  const text = fs.readFileSync(file, 'utf8');
  const uri = fileUri(file);
  await server.open(uri, text);
  const line = text.split('\n').findIndex((l) => l.includes('code: "210 15 01"'));
  const list = await server.request(CodeListRequest.type, { uri, position: { line, character: 10 } });
  assert.equal(list.year, 2022);
  assert.equal(list.system, 'function');
  const entry = list.codes.find((c) => c.code === '2101501');
  assert.ok(entry);
  assert.equal(entry.name, '行政运行');
  assert.match(entry.path, /› 行政运行$/);
  assert.equal(entry.initials, 'xzyx');
  assert.ok(list.codes.every((c) => c.system === 'function'));
  const anywhere = await server.request(CodeListRequest.type, { uri });
  assert.ok(anywhere.codes.some((c) => c.system === 'economic-department') && anywhere.codes.some((c) => c.system === 'function'));
});

test('insertCode writes code and name into the row at the cursor', async () => {
  const server = shared;
  const text = 'year: 2022\ntables:\n  expense:\n    rows:\n      - { code: "21015", total: 1.00 }\n      \n';
  const uri = 'file:///tmp/insert.budget.yaml';
  await server.open(uri, text);
  const edits = await server.request(InsertCodeRequest.type, { uri, position: { line: 4, character: 15 }, code: '2101501', name: '行政运行' });
  assert.equal(applyEdits(text, edits).split('\n')[4], '      - { code: "2101501", name: 行政运行, total: 1.00 }');
  const onEmpty = await server.request(InsertCodeRequest.type, { uri, position: { line: 5, character: 6 }, code: '2101501', name: '行政运行' });
  assert.equal(applyEdits(text, onEmpty).split('\n')[5], '      - { code: "2101501", name: 行政运行 }');
});
