import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { goldenFindings, GoldenFinding } from './goldenFindings';
import { SAMPLES } from './helpers';

interface ExpectedFinding extends GoldenFinding {
  /** slip: a real slip of the published report; note: information that is true (e.g. 尾数误差). */
  readonly verdict: 'slip' | 'note' | 'false-alarm' | 'unreviewed';
  readonly why: string;
}

interface Expected {
  readonly sample: string;
  readonly claims: { total: number; verified: number; mismatched: number; unverified: number };
  readonly findings: readonly ExpectedFinding[];
  /** Real slips of the seed that no finding reports (they count against recall). */
  readonly missed: ReadonlyArray<{ readonly what: string; readonly why: string }>;
}

const key = (f: GoldenFinding) => `${f.rule} ${f.line}:${f.column} ${JSON.stringify(f.text)} ${f.message}`;

const actual = goldenFindings();
let truePositives = 0;
let falsePositives = 0;
let missed = 0;

for (const sample of actual) {
  test(`golden: ${sample.sample}`, () => {
    const file = path.join(SAMPLES, 'expected', sample.sample.replace(/\.budget\.ya?ml$/, '.json').replace(/\//g, '__'));
    assert.ok(fs.existsSync(file), `${file} is missing: run node scripts/update-golden.js and review it`);
    const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Expected;
    assert.deepEqual(sample.internalErrors, [], 'the checker met a bug of its own');
    const want = expected.findings.map(key);
    const got = sample.findings.map(key);
    const extra = got.filter((k) => !want.includes(k));
    const gone = want.filter((k) => !got.includes(k));
    if (extra.length || gone.length) {
      console.log(`\n${sample.sample}:\n  new findings:\n    ${extra.join('\n    ') || '-'}\n  findings no longer reported:\n    ${gone.join('\n    ') || '-'}`);
    }
    assert.deepEqual({ extra, gone }, { extra: [], gone: [] }, 'the findings changed: review them and update the golden file (scripts/update-golden.js)');
    for (const finding of expected.findings) {
      assert.notEqual(finding.verdict, 'unreviewed', `unreviewed finding ${key(finding)}`);
      assert.ok(finding.why && finding.why.trim().length > 10, `no justification for ${key(finding)}`);
      const message = sample.findings.find((f) => key(f) === key(finding))?.message;
      assert.equal(message, finding.message, `message of ${key(finding)} changed`);
    }
    assert.deepEqual(sample.claims, expected.claims, 'claim counts changed');
    for (const finding of expected.findings) {
      if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
      if (finding.verdict === 'slip') truePositives++;
      else if (finding.verdict === 'false-alarm') falsePositives++;
    }
    missed += expected.missed.length;
  });
}

test('precision and recall against the reviewed golden files', () => {
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + missed);
  console.log(`golden files: ${truePositives} real slips found, ${falsePositives} false alarms, ${missed} known slips missed; precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`);
  assert.equal(falsePositives, 0, 'false alarms are bugs of the checker');
  assert.ok(truePositives > 0);
});
