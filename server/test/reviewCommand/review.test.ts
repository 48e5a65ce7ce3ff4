import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { claimGroups } from '../../src/service/fileResult';
import { escapeHtml } from '../../src/publish/html/renderHtml';
import { textLines } from '../../src/publish/review/excerpt';
import { fullFolder, HOSTILE_NAME, HOSTILE_TEXT, reviewedFiles, run, Run, smallFolder, tempDir } from './fixtures';

/**
 * `budget-check review`: a folder of YAML reports and published PDFs, one line per report in the
 * order of the paths with the check command's counts, the reviewer's HTML page, plain errors for
 * PDFs that cannot be read, exit statuses as the check command's.
 */

interface CheckedFile {
  file: string;
  diagnostics: Array<{ rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; page?: number }>;
  claims: { byKind: Parameters<typeof claimGroups>[0] };
}

let full: Promise<{ dir: string; html: string; review: Run; check: Map<string, CheckedFile> }> | undefined;

/** The review of the full folder (workers as by default), and the check command on the same files. */
function fullReview(): Promise<{ dir: string; html: string; review: Run; check: Map<string, CheckedFile> }> {
  full ??= (async () => {
    const dir = fullFolder();
    const out = path.join(tempDir(), 'review.html');
    const review = await run(['review', dir, '--html', out]);
    const checked = await run(['--format', 'json', ...reviewedFiles(dir)]);
    const check = new Map((JSON.parse(checked.stdout).files as CheckedFile[]).map((f) => [f.file, f]));
    return { dir, html: fs.readFileSync(out, 'utf8'), review, check };
  })();
  return full;
}

const LINE = /^(.*)：错误 (\d+) 个，警告 (\d+) 个，提示 (\d+) 个；说明文字中的金额和百分比 (\d+) 处（一致 (\d+)，不一致 (\d+)，未能核对 (\d+)）$/;

function expectedCounts(file: CheckedFile): number[] {
  const count = (...severities: string[]) => file.diagnostics.filter((d) => severities.includes(d.severity)).length;
  const money = claimGroups(file.claims.byKind).money;
  return [count('error'), count('warning'), count('information', 'hint'), money.total, money.verified, money.mismatched, money.unverified];
}

test('one line per report in the order of the paths, with the check command\'s counts; PDFs that cannot be read are their plain error; exit 2', { timeout: 300_000 }, async () => {
  const { dir, review, check } = await fullReview();
  const files = reviewedFiles(dir);
  assert.equal(files.length, 12, files.join('\n'));
  const lines = review.stdout.trimEnd().split('\n');
  assert.equal(lines.length, files.length + 1, review.stdout);
  for (const [i, file] of files.entries()) {
    const line = lines[i];
    if (/broken\.pdf$/.test(file)) {
      assert.equal(line, `budget-check：无法读取 ${file}：PDF 文件不完整（结尾没有 %%EOF，可能被截断）`);
      continue;
    }
    if (/encrypted\.pdf$/.test(file)) {
      assert.match(line, new RegExp(`^budget-check：无法读取 ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：.*密码`));
      continue;
    }
    const match = LINE.exec(line);
    assert.ok(match, line);
    assert.equal(match[1], file);
    assert.deepEqual(match.slice(2).map(Number), expectedCounts(check.get(file)!), file);
  }
  assert.match(lines[files.length], /^合计：12 份报告，错误 \d+ 个，.*；2 份无法检查$/);
  assert.ok(!files.some((f) => f.endsWith('notes.txt')));
  // A PDF is the same report as its transcription: the same counts.
  const line = (name: string) => lines[files.findIndex((f) => f.endsWith(name))].replace(/^.*?：/, '');
  assert.equal(line('shanghai-putuo-justice-2026-unit.pdf'), line('006-putuo-justice-2026-unit.budget.yaml'));
  assert.equal(review.code, 2);
  // The reasons are said once, on stdout; stderr says the page was written and nothing else went wrong.
  assert.doesNotMatch(review.stderr, /\n\s+at |Error:|内部错误/);
  assert.match(review.stderr, /已写入 .*review\.html/);
});

test('the page: a section per report with each finding\'s rule, message, place and the text around it', { timeout: 300_000 }, async () => {
  const { dir, html, check } = await fullReview();
  const files = reviewedFiles(dir);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.match(html, /<title>预算公开报告审核结果<\/title>/);
  // Self-contained: inline style only, no script, nothing fetched.
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|https?:\/\//i);
  const sections = html.split(/(?=<section class="report)/).slice(1);
  assert.equal(sections.length, files.length);
  for (const [i, file] of files.entries()) {
    const section = sections[i];
    assert.ok(section.startsWith(`<section class="report${check.has(file) ? '' : ' not-checked'}" id="report-${i + 1}">\n<h2><span class="no">${i + 1}</span> ${escapeHtml(file)}</h2>`), section.slice(0, 200));
    assert.ok(html.includes(`<a href="#report-${i + 1}">${escapeHtml(file)}</a>`), 'the overview links to the section');
    const checked = check.get(file);
    if (!checked) {
      assert.match(section, /<p class="problem">budget-check：无法读取 .*<\/p>/);
      continue;
    }
    const findings = section.split('<li class="finding ').slice(1);
    assert.equal(findings.length, checked.diagnostics.length, file);
    const text = file.endsWith('.pdf') ? undefined : textLines(fs.readFileSync(file, 'utf8'));
    // Errors first, then warnings, then notes, each in the order of the report.
    const rank = (d: CheckedFile['diagnostics'][number]) => ['error', 'warning', 'information', 'hint'].indexOf(d.severity);
    const ordered = checked.diagnostics.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map((x) => x.d);
    for (const [k, d] of ordered.entries()) {
      const finding = findings[k];
      assert.ok(finding.startsWith(d.severity === 'hint' ? 'hint' : d.severity), finding.slice(0, 40));
      assert.ok(finding.includes(`<code class="rule">${escapeHtml(d.rule)}</code>`), d.rule);
      assert.ok(finding.includes(`<p class="message">${escapeHtml(d.message)}</p>`), d.message);
      assert.match(finding, /<pre class="context digits-\d">.*<\/pre>/s);
      if (d.page !== undefined) assert.ok(finding.includes(`第${d.page}页 · 导入后的报告第${d.range.start.line + 1}行`), finding);
      if (!file.endsWith('.pdf')) assert.ok(finding.includes(`第${d.range.start.line + 1}行第${d.range.start.character + 1}列`));
      // The line of the finding is shown with its number, and the range's text is marked.
      assert.ok(finding.includes(`<span class="ln">${d.range.start.line + 1}</span>`), finding);
      if (text && d.range.start.line === d.range.end.line && d.range.end.character - d.range.start.character <= 40 && d.range.end.character > d.range.start.character) {
        const marked = text[d.range.start.line].slice(d.range.start.character, d.range.end.character);
        assert.ok(finding.includes(`<mark>${escapeHtml(marked)}</mark>`), `${file}: ${marked} in ${finding}`);
      }
    }
    // The ledger: rules passed / failed / could not check / internal error.
    assert.match(section, /<dt>检查规则<\/dt><dd>通过 \d+ 项，未通过 \d+ 项，无法检查 \d+ 项，内部错误 0 项（不适用 \d+ 项，已关闭 \d+ 项）<\/dd>/);
  }
  // A PDF's finding: its page, and the sentence of the imported report with the figure marked.
  const unit = sections[files.findIndex((f) => f.endsWith('shanghai-putuo-justice-2026-unit.pdf'))];
  assert.match(unit, /<p class="subtitle">上海市普陀区司法局 · 2026年 · 单位预算 · PDF，按导入后的报告检查<\/p>/);
  const amount = unit.split('<li class="finding ').find((f) => f.includes('text/amount') && f.includes('行政单位离退休'));
  assert.ok(amount, unit);
  assert.match(amount, /第6页 · 导入后的报告第\d+行/);
  assert.match(amount, /行政单位离退休.*<mark>57\.8<\/mark>/s);
});

test('a report\'s markup is text: a <script> in its narrative and markup in its file name are escaped', { timeout: 300_000 }, async () => {
  const { html } = await fullReview();
  assert.ok(!html.includes(HOSTILE_TEXT));
  assert.ok(!html.includes(HOSTILE_NAME));
  const section = html.split(/(?=<section class="report)/).slice(1).find((s) => s.includes(escapeHtml(HOSTILE_NAME)))!;
  assert.ok(section, 'the hostile report has its section');
  const finding = section.split('<li class="finding ').find((f) => f.includes('review/placeholder'))!;
  assert.ok(finding.includes('&lt;script&gt;alert(&quot;budget&quot;)&lt;/script&gt;负责<mark>XX</mark>全县统计调查'), finding);
});

test('the same lines and page whatever the number of worker threads, or none', { timeout: 300_000 }, async () => {
  const dir = smallFolder();
  const outputs: Array<{ stdout: string; html: string; code: number }> = [];
  for (const jobs of ['0', '1', '3']) {
    const out = path.join(tempDir(), 'review.html');
    const result = await run(['review', dir, '--jobs', jobs, '--html', out]);
    outputs.push({ stdout: result.stdout, html: fs.readFileSync(out, 'utf8'), code: result.code });
  }
  assert.equal(outputs[0].code, 2, 'the truncated PDF');
  for (const output of outputs.slice(1)) assert.deepEqual(output, outputs[0]);
  assert.deepEqual(outputs[0].stdout.trimEnd().split('\n').slice(0, -1).map((l) => l.replace(/^budget-check：无法读取 /, '').replace(/：.*$/, '')), reviewedFiles(dir));
});

test('exit status as the check command: 0 no error, 1 an error, 2 nothing to review or bad usage', { timeout: 300_000 }, async () => {
  const clean = tempDir();
  fs.copyFileSync(path.join(smallFolder(false), 'teaching', 'clean.budget.yaml'), path.join(clean, 'clean.budget.yaml'));
  const ok = await run(['review', clean]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(ok.stdout.split('\n').filter(Boolean).length, 1, 'one report: no total line');

  const withErrors = smallFolder(false);
  assert.equal((await run(['review', withErrors])).code, 1);

  const empty = tempDir();
  fs.writeFileSync(path.join(empty, 'readme.txt'), 'nothing here');
  const none = await run(['review', empty]);
  assert.equal(none.code, 2);
  assert.equal(none.stderr, `budget-check：文件夹 ${empty} 中没有预算报告（*.budget.yaml、*.budget.yml、*.pdf）\n`);
  assert.equal(none.stdout, '');

  const missing = await run(['review', path.join(empty, 'nowhere'), clean]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /找不到 .*nowhere/);
  assert.match(missing.stdout, /clean\.budget\.yaml：错误 0 个/, 'the rest is reviewed');

  for (const args of [['review'], ['review', clean, '--jobs', 'two'], ['review', clean, '--jobs', '-1'], ['review', clean, '--nope'], ['review', clean, '--html']]) {
    const usage = await run(args);
    assert.equal(usage.code, 2, args.join(' '));
    assert.equal(usage.stdout, '');
  }
  const unwritable = await run(['review', clean, '--html', path.join(empty, 'no', 'such', 'dir', 'review.html')]);
  assert.equal(unwritable.code, 2);
  assert.match(unwritable.stderr, /无法写入/);
});

test('a report on which the checker throws, and a worker thread that crashes, are their own line: exit 3, the rest reviewed', { timeout: 300_000 }, async () => {
  const dir = smallFolder(false);
  const files = reviewedFiles(dir);
  for (const [fault, jobs] of [['throw', '2'], ['crash', '2'], ['throw', '0']] as const) {
    const result = await run(['review', dir, '--jobs', jobs], { testFaults: { [fault]: '003-jiyuan-2024.budget.yaml' } });
    assert.equal(result.code, 3, `${fault} with ${jobs} workers`);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, files.length + 1);
    for (const [i, file] of files.entries()) {
      if (file.endsWith('003-jiyuan-2024.budget.yaml')) assert.match(lines[i], new RegExp(`^${file}: 检查器在检查本报告时(出错|意外停止)（请报告此问题；详细信息见标准错误输出）$`));
      else assert.match(lines[i], new RegExp(`^${file}：错误 \\d+ 个`), lines[i]);
    }
    assert.match(lines[files.length], /；1 份无法检查$/);
    // The details are on stderr, for whoever reports it.
    assert.match(result.stderr, /budget-check：检查 .*003-jiyuan-2024\.budget\.yaml 时检查器出现内部错误（请报告此问题）：.*injected by a test/);
  }
  // A crash does not take the reports still waiting: one worker, and it crashes on the first report.
  const first = await run(['review', dir, '--jobs', '1'], { testFaults: { crash: path.basename(files[0]) } });
  assert.equal(first.code, 3);
  assert.equal(first.stdout.trimEnd().split('\n').filter((l) => /：错误 \d+ 个/.test(l) && !l.startsWith('合计')).length, files.length - 1);
});

test('progress on stderr with --progress (or on a terminal), never on stdout', { timeout: 300_000 }, async () => {
  const dir = smallFolder(false);
  const files = reviewedFiles(dir);
  const quiet = await run(['review', dir]);
  assert.doesNotMatch(quiet.stderr, /\[\d+\/\d+\]/);
  const shown = await run(['review', dir, '--progress']);
  const progress = shown.stderr.split('\n').filter((l) => /^\[\d+\/\d+\] /.test(l));
  assert.deepEqual(progress.map((l) => l.replace(/ .*$/, '')), files.map((_, i) => `[${i + 1}/${files.length}]`));
  assert.deepEqual(progress.map((l) => l.replace(/^\S+ /, '')).sort(), [...files].sort());
  assert.equal(shown.stdout, quiet.stdout);
});

test('--locale en: the lines and the page in English', { timeout: 300_000 }, async () => {
  const dir = smallFolder();
  const out = path.join(tempDir(), 'review.html');
  const result = await run(['review', dir, '--locale', 'en', '--html', out, '--jobs', '1']);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /000-jiyuan-2022-unit\.budget\.yaml: \d+ errors, \d+ warnings, \d+ notes; money and percentages in the text: \d+ \(\d+ verified, \d+ mismatched, \d+ unverified\)\n/);
  assert.match(result.stdout, /budget-check: cannot read .*broken\.pdf: the PDF file is truncated/);
  assert.match(result.stdout, /^Total: 6 reports, .*; 1 could not be checked$/m);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<title>Budget disclosure review<\/title>/);
  assert.match(html, /<span class="severity">error<\/span> <code class="rule">review\/missing-table<\/code> <span class="where">line 17, column 1<\/span>/);
  assert.doesNotMatch(html, /检查规则|错误 \d/);
});
