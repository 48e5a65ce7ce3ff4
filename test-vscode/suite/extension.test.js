// @ts-check
const assert = require('assert');
const path = require('path');
const { execFileSync } = require('child_process');
const vscode = require('vscode');

const ROOT = process.env.BUDGET_TEST_ROOT || path.join(__dirname, '..', '..');
const TIMEOUT_MS = 60_000;

function workspaceFile(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

/** Resolves when `test` holds, checking after each diagnostics change (never a fixed sleep). */
function waitForDiagnostics(description, test) {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${description}`));
    }, TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (!test()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

const budget = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'budget');
const ruleOf = (d) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code);

async function open(name) {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  const editor = await vscode.window.showTextDocument(document);
  await waitForDiagnostics(`diagnostics of ${name}`, () => budget(document.uri).length > 0);
  return editor;
}

async function revert(editor) {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** What budget-check says about the file, in the editor's language. */
function cliDiagnostics(file) {
  const output = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--locale', vscode.env.language, file], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  });
  return JSON.parse(output).files[0].diagnostics;
}

const tests = [
  {
    name: 'a *.budget.yaml file opens as budget-yaml with the diagnostics of budget-check',
    async fn() {
      const editor = await open('003-jiyuan-2024.budget.yaml');
      assert.equal(editor.document.languageId, 'budget-yaml');
      const shown = budget(editor.document.uri).map((d) => [ruleOf(d), d.range.start.line, d.range.start.character, d.message]).sort();
      const cli = cliDiagnostics(editor.document.uri.fsPath).map((d) => [d.rule, d.range.start.line, d.range.start.character, d.message]).sort();
      assert.deepEqual(shown, cli);
    },
  },
  {
    name: 'completion after "21015" offers 2101501 行政运行',
    async fn() {
      const editor = await open('000-jiyuan-2022-unit.budget.yaml');
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes('code: "221 02 01"')) + 1;
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '      - { code: "21015" }\n'));
      try {
        const position = new vscode.Position(line, '      - { code: "21015'.length);
        /** @type {vscode.CompletionList} */
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', editor.document.uri, position);
        const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        assert.ok(labels.includes('2101501 行政运行'), labels.slice(0, 10).join(', '));
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: 'hover on a code shows its path',
    async fn() {
      const editor = await open('000-jiyuan-2022-unit.budget.yaml');
      const text = editor.document.getText();
      const position = editor.document.positionAt(text.indexOf('code: "210 15 01"') + 'code: "210 1'.length);
      /** @type {vscode.Hover[]} */
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, position);
      const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(markdown, /› 2101501 行政运行/);
    },
  },
  {
    name: 'a quick fix removes its diagnostic',
    async fn() {
      const editor = await open('003-jiyuan-2024.budget.yaml');
      const uri = editor.document.uri;
      const before = budget(uri).filter((d) => ruleOf(d) === 'code/name-mismatch');
      assert.ok(before.length > 0);
      const target = before[0];
      /** @type {vscode.CodeAction[]} */
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(fix && fix.edit, actions.map((a) => a.title).join(', '));
      try {
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        await waitForDiagnostics('the fixed diagnostic to disappear', () => budget(uri).filter((d) => ruleOf(d) === 'code/name-mismatch').length === before.length - 1);
        assert.ok(!budget(uri).some((d) => ruleOf(d) === 'code/name-mismatch' && d.range.start.line === target.range.start.line));
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: 'the commands are registered and "check all reports" checks the workspace',
    async fn() {
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['budget.checkWorkspace', 'budget.insertCode', 'budget.showSummary', 'budget.showCoverage']) assert.ok(commands.includes(id), id);
      /** @type {{ files: number }} */
      const totals = await vscode.commands.executeCommand('budget.checkWorkspace');
      assert.equal(totals.files, 2);
    },
  },
];

module.exports = { tests };
