import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { readSample } from '../helpers';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['refresh', ...argv], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function tempCopy(sample: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-refresh-'));
  const file = path.join(dir, sample);
  fs.writeFileSync(file, readSample(sample));
  return file;
}

test('budget-check refresh prints the refreshed document and says what it rewrote and what it left', async () => {
  const file = tempCopy('006-putuo-justice-2026-unit.budget.yaml');
  const { code, stdout, stderr } = await run([file]);
  assert.equal(code, 0);
  assert.ok(stdout.includes('2025年当年预算执行数为241.76万元，2026年预算安排207万元，比2025年预算执行数减少14.38%。主要原因是：支出增加。'));
  assert.match(stderr, /:284:91: 已按数据更新 170\.03 → 207\n/);
  assert.match(stderr, /:284:111: 已按数据更新 增加 → 减少\n/);
  assert.match(stderr, /增减方向已改变（增加 → 减少），请核对原因/);
  assert.match(stderr, /未改动 19：/);
  assert.match(stderr, /更新数字 6 个，未改动 5 个；说明中的数字，更新前：共 147 个，核对一致 132 个，不一致 6 个，未能核对 9 个；更新后：共 147 个，核对一致 142 个，不一致 0 个，未能核对 5 个/);
  assert.equal(fs.readFileSync(file, 'utf8'), readSample('006-putuo-justice-2026-unit.budget.yaml'), 'the file is not written without --in-place');
  const inPlace = await run([file, '--in-place', '--locale', 'en']);
  assert.equal(inPlace.code, 0);
  assert.equal(inPlace.stdout, '');
  assert.equal(fs.readFileSync(file, 'utf8'), stdout);
  assert.match(inPlace.stderr, /rewritten 170\.03 → 207/);
});

test('budget-check refresh: usage errors and unreadable files exit 2', async () => {
  assert.equal((await run([])).code, 2);
  assert.equal((await run(['--bogus', 'x.yaml'])).code, 2);
  assert.equal((await run(['a.yaml', 'b.yaml'])).code, 2);
  assert.equal((await run([path.join(os.tmpdir(), 'no-such-file.budget.yaml')])).code, 2);
});
