import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runGenerate } from '../../src/commands/generate';
import { runRefresh } from '../../src/commands/refresh';
import { readSample } from '../helpers';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runGenerate(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function tempCopy(sample: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-generate-'));
  const file = path.join(dir, sample);
  fs.writeFileSync(file, readSample(sample));
  return file;
}

test('generate prints the whole document with the generatable sections regenerated', async () => {
  const file = tempCopy('000-jiyuan-2022-unit.budget.yaml');
  const { code, stdout, stderr } = await run([file, '--locale', 'en']);
  assert.equal(code, 0);
  assert.ok(stdout.startsWith('# yaml-language-server: $schema=../schemas/budget-report.schema.json\n'));
  assert.ok(stdout.includes('          济源产城融合示范区医疗保障局机关2022年支出合计529.20万元，其中：基本支出223.40万元，占42.21%；项目支出305.80万元，占57.79%。\n'));
  // Not generatable: left as written, named on stderr.
  assert.ok(stdout.includes('2022年政府采购预算安排131.90万元，其中：政府采购货物预算21.10万元'));
  assert.match(stderr, /left as written: （二）政府采购支出情况/);
  assert.equal(fs.readFileSync(file, 'utf8'), readSample('000-jiyuan-2022-unit.budget.yaml'), 'the file is not written without --in-place');
});

test('--section regenerates one section; --in-place writes the file', async () => {
  const file = tempCopy('000-jiyuan-2022-unit.budget.yaml');
  const original = fs.readFileSync(file, 'utf8');
  const one = await run([file, '--section', '三、支出预算总体情况说明']);
  assert.equal(one.code, 0);
  const changedLines = one.stdout.split('\n').filter((line, i) => line !== original.split('\n')[i]);
  assert.deepEqual(changedLines, ['          济源产城融合示范区医疗保障局机关2022年支出合计529.20万元，其中：基本支出223.40万元，占42.21%；项目支出305.80万元，占57.79%。']);
  const inPlace = await run([file, '--section=支出预算总体情况说明', '--in-place']);
  assert.equal(inPlace.code, 0);
  assert.equal(inPlace.stdout, '');
  assert.equal(fs.readFileSync(file, 'utf8'), one.stdout);
});

test('usage errors and unreadable files exit 2', async () => {
  assert.equal((await run([])).code, 2);
  assert.equal((await run(['--bogus', 'x.yaml'])).code, 2);
  assert.equal((await run(['a.yaml', 'b.yaml'])).code, 2);
  assert.equal((await run([path.join(os.tmpdir(), 'no-such-file.budget.yaml')])).code, 2);
  const file = tempCopy('000-jiyuan-2022-unit.budget.yaml');
  const unknown = await run([file, '--section', '不存在的章节']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stdout, '');
});

test('a report whose template is not bundled: exit 2, nothing printed or written, the bundled ids named', async () => {
  const file = tempCopy('005-putuo-justice-2026-department.budget.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^template: .*$/m, 'template: no-such-province'));
  const original = fs.readFileSync(file, 'utf8');
  const result = await run([file, '--in-place']);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /no-such-province/);
  assert.match(result.stderr, /henan-jiyuan/);
  assert.equal(fs.readFileSync(file, 'utf8'), original);
  fs.writeFileSync(file, readSample('000-jiyuan-2022-unit.budget.yaml').replace(/^template: .*\n/m, ''));
  const none = await run([file]);
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
});

test('generate and refresh leave text written from a figure in question as it is, and say which figure', async () => {
  // teaching/clean with its 一般公共预算支出表 合计 printed 310.00 over rows that add to 300.00.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-generate-'));
  const file = path.join(dir, 'r.budget.yaml');
  const text = readSample('teaching/clean.budget.yaml').replace('total: { total: 300.00, basic: 230.00', 'total: { total: 310.00, basic: 230.00');
  fs.writeFileSync(file, text);
  const generated = await run([file]);
  assert.equal(generated.code, 0);
  assert.match(generated.stderr, /保持原文：.*一般公共预算支出.*310\.00.*请先修正/);
  assert.doesNotMatch(generated.stdout.slice(generated.stdout.indexOf('narrative:')), /310\.00/);
  let stdout = '';
  let stderr = '';
  const code = await runRefresh([file], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  assert.equal(code, 0);
  assert.equal(stdout, text, 'nothing is rewritten');
  assert.match(stderr, /310\.00.*请先修正/);
});
