#!/usr/bin/env node
// @ts-check
// End-to-end test of the extension in a real VS Code (npm run test:e2e): code-server 4.100.3
// (VS Code 1.100) serves the workbench, Debian's Chromium shows it (driven by playwright-core),
// and every check reads what the page shows, compared with what `budget-check` reports.
//
//   npm run test:e2e                     # the whole test; prints "e2e: N passed, N failed, N skipped"
//   npm run test:e2e -- --update-docs    # also writes the screenshots to docs/ (for the README)
//   npm run test:e2e -- --keep           # keeps the temporary folder (logs, workspace)
//
// Steps: set up code-server (cached in .e2e/ by scripts/e2e-setup.sh), build and package the
// .vsix, install it into a throwaway code-server, open a copy of samples/ and check the samples.
// Screenshots go to .e2e/screenshots/ (docs/ with --update-docs); on a failure the page is
// saved to .e2e/failures/ and its visible text (problems, hover, suggest …) is printed.
// Everything the test starts is ended by pid, whatever the outcome.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { CodeServer } = require('./codeServer');
const { Workbench } = require('./workbench');
const { recordProcess, stopAll, killAllNow, runningProcesses } = require('./processes');
const { STEPS } = require('./steps');

const ROOT = path.join(__dirname, '..');
const CACHE = process.env.E2E_CACHE || path.join(ROOT, '.e2e');
const LIMIT_MS = Number(process.env.E2E_TIMEOUT_MS) || 10 * 60_000;
const args = process.argv.slice(2);
const UPDATE_DOCS = args.includes('--update-docs');
const KEEP = args.includes('--keep');
const ONLY = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[e2e ${elapsed()}] ${line}`);

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=zh-CN'];

/** @type {{ name: string, outcome: 'passed' | 'failed' | 'skipped', ms: number, detail?: string }[]} */
const results = [];

/** Runs a command to completion, printing its output only when it fails. */
function run(description, command, commandArgs, options = {}) {
  const t = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000, ...options });
  if (result.status !== 0) {
    throw new Error(`${description} failed (${result.error?.message ?? result.status ?? result.signal}):\n${(result.stdout ?? '').slice(-4000)}${(result.stderr ?? '').slice(-4000)}`);
  }
  log(`${description}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return result.stdout;
}

/** code-server's entry point, installing it into the cache first if needed (scripts/e2e-setup.sh). */
function setupCodeServer() {
  const t = Date.now();
  const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'e2e-setup.sh')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, E2E_CACHE: CACHE }, stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
  if (result.status !== 0) throw new Error(`scripts/e2e-setup.sh failed (${result.status ?? result.signal})`);
  const entry = result.stdout.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(entry)) throw new Error(`scripts/e2e-setup.sh printed no code-server entry point: ${result.stdout}`);
  log(`code-server ready (${((Date.now() - t) / 1000).toFixed(1)} s): ${path.relative(ROOT, entry)}`);
  return entry;
}

/** The test's workspace: a copy of samples/ (the test edits files and may save them). */
function makeWorkspace(tmp) {
  const folder = path.join(tmp, 'samples');
  fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  return folder;
}

/**
 * @param {Workbench} workbench
 * @param {string} name
 * @param {CodeServer} codeServer
 */
async function reportFailure(workbench, name, codeServer) {
  const file = path.join(CACHE, 'failures', `${name.replace(/[^\w\u4e00-\u9fff-]+/g, '-').replace(/^-|-$/g, '')}.png`);
  try {
    await workbench.screenshot(file);
    console.log(`    screenshot of the page: ${path.relative(ROOT, file)}`);
  } catch (error) {
    console.log(`    (no screenshot: ${error instanceof Error ? error.message : error})`);
  }
  try {
    const parts = await workbench.describe();
    console.log('    what the page showed:');
    for (const [part, text] of Object.entries(parts)) {
      if (!text) continue;
      console.log(`    ── ${part}:`);
      for (const line of String(text).split('\n').slice(0, 60)) console.log(`       ${line}`);
    }
  } catch (error) {
    console.log(`    (could not read the page: ${error instanceof Error ? error.message : error})`);
  }
  if (workbench.console.length) {
    console.log('    ── browser console (last errors):');
    for (const line of workbench.console.filter((l) => !/gallery|vsda|favicon|404/.test(l)).slice(-10)) console.log(`       ${line}`);
  }
  const hostLog = codeServer.extensionHostLog();
  if (hostLog) {
    console.log('    ── extension host log (tail):');
    for (const line of hostLog.split('\n').slice(-25)) console.log(`       ${line}`);
  }
}

function summary() {
  const count = (o) => results.filter((r) => r.outcome === o).length;
  console.log('');
  console.log('e2e results:');
  for (const r of results) console.log(`  ${r.outcome === 'passed' ? '✔' : r.outcome === 'skipped' ? '-' : '✘'} ${r.name} (${(r.ms / 1000).toFixed(1)} s)${r.detail ? ` — ${r.detail}` : ''}`);
  console.log(`total time ${elapsed()}`);
  console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return count('failed') === 0 && count('passed') > 0 ? 0 : 1;
}

async function main() {
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {import('playwright-core').BrowserServer | undefined} */
  let browserServer;
  /** @type {CodeServer | undefined} */
  let codeServer;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-e2e-'));
  let finished = false;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await browserServer?.close().catch(() => undefined);
    await codeServer?.stop().catch(() => undefined);
    await stopAll();
    const left = runningProcesses();
    if (left.length) console.log(`e2e: still running after cleanup: ${left.join(', ')}`);
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`e2e: kept ${tmp}`);
  };
  // Ends everything on Ctrl-C, on a kill, and when the whole run takes too long.
  const abort = async (why) => {
    if (finished) return;
    finished = true;
    console.error(`\ne2e: ${why}; stopping ${runningProcesses().join(', ') || 'nothing'}`);
    results.push({ name: why, outcome: 'failed', ms: Date.now() - started });
    await cleanup().catch(() => killAllNow());
    summary();
    process.exit(1);
  };
  process.on('SIGINT', () => void abort('interrupted (SIGINT)'));
  process.on('SIGTERM', () => void abort('terminated (SIGTERM)'));
  process.on('exit', () => killAllNow());
  const watchdog = setTimeout(() => void abort(`over the ${LIMIT_MS / 60_000}-minute limit`), LIMIT_MS);

  const screenshotDir = UPDATE_DOCS ? path.join(ROOT, 'docs') : path.join(CACHE, 'screenshots');
  fs.rmSync(path.join(CACHE, 'failures'), { recursive: true, force: true });
  /** @type {Workbench | undefined} */
  let workbench;
  const phase = async (name, fn) => {
    const t = Date.now();
    try {
      return await fn();
    } catch (error) {
      results.push({ name, outcome: 'failed', ms: Date.now() - t, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      console.log(`✘ ${name}: ${error instanceof Error ? error.message : error}`);
      if (workbench && codeServer) await reportFailure(workbench, name, codeServer);
      else if (codeServer) console.log(`code-server log:\n${codeServer.readLog().slice(-3000)}`);
      throw error;
    }
  };

  try {
    const entry = await phase('set up code-server', async () => setupCodeServer());
    const vsix = await phase('build and package the extension', async () => {
      run('tsc -b (for bin/budget-check.js)', process.execPath, [require.resolve('typescript/bin/tsc'), '-b']);
      const file = path.join(tmp, 'budget-report-tools.vsix');
      run('npm run package', 'npm', ['run', 'package', '--silent', '--', '--out', file]);
      return file;
    });
    const workspace = makeWorkspace(tmp);
    codeServer = new CodeServer({ entry, root: tmp, vsce: require.resolve('@vscode/vsce/vsce'), log });
    const server = codeServer;
    await phase('start code-server and Chromium', async () => {
      server.prepare(vsix);
      log('extension and zh-cn locale installed');
      await server.start();
      const { chromium } = require('playwright-core');
      // A browser server, so that Chromium's pid is known and it can be ended by pid.
      browserServer = await chromium.launchServer({ executablePath: process.env.BUDGET_CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
      recordProcess('chromium', browserServer.process().pid);
      browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: 60_000 });
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
      workbench = new Workbench(page);
      await workbench.load(server.folderUrl(workspace));
      log('workbench loaded');
    });
    const context = { workbench: /** @type {Workbench} */ (workbench), workspace, root: ROOT, screenshotDir, log };
    for (const step of STEPS) {
      if (ONLY && !ONLY.test(step.name)) continue;
      const t = Date.now();
      log(`▶ ${step.name}`);
      try {
        const outcome = await step.run(context);
        if (outcome && typeof outcome === 'object' && 'skip' in outcome) {
          results.push({ name: step.name, outcome: 'skipped', ms: Date.now() - t, detail: outcome.skip });
          log(`- skipped: ${outcome.skip}`);
        } else {
          results.push({ name: step.name, outcome: 'passed', ms: Date.now() - t, detail: typeof outcome === 'string' ? outcome : undefined });
          log(`✔ ${step.name}${typeof outcome === 'string' ? ` — ${outcome}` : ''}`);
        }
      } catch (error) {
        results.push({ name: step.name, outcome: 'failed', ms: Date.now() - t, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
        console.log(`✘ ${step.name}\n    ${error instanceof Error ? error.message : error}`);
        await reportFailure(/** @type {Workbench} */ (workbench), step.name, server);
      }
      // Whatever a step left behind (popups, edits) must not disturb the next one.
      await step.cleanup?.(context).catch((error) => console.log(`    (cleanup of "${step.name}": ${error instanceof Error ? error.message : error})`));
    }
  } catch {
    // reported by phase()
  } finally {
    if (!finished) {
      finished = true;
      clearTimeout(watchdog);
      await cleanup();
    }
  }
  return summary();
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    killAllNow();
    process.exitCode = 1;
  },
);
