import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { claimCounts } from '../../src/service/prose';
import type { ClaimKind } from '../../src/service/prose';
import { readSample, sampleFiles } from '../helpers';
import { analyse } from './proseHelpers';

/**
 * The real slips of the seeds the prose checker finds, each with its arithmetic:
 * every mismatch on the samples must be one of these (and each of these must be found).
 */
const REAL_SLIPS: ReadonlyArray<{ sample: string; kind: ClaimKind; text: string; sentence: string; why: string }> = [
  { sample: '004', kind: 'year', text: '2021', sentence: '2021 年本部门预算收入 1675.78', why: '1675.78 is the 2022 收入总计 (表3 合计), labelled 2021' },
  { sample: '004', kind: 'amount', text: '73.98', sentence: '行政运行（2101501）73.98', why: '表5 2101501 行政运行 prints 73.99' },
  { sample: '004', kind: 'year', text: '2021', sentence: '2021年本部门当年一般公共预算支出1675.78', why: '1675.78 is the 2022 一般公共预算支出 (表5 合计), labelled 2021' },
  { sample: '004', kind: 'amount', text: '639.58', sentence: '机关工资福利支出（501）639.58', why: '表4 1、机关工资福利支出 prints 63.96 (501xx rows of 表6: 40.15 + 14.66 + 9.16 = 63.97)' },
  { sample: '004', kind: 'year', text: '2022', sentence: '截止 2022 年底', why: 'a 2022 budget reports holdings at the end of 2021 (the staff paragraph says 截止 2021 年底)' },
  { sample: '004', kind: 'amount', text: '2.2', sentence: '机关运行经费预算安排 2.2', why: '机关运行经费 = 公用经费 (the report\'s own 名词解释) = 92.54 in 表5–表8; even 行政运行 公用经费 alone is 2.64' },
];

test('samples: claim counts per sample, ≥ 90% verified or mismatched, and every mismatch a real slip', () => {
  const rows: string[] = [];
  let total = 0;
  let tied = 0;
  const found: string[] = [];
  for (const file of sampleFiles()) {
    const name = path.basename(file);
    const { analysis } = analyse(readSample(name));
    const counts = claimCounts(analysis);
    total += counts.total;
    tied += counts.verified + counts.mismatched;
    const byKind = new Map<string, number>();
    for (const c of analysis.claims) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    rows.push(`${name}: total ${counts.total}, verified ${counts.verified}, mismatched ${counts.mismatched}, unverified ${counts.unverified} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`);
    for (const claim of analysis.claims.filter((c) => c.status === 'mismatched')) {
      const slip = REAL_SLIPS.find((s) => name.startsWith(s.sample) && s.kind === claim.kind && s.text === claim.text && claim.sentence.replace(/\s/g, '').includes(s.sentence.replace(/\s/g, '')));
      assert.ok(slip, `${name}: unexpected mismatch ${claim.kind} ${claim.text} in “${claim.sentence}”`);
      found.push(`${slip.sample} ${slip.kind} ${slip.text} ${slip.sentence}`);
    }
  }
  const share = tied / total;
  rows.push(`all samples: ${tied} of ${total} claims verified or mismatched (${(share * 100).toFixed(1)}%)`);
  console.log(rows.join('\n'));
  assert.ok(share >= 0.9, `only ${(share * 100).toFixed(1)}% of the claims are tied to data`);
  assert.deepEqual(found.sort(), REAL_SLIPS.map((s) => `${s.sample} ${s.kind} ${s.text} ${s.sentence}`).sort());
});
