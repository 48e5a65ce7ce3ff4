import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli';
import { skeletonTemplates } from '../src/service/skeleton/skeleton';

// Issue 15: `budget-check new` writes the skeleton of a first report, which checks without error.

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const dir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'budget-new-'));

test('budget-check new writes a report for every template and both kinds, and budget-check passes it', async () => {
  const folder = dir();
  for (const { id } of skeletonTemplates()) {
    for (const kind of ['unit', 'department']) {
      const file = path.join(folder, `${id}-${kind}.budget.yaml`);
      const written = await run(['new', '--kind', kind, '--template', id, '--year', '2026', '--department', '示例县统计局', '-o', file]);
      assert.equal(written.code, 0, written.stderr);
      assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`^department: 示例县统计局$[\\s\\S]*^kind: ${kind}$[\\s\\S]*^year: 2026$[\\s\\S]*^template: ${id}$`, 'm'));
      const checked = await run([file]);
      assert.equal(checked.code, 0, checked.stdout);
      assert.match(checked.stdout, /错误 0 个，警告 0 个/);
    }
  }
});

test('budget-check new never replaces a file without --force', async () => {
  const file = path.join(dir(), '示例县统计局.budget.yaml');
  fs.writeFileSync(file, '# my work\n');
  const refused = await run(['new', '--kind', 'unit', '--template', 'henan-jiyuan', '-o', file]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /已存在，未写入任何内容（加 --force 覆盖）/);
  assert.equal(fs.readFileSync(file, 'utf8'), '# my work\n');
  const forced = await run(['new', '--kind', 'unit', '--template', 'henan-jiyuan', '-o', file, '--force']);
  assert.equal(forced.code, 0);
  // The department is the file's name when --department is not given; the year is next year's.
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^department: 示例县统计局$/m);
  assert.match(text, new RegExp(`^year: ${new Date().getFullYear() + 1}$`, 'm'));
});

test('budget-check new: an unknown kind or template is exit 2, names the known ones, and writes nothing', async () => {
  const folder = dir();
  const file = path.join(folder, 'x.budget.yaml');
  const template = await run(['new', '--kind', 'unit', '--template', 'shanghai', '-o', file]);
  assert.equal(template.code, 2);
  assert.match(template.stderr, /没有模板“shanghai”；内置模板有 henan-jiyuan/);
  const kind = await run(['new', '--kind', '单位', '--template', 'henan-jiyuan', '-o', file]);
  assert.equal(kind.code, 2);
  assert.match(kind.stderr, /unit（单位预算）或 department（部门预算）/);
  assert.equal(fs.existsSync(file), false);
  const usage = await run(['new', '--template', 'henan-jiyuan']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /usage: budget-check new/);
  const english = await run(['new', '--kind', 'x', '--template', 'henan-jiyuan', '--locale', 'en', '-o', file]);
  assert.match(english.stderr, /unknown kind x/);
});

test('budget-check new without -o prints the report', async () => {
  const printed = await run(['new', '--kind', 'department', '--template', 'shaanxi-changan', '--year', '2027', '--department', '示例局']);
  assert.equal(printed.code, 0);
  assert.match(printed.stdout, /^kind: department$/m);
  assert.match(printed.stdout, /^ {2}- title: 第一部分 部门概况$/m);
});
