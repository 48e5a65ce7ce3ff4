import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample, service } from '../helpers';

type Result = ReturnType<ReturnType<typeof service>['validate']>;

function shown(result: Result): unknown {
  return {
    findings: result.findings.map((f) => ({ rule: f.rule, start: f.span.start, end: f.span.end, severity: f.severity, message: f.message, edits: f.data?.fixes?.map((x) => x.edits.map((e) => [e.span.start, e.span.end, e.newText])) })),
    inQuestion: (result.inQuestion ?? []).map((cell) => cell.span.start),
    ledger: result.ledger.map((e) => [e.rule, e.outcome, e.checks, e.findings]),
  };
}

test('results kept per block of rows (table texts, relations) equal a fresh check after edits anywhere in a long table', () => {
  // A table of more than 200 rows: several blocks of 64, edits inside a block, rows that move
  // across block boundaries, and a return to an earlier text whose blocks were kept.
  const s = service();
  const lines = readSample('003-jiyuan-2024.budget.yaml').split('\n');
  const at = lines.findIndex((l) => /^\s+- \{ code: "\d+", name: [^,]+, .*total: /.test(l));
  assert.ok(at > 0);
  const copies = Array.from({ length: 220 }, (_, i) => lines[at].replace(/name: ([^,]+)/, `name: $1${i}`));
  const long = [...lines.slice(0, at + 1), ...copies, ...lines.slice(at + 1)];
  const edits: Array<(l: string[]) => void> = [
    (l) => { l[at + 100] = l[at + 100].replace(/name: /, 'name: XX的的'); }, // residue in a row of the second block
    (l) => { l.splice(at + 10, 1); }, // a deleted row: every later row moves to another block position
    (l) => { l.splice(at + 70, 0, l[at + 70]); }, // a row twice
    (l) => { l[at + 150] = l[at + 150].replace(/total: "?([\d,]+)\.(\d)/, (m, a: string, b: string) => m.replace(`${a}.${b}`, `${a}.${(Number(b) + 3) % 10}`)); }, // a figure
    (l) => { l.splice(3, 0, '# 注释'); }, // everything below moves
    (l) => { l[at + 100] = l[at + 100].replace('XX的的', ''); }, // the residue removed again
    (l) => { l.splice(0, l.length, ...long); }, // back to the first text
  ];
  let text = long.join('\n');
  let previous = s.parse(text);
  assert.deepEqual(shown(s.validate(previous)), shown(s.validate(s.parse(text))));
  const current = [...long];
  edits.forEach((edit, i) => {
    edit(current);
    text = current.join('\n');
    const incremental = s.parse(text, previous);
    const result = s.validate(incremental);
    assert.deepEqual(result.internalErrors, [], `edit ${i}: internal error`);
    assert.deepEqual(shown(result), shown(s.validate(s.parse(text))), `edit ${i}`);
    previous = incremental;
  });
});
