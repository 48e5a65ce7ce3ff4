import * as assert from 'node:assert/strict';
import { service } from '../helpers';
import { applyEdits, generateAll } from '../../src/service/narrative';
import { analyzeProse, claimCounts } from '../../src/service/prose/analyze';
import { toCheckSettings } from '../../src/service/settings';
import { bigramSet, hasFigure, normalize, sentences, templateCoverage } from '../../src/service/narrative/keptText';
import { findSection } from '../../src/service/narrative/generate';
import { templateFor } from '../../src/service/narrative/templateRegistry';
import type { Section } from '../../src/service/model/types';

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
/** Generates every section of a report and checks the result (see above). */
export function roundTrip(name: string, text: string): void {
  {
    const s = service();
    const generations = generateAll(s.parse(text), s.codeTables);
    const generated = applyEdits(text, generations.filter((g) => g.changed).map((g) => g.edit));
    const document = s.parse(generated);
    const result = s.validate(document);
    // Spans of the regenerated sections in the generated document.
    const again = generateAll(document, s.codeTables);
    const regenerated = again.map((g) => g.edit.span);
    assert.ok(generateAll(document, s.codeTables).every((g) => !g.changed), 'regenerating the generated document changes it');
    const textFindings = result.findings.filter((f) => f.rule.startsWith('text/'));
    const inGenerated = textFindings.filter((f) => regenerated.some((span) => f.span.start >= span.start && f.span.end <= span.end));
    const analysis = analyzeProse(document, s.codeTables, toCheckSettings());
    const c = claimCounts(analysis);
    const inside = (span: { start: number; end: number }): boolean => regenerated.some((r) => span.start >= r.start && span.end <= r.end);
    const restated = (claim: { kind: string; status: string }): boolean => claim.kind === 'change' && claim.status === 'unverified';
    const generatedClaims = claimCounts({ ...analysis, claims: analysis.claims.filter((claim) => inside(claim.span) && !restated(claim)) });
    const restatedCount = analysis.claims.filter((claim) => inside(claim.span) && restated(claim)).length;
    const percent = (x: { total: number; verified: number }): string => (x.total ? ((100 * x.verified) / x.total).toFixed(1) + '%' : '-');
    console.log(`${name}: ${generations.length} sections generated; claims ${c.total} total, ${c.verified} verified (${percent(c)}), ${c.mismatched} mismatched; in generated sections ${generatedClaims.total} total, ${generatedClaims.verified} verified (${percent(generatedClaims)}), ${generatedClaims.mismatched} mismatched, and ${restatedCount} changes without last year's figures; text findings ${textFindings.length} (${inGenerated.length} in generated sections)`);
    for (const f of textFindings) console.log(`  ${f.rule} ${f.severity} ${inGenerated.includes(f) ? '[generated]' : '[as written]'}: ${generated.slice(f.span.start, f.span.end)} — ${f.message}`);
    for (const claim of analysis.claims) {
      if (claim.status === 'verified' || claim.status === 'information') continue;
      console.log(`  claim ${claim.status} ${inside(claim.span) ? '[generated]' : '[as written]'}: ${generated.slice(claim.span.start, claim.span.end)} in ${JSON.stringify(generated.slice(Math.max(0, claim.span.start - 20), claim.span.end + 6))}`);
    }
    // Information findings (a rounding difference the tables themselves carry) are listed above, not failures.
    assert.deepEqual(inGenerated.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${generated.slice(f.span.start, f.span.end)} — ${f.message}`), []);
    assert.equal(generatedClaims.mismatched, 0, `${name}: a generated claim is mismatched`);
    if (generatedClaims.total > 0) assert.ok((100 * generatedClaims.verified) / generatedClaims.total >= 95, `${name}: only ${percent(generatedClaims)} of the generated claims verified`);

    // No sentence is removed that was not regenerated: every sentence of the author's text is in
    // the new text (spaces and punctuation aside), or states a figure (as the prose checker reads
    // it) that the new section states too, or — stating no figure — has its words in the new
    // text (a reason kept in the template's sentence) or is in the template's own words (a zero
    // sentence the template words otherwise).
    const original = s.parse(text);
    const before = analyzeProse(original, s.codeTables, toCheckSettings());
    const template = templateFor(original.report.template?.value)!;
    const lost: string[] = [];
    for (const g of generations.filter((x) => x.changed)) {
      const section = findSection(original.report.narrative, g.path)!;
      const newSpan = again.find((x) => x.path.join('.') === g.path.join('.'))?.edit.span;
      const stated = new Set(analysis.claims.filter((c) => c.figure && newSpan && c.span.start >= newSpan.start && c.span.end <= newSpan.end).map((c) => c.figure!));
      const newWords = normalize(g.text);
      const fragments = bigramSet(template.sections.find((t) => t.topic === g.topic)?.fragments ?? []);
      for (const sentence of sentences(g.current)) {
        const words = normalize(sentence.text);
        if (!words || newWords.includes(words)) continue;
        const figures = before.claims.filter((c) => c.figure && c.kind !== 'year' && within(section, c.span.start, sentence.start, sentence.end)).map((c) => c.figure!);
        if (hasFigure(sentence.text) ? figures.some((f) => stated.has(f)) : share(words, newWords) >= 0.6 || templateCoverage(sentence.text, fragments) >= 0.6) continue;
        lost.push(`${g.title}: ${sentence.text.trim()}`);
      }
    }
    assert.deepEqual(lost, [], `${name}: sentences removed that were not regenerated`);
  }
}

/** The document offset lies in [start, end) of the section's text (a literal block: offsets by line). */
function within(section: Section, offset: number, start: number, end: number): boolean {
  const text = section.text;
  if (!text?.lineStarts) return false;
  const lines = text.value.split('\n');
  let at = 0;
  for (let i = 0; i < lines.length && i < text.lineStarts.length; i++) {
    const lineStart = text.lineStarts[i];
    if (offset >= lineStart && offset <= lineStart + lines[i].length) {
      const inText = at + offset - lineStart;
      return inText >= start && inText < end;
    }
    at += lines[i].length + 1;
  }
  return false;
}

/** Share of a text's character pairs found in another. */
function share(words: string, other: string): number {
  const pairs = [...words].slice(1).map((c, i) => words[i] + c);
  return pairs.length === 0 ? 1 : pairs.filter((p) => other.includes(p)).length / pairs.length;
}
