import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli';
import type { ReportFileSystem } from '../src/node/reportFiles';
import { setFrontEndLocale } from '../src/service/i18n/l10n';

/**
 * Bad input gets a plain answer: a path that does not exist, a folder or file that cannot be
 * read and a folder without reports are each said in one line (Chinese, or English with
 * --locale en), never as a stack trace, and the exit status is 2.
 */

async function run(args: string[], fsys?: ReportFileSystem): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } }, fsys);
    return { code, stdout, stderr };
  } finally {
    setFrontEndLocale('zh-cn');
  }
}

const CLEAN = 'department: 测试\nkind: unit\nyear: 2024\nunit: 万元\n';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'budget-input-'));
}

/** Neither a stack trace nor Node's own error text reaches the user. */
function assertPlain(output: string): void {
  assert.doesNotMatch(output, /\n\s+at |EACCES|ENOENT|ENOTDIR|scandir|errno|Error:/, output);
}

function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${syscall} '${file}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/** The real file system, except that the named paths fail as a folder without read permission does. */
function denying(denied: readonly string[]): ReportFileSystem {
  const deny = (file: string, syscall: string): void => {
    if (denied.includes(path.resolve(file))) throw errnoError('EACCES', syscall, file);
  };
  return {
    statSync: (file) => fs.statSync(file),
    readdirSync: (dir, options) => {
      deny(dir, 'scandir');
      return fs.readdirSync(dir, options);
    },
    readFileSync: (file) => {
      deny(file, 'open');
      return fs.readFileSync(file);
    },
  };
}

test('a path that does not exist: exit 2 and a plain line', async () => {
  const missing = path.join(tempDir(), 'no-such-folder');
  const zh = await run([missing]);
  assert.equal(zh.code, 2);
  assert.equal(zh.stderr, `budget-check：找不到 ${missing}（文件或文件夹不存在）\n`);
  const en = await run(['--locale', 'en', missing]);
  assert.equal(en.code, 2);
  assert.equal(en.stderr, `budget-check: ${missing} does not exist\n`);
});

test('a file where a folder is expected is a path that does not exist', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.budget.yaml');
  fs.writeFileSync(file, CLEAN);
  const result = await run([path.join(file, 'sub')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /找不到 .*a\.budget\.yaml[\\/]sub/);
  assertPlain(result.stderr);
});

test('a folder without reports says so and exits 2 (a mistyped path does not pass CI)', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a report');
  const zh = await run([dir]);
  assert.equal(zh.code, 2);
  assert.equal(zh.stdout, '');
  assert.equal(zh.stderr, `budget-check：文件夹 ${dir} 中没有预算报告（*.budget.yaml、*.budget.yml）\n`);
  const en = await run(['--locale', 'en', dir]);
  assert.equal(en.stderr, `budget-check: no report (*.budget.yaml, *.budget.yml) in the folder ${dir}\n`);
  // A folder with reports next to an empty one: the reports are checked, the exit status is still 2.
  const full = tempDir();
  fs.writeFileSync(path.join(full, 'a.budget.yaml'), CLEAN);
  const both = await run([full, dir]);
  assert.equal(both.code, 2);
  assert.match(both.stdout, /a\.budget\.yaml：错误 0 个/);
});

test('a dangling link among the reports is named, the others are checked, exit 2', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.budget.yaml'), CLEAN);
  fs.symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'b.budget.yaml'));
  const result = await run([dir]);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /a\.budget\.yaml：错误 0 个/);
  assert.equal(result.stderr, `budget-check：无法读取 ${path.join(dir, 'b.budget.yaml')}：不存在\n`);
});

test('a folder that cannot be read (injected EACCES): one plain line, the rest is checked, exit 2', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.budget.yaml'), CLEAN);
  fs.mkdirSync(path.join(dir, 'locked'));
  fs.writeFileSync(path.join(dir, 'locked', 'b.budget.yaml'), CLEAN);
  const fsys = denying([path.join(dir, 'locked')]);
  const zh = await run([dir], fsys);
  assert.equal(zh.code, 2);
  assert.equal(zh.stderr, `budget-check：无法读取 ${path.join(dir, 'locked')}：没有权限\n`);
  assert.match(zh.stdout, /a\.budget\.yaml：错误 0 个/);
  const en = await run(['--locale', 'en', dir], fsys);
  assert.equal(en.stderr, `budget-check: cannot read ${path.join(dir, 'locked')}: permission denied\n`);
  // The folder named on the command line itself.
  const top = await run([path.join(dir, 'locked')], fsys);
  assert.equal(top.code, 2);
  assert.equal(top.stderr, `budget-check：无法读取 ${path.join(dir, 'locked')}：没有权限\n`);
});

test('a report file that cannot be read (injected EACCES): one plain line, exit 2', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.budget.yaml');
  fs.writeFileSync(file, CLEAN);
  const result = await run(['--format', 'json', file], denying([file]));
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `budget-check：无法读取 ${file}：没有权限\n`);
  assert.deepEqual(JSON.parse(result.stdout), { files: [] });
});

test('a folder without read permission on disk (needs a user that permissions apply to)', async (t) => {
  if (process.platform === 'win32' || process.getuid?.() === 0) {
    t.skip('running as root (or on Windows): chmod 000 does not deny reading; the injected EACCES tests above cover this');
    return;
  }
  const dir = tempDir();
  const locked = path.join(dir, 'locked');
  fs.mkdirSync(locked);
  fs.writeFileSync(path.join(locked, 'b.budget.yaml'), CLEAN);
  fs.chmodSync(locked, 0o000);
  t.after(() => fs.chmodSync(locked, 0o755));
  const result = await run([dir]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `budget-check：无法读取 ${locked}：没有权限\n`);
  assertPlain(result.stderr);
});

test('an unexpected failure of the file system is a plain line too', async () => {
  const dir = tempDir();
  const fsys: ReportFileSystem = {
    statSync: (file) => fs.statSync(file),
    readdirSync: () => { throw new TypeError("Cannot read properties of undefined (reading 'name')"); },
    readFileSync: (file) => fs.readFileSync(file),
  };
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { logged.push(args.join(' ')); };
  try {
    const result = await run([dir], fsys);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `budget-check：无法读取 ${dir}：程序内部出错（详细信息已写入日志）\n`);
  } finally {
    console.error = original;
  }
  assert.match(logged.join('\n'), /Cannot read properties of undefined/, 'the detail goes to the log');
});

test('several files end with a total line; one file does not', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.budget.yaml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'b.budget.yaml'), CLEAN + 'bad: [\n');
  const both = await run([dir]);
  const last = both.stdout.trimEnd().split('\n').pop();
  assert.match(last ?? '', /^合计：2 个文件，错误 [1-9]\d* 个，警告 \d+ 个，提示 \d+ 个；说明文字中的数字 0 处/);
  const en = await run(['--locale', 'en', dir]);
  assert.match(en.stdout.trimEnd().split('\n').pop() ?? '', /^Total: 2 files, [1-9]\d* errors, \d+ warnings/);
  const one = await run([path.join(dir, 'a.budget.yaml')]);
  assert.doesNotMatch(one.stdout, /合计：/);
});
