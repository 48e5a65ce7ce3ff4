#!/usr/bin/env node
// @ts-check
// VS Code integration tests (npm run test:vscode): opens samples in a real VS Code with the
// extension loaded and checks diagnostics, completion, hover, a quick fix and the commands.
//
// VS Code is never downloaded by this script. It uses VSCODE_EXECUTABLE_PATH, or a VS Code
// that @vscode/test-electron downloaded earlier into .vscode-test/ (or VSCODE_TEST_CACHE);
// without either it says so and skips (exit code 0). Not part of `npm test`.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

function platform() {
  if (process.platform === 'darwin') return process.arch === 'arm64' ? 'darwin-arm64' : 'darwin';
  if (process.platform === 'win32') return process.arch === 'arm64' ? 'win32-arm64-archive' : 'win32-x64-archive';
  return process.arch === 'arm64' ? 'linux-arm64' : process.arch === 'arm' ? 'linux-armhf' : 'linux-x64';
}

/** The newest complete stable download of @vscode/test-electron in the cache, if any. */
function cachedVersion(cachePath) {
  const pattern = new RegExp(`^vscode-${platform()}-(\\d+\\.\\d+\\.\\d+)$`);
  const versions = (fs.existsSync(cachePath) ? fs.readdirSync(cachePath) : [])
    .map((name) => pattern.exec(name))
    .filter((m) => m && fs.existsSync(path.join(cachePath, m[0], 'is-complete')))
    .map((m) => /** @type {RegExpExecArray} */ (m)[1])
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  return versions[0];
}

async function findVSCode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return { executable: fromEnv, origin: 'VSCODE_EXECUTABLE_PATH' };
    return { error: `VSCODE_EXECUTABLE_PATH=${fromEnv} does not exist` };
  }
  const cachePath = process.env.VSCODE_TEST_CACHE || path.join(ROOT, '.vscode-test');
  const version = cachedVersion(cachePath);
  if (!version) return { skip: `no VS Code found: set VSCODE_EXECUTABLE_PATH, or download one into ${cachePath} with @vscode/test-electron on a machine with network access` };
  const { download } = require('@vscode/test-electron');
  // A complete cached stable version is used as is: no network request.
  const executable = await download({ version, cachePath });
  return { executable, origin: `${cachePath} (VS Code ${version})` };
}

function step(description, command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${description} failed`);
}

/** A throwaway workspace with copies of the samples the suite edits. */
function makeWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-vscode-'));
  for (const name of ['000-jiyuan-2022-unit.budget.yaml', '003-jiyuan-2024.budget.yaml']) fs.copyFileSync(path.join(ROOT, 'samples', name), path.join(dir, name));
  return dir;
}

async function main() {
  const found = await findVSCode();
  if (found.error) {
    console.error(`test:vscode: ${found.error}`);
    return 1;
  }
  if (!found.executable) {
    console.log(`test:vscode skipped — ${found.skip}.`);
    return 0;
  }
  console.log(`test:vscode: using ${found.executable} from ${found.origin}`);
  step('build (tsc)', process.execPath, [require.resolve('typescript/bin/tsc'), '-b']);
  step('bundle (esbuild)', process.execPath, ['scripts/build.mjs', '--dev']);
  const workspace = makeWorkspace();
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-vscode-user-'));
  try {
    const { runTests } = require('@vscode/test-electron');
    await runTests({
      vscodeExecutablePath: found.executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
      extensionTestsEnv: { BUDGET_TEST_ROOT: ROOT },
    });
    return 0;
  } catch (error) {
    console.error(`test:vscode failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 1; });
