import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkText } from '../../src/cli';
import { inspectXlsxPackage } from '../../src/publish/node/xlsxPackage';
import { ROOT, sampleFiles, service } from '../helpers';
import { fileUri, LspTestClient, plain } from './lspTestClient';
import { unembeddedFontReport } from '../pdf/pdfWriter';

/**
 * The .vsix: built with esbuild, listed with `vsce ls`, and run from a copy of exactly the
 * listed files — so the bundles carry their data imports and find data/codes from dist/.
 */

function run(args: string[], options: { cwd?: string } = {}) {
  const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function vsceBin(): string {
  const manifest = require.resolve('@vscode/vsce/package.json', { paths: [ROOT] });
  const bin = JSON.parse(fs.readFileSync(manifest, 'utf8')).bin;
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.vsce);
}

let listed: string[] | undefined;

/** Builds the bundles into dist/ and returns what `vsce ls` puts in the package. */
function packageFiles(): string[] {
  if (listed) return listed;
  const build = run(['scripts/build.mjs']);
  assert.equal(build.status, 0, build.stderr);
  const ls = run([vsceBin(), 'ls', '--no-dependencies']);
  assert.equal(ls.status, 0, ls.stderr);
  listed = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  return listed;
}

test('vsce ls: bundles, code tables, schema, grammar, NLS and one example; no sources or tests', () => {
  const files = packageFiles();
  const required = [
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'dist/client.js',
    'dist/server.js',
    'dist/cli.js',
    'dist/pdf-cmaps.json',
    'bin/budget-language-server.js',
    'bin/budget-check.js',
    'schemas/budget-report.schema.json',
    'syntaxes/budget-yaml.tmLanguage.json',
    'language-configuration.json',
    'l10n/bundle.l10n.zh-cn.json',
    'LICENSE',
    ...readmeLinks(),
    ...fs.readdirSync(path.join(ROOT, 'data', 'codes')).filter((f) => f.endsWith('.csv')).map((f) => `data/codes/${f}`),
  ];
  assert.deepEqual(required.filter((f) => !files.includes(f)), []);
  const unexpected = files.filter((f) => /\.(ts|map|tsbuildinfo|mjs)$/.test(f) || /^(out|node_modules|server|client|scripts|test-vscode|bench|\.ci)\//.test(f) || /(^|\/)test\//.test(f));
  assert.deepEqual(unexpected, []);
  assert.deepEqual(files.filter((f) => /\.budget\.ya?ml$/.test(f)), ['samples/teaching/clean.budget.yaml']);
  // JSON data is bundled into dist/, the server's own message files too.
  assert.deepEqual(files.filter((f) => /^(data|l10n)\/.*\.json$/.test(f) && !f.startsWith('l10n/bundle.l10n.')), []);
  // From docs/, only what the README shows or links to.
  assert.deepEqual(files.filter((f) => f.startsWith('docs/') && !readmeLinks().includes(f)), []);
  assert.ok(files.length < 40, files.join('\n'));
});

/** The relative targets of the README's links and pictures (`[text](path)`, `![alt](path)`). */
function readmeLinks(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((t) => t && !/^[a-z]+:/i.test(t));
  return [...new Set(targets)].sort();
}

test('npm run package: the .vsix has the MIT LICENSE, and the README\'s pictures and links', (t) => {
  packageFiles();
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT');
  assert.match(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) /);
  // The vsce arguments of the package script, as npm runs them (no --skip-license).
  const script: string = manifest.scripts.package;
  assert.doesNotMatch(script, /--skip-license/);
  const vsceArgs = script.split('&&').pop()!.trim().split(/\s+/);
  assert.equal(vsceArgs[0], 'vsce');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-vsix-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const vsix = path.join(dir, 'extension.vsix');
  const packaged = spawnSync(process.execPath, [vsceBin(), ...vsceArgs.slice(1), '--out', vsix], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, input: '' });
  assert.equal(packaged.status, 0, packaged.stdout + packaged.stderr);
  const entries = inspectXlsxPackage(fs.readFileSync(vsix), Number.POSITIVE_INFINITY).parts.map((p) => p.name);
  assert.ok(entries.includes('extension/LICENSE.txt'), entries.join('\n'));
  assert.ok(entries.includes('extension/readme.md'));
  // Relative links are kept as written (--no-rewrite-relative-links): each must be in the package.
  const links = readmeLinks();
  assert.ok(links.filter((l) => l.endsWith('.png')).length >= 5, links.join(', '));
  assert.deepEqual(links.filter((l) => !entries.includes(`extension/${l}`)), []);
});

test('the packaged CLI and server run from the package files alone', async (t) => {
  const files = packageFiles();
  const extension = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-vsix-'));
  t.after(() => fs.rmSync(extension, { recursive: true, force: true }));
  for (const file of files) {
    fs.mkdirSync(path.join(extension, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(extension, file));
  }
  const sample = path.join(extension, 'samples', 'teaching', 'clean.budget.yaml');
  const cli = run([path.join(extension, 'bin', 'budget-check.js'), '--format', 'json', '--ledger', sample], { cwd: extension });
  assert.equal(cli.status, 0, cli.stderr);
  const output = JSON.parse(cli.stdout);
  const expected = checkText(service(), sample, fs.readFileSync(sample, 'utf8'), {});
  assert.equal(output.files[0].diagnostics.length, expected.diagnostics.length);
  assert.equal(output.files[0].ledger.length, expected.ledger.length);

  // A PDF in a font it does not embed: pdf.js and its CJK CMaps (dist/pdf-cmaps.json) come with the package.
  const pdf = path.join(extension, 'unembedded.pdf');
  fs.writeFileSync(pdf, unembeddedFontReport());
  const imported = run([path.join(extension, 'bin', 'budget-check.js'), 'import', pdf], { cwd: extension });
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /^ {6}本部门一般公共预算支出合计100\.00万元。$/m);

  // review: its worker threads run the bundle itself (dist/cli.js); the lines as the check command counts.
  const reports = path.join(extension, 'reports');
  fs.mkdirSync(reports);
  fs.copyFileSync(sample, path.join(reports, 'clean.budget.yaml'));
  fs.copyFileSync(pdf, path.join(reports, 'unembedded.pdf'));
  const page = path.join(extension, 'review.html');
  const review = run([path.join(extension, 'bin', 'budget-check.js'), 'review', reports, '--jobs', '2', '--html', page], { cwd: extension });
  const lines = review.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3, review.stdout + review.stderr);
  const checked = JSON.parse(run([path.join(extension, 'bin', 'budget-check.js'), '--format', 'json', path.join(reports, 'clean.budget.yaml'), path.join(reports, 'unembedded.pdf')], { cwd: extension }).stdout);
  for (const [i, file] of checked.files.entries()) {
    const errors = file.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length;
    assert.match(lines[i], new RegExp(`^${file.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：错误 ${errors} 个，警告 \\d+ 个`));
  }
  assert.match(lines[2], /^合计：2 份报告/);
  assert.equal(review.status, checked.files.some((f: { diagnostics: Array<{ severity: string }> }) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0, review.stderr);
  assert.match(fs.readFileSync(page, 'utf8'), /<section class="report" id="report-2">\n<h2><span class="no">2<\/span> [^<]*unembedded\.pdf<\/h2>/);

  const server = await LspTestClient.start({ command: [path.join(extension, 'dist', 'server.js'), '--stdio'] });
  t.after(() => server.stop());
  const file = sampleFiles().find((f) => f.endsWith('003-jiyuan-2024.budget.yaml'))!;
  const text = fs.readFileSync(file, 'utf8');
  await server.open(fileUri(file), text);
  const published = await server.diagnostics(fileUri(file), 1);
  assert.deepEqual(plain(published.diagnostics), plain(checkText(service(), file, text, {}).diagnostics));
  assert.ok(published.diagnostics.some((d) => d.code === 'code/name-mismatch'), 'the code tables were found from dist/');
});
