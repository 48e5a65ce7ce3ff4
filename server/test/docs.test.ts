import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';
import { ruleIds } from '../src/service/rules/registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require(path.join(ROOT, 'scripts', 'generate-docs.js')) as { generate(text: string): string };

test('the README lists every rule id and every format key (run `npm run docs` to update)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.equal(generate(readme), readme);
  for (const id of ruleIds()) assert.ok(readme.includes('`' + id + '`'), id);
});
