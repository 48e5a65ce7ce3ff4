import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ZH_CN, messagesFor, t, withMessages } from '../src/service/i18n/l10n';
import { ROOT } from './helpers';

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) files.push(full);
  }
  return files;
}

/** Every string literal passed as the first argument of t(…) in the service and the CLI. */
function messageKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sourceFiles(path.join(ROOT, 'server', 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments.length > 0) {
        const first = node.arguments[0];
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) keys.set(first.text, path.relative(ROOT, file));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

test('every message of the service has a Chinese translation', () => {
  const missing = [...messageKeys()].filter(([key]) => !(key in ZH_CN)).map(([key, file]) => `${file}: ${key}`);
  assert.deepEqual(missing, []);
});

test('Chinese translations keep the placeholders of their message', () => {
  const wrong = Object.entries(ZH_CN).filter(([key, value]) => {
    const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    return placeholders(key) !== placeholders(value);
  });
  assert.deepEqual(wrong, []);
});

test('messages are per locale, and t speaks the locale of the innermost scope', () => {
  assert.equal(messagesFor('en').t('blank'), 'blank');
  assert.equal(messagesFor('zh-cn').t('blank'), ZH_CN['blank']);
  assert.notEqual(ZH_CN['blank'], 'blank');
  assert.equal(messagesFor('en-US').locale, 'en');
  assert.equal(messagesFor(undefined).locale, 'zh-cn');
  const inner = withMessages(messagesFor('en'), () => [t('blank'), withMessages(messagesFor('zh-cn'), () => t('blank')), t('blank')]);
  assert.deepEqual(inner, ['blank', ZH_CN['blank'], 'blank']);
  assert.equal(t('blank'), ZH_CN['blank'], 'outside every scope: the front end default (Chinese)');
  assert.equal(messagesFor('zh-cn').t('{0} of {1}', 'a', 2), '{0} of {1}'.replace('{0}', 'a').replace('{1}', '2'));
});
