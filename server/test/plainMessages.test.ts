import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../src/cli';
import { runImport } from '../src/commands/import';
import { runExport } from '../src/commands/export';
import type { CommandIO } from '../src/commands/args';
import { runRules } from '../src/service/rules/validate';
import { toCheckSettings } from '../src/service/settings';
import { setInternalErrorReporter } from '../src/service/i18n/plainError';
import { setFrontEndLocale } from '../src/service/i18n/l10n';
import { importWorkbooks } from '../src/node/lsp/excelRequests';
import type { Rule } from '../src/service/rules/ruleTypes';
import { check, service } from './helpers';

/**
 * No internal English reaches a person: exceptions ("Cannot read properties of undefined",
 * "Maximum call stack size exceeded"), Node's errno texts, exceljs', JSZip's and the yaml
 * package's messages are replaced by plain localised sentences; the detail goes to the log.
 */

/** Internal English that must never be shown: engine, Node, library messages. */
const INTERNAL = /Cannot read prop|call stack|undefined|ENOENT|EACCES|no such file|errno|Error:|\bat .*\.js:\d+|central directory|zip file|Implicit|Unexpected|Nested mappings|Missing closing|offset \d+|is not a YAML mapping|Unknown option|argument missing|exceeds the limit|is not expanded|is ignored/;

function assertPlain(text: string): void {
  assert.doesNotMatch(text, INTERNAL, text);
}

async function run(command: (argv: readonly string[], io: CommandIO) => Promise<number>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  try {
    const code = await command(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
    return { code, stdout, stderr };
  } finally {
    setFrontEndLocale('zh-cn');
  }
}

/** Collects what goes to the log while `body` runs. */
async function logged<T>(body: () => Promise<T> | T): Promise<{ value: T; log: string[] }> {
  const log: string[] = [];
  const previous = setInternalErrorReporter((context, error) => log.push(`${context}: ${error instanceof Error ? error.stack : String(error)}`));
  try {
    return { value: await body(), log };
  } finally {
    setInternalErrorReporter(previous);
  }
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'budget-plain-'));
}

test('a rule that throws: the ledger says so plainly, the stack goes to the internal-error channel, not a message', () => {
  const document = service().parse('department: 测试\nkind: unit\nyear: 2024\nunit: 万元\n');
  const analysis = service().analyze(document);
  const context = { document, report: document.report, text: document.text, codes: service().codeTables, settings: toCheckSettings({}), messages: analysis.inputs.messages, prose: () => analysis.prose() };
  const broken: Rule = { id: 'test/broken', area: 'review', severity: 'error', title: '', run: () => { (undefined as unknown as { x: { y: number } }).x.y; } };
  const deep: Rule = { id: 'test/deep', area: 'review', severity: 'error', title: '', run: () => { const f = (): number => f() + 1; f(); } };
  const result = runRules(context, [broken, deep]);
  const reasons = Object.fromEntries(result.ledger.filter((e) => e.rule.startsWith('test/')).map((e) => [e.rule, [e.outcome, ...e.reasons]]));
  assert.deepEqual(reasons, {
    'test/broken': ['internal-error', '检查中断：程序内部出错（详细信息已写入日志）'],
    // Content nested too deeply for the code that reads it: not checked, and not a bug.
    'test/deep': ['could-not-check', '检查中断：内容嵌套层级过深，无法读取'],
  });
  assert.equal(result.internalErrors.length, 1);
  assert.match(result.internalErrors[0].stack ?? '', /TypeError: Cannot read properties of undefined/);
  for (const entry of result.ledger) for (const reason of entry.reasons) assertPlain(reason);
});

test('YAML syntax errors, aliases and tags are told in plain words', () => {
  const texts = ['a: b: c\n', 'a: "x\n', 'a:\n\t- 1\n', 'a: [1, 2\n', 'a\nb: 1\n', '- 1\na: 2\n', 'a: &x 1\nb: *x\n', 'a: !foo 3\n', 'a: {b: 1\n'];
  for (const text of texts) {
    const messages = check(text).findings.filter((f) => f.rule.startsWith('yaml/')).map((f) => f.message);
    assert.ok(messages.length > 0, text);
    for (const message of messages) assertPlain(message);
  }
  assert.deepEqual(check('a: &x 1\nb: *x\n').findings.filter((f) => f.rule === 'yaml/alias').map((f) => f.message), ['报告中不使用 YAML 别名，别名不会展开（*x）']);
  assert.deepEqual(check('a:\n\t- 1\n').findings.filter((f) => f.rule === 'yaml/syntax').map((f) => f.message), ['YAML 语法错误：用了制表符（Tab）缩进，请改用空格']);
});

test('budget-check: usage errors and a missing code table are plain', async () => {
  const unknown = await run(main, ['--foo', 'x.budget.yaml']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, '未知选项 --foo\n');
  const missingValue = await run(main, ['x.budget.yaml', '--format']);
  assert.equal(missingValue.stderr, '选项 --format 需要一个值\n');
  const dir = tempDir();
  const report = path.join(dir, 'a.budget.yaml');
  fs.writeFileSync(report, 'department: 测试\nkind: unit\nyear: 2024\nunit: 万元\n');
  const codes = await run(main, ['--codes', path.join(dir, 'missing.csv'), report]);
  assert.match(codes.stderr, /无法读取科目表：不存在/);
  assertPlain(codes.stderr);
  fs.writeFileSync(path.join(dir, 'bad.csv'), 'code,name\nabc,\n');
  const bad = await run(main, ['--codes', path.join(dir, 'bad.csv'), report]);
  assert.match(bad.stderr, /bad\.csv:2: 不是科目表的行（应为 编码,名称）：abc,/);
});

test('import: a damaged workbook, an unreadable file, a report with a syntax error: plain lines', async () => {
  const dir = tempDir();
  const damaged = path.join(dir, 'damaged.xlsx');
  fs.writeFileSync(damaged, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
  const { value: result, log } = await logged(() => run(runImport, [damaged]));
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `budget-check import：无法读取 ${damaged}：无法读取工作簿：文件已损坏或不是 .xlsx 工作簿\n`);
  assert.deepEqual(log, [], 'a damaged file is expected input: nothing to log');
  // A sound zip package that is no workbook: exceljs fails, its own words go to the log only.
  const notWorkbook = path.join(dir, 'not-a-workbook.xlsx');
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook><<<');
  fs.writeFileSync(notWorkbook, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const { value: other, log: otherLog } = await logged(() => run(runImport, [notWorkbook]));
  assert.equal(other.code, 2);
  assert.equal(other.stderr, `budget-check import：无法读取 ${notWorkbook}：无法读取工作簿：文件已损坏或不是 .xlsx 工作簿\n`);
  assert.equal(otherLog.length, 1, 'exceljs\' own words are in the log');
  const missing = await run(runImport, [path.join(dir, 'missing.xlsx')]);
  assert.equal(missing.stderr, `budget-check import：无法读取 ${path.join(dir, 'missing.xlsx')}：不存在\n`);
  const folder = await run(runImport, [dir]);
  assert.equal(folder.stderr, `budget-check import：无法读取 ${dir}：这是文件夹，不是文件\n`);
  const en = await run(runImport, ['--locale', 'en', damaged]);
  assert.match(en.stderr, /the file is damaged or not an \.xlsx workbook/);
});

test('export: the problems of a broken report are listed in plain words', async () => {
  const dir = tempDir();
  const broken = path.join(dir, 'broken.budget.yaml');
  fs.writeFileSync(broken, 'department: 测试局\nkind: department\nyear: 2022\nunit: 万元\ntables:\n  expense:\n    rows:\n      - { code: "2101501", total: [1\n');
  const result = await run(runExport, [broken, '--html', path.join(dir, 'out.html')]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /YAML 语法错误：/);
  assertPlain(result.stderr);
  const unwritable = await run(runExport, [broken, '--html', path.join(dir, 'no-such-folder', 'out.html')]);
  assert.equal(unwritable.code, 2);
  assert.match(unwritable.stderr, /无法写入 .*out\.html：不存在/);
  assertPlain(unwritable.stderr);
});

test('the editor\'s Excel import answers a damaged workbook in plain words', async () => {
  const { value: result } = await logged(() => importWorkbooks({ files: [{ name: 'damaged.xlsx', data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]).toString('base64') }] }, undefined));
  assert.equal(result.mode, 'failed');
  assert.equal(result.error, '无法读取 damaged.xlsx：无法读取工作簿：文件已损坏或不是 .xlsx 工作簿');
});
