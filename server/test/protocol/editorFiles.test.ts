import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../helpers';

/**
 * The static parts of the extension: manifest, NLS files, client message bundle, grammar and
 * language configuration. VS Code would reject or silently ignore most mistakes here.
 */

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = readJson('package.json');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every string literal passed to `vscode.l10n.t(…)` in the client. */
function clientMessages(): string[] {
  const keys = new Set<string>();
  for (const file of tsFiles(path.join(ROOT, 'client', 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && /\bl10n$/.test(node.expression.expression.getText()) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
        keys.add(node.arguments[0].text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...keys];
}

test('every client message has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
  assert.equal(manifest.l10n, './l10n');
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
  const messages = clientMessages();
  assert.ok(messages.length > 10);
  assert.deepEqual(messages.filter((m) => !(m in bundle)), []);
  const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
  assert.deepEqual(Object.entries(bundle).filter(([k, v]) => placeholders(k) !== placeholders(String(v))), []);
});

test('every %key% of the manifest is in package.nls.json and package.nls.zh-cn.json', () => {
  const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  assert.deepEqual([...used].filter((k) => !(k in en)), []);
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
});

test('each contributed command is registered by the client, and the other way round', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  const registered = tsFiles(path.join(ROOT, 'client', 'src', 'commands')).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\bid: '([^']+)'/g)].map((m) => m[1])).sort();
  assert.deepEqual(registered, contributed);
  for (const entry of manifest.contributes.menus.commandPalette) assert.ok(contributed.includes(entry.command));
});

test('the manifest declares the language, grammar, schema, settings and restricted mode', () => {
  const c = manifest.contributes;
  assert.deepEqual(c.languages[0].extensions, ['.budget.yaml', '.budget.yml']);
  assert.ok(fs.existsSync(path.join(ROOT, c.languages[0].configuration)));
  assert.ok(fs.existsSync(path.join(ROOT, c.grammars[0].path)));
  assert.ok(fs.existsSync(path.join(ROOT, c.yamlValidation[0].url)));
  assert.deepEqual(Object.keys(c.configuration.properties).sort(), ['budget.codeTables', 'budget.codeYear', 'budget.locale', 'budget.reasonThreshold', 'budget.rules', 'budget.showUnverifiedClaims', 'budget.tolerance']);
  assert.equal(c.configuration.properties['budget.reasonThreshold'].default, 10);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['budget.codeTables']);
  assert.equal(manifest.main, './dist/client.js');
  assert.equal(manifest.bin['budget-language-server'], './bin/budget-language-server.js');
  assert.equal(manifest.devDependencies['@vscode/vsce'], '3.9.2');
  assert.equal(manifest.devDependencies['@vscode/test-electron'], '2.5.2');
  JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
});

/** The grammar's regexes use only what Oniguruma and JavaScript share, so they can be tried here. */
function grammarRegex(name: string, index = 0): RegExp {
  const grammar = readJson('syntaxes/budget-yaml.tmLanguage.json');
  const rule = grammar.repository[name];
  return new RegExp((rule.patterns ? rule.patterns[index] : rule).match, 'gu');
}

function matches(re: RegExp, text: string, group = 1): string[] {
  return [...text.matchAll(re)].map((m) => m[group]);
}

test('the grammar embeds YAML and highlights amounts, percentages and codes in the prose', () => {
  const grammar = readJson('syntaxes/budget-yaml.tmLanguage.json');
  assert.equal(grammar.scopeName, 'source.budget-yaml');
  assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
  assert.ok(Object.keys(grammar.injections).some((k) => k.includes('string.unquoted.block.yaml')));
  const prose = '机关 2022 年收入总计 529.20 万元，与 2021 年相比增加 203.20万元，增长 62.33%，下降3个百分点；共计“6,465.30元”。行政运行（2101501）支出 196.20 万元，210 15 01 同上；（301）工资福利支出；车辆 12 辆，编制 24 人。';
  assert.deepEqual(matches(grammarRegex('amount'), prose), ['529.20', '203.20', '6,465.30', '196.20']);
  assert.deepEqual(matches(grammarRegex('percentage'), prose), ['62.33', '3']);
  assert.deepEqual(matches(grammarRegex('code', 0), prose), ['2101501', '210 15 01']);
  assert.deepEqual(matches(grammarRegex('code', 1), prose), ['301']);
  assert.deepEqual(matches(grammarRegex('quoted-code'), '{ code: "210 15 01", name: 行政运行, unit: "036", x: "2022年" }'), ['210 15 01']);
});
