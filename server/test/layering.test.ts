import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { builtinModules } from 'module';

/**
 * The layers of server/src (README, Architecture) and which way they may depend: service/ is
 * the pure language service, publish/ imports and exports reports on top of it (publish/node/
 * does the I/O), node/ holds the Node-only parts and the LSP layer, commands/ and cli.ts are
 * budget-check, server.ts wires the LSP. Each import of every source file is checked here, so
 * a new crossing fails this test instead of waiting for a review.
 */
const SRC = path.resolve(__dirname, '..', '..', '..', 'server', 'src');

interface Import {
  /** The importing file, relative to server/src with forward slashes. */
  readonly from: string;
  /** A project module relative to server/src (no extension), or the package / built-in name. */
  readonly target: string;
  readonly local: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const SPECIFIER = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const from = path.relative(SRC, file).split(path.sep).join('/');
  const result: Import[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier.startsWith('.')) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
      result.push({ from, target, local: true });
    } else result.push({ from, target: specifier, local: false });
  }
  return result;
}

const IMPORTS: readonly Import[] = sourceFiles(SRC).flatMap(importsOf);

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (i: Import) => !i.local && (NODE_BUILTINS.has(i.target) || NODE_BUILTINS.has(i.target.split('/')[0]));
/** A project module inside folder `dir` (or the module `dir` itself, e.g. `cli`). */
const inside = (target: string, dir: string) => target === dir || target.startsWith(dir + '/');
const local = (i: Import, ...dirs: string[]) => i.local && dirs.some((d) => inside(i.target, d));

function crossings(rule: (i: Import) => boolean, files: (from: string) => boolean): string[] {
  return IMPORTS.filter((i) => files(i.from) && rule(i)).map((i) => `${i.from} → ${i.target}`);
}

test('the layering test sees the imports (static, type-only, dynamic)', () => {
  assert.ok(IMPORTS.length > 500, `${IMPORTS.length} imports`);
  assert.ok(IMPORTS.some((i) => i.from === 'node/lsp/serviceCache.ts' && local(i, 'service/budgetService')));
  assert.ok(IMPORTS.some((i) => i.from.startsWith('node/lsp/') && local(i, 'publish/node/workbooks')), 'dynamic import() is seen');
});

test('service/ is pure: no Node built-ins, no node/, publish/, commands/, cli, server, no LSP server package', () => {
  assert.deepEqual(crossings((i) => local(i, 'node', 'publish', 'commands', 'cli', 'server') || isBuiltin(i) || (!i.local && inside(i.target, 'vscode-languageserver')), (f) => f.startsWith('service/')), []);
});

test('the YAML layer imports nothing of the report (model, rules, prose, …): only itself and the messages', () => {
  assert.deepEqual(crossings((i) => i.local && !local(i, 'service/yaml', 'service/i18n'), (f) => f.startsWith('service/yaml/')), []);
});

test('the YAML layer names no report key: which keys are split into chunks comes from the document layer', () => {
  const found: string[] = [];
  for (const file of sourceFiles(path.join(SRC, 'service', 'yaml'))) {
    const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const m of code.matchAll(/['"`](tables|rows|narrative|catalog)['"`]/g)) found.push(`${path.basename(file)}: ${m[0]}`);
  }
  assert.deepEqual(found, []);
});

test('editor features (hover, completion, symbols, navigation, actions) read no rule modules', () => {
  const features = ['service/hover/', 'service/completion/', 'service/symbols/', 'service/navigation/', 'service/actions/'];
  assert.deepEqual(crossings((i) => local(i, 'service/rules'), (f) => features.some((d) => f.startsWith(d))), []);
});

test('publish/ depends on service APIs, not rule modules, and not on the CLI, node/ or the server', () => {
  assert.deepEqual(crossings((i) => local(i, 'service/rules', 'commands', 'cli', 'server', 'node'), (f) => f.startsWith('publish/')), []);
});

test('publish/ does no I/O outside publish/node/', () => {
  assert.deepEqual(crossings(isBuiltin, (f) => f.startsWith('publish/') && !f.startsWith('publish/node/')), []);
});

test('node/ (the LSP layer included) imports no CLI code', () => {
  assert.deepEqual(crossings((i) => local(i, 'commands', 'cli', 'server'), (f) => f.startsWith('node/')), []);
});

test('the subcommands (commands/) import neither cli.ts nor the server: what the check command and review share is in commands/checkFile.ts', () => {
  assert.deepEqual(crossings((i) => local(i, 'cli', 'server'), (f) => f.startsWith('commands/')), []);
});

/**
 * Rule modules outside the service, allowed one by one, with the reason. What the front ends read
 * of the rules has a home outside rules/: ids and titles in service/ruleCatalog.ts, the result
 * types in service/checkResults.ts, the messages of a file that cannot be read in
 * service/yaml/problemMessages.ts.
 */
const RULE_MODULES_OUTSIDE_THE_SERVICE: ReadonlyMap<string, string> = new Map([
  // Only the command line reads a file's bytes: one not UTF-8 is answered by the gate that answers
  // such a text before any rule runs in the service too (rules/inputGates.ts, named for both).
  ['service/rules/inputGates', 'the gate of a file whose bytes are not UTF-8 (commands/checkFile.ts)'],
]);

test('node/, commands/, cli.ts and server.ts import no rule module (service/rules/) beyond the ones allowed by name', () => {
  const outside = (f: string) => f.startsWith('node/') || f.startsWith('commands/') || f === 'cli.ts' || f === 'server.ts';
  assert.deepEqual(crossings((i) => local(i, 'service/rules') && !RULE_MODULES_OUTSIDE_THE_SERVICE.has(i.target), outside), []);
});
