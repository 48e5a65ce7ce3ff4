import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { SAMPLES, service } from '../helpers';
import { applyEdits, generateAll } from '../../src/service/narrative';
import { analyzeProse, claimCounts } from '../../src/service/prose/analyze';
import { toCheckSettings } from '../../src/service/settings';
import { GENERATED_SEEDS, sampleWithPrevious } from './seedFixtures';

/**
 * Round trip: the document with every generatable section regenerated must not contradict its
 * own tables (no text/* finding in a generated section) and the prose checker must verify at
 * least 95% of its claims. Run on every sample as it is (change sentences become placeholders
 * where `previous:` is missing) and on the seeds with last year's figures recovered from their
 * own change sentences. Claims are counted by the prose checker (analyzeProse, claimCounts).
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
  test(`round trip: ${name}`, () => {
    const s = service();
    const generations = generateAll(s.parse(text), s.codeTables);
    const generated = applyEdits(text, generations.filter((g) => g.changed).map((g) => g.edit));
    const document = s.parse(generated);
    const result = s.validate(document);
    // Spans of the regenerated sections in the generated document.
    const regenerated = generateAll(document, s.codeTables).map((g) => g.edit.span);
    assert.ok(generateAll(document, s.codeTables).every((g) => !g.changed), 'regenerating the generated document changes it');
    const textFindings = result.findings.filter((f) => f.rule.startsWith('text/'));
    const inGenerated = textFindings.filter((f) => regenerated.some((span) => f.span.start >= span.start && f.span.end <= span.end));
    const analysis = analyzeProse(document, s.codeTables, toCheckSettings());
    const c = claimCounts(analysis);
    const inside = (span: { start: number; end: number }): boolean => regenerated.some((r) => span.start >= r.start && span.end <= r.end);
    const generatedClaims = claimCounts({ ...analysis, claims: analysis.claims.filter((claim) => inside(claim.span)) });
    const percent = (x: { total: number; verified: number }): string => (x.total ? ((100 * x.verified) / x.total).toFixed(1) + '%' : '-');
    console.log(`${name}: ${generations.length} sections generated; claims ${c.total} total, ${c.verified} verified (${percent(c)}), ${c.mismatched} mismatched; in generated sections ${generatedClaims.total} total, ${generatedClaims.verified} verified (${percent(generatedClaims)}), ${generatedClaims.mismatched} mismatched; text findings ${textFindings.length} (${inGenerated.length} in generated sections)`);
    for (const f of textFindings) console.log(`  ${f.rule} ${f.severity} ${inGenerated.includes(f) ? '[generated]' : '[as written]'}: ${generated.slice(f.span.start, f.span.end)} — ${f.message}`);
    for (const claim of analysis.claims) {
      if (claim.status === 'verified' || claim.status === 'information') continue;
      console.log(`  claim ${claim.status} ${inside(claim.span) ? '[generated]' : '[as written]'}: ${generated.slice(claim.span.start, claim.span.end)} in ${JSON.stringify(generated.slice(Math.max(0, claim.span.start - 20), claim.span.end + 6))}`);
    }
    // Information findings (a rounding difference the tables themselves carry) are listed above, not failures.
    assert.deepEqual(inGenerated.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${generated.slice(f.span.start, f.span.end)} — ${f.message}`), []);
    assert.equal(generatedClaims.mismatched, 0, `${name}: a generated claim is mismatched`);
    if (generatedClaims.total > 0) assert.ok((100 * generatedClaims.verified) / generatedClaims.total >= 95, `${name}: only ${percent(generatedClaims)} of the generated claims verified`);
  });
}
