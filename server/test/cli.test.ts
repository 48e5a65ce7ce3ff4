import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli';
import { readSample, SAMPLES } from './helpers';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test('text format: path:line:col: severity rule: message, and a summary line per file', async () => {
  const result = await run([path.join(SAMPLES, '002-qinyang-2022.budget.yaml')]);
  const lines = result.stdout.trim().split('\n');
  assert.ok(lines.some((l) => /^.+002-qinyang-2022\.budget\.yaml:\d+:\d+: error xref\/performance-vs-projects: /.test(l)), result.stdout);
  // The summary line, then the claims by kind: money and percentages apart from years.
  assert.ok(/错误 \d+ 个/.test(lines[lines.length - 2]), lines[lines.length - 2]);
  assert.match(lines[lines.length - 1], /^ {2}其中金额和百分比 \d+ 处（一致 \d+，不一致 \d+，未能核对 \d+）；年份 \d+ 处/);
  assert.equal(result.code, 1);
});

test('json format: files, diagnostics with 0-based LSP ranges, claims', async () => {
  const result = await run(['--format', 'json', path.join(SAMPLES, '002-qinyang-2022.budget.yaml')]);
  const json = JSON.parse(result.stdout);
  assert.equal(json.files.length, 1);
  const [file] = json.files;
  assert.ok(Array.isArray(file.diagnostics));
  const d = file.diagnostics.find((x: { rule: string }) => x.rule === 'xref/performance-vs-projects');
  assert.ok(d);
  assert.equal(d.severity, 'error');
  const text = readSample('002-qinyang-2022.budget.yaml');
  const line = text.split('\n')[d.range.start.line];
  assert.equal(line.slice(d.range.start.character, d.range.end.character), '5057.08');
  for (const key of ['total', 'verified', 'mismatched', 'unverified']) assert.equal(typeof file.claims[key], 'number');
});

test('exit 0 without errors, 2 for usage and unreadable input', async () => {
  const clean = tempFile('clean.budget.yaml', 'department: 测试\nkind: unit\nyear: 2024\nunit: 万元\n');
  assert.equal((await run([clean])).code, 0);
  assert.equal((await run([])).code, 2);
  assert.equal((await run(['--format', 'xml', clean])).code, 2);
  assert.equal((await run(['/no/such/file.budget.yaml'])).code, 2);
});

test('--rule switches a rule off, --ledger prints the outcome of every rule', async () => {
  const file = path.join(SAMPLES, '002-qinyang-2022.budget.yaml');
  const off = await run(['--rule', 'xref/performance-vs-projects=off', '--format', 'json', '--ledger', file]);
  const json = JSON.parse(off.stdout);
  assert.ok(!json.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'xref/performance-vs-projects'));
  const entry = json.files[0].ledger.find((e: { rule: string }) => e.rule === 'xref/performance-vs-projects');
  assert.equal(entry.outcome, 'off');
  const passed = json.files[0].ledger.find((e: { rule: string }) => e.rule === 'sum/column');
  assert.ok(['passed', 'failed', 'could-not-check'].includes(passed.outcome));
});

test('--codes adds a user code table that takes precedence', async () => {
  const csv = tempFile('codes.csv', 'code,name\n2109998,本省自编科目\n');
  const report = tempFile('r.budget.yaml', 'department: 测试\nkind: unit\nyear: 2024\nunit: 万元\ntables:\n  expense:\n    rows:\n      - { code: "2109998", name: 本省自编科目, total: 1.00 }\n');
  const without = JSON.parse((await run(['--format', 'json', report])).stdout);
  assert.ok(without.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'code/unknown'));
  const withCodes = JSON.parse((await run(['--format', 'json', '--codes', csv, report])).stdout);
  assert.ok(!withCodes.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'code/unknown'));
});

test('English messages with --locale en', async () => {
  const result = await run(['--locale', 'en', path.join(SAMPLES, '002-qinyang-2022.budget.yaml')]);
  assert.ok(/errors, \d+ warnings/.test(result.stdout));
  await run(['--locale', 'zh-cn', path.join(SAMPLES, '002-qinyang-2022.budget.yaml')]);
});

test('nothing makes it throw: random garbage and truncated samples', async () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inputs: string[] = [];
  for (let i = 0; i < 40; i++) {
    const bytes = Buffer.alloc(Math.floor(random() * 400));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    inputs.push(bytes.toString('latin1'));
  }
  for (const name of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml'))) {
    const text = readSample(name);
    for (let i = 0; i < 8; i++) inputs.push(text.slice(0, Math.floor(random() * text.length)));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-garbage-'));
  inputs.forEach((text, i) => fs.writeFileSync(path.join(dir, `g${i}.budget.yaml`), text, 'latin1'));
  const result = await run(['--format', 'json', dir]);
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.files.length, inputs.length);
});

test('flags the checker cannot take end with exit 2 and say why; --help is usage on stdout', async () => {
  const sample = path.join(SAMPLES, '003-jiyuan-2024.budget.yaml');
  const bad = await run(['--rule', 'sum/rows=off', '--tolerance', 'abc', sample]);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /sum\/rows/);
  assert.match(bad.stderr, /tolerance/);
  assert.equal(bad.stdout, '', 'nothing is checked with settings the user did not mean');
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /budget-check/);
  assert.equal(help.stderr, '');
});
