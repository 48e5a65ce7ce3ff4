import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sampleFiles, service } from './helpers';
import { generateAll } from '../src/service/narrative/generate';
import { applyEdits } from '../src/service/narrative/blockEdit';
import type { OffsetEdit } from '../src/service/findings';

/** Every comment of a YAML text (a `#` after a space or at a line start, outside quotes is enough for the samples). */
function comments(text: string): string[] {
  return text.split('\n').map((line) => line.match(/(?:^|\s)(#.*)$/)?.[1]).filter((c): c is string => c !== undefined);
}

/**
 * The bytes outside the edits, in order: what an edit must never touch. Comparing these pieces
 * of the original with the same pieces of the edited text (located by the edits' new lengths)
 * proves that nothing but the targets changed.
 */
function assertOnlyTargetsChanged(before: string, edits: readonly OffsetEdit[], after: string, what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let from = 0;
  let shift = 0;
  for (const edit of sorted) {
    assert.equal(after.slice(from + shift, edit.span.start + shift), before.slice(from, edit.span.start), `${what}: bytes before ${edit.span.start} changed`);
    shift += edit.newText.length - (edit.span.end - edit.span.start);
    from = edit.span.end;
  }
  assert.equal(after.slice(from + shift), before.slice(from), `${what}: bytes after the last edit changed`);
}

test('every quick fix on every sample replaces only its finding\'s cell or number, and the finding goes away', () => {
  const s = service();
  let fixes = 0;
  for (const file of sampleFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const findings = s.validate(s.parse(text)).findings;
    for (const finding of findings) {
      for (const fix of finding.data?.fixes ?? []) {
        fixes++;
        const what = `${name} ${finding.rule} at ${finding.span.start}: ${fix.title}`;
        for (const edit of fix.edits) {
          // Saying what an unknown label means adds one key right after the label (a new line
          // in a block mapping): an insertion, nothing replaced.
          if (finding.rule.startsWith('label/') && edit.span.start === edit.span.end && edit.span.start === finding.span.end && /^(?:, |\n +)[a-z_]+: "?[\w-]+"?$/.test(edit.newText)) continue;
          // Publishing a missing table inserts the empty table (whole lines, in the order of the
          // format) into `tables:`: an insertion, nothing replaced.
          if (finding.rule === 'review/missing-table' && edit.span.start === edit.span.end && /^\n*( +)[a-z_]+:\n(\1  .*\n?)+\n?$/.test(edit.newText)) continue;
          // The edit stays on the finding's lines and never adds or removes a line.
          const lineStart = text.lastIndexOf('\n', finding.span.start - 1) + 1;
          const lineEnd = text.indexOf('\n', finding.span.end) === -1 ? text.length : text.indexOf('\n', finding.span.end);
          assert.ok(edit.span.start >= lineStart && edit.span.end <= lineEnd, `${what}: the edit leaves the finding's line`);
          assert.ok(!edit.newText.includes('\n') && !text.slice(edit.span.start, edit.span.end).includes('\n'), `${what}: the edit changes lines`);
        }
        const after = applyEdits(text, fix.edits);
        assertOnlyTargetsChanged(text, fix.edits, after, what);
        assert.deepEqual(comments(after), comments(text), `${what}: comments changed`);
        // The finding the fix was for is gone: nothing of its rule starts where it started.
        const shift = (offset: number) => offset + fix.edits.filter((e) => e.span.end <= offset).reduce((sum, e) => sum + e.newText.length - (e.span.end - e.span.start), 0);
        const again = s.validate(s.parse(after)).findings;
        assert.ok(!again.some((f) => f.rule === finding.rule && f.span.start === shift(finding.span.start) && f.message === finding.message), `${what}: still reported`);
      }
    }
  }
  assert.ok(fixes >= 20, `the samples' slips offer quick fixes (${fixes})`);
});

test('"fix all of this kind" on every sample changes only the fixed cells', () => {
  const s = service();
  for (const file of sampleFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const document = TextDocument.create('file:///' + path.basename(file), 'budget-yaml', 1, text);
    const parsed = s.parse(text);
    const findings = s.validate(parsed).findings;
    for (const rule of new Set(findings.filter((f) => f.data?.fixes?.length).map((f) => f.rule))) {
      const first = findings.find((f) => f.rule === rule && f.data?.fixes?.length)!;
      const all = s.codeActions(document, parsed, first.span).find((a) => a.title.includes(rule));
      if (!all) continue;
      const textEdits = all.edit!.changes![document.uri];
      const after = TextDocument.applyEdits(document, textEdits);
      const edits = textEdits.map((e) => ({ span: { start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end) }, newText: e.newText }));
      assertOnlyTargetsChanged(text, edits, after, `${path.basename(file)} ${rule} (fix all)`);
      assert.deepEqual(comments(after), comments(text));
    }
  }
});

test('generated text on every sample replaces only the text blocks of the generated sections', () => {
  const s = service();
  let sections = 0;
  for (const file of sampleFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const parsed = s.parse(text);
    const generations = generateAll(parsed, s.codeTables).filter((g) => g.changed);
    const edits = generations.map((g) => g.edit);
    sections += edits.length;
    for (const g of generations) {
      // The edit lies inside the section's `text:` block: the lines it replaces are all
      // indented block content, never a key, a title or a comment.
      const replaced = text.slice(g.edit.span.start, g.edit.span.end);
      assert.ok(!/^\s*(#|- title:|title:|text:)/m.test(replaced), `${path.basename(file)} ${g.title}: the edit covers more than the text block`);
    }
    const after = applyEdits(text, edits);
    assertOnlyTargetsChanged(text, edits, after, path.basename(file));
    assert.deepEqual(comments(after), comments(text), `${path.basename(file)}: comments changed`);
    // The generated document is still a report of the same shape.
    assert.deepEqual([...s.parse(after).report.tables.keys()], [...parsed.report.tables.keys()]);
    assert.equal(s.parse(after).report.narrative.length, parsed.report.narrative.length);
  }
  assert.ok(sections >= 20, `sections regenerated on the samples (${sections})`);
});
