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
  ...['财政拨款收入9628.22万元，比2026年预算增加793.14', '财政拨款支出预算9628.22万元，比2026年预算增加793.14', '一般公共预算拨款支出预算9628.22万元，比2026年预算增加793.14', '政府性基金拨款支出预算0万元，与2026年预算持平', '国有资本经营预算拨款支出预算0万元，与2026年预算持平'].map((sentence) => ({ sample: '005', kind: 'year' as const, text: '2026', sentence, why: 'a 2026 report compares with 2025 (the 单位 report prints 2025 in the same sentences)' })),
  { sample: '005', kind: 'change', text: '17.62', sentence: '执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62', why: '(3845.49 − 43269.3) ÷ 43269.3 = −91.11%; 17.62% fits 3269.3, the 执行数 the 单位 report prints' },
  { sample: '005', kind: 'change', text: '17.66', sentence: '执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66', why: '(91.97 − 77.99) ÷ 77.99 = 17.93%; 17.66% is item 8\'s rate copied' },
  { sample: '005', kind: 'amount', text: '201.50', sentence: '2026年预算安排201.50', why: 'the item\'s own line and 表5 2210201 say 208.8 (2,087,959 元); 5.27% fits 208.8' },
  { sample: '006', kind: 'change', text: '1.10', sentence: '执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10', why: '(1434.89 − 1690.69) ÷ 1690.69 = −15.13% (1690.69 is the 部门 report\'s 执行数)' },
  { sample: '006', kind: 'amount', text: '57.8', sentence: '2026年预算安排57.8', why: 'the item\'s line and 表5 2080501 say 56.12 (561,240 元); 57.8 is the 部门 report\'s figure' },
  { sample: '006', kind: 'change', text: '22.22', sentence: '比2025年预算执行数增加22.22', why: '(0.616 − 0.50) ÷ 0.50 = 23.20% (24.00% from the printed 0.62)' },
  { sample: '006', kind: 'change', text: '93.51', sentence: '比2025年预算执行数增加93.51', why: '(98.2692 − 50.78) ÷ 50.78 = 93.52% (also from the printed 98.27)' },
  { sample: '006', kind: 'amount', text: '170.03', sentence: '2026年预算安排170.03', why: 'the item\'s line and 表5 2210203 say 207 (2,070,000 元)' },
  { sample: '006', kind: 'change', text: '21.74', sentence: '比2025年预算执行数增加21.74', why: 'from 241.76 to 207 is a decrease of 14.38% (21.74% is 207 against 170.03)' },
];

/** Money amounts, shares, changes and 其中 lists: the claims that need the tables (years and counts apart). */
const MONEY_KINDS: readonly ClaimKind[] = ['amount', 'share', 'change', 'parts'];

test('samples: claim counts per sample, ≥ 90% of money amounts and percentages verified or mismatched, and every mismatch a real slip', () => {
  const rows: string[] = [];
  let total = 0;
  let tied = 0;
  let moneyTotal = 0;
  let moneyTied = 0;
  const found: string[] = [];
  const used = new Set<(typeof REAL_SLIPS)[number]>();
  for (const file of sampleFiles()) {
    const name = path.basename(file);
    const { analysis } = analyse(readSample(name));
    const counts = claimCounts(analysis);
    total += counts.total;
    tied += counts.verified + counts.mismatched;
    const byKind = new Map<string, number>();
    for (const c of analysis.claims) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    for (const c of analysis.claims.filter((claim) => MONEY_KINDS.includes(claim.kind) && /[0-9]/.test(claim.text))) {
      moneyTotal++;
      if (c.status !== 'unverified') moneyTied++;
    }
    rows.push(`${name}: total ${counts.total}, verified ${counts.verified}, mismatched ${counts.mismatched}, unverified ${counts.unverified} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`);
    for (const claim of analysis.claims.filter((c) => c.status === 'mismatched')) {
      // One sentence may hold several slips of one kind (比2026年… three times): each is matched once.
      const slip = REAL_SLIPS.find((s) => !used.has(s) && name.startsWith(s.sample) && s.kind === claim.kind && s.text === claim.text && claim.sentence.replace(/\s/g, '').includes(s.sentence.replace(/\s/g, '')));
      assert.ok(slip, `${name}: unexpected mismatch ${claim.kind} ${claim.text} in “${claim.sentence}”`);
      used.add(slip);
      found.push(`${slip.sample} ${slip.kind} ${slip.text} ${slip.sentence}`);
    }
  }
  const share = tied / total;
  const moneyShare = moneyTied / moneyTotal;
  rows.push(`all samples: ${tied} of ${total} claims verified or mismatched (${(share * 100).toFixed(1)}%)`);
  rows.push(`money and percentages (years and counts apart): ${moneyTied} of ${moneyTotal} (${(moneyShare * 100).toFixed(1)}%)`);
  console.log(rows.join('\n'));
  assert.ok(moneyShare >= 0.9, `only ${(moneyShare * 100).toFixed(1)}% of the money amounts and percentages are tied to data`);
  assert.deepEqual(found.sort(), REAL_SLIPS.map((s) => `${s.sample} ${s.kind} ${s.text} ${s.sentence}`).sort());
});
