import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';
import { ruleIds } from '../src/service/rules/registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, generateFormat } = require(path.join(ROOT, 'scripts', 'generate-docs.js')) as { generate(text: string): string; generateFormat(text: string): string };

test('the README lists every rule id and every format key (run `npm run docs` to update)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.equal(generate(readme), readme);
  for (const id of ruleIds()) assert.ok(readme.includes('`' + id + '`'), id);
});

test('docs/format.md lists every section topic id the checker knows (run `npm run docs` to update)', () => {
  const format = fs.readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8');
  assert.equal(generateFormat(format), format);
  assert.match(format, /\| `overview` \| 收支总体情况 \|/);
});
