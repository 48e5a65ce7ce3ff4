import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseDocument } from 'yaml';
import { createBudgetService } from '../server/src/service/budgetService';
import { createCodeTables } from '../server/src/node/dataFiles';
import { generateReport } from './generateReport';
import { LspDriver } from './lspDriver';
import { readPdf } from '../server/src/publish/node/readPdf';
import { importPdfDocument } from '../server/src/publish/pdf/importPdf';
import { newReportYaml } from '../server/src/publish/import/emitYaml';
import { printReviewTimes, reviewTimes } from './reviewBench';

/**
 * `npm run bench`: parse floor, full validation, incremental validation, and over LSP the time
 * from a one-line edit to published diagnostics for our server and for yaml-language-server
 * with our schema, completion and hover latency, peak memory; on a sample and on generated
 * 汇总 reports of 1k, 10k and 20k rows. Our server runs with debounce 0, and again with its default
 * wait (the delay follows the cost of the last check: what the author feels); yaml-language-server
 * has a fixed 200 ms validation delay, which is subtracted (both figures are printed).
 * First, the PDF import of the two published reports of server/test/pdf/fixtures: time per page
 * for reading with pdf.js, for the layout and recognition, and for writing the YAML
 * (`--pdf` runs only this part). Before it, `budget-check review` on the seven samples with and
 * without worker threads (`--review` runs only that part; bench/reviewBench.ts).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, 'schemas', 'budget-report.schema.json');
const YLS = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const OUR_SERVER = path.join(ROOT, 'out', 'server', 'src', 'server.js');
const YLS_DELAY_MS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** A position inside the middle table row's first amount, and the edit that changes its last digit. */
function editPoint(text: string): { line: number; character: number; offset: number } {
  const lines = text.split('\n');
  const rowLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s+- \{ code: "\d+", .*total: \d/.test(l));
  const [line, index] = rowLines[Math.floor(rowLines.length / 2)];
  const match = /total: (\d+\.\d\d)/.exec(line)!;
  const character = match.index + 'total: '.length + match[1].length - 1;
  const offset = lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0) + character;
  return { line: index, character, offset };
}

function completionPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => /^\s+- \{ code: "\d+"/.test(l)) + 3;
  const character = lines[index].indexOf('code: "') + 'code: "'.length + 5;
  return { line: index, character };
}

interface Row {
  name: string;
  rows: number;
  kb: number;
  yamlFloor: number;
  fullValidation: number;
  incremental: number;
  ours: number;
  /** Edit → diagnostics with the default wait: what the author feels. */
  felt: number;
  yls: number;
  ylsRaw: number;
  completion: number;
  hover: number;
  rss?: number;
}

async function lspTimes(text: string, uri: string, server: 'ours' | 'ours-felt' | 'yls', edits: number): Promise<{ edit: number; completion: number; hover: number; rss?: number }> {
  // 'ours-felt' runs with the editor's default wait between edit and check (AdaptiveDelay).
  const driver = server !== 'yls'
    ? await LspDriver.start([OUR_SERVER, '--stdio'], () => ({ locale: 'zh-cn' }), server === 'ours' ? { debounceMs: 0 } : {})
    : await LspDriver.start([YLS, '--stdio'], (section) => (section === 'yaml' ? { validate: true, schemas: { [`file://${SCHEMA}`]: '*.budget.yaml' } } : null));
  if (server === 'yls') driver.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, schemas: { [`file://${SCHEMA}`]: '*.budget.yaml' } } } });
  await driver.open(uri, text);
  const point = editPoint(text);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const digit = String((Number(text[point.offset]) + i + 1) % 10);
    times.push(await driver.edit(uri, i + 2, { start: { line: point.line, character: point.character }, end: { line: point.line, character: point.character + 1 } }, digit));
  }
  let completion = NaN;
  let hover = NaN;
  if (server === 'ours') {
    const at = completionPoint(text);
    const c: number[] = [];
    const h: number[] = [];
    for (let i = 0; i < 5; i++) {
      c.push(await driver.request('textDocument/completion', { textDocument: { uri }, position: at }));
      h.push(await driver.request('textDocument/hover', { textDocument: { uri }, position: { line: point.line, character: point.character } }));
    }
    completion = median(c);
    hover = median(h);
  }
  const rss = driver.peakRssMb();
  await driver.stop();
  // The first edit after opening builds what later edits reuse (for either server): not counted.
  return { edit: median(times.slice(1)), completion, hover, rss };
}

interface PdfRow {
  name: string;
  pages: number;
  kb: number;
  load: number;
  read: number;
  layout: number;
  yaml: number;
}

/** Import time of the fixture PDFs: pdf.js reading, layout and recognition, YAML; medians of 5 runs after a first (cold) one. */
async function pdfTimes(): Promise<PdfRow[]> {
  const dir = path.join(ROOT, 'server', 'test', 'pdf', 'fixtures');
  const rows: PdfRow[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
    const data = fs.readFileSync(path.join(dir, file));
    const started = performance.now();
    const first = await readPdf(data);
    const load = performance.now() - started;
    const reads: number[] = [];
    const layouts: number[] = [];
    const yamls: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const read = await readPdf(data);
      const t1 = performance.now();
      const imported = importPdfDocument(read.document, file);
      const t2 = performance.now();
      newReportYaml(imported.result);
      const t3 = performance.now();
      reads.push(t1 - t0);
      layouts.push(t2 - t1);
      yamls.push(t3 - t2);
    }
    rows.push({ name: file.replace(/\.pdf$/, ''), pages: first.document.pages.length, kb: Math.round(data.length / 1024), load, read: median(reads), layout: median(layouts), yaml: median(yamls) });
  }
  return rows;
}

function printPdfTimes(rows: readonly PdfRow[]): void {
  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  console.log('\n| PDF | pages | KB | first import (loads pdf.js) | read (pdf.js) | layout + recognition | YAML | total per page |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const total = r.read + r.layout + r.yaml;
    console.log(`| ${r.name} | ${r.pages} | ${r.kb} | ${f(r.load)} ms | ${f(r.read)} ms | ${f(r.layout)} ms | ${f(r.yaml)} ms | ${f(total / r.pages)} ms |`);
  }
  const pages = rows.reduce((n, r) => n + r.pages, 0);
  const total = rows.reduce((n, r) => n + r.read + r.layout + r.yaml, 0);
  console.log(`\nSUMMARY: PDF import ${f(total / pages)} ms per page (${pages} pages; pdf.js ${f(rows.reduce((n, r) => n + r.read, 0) / pages)} ms, layout and recognition ${f(rows.reduce((n, r) => n + r.layout, 0) / pages)} ms per page)`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--memory')) return printMemory(memoryPerMb(createCodeTables().tables));
  const review = process.argv.includes('--pdf') ? [] : reviewTimes();
  if (review.length) printReviewTimes(review);
  if (process.argv.includes('--review')) return;
  const pdf = await pdfTimes();
  printPdfTimes(pdf);
  if (process.argv.includes('--pdf')) return;
  const codes = createCodeTables().tables;
  if (!process.argv.includes('--quick')) printMemory(memoryPerMb(codes));
  const service = createBudgetService({ codeTables: codes });
  const quick = process.argv.includes('--quick');
  const scenarios: Array<{ name: string; text: string }> = [
    { name: 'sample 003', text: fs.readFileSync(path.join(ROOT, 'samples', '003-jiyuan-2024.budget.yaml'), 'utf8') },
    ...(quick ? [1000] : [1000, 10000, 20000]).map((rows) => ({ name: `${rows} rows`, text: generateReport(rows, codes) })),
  ];
  const results: Row[] = [];
  for (const { name, text } of scenarios) {
    const repeat = text.length > 500_000 ? 3 : 7;
    const yamlFloor = median(Array.from({ length: repeat }, () => time(() => parseDocument(text, { schema: 'failsafe' }))));
    const fullValidation = median(Array.from({ length: repeat }, () => time(() => service.validate(service.parse(text)))));
    const base = service.parse(text);
    service.validate(base);
    const point = editPoint(text);
    // One-cell edits in process, each from the opened version: two first (the first edit after
    // opening builds what later edits reuse, such as the cells of each relation), then the median
    // of 15 — a median of three right after the full checks measured mostly the first.
    const editTime = (i: number) => {
      const edited = text.slice(0, point.offset) + String((Number(text[point.offset]) + i + 1) % 10) + text.slice(point.offset + 1);
      return time(() => service.validate(service.parse(edited, base)));
    };
    editTime(0);
    editTime(1);
    const incremental = median(Array.from({ length: 15 }, (_, i) => editTime(i + 2)));
    const uri = `file:///bench/${name.replace(/\s/g, '-')}.budget.yaml`;
    const edits = 10;
    const ours = await lspTimes(text, uri, 'ours', edits);
    const felt = await lspTimes(text, uri, 'ours-felt', edits);
    const yls = await lspTimes(text, uri, 'yls', edits);
    const rows = (text.match(/^\s+- \{/gm) ?? []).length;
    const row: Row = { name, rows, kb: Math.round(text.length / 1024), yamlFloor, fullValidation, incremental, ours: ours.edit, felt: felt.edit, ylsRaw: yls.edit, yls: Math.max(0, yls.edit - YLS_DELAY_MS), completion: ours.completion, hover: ours.hover, rss: ours.rss };
    results.push(row);
    console.log(`${name}: done`);
  }
  const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(n < 10 ? 1 : 0));
  console.log('\n| report | rows | KB | yaml parse | full check | edit (in-process) | edit→diagnostics ours | as felt (adaptive wait) | edit→diagnostics yaml-ls (−200 ms delay / raw) | ratio | completion | hover | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.rows} | ${r.kb} | ${f(r.yamlFloor)} ms | ${f(r.fullValidation)} ms | ${f(r.incremental)} ms | ${f(r.ours)} ms | ${f(r.felt)} ms | ${f(r.yls)} / ${f(r.ylsRaw)} ms | ${(r.ours / Math.max(r.yls, 1)).toFixed(2)}× | ${f(r.completion)} ms | ${f(r.hover)} ms | ${f(r.rss)} |`);
  }
  const generated = results.filter((r) => r.name.endsWith('rows'));
  if (generated.length > 1) {
    console.log('\nGrowth (per 1,000 rows): ' + generated.map((r) => `${r.name}: full check ${(r.fullValidation / (r.rows / 1000)).toFixed(1)} ms, edit ${(r.ours / (r.rows / 1000)).toFixed(1)} ms`).join('; '));
  }
  const sample = results[0];
  const big = results.find((r) => r.name === '10000 rows');
  console.log(`\nSUMMARY: edit→diagnostics ours/yaml-ls = ${(sample.ours / Math.max(sample.yls, 1)).toFixed(2)}× on ${sample.name}` + (big ? `, ${(big.ours / Math.max(big.yls, 1)).toFixed(2)}× on 10k rows (${f(big.ours)} ms vs ${f(big.yls)} ms); as felt ${f(sample.felt)} ms on ${sample.name}, ${f(big.felt)} ms on 10k rows; completion ${f(big.completion)} ms, hover ${f(big.hover)} ms, peak RSS ${f(big.rss)} MB` : ''));
  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ reports: results, pdf, review }, null, 2));
}

/**
 * Memory per MB of report: the peak RSS of `budget-check` (a process of its own) on generated
 * reports of two sizes; the slope is what a larger report costs, the intercept what any check
 * costs. The parse limit (yaml/parseYaml.ts DEFAULT_LIMITS) is set from these figures.
 */
function memoryPerMb(codes: ReturnType<typeof createCodeTables>['tables']): Array<{ rows: number; mb: number; rss: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-bench-'));
  const cli = path.join(ROOT, 'out', 'server', 'src', 'cli.js');
  const results: Array<{ rows: number; mb: number; rss: number }> = [];
  for (const rows of [5000, 40000]) {
    const file = path.join(dir, `${rows}.budget.yaml`);
    const text = generateReport(rows, codes);
    fs.writeFileSync(file, text);
    const script = `require(${JSON.stringify(cli)}).main([${JSON.stringify(file)}], { stdout() {}, stderr() {} }).then(() => process.stdout.write(String(process.resourceUsage().maxRSS)))`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    results.push({ rows, mb: Buffer.byteLength(text) / 1e6, rss: Number(run.stdout) / 1024 });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return results;
}

function printMemory(results: ReadonlyArray<{ rows: number; mb: number; rss: number }>): void {
  console.log('\n| generated report | MB | peak RSS of budget-check |');
  console.log('|---|---|---|');
  for (const r of results) console.log(`| ${r.rows} rows | ${r.mb.toFixed(1)} | ${r.rss.toFixed(0)} MB |`);
  const [a, b] = [results[0], results[results.length - 1]];
  const slope = (b.rss - a.rss) / (b.mb - a.mb);
  console.log(`\nSUMMARY: memory ${slope.toFixed(0)} MB per MB of report (${(a.rss - slope * a.mb).toFixed(0)} MB for any check)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
