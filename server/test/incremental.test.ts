import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_LIMITS, parseWhole } from '../src/service/yaml/parseYaml';
import { parseYaml as parseWithSplits, ChunkCache } from '../src/service/yaml/incremental';
import { REPORT_CHUNK_SPLITS, REPORT_PARSE } from '../src/service/document';
import { planChunks } from '../src/service/yaml/chunks';
import { plainTree } from '../src/service/yaml/nodes';
import { readSample, sampleFiles, seededRandom, service } from './helpers';
import * as fs from 'fs';
import * as path from 'path';

/** A report's text parsed chunk by chunk at the report's split points (the document layer's). */
const parseYaml = (text: string, _limits?: undefined, previous?: ChunkCache) => parseWithSplits(text, REPORT_PARSE, previous);

function same(text: string, label: string): void {
  const whole = parseWhole(text);
  const chunked = parseYaml(text);
  assert.deepEqual(plainTree(chunked.root), plainTree(whole.root), `${label}: trees differ`);
  assert.deepEqual(chunked.problems.map((p) => p.kind), whole.problems.map((p) => p.kind), `${label}: problems differ`);
}

test('chunked parsing gives the whole-text tree on every sample', () => {
  for (const file of sampleFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const chunked = parseYaml(text);
    assert.ok(chunked.totalChunks > 20, `${path.basename(file)} should be split (${chunked.totalChunks} chunks)`);
    same(text, path.basename(file));
  }
  same(readSample('teaching/clean.budget.yaml'), 'clean');
});

test('chunked parsing gives the whole-text tree on edited texts', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  const lines = text.split('\n');
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (let i = 0; i < 60; i++) {
    const copy = [...lines];
    const at = random(copy.length);
    switch (i % 4) {
      case 0: copy.splice(at, 1); break;
      case 1: copy.splice(at, 0, copy[random(copy.length)]); break;
      case 2: copy[at] = copy[at].replace(/\d/, '7'); break;
      default: copy[at] = '  ' + copy[at];
    }
    const edited = copy.join('\n');
    const whole = parseWhole(edited);
    if (whole.problems.length > 0) continue;
    same(edited, `edit ${i} at line ${at + 1}`);
  }
});

test('an edit re-parses only the chunk it touches', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  const first = service().parse(text);
  const at = text.indexOf('1,024.80');
  const edited = text.slice(0, at) + '1,024.90' + text.slice(at + '1,024.80'.length);
  const second = service().parse(edited, first);
  assert.equal(second.yaml.parsedChunks, 1);
  assert.ok(second.yaml.totalChunks > 100);
  assert.deepEqual(plainTree(second.yaml.root), plainTree(parseWhole(edited).root));
});

test('texts the chunker cannot split safely are parsed whole', () => {
  for (const text of ['a: &x 1\nb: *x\n', '---\na: 1\n', '\ta: 1\n', '  indented: 1\n', '- 1\n- 2\n']) {
    assert.equal(parseYaml(text).totalChunks, 1, text);
  }
});

test('the YAML layer splits only where its caller says: no report key is built in', () => {
  const text = 'items:\n  - a: 1\n  - a: 2\ngroups:\n  g1:\n    name: x\n    lines:\n      - 1\n      - 2\n  g2:\n    lines:\n      - 3\nnarrative:\n  - s: 1\n  - s: 2\n';
  // Without split points only the top-level keys are chunks; `narrative` means nothing here.
  assert.equal(parseWithSplits(text).totalChunks, 3);
  const split = parseWithSplits(text, { ...DEFAULT_LIMITS, splits: { sequences: ['items'], mappings: { groups: 'lines' } } });
  // items: head + 2 items; groups: head, g1 (head + 2 items), g2 (head + 1 item); narrative: whole.
  assert.equal(split.totalChunks, 10);
  assert.deepEqual(plainTree(split.root), plainTree(parseWhole(text).root));
});

/** Findings as plain values: what an editor shows (rule, range, severity, message, fix edits). */
function shown(result: ReturnType<ReturnType<typeof service>['validate']>): unknown[] {
  return result.findings.map((f) => ({ rule: f.rule, start: f.span.start, end: f.span.end, severity: f.severity, message: f.message, edits: f.data?.fixes?.map((x) => x.edits.map((e) => [e.span.start, e.span.end, e.newText])) }));
}

test('after every edit of a sequence, validation of the incremental parse equals validation of a fresh parse', () => {
  // Results kept per row node and replayed (rules/memo.ts, row models, cell texts) must be
  // exactly what a fresh check computes: same findings, same ranges, same fixes.
  const s = service();
  const random = seededRandom(11);
  for (const file of sampleFiles()) {
    let text = fs.readFileSync(file, 'utf8');
    let previous = s.parse(text);
    s.validate(previous);
    for (let i = 0; i < 24; i++) {
      const lines = text.split('\n');
      const at = random(lines.length);
      switch (i % 6) {
        case 0: lines[at] = lines[at].replace(/\d(?=[\d.]*\s*[,}]?$|[\d.]*,)/, String(random(10))); break; // a figure
        case 1: lines.splice(at, 0, lines[random(lines.length)]); break; // a duplicated line (a row twice)
        case 2: lines.splice(at, 1); break; // a deleted line
        case 3: lines[at] = lines[at].replace(/万元/, '元'); break; // a unit in prose
        case 4: lines.splice(random(lines.length), 0, '# 注释'); break; // a comment moving everything below
        default: lines[at] = lines[at] + ' XX'; // residue
      }
      text = lines.join('\n');
      const incremental = s.parse(text, previous);
      const result = s.validate(incremental);
      assert.deepEqual(result.internalErrors, [], `${path.basename(file)}, edit ${i}: internal error`);
      assert.deepEqual(shown(result), shown(s.validate(s.parse(text))), `${path.basename(file)}, edit ${i} at line ${at + 1}`);
      previous = incremental;
    }
  }
});

test('every version keeps its own offsets: v1 read after v2 was parsed from it', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  const svc = service();
  const v1 = svc.parse(text);
  const tree1 = plainTree(v1.yaml.root);
  const found1 = shown(svc.validate(v1));
  const narrative1 = v1.report.narrative[0].span.start;
  const claim1 = svc.analyze(v1).prose().claims[0].span;
  // Two characters typed on the first line: every later chunk is reused 2 characters further on.
  const at = text.indexOf('\n');
  const edited = text.slice(0, at) + '  ' + text.slice(at);
  const v2 = svc.parse(edited, v1);
  assert.ok(v2.yaml.parsedChunks < v2.yaml.totalChunks / 10, 'the chunks after the edit are reused, not parsed');
  assert.equal(v2.report.narrative[0].span.start, narrative1 + 2);
  // v1 asked again through its analysis has v1's findings and claims.
  assert.deepEqual(shown(svc.validate(v1)), found1, 'v1 findings keep v1 ranges after v2');
  assert.equal(svc.analyze(v1).claimAt(claim1.start)?.span.start, claim1.start);
  // Its nodes and model, once placed, have v1's offsets.
  v1.yaml.place();
  assert.deepEqual(plainTree(v1.yaml.root), tree1);
  assert.equal(v1.report.narrative[0].span.start, narrative1);
  // And v2 has its own: the whole-text tree and the findings of a fresh parse.
  const fresh = service();
  assert.deepEqual(shown(svc.validate(v2)), shown(fresh.validate(fresh.parse(edited))));
  assert.deepEqual(plainTree(v2.yaml.root), plainTree(parseWhole(edited).root));
  assert.equal(svc.analyze(v2).claimAt(claim1.start + 2)?.span.start, claim1.start + 2);
  assert.deepEqual(shown(svc.validate(v1)), found1, 'switching back and forth');
});

test('a version parsed from the previous one is the whole-text tree, whatever the edit (lines copied, moved, deleted)', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  let seed = 11;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  let previous = parseYaml(text);
  let current = text;
  for (let i = 0; i < 80; i++) {
    const lines = current.split('\n');
    const at = random(lines.length);
    switch (i % 5) {
      case 0: lines.splice(at, 0, lines[random(lines.length)]); break; // a copied line (same text twice)
      case 1: lines.splice(at, 1); break;
      case 2: { const [moved] = lines.splice(at, 1); lines.splice(random(lines.length), 0, moved); break; }
      case 3: lines[at] = lines[at].replace(/\d/, '5'); break;
      default: lines.splice(at, 0, lines[at]); // the line doubled in place: prefix and suffix overlap
    }
    const edited = lines.join('\n');
    const whole = parseWhole(edited);
    if (whole.problems.length > 0) continue;
    const next = parseYaml(edited, undefined, previous.cache);
    assert.deepEqual(plainTree(next.root), plainTree(whole.root), `edit ${i} at line ${at + 1}`);
    assert.ok(next.parsedChunks <= 3, `edit ${i}: ${next.parsedChunks} chunks parsed again`);
    previous = next;
    current = edited;
  }
});

/**
 * The version parsed from `previous` is the tree and problems of a fresh parse (the whole-text
 * tree when YAML reads the text without a problem), and its plan is the plan of its text made
 * anew; says whether the previous plan was kept (moved) rather than made anew.
 */
function parsedLikeWhole(edited: string, previous: ReturnType<typeof parseYaml>, label: string, compareWhole = true): { next: ReturnType<typeof parseYaml>; kept: boolean } {
  const next = parseYaml(edited, undefined, previous.cache);
  const fresh = parseYaml(edited);
  next.place();
  assert.deepEqual(plainTree(next.root), plainTree(fresh.root), `${label}: trees differ from a fresh parse`);
  assert.deepEqual(next.problems, fresh.problems, `${label}: problems differ from a fresh parse`);
  // The chunked parse is the whole-text parse on texts that YAML reads without a problem.
  const whole = compareWhole ? parseWhole(edited) : undefined;
  if (whole && whole.problems.length === 0) assert.deepEqual(plainTree(next.root), plainTree(whole.root), `${label}: trees differ from the whole-text parse`);
  assert.deepEqual(next.cache.plan, planChunks(edited, REPORT_CHUNK_SPLITS), `${label}: plans differ`);
  const kept = next.cache.plan !== undefined && next.cache.plan.entries === previous.cache.plan?.entries;
  return { next, kept };
}

test('an edit inside a line keeps the plan only while the planner reads the line the same', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  const first = parseYaml(text);
  const rowAt = text.indexOf('\n      - {') + 1;
  const rowIndent = rowAt + 6;
  const keyLine = text.indexOf('\n    rows:') + 1;
  const top = text.indexOf('\nnarrative:') + 1;
  const edits: Array<[string, number, number, string, boolean]> = [
    // [label, from, to, new text, whether the plan is kept]
    ['a digit of a cell', text.indexOf('1,024.80'), text.indexOf('1,024.80') + 1, '2', true],
    ['a character typed in a row', rowAt + 12, rowAt + 12, '新', true],
    ['a word typed in the first comment', text.indexOf('\n'), text.indexOf('\n'), ' 注', true],
    ['a space inside a row', rowAt + 9, rowAt + 9, ' ', true],
    ['a space before a row: its indentation changes', rowAt, rowAt, ' ', false],
    ['the item dash removed', rowIndent, rowIndent + 1, ' ', false],
    ['`- ` typed at the start of a key line', keyLine + 4, keyLine + 4, '- ', false],
    ['a key appears at a row', rowIndent, rowIndent + 1, 'k:', false],
    ['the rows key renamed', keyLine + 4, keyLine + 8, 'lines', false],
    ['a value typed after the rows key', keyLine + 9, keyLine + 9, ' []', false],
    ['a comment after the rows key', keyLine + 9, keyLine + 9, ' # 行', true],
    ['a row commented out', rowIndent, rowIndent, '#', false],
    ['an anchor typed in a row', rowAt + 9, rowAt + 9, '&a ', false],
    ['an alias typed in a row', rowAt + 9, rowAt + 9, '*a, ', false],
    ['an anchor typed in a comment', text.indexOf('\n'), text.indexOf('\n'), ' &a', false],
    ['a tag typed', rowAt + 9, rowAt + 9, '!x ', false],
    ['a tab typed at a line start', rowAt, rowAt, '\t', false],
    ['the item dash made a complex key mark', rowIndent, rowIndent + 1, '?', false],
    ['a document marker typed', top, top, '---', false],
    ['a top-level key renamed', top, top + 'narrative'.length, 'narratives', false],
    ['a top-level key made a comment', top, top, '#', false],
    ['a line break typed in a row', rowAt + 9, rowAt + 9, '\n', false],
  ];
  for (const [label, from, to, insert, kept] of edits) {
    const edited = text.slice(0, from) + insert + text.slice(to);
    const result = parsedLikeWhole(edited, first, label);
    assert.equal(result.kept, kept, `${label}: plan ${kept ? 'not ' : ''}kept`);
    if (kept) assert.ok(result.next.parsedChunks <= 1, `${label}: ${result.next.parsedChunks} chunks parsed`);
  }
});

test('one-character edits anywhere, each from the previous version: the tree, problems and plan of a fresh parse', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  const random = seededRandom(16);
  const alphabet = [' ', ' ', '-', ':', '#', '&', '*', '!', '?', '\t', 'a', 'k', '1', '"', "'", '{', '}', '[', ']', ',', '|', '>', '\r', '%', '.', '万'];
  let previous = parseYaml(text);
  let current = text;
  let keptCount = 0;
  let cursor = 0;
  for (let i = 0; i < 200; i++) {
    // Mostly near the edit before (typing goes on in one place), now and then anywhere.
    cursor = i % 8 === 0 ? random(current.length + 1) : Math.max(0, Math.min(current.length, cursor + random(21) - 10));
    const at = cursor;
    const ch = alphabet[random(alphabet.length)];
    let edited: string;
    switch (random(3)) {
      case 0: edited = current.slice(0, at) + ch + current.slice(at); break;
      case 1: edited = current.slice(0, at) + current.slice(at + 1); break;
      default: edited = current.slice(0, at) + ch + current.slice(at + 1);
    }
    const { next, kept } = parsedLikeWhole(edited, previous, `edit ${i} at ${at} (${JSON.stringify(ch)})`, false);
    if (kept) keptCount++;
    previous = next;
    current = edited;
    // Back to the sample now and then, so that the edits do not pile up into a text that cannot be split.
    if (i % 10 === 9) {
      previous = parsedLikeWhole(text, previous, `back to the sample after edit ${i}`, false).next;
      current = text;
    }
  }
  assert.ok(keptCount > 50, `the plan was kept ${keptCount} times`);
});

test('a version whose plan was moved keeps its own offsets: v1 read after v2 and v3 were parsed from it', () => {
  const text = readSample('003-jiyuan-2024.budget.yaml');
  const v1 = parseYaml(text);
  const tree1 = plainTree(v1.root);
  // A character typed in a row of the first table: every chunk after it moves by one.
  const at = text.indexOf('\n      - {') + 12;
  const edited2 = text.slice(0, at) + '新' + text.slice(at);
  const v2 = parseYaml(edited2, undefined, v1.cache);
  assert.equal(v2.cache.plan?.entries, v1.cache.plan?.entries, 'the plan is kept');
  assert.deepEqual(plainTree(v2.root), plainTree(parseWhole(edited2).root));
  // v3 parsed from v1 again (a late edit of an older version): a character deleted instead.
  const edited3 = text.slice(0, at) + text.slice(at + 1);
  const v3 = parseYaml(edited3, undefined, v1.cache);
  assert.deepEqual(plainTree(v3.root), plainTree(parseWhole(edited3).root));
  v1.place();
  assert.deepEqual(plainTree(v1.root), tree1);
  v2.place();
  assert.deepEqual(plainTree(v2.root), plainTree(parseWhole(edited2).root));
  v3.place();
  assert.deepEqual(plainTree(v3.root), plainTree(parseWhole(edited3).root));
  v1.place();
  assert.deepEqual(plainTree(v1.root), tree1);
});
