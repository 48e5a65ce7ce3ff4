import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSample, sampleFiles, seededRandom, service } from './helpers';
import * as path from 'path';
import type { ParsedDocument } from '../src/service/document';
import { plainTree } from '../src/service/yaml/nodes';

/** A small deterministic PRNG so that a failure can be replayed from its seed. */
const NASTY = ['NaN', 'Infinity', '-Infinity', '1e309', '9'.repeat(400), '0x1F', '""', "''", '~', '{', '[', ']', '}', '*a', '&a', '!!js/function "x"', '|', '>', '- -', ': :', '\u0000', '\uFEFF', '１２３．４５', '１，２３４'];

function mutate(text: string, random: (n: number) => number): string {
  const lines = text.split('\n');
  const at = random(Math.max(lines.length, 1));
  switch (random(9)) {
    case 0: lines.splice(at, 1 + random(5)); break;
    case 1: lines.splice(at, 0, ...lines.slice(random(lines.length), random(lines.length) + 3)); break;
    case 2: return text.slice(0, random(text.length + 1));
    case 3: lines[at] = (lines[at] ?? '').replace(/^ */, (s) => ' '.repeat(Math.max(0, s.length + random(7) - 3))); break;
    case 4: lines[at] = (lines[at] ?? '').replace(/\d+(\.\d+)?/, NASTY[random(NASTY.length)]); break;
    case 5: {
      const chars = [...text];
      for (let i = 0; i < 1 + random(8); i++) chars[random(chars.length)] = String.fromCharCode(random(0xffff));
      return chars.join('');
    }
    case 6: lines[at] = NASTY[random(NASTY.length)] + (lines[at] ?? ''); break;
    case 7: lines[at] = (lines[at] ?? '').replace(/: /, ':'); break;
    default: lines.splice(at, 0, (lines[at] ?? '') + (lines[at] ?? ''));
  }
  return lines.join('\n');
}

function exercise(text: string, previous?: ParsedDocument): ParsedDocument {
  const s = service();
  const parsed = s.parse(text, previous);
  const result = s.validate(parsed);
  assert.ok(Array.isArray(result.findings));
  assert.deepEqual(result.internalErrors, [], 'no bug of the checker on any input');
  for (const finding of result.findings) {
    assert.ok(finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end, `span out of range: ${JSON.stringify(finding)}`);
  }
  const document = TextDocument.create('file:///fuzz.budget.yaml', 'budget-yaml', 1, text);
  const offset = text.length ? text.length >> 1 : 0;
  s.complete(document, parsed, document.positionAt(offset));
  s.hover(document, parsed, document.positionAt(offset));
  s.symbols(document, parsed);
  s.folding(document, parsed);
  s.codeActions(document, parsed, { start: 0, end: text.length });
  assert.deepEqual(s.analyze(parsed).internalErrors, [], 'no bug in hovers, completion or actions either');
  return parsed;
}

test('thousands of mutated sample fragments: never throws, always answers', () => {
  const random = seededRandom(20261123);
  const sources = sampleFiles().map((f) => readSample(path.basename(f)));
  let runs = 0;
  for (let i = 0; i < 1500; i++) {
    const source = sources[i % sources.length];
    // A fragment of 1–6 KB keeps each run fast; the header keeps it a report.
    const start = random(source.length);
    const fragment = source.slice(0, 200) + source.slice(start, start + 500 + random(2500));
    let text = fragment;
    for (let k = 0; k <= random(4); k++) text = mutate(text, random);
    try {
      exercise(text);
    } catch (error) {
      assert.fail(`run ${i} threw on:\n${JSON.stringify(text.slice(0, 2000))}\n${(error as Error).stack}`);
    }
    runs++;
  }
  assert.equal(runs, 1500);
});

test('edit sequences through the incremental parser agree with a fresh parse', () => {
  const random = seededRandom(7);
  for (const file of sampleFiles().slice(0, 2)) {
    let text = readSample(path.basename(file));
    let previous = exercise(text);
    for (let i = 0; i < 20; i++) {
      text = mutate(text, random);
      previous = exercise(text, previous);
      const fresh = service().parse(text);
      assert.deepEqual(plainTree(previous.yaml.root), plainTree(fresh.yaml.root));
    }
  }
});

test('pathological inputs stay bounded', () => {
  const cases = [
    'tables:\n  expense:\n    rows:\n' + '      - { code: "2101501", total: 1.00 }\n'.repeat(20000),
    'a: [' + '1,'.repeat(100000) + '1]\n',
    'a: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n',
    ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n'),
    'department: ' + 'x'.repeat(2_000_000) + '\n',
    'tables:\n  three_public: { total: ' + '9'.repeat(100000) + ' }\n',
  ];
  for (const text of cases) {
    const started = Date.now();
    exercise(text);
    assert.ok(Date.now() - started < 20000, `took ${Date.now() - started} ms on a ${text.length}-character input`);
  }
});
