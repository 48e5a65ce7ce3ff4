import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { compileTemplate, TemplateCompileError } from '../../src/service/narrative/compileTemplate';
import { COMMON, TEMPLATE_SOURCES, templateIds, templateProblems } from '../../src/service/narrative/templateRegistry';
import type { NarrativeTemplate } from '../../src/service/narrative/templateTypes';

/**
 * Templates are checked when loaded: every placeholder, condition, figure, list, phrase and
 * kept-clause kind a template names must exist. This test compiles every file of
 * data/templates/ (common.json holds what they share) and shows what a mistake gives.
 */
const DIR = path.join(ROOT, 'data', 'templates');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'common.json').sort();

for (const file of files) {
  test(`template ${file} compiles without a problem and is bundled`, () => {
    const source = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as NarrativeTemplate;
    const compiled = compileTemplate(source, COMMON);
    assert.equal(compiled.id, file.replace(/\.json$/, ''), 'the id is the file name');
    assert.ok(templateIds().includes(compiled.id), `${compiled.id} is not registered in templateRegistry.ts`);
  });
}

test('every bundled template compiled when loaded', () => {
  assert.deepEqual([...templateProblems()], []);
  assert.equal(TEMPLATE_SOURCES.length, files.length);
});

function problemsOf(change: (template: Record<string, unknown>) => void): string[] {
  const source = JSON.parse(fs.readFileSync(path.join(DIR, 'henan-jiyuan.json'), 'utf8'));
  change(source);
  try {
    compileTemplate(source, COMMON);
  } catch (error) {
    assert.ok(error instanceof TemplateCompileError);
    return [...error.problems];
  }
  return [];
}

type Sections = Array<{ topic: string; paragraphs: unknown[] }>;
const overview = (t: Record<string, unknown>) => (t.sections as Sections).find((s) => s.topic === 'overview')!;

test('an unknown placeholder is an error, never text of a report', () => {
  const problems = problemsOf((t) => { overview(t).paragraphs = ['{subject}{year}年收入总计{a:income_total}万元，{foo}。']; });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /sections\[0\] \(overview\)\.paragraphs\[0\]\.text: \{foo\}: unknown placeholder/);
});

test('an unknown figure, condition, list, phrase or kept clause is an error', () => {
  const problems = problemsOf((t) => {
    overview(t).paragraphs = [
      '{a:no_such_figure}万元，{chg:income_total:noPhrase}{keep:noKeep}{name}',
      { text: '{a:income_total}万元', when: 'nonzero:income_total,sometimes:income_total' },
      { text: 'x', when: 'nonzero:no_such_figure' },
      { list: 'noSuchList', item: '{name}', join: '；', end: '。' },
      [{ text: '{year}', unknown: true }],
    ];
  });
  const all = problems.join('\n');
  for (const expected of [/unknown figure no_such_figure/, /unknown phrase noPhrase/, /unknown kept clause noKeep/, /unknown condition sometimes:income_total/, /unknown figure no_such_figure in nonzero:no_such_figure/, /unknown list noSuchList/, /\{name\}: stands only in a list item/, /unknown key unknown/]) {
    assert.match(all, expected);
  }
});

test('a figure printed in another unit than the text, a typo of a brace, a figure of an unknown table', () => {
  const problems = problemsOf((t) => {
    overview(t).paragraphs = ['{a:income_total}元，{year年'];
    (t as { figures?: unknown }).figures = { broken: { path: 'no_table.total.total' } };
  });
  const all = problems.join('\n');
  assert.match(all, /the amount is printed in 元 but the text unit is 万元/);
  assert.match(all, /unmatched brace/);
  assert.match(all, /figures\.broken: unknown table in path no_table\.total\.total/);
});
