import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { SAMPLES } from '../helpers';
import { GENERATED_SEEDS, sampleWithPrevious } from './seedFixtures';
import { roundTrip } from './roundTripCheck';

/**
 * Round trip: the document with every generatable section regenerated must not contradict its
 * own tables (no text/* finding in a generated section) and the prose checker must verify at
 * least 95% of its claims. Run on every sample as it is and on the seeds with last year's figures
 * recovered from their own change sentences. Where `previous:` lacks a figure, a change the
 * author stated is restated from what the author's sentence implies (本年数 − 增减额, 持平), and
 * a change with no such sentence becomes a placeholder: a restated change has nothing in the
 * report to be checked against, so changes left unverified for want of last year's figures are
 * counted apart (they must not be mismatched, like every other claim). Claims are counted by the
 * prose checker (analyzeProse, claimCounts).
 */
function samples(): Array<{ name: string; text: string }> {
  const result: Array<{ name: string; text: string }> = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'expected') walk(full);
      else if (entry.name.endsWith('.budget.yaml')) result.push({ name: path.relative(SAMPLES, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(SAMPLES);
  for (const sample of GENERATED_SEEDS) result.push({ name: `${sample} + previous`, text: sampleWithPrevious(sample) });
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

for (const { name, text } of samples()) {
  test(`round trip: ${name}`, () => roundTrip(name, text));
}

