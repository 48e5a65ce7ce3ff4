// @ts-check
// code-server (the VS Code 1.100 workbench served to a browser) in throwaway folders: its user
// data, extensions, config and logs live under one temporary directory; it listens on loopback
// only, on a port the system picks, without authentication, telemetry, update checks or an
// extension gallery.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { startProcess, stopProcess } = require('./processes');
const { waitUntil } = require('./workbench');

const LOCALE = 'zh-cn';
const LOCALE_PACK_DIR = path.join(__dirname, 'locale-zh-cn');

/** User settings: nothing may block the window (trust dialog, welcome page) or reach the network. */
const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.cursorBlinking': 'solid',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'window.zoomLevel': 0,
};

/** The environment of code-server: none of a surrounding VS Code's variables (they would redirect its CLI). */
function codeServerEnv(root) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(VSCODE_|ELECTRON_)/.test(key)) env[key] = value;
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
  };
}

class CodeServer {
  /**
   * @param {{ entry: string, root: string, vsce: string, log: (line: string) => void }} options
   *   entry: code-server's out/node/entry.js; root: an empty temporary directory.
   */
  constructor({ entry, root, vsce, log }) {
    this.entry = entry;
    this.root = root;
    this.vsce = vsce;
    this.log = log;
    this.userData = path.join(root, 'user-data');
    this.extensions = path.join(root, 'extensions');
    this.logFile = path.join(root, 'code-server.log');
    this.env = codeServerEnv(root);
    /** @type {import('child_process').ChildProcess | undefined} */
    this.child = undefined;
    this.url = '';
  }

  /** Writes the user settings and installs the extension and the zh-cn locale. */
  prepare(vsix) {
    fs.mkdirSync(path.join(this.userData, 'User'), { recursive: true });
    fs.mkdirSync(this.extensions, { recursive: true });
    fs.writeFileSync(path.join(this.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
    this.installExtension(vsix);
    this.installLocale();
  }

  installExtension(vsix) {
    const result = spawnSync(process.execPath, [this.entry, '--user-data-dir', this.userData, '--extensions-dir', this.extensions, '--install-extension', vsix], {
      env: this.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0 || !/successfully installed/.test(result.stdout + result.stderr)) {
      throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
    }
  }

  /**
   * Runs the editor in Chinese, the extension's default language, as a user with a Chinese
   * language pack would. No language pack can be downloaded here, so a stub one is installed
   * (test-e2e/locale-zh-cn: no translations of the workbench, which stays in English) and
   * registered in languagepacks.json, which VS Code reads to resolve --locale. The extension
   * then sees vscode.env.language = zh-cn and uses package.nls.zh-cn.json and its zh-cn bundle.
   */
  installLocale() {
    const stage = path.join(this.root, 'locale-pack');
    fs.cpSync(LOCALE_PACK_DIR, stage, { recursive: true });
    const vsix = path.join(this.root, 'locale-zh-cn.vsix');
    const result = spawnSync(process.execPath, [this.vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
      cwd: stage,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) throw new Error(`packaging the zh-cn locale pack failed:\n${result.stdout}${result.stderr}`);
    this.installExtension(vsix);
    const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    const installed = path.join(this.extensions, `${id}-${manifest.version}`);
    const hash = require('crypto').createHash('md5').update(id).update(manifest.version).digest('hex');
    const packs = {
      [LOCALE]: {
        hash,
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: { vscode: path.join(installed, 'translations', 'main.i18n.json') },
        label: '中文(简体)',
      },
    };
    fs.writeFileSync(path.join(this.userData, 'languagepacks.json'), JSON.stringify(packs));
  }

  /** Starts code-server on 127.0.0.1 with a free port and waits until it listens. */
  async start() {
    const out = fs.openSync(this.logFile, 'a');
    const args = [
      this.entry,
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--locale', LOCALE,
      '--user-data-dir', this.userData,
      '--extensions-dir', this.extensions,
    ];
    this.child = startProcess('code-server', process.execPath, args, { env: this.env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const exited = new Promise((resolve) => this.child?.once('exit', (code, signal) => resolve(`exited (${code ?? signal})`)));
    const listening = waitUntil('code-server to listen', async () => /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(this.readLog())?.[1], {
      timeout: 60_000,
      interval: 100,
      last: () => this.readLog().slice(-500),
    });
    const first = await Promise.race([listening, exited]);
    if (typeof first !== 'string' || !first.startsWith('http')) throw new Error(`code-server ${first}:\n${this.readLog().slice(-2000)}`);
    this.url = first;
    this.log(`code-server listening on ${this.url} (pid ${this.child.pid})`);
    return this.url;
  }

  readLog() {
    try {
      return fs.readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  /** The log of the extension host (the extension's own output, its language server's stderr). */
  extensionHostLog() {
    const logs = path.join(this.userData, 'logs');
    const found = [];
    const walk = (dir) => {
      for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/exthost\.log$|budget|预算/i.test(entry.name)) found.push(file);
      }
    };
    walk(logs);
    // Leaves out the noise of the stub language pack (built-in extensions without translations).
    const noise = /Using default string since no string found|No bundle location found/;
    return found
      .map((file) => `== ${path.relative(this.userData, file)}\n${fs.readFileSync(file, 'utf8').split('\n').filter((l) => !noise.test(l)).join('\n').slice(-3000)}`)
      .join('\n');
  }

  /** The URL of the workbench with `folder` open. */
  folderUrl(folder) {
    return `${this.url}/?folder=${encodeURIComponent(folder)}`;
  }

  async stop() {
    if (this.child?.pid) await stopProcess(this.child.pid);
    this.child = undefined;
  }
}

module.exports = { CodeServer };
