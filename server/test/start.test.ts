import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

/**
 * `npm start` is the first thing a newcomer runs: it says first that the samples are real
 * published reports with their slips kept on purpose, then prints the findings and a total line,
 * and exits 0 (the findings are expected).
 */

test('npm start: the samples explained first, then the findings, then a total line; exit 0', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.match(manifest.scripts.start, /node scripts\/start\.js$/);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^样例说明：samples\/ 中的报告是各地真实公开的部门预算/);
  const firstFinding = lines.findIndex((l) => /^samples\/.+\.budget\.yaml:\d+:\d+: (error|warning|information|hint) /.test(l));
  assert.ok(firstFinding > 0, 'findings are printed');
  assert.ok(lines.slice(0, firstFinding).some((l) => /有意照原样保留/.test(l)), 'the explanation comes before the findings');
  assert.ok(lines.slice(0, firstFinding).some((l) => /slips on/.test(l)), 'in English too');
  const files = fs.readdirSync(path.join(ROOT, 'samples'), { recursive: true }).filter((f) => /\.budget\.ya?ml$/.test(String(f))).length;
  assert.match(lines[lines.length - 1], new RegExp(`^合计：${files} 个文件，错误 \\d+ 个，警告 \\d+ 个，提示 \\d+ 个；说明文字中的数字 \\d+ 处`));
});
