import type { CodeTables } from '../codes/codeTables';
import type { ParsedDocument } from '../document';
import type { Section } from '../model/types';
import type { CheckSettings } from '../rules/ruleTypes';
import { topicOf } from './dictionary';
import type { Topic } from './dictionary';
import { reportConditions } from './figures';
import { Ledger } from './claims';
import { textMap } from './textMap';
import { readSection } from './reader';
import { checkSection, SectionCheck } from './checks';
import { checkPreviousYears } from './previousYear';
import { checkYears } from './years';
import type { AnalysisContext } from './context';
import type { Claim, ClaimStatus, ProseAnalysis } from './types';
import type { ClaimCountKind, ClaimCounts } from '../rules/ruleTypes';
import type { LastYear } from '../crossYear/lastYear';

/**
 * Readings of section texts by topic and text. Reading is pure text work (nothing looks at the
 * tables) and half the cost of the analysis: an edit in a table or in one section re-reads no
 * other section. Bounded: a report has tens of sections, an editing session a few versions of each.
 */
const readings = new Map<string, ReturnType<typeof readSection>>();
const MAX_READINGS = 512;

function readCached(text: string, topic: Topic): ReturnType<typeof readSection> {
  const key = `${topic.id}\u0000${text}`;
  let reading = readings.get(key);
  if (!reading) {
    reading = readSection(text, topic);
    if (readings.size >= MAX_READINGS) readings.clear();
    readings.set(key, reading);
  }
  return reading;
}

/**
 * The prose checker: reads every narrative section as Chinese prose, finds its numeric claims
 * (amounts, shares, changes, 其中 lists, years, counts) with the exact range of each number, and
 * ties each one to the report's tables, to the other figures of its sentence, or to last year's
 * figures. Pure: the analysis of a document (analysis/documentAnalysis.ts) computes it once,
 * in its locale, and records an error it throws as an internal error.
 */
export function analyzeProse(document: ParsedDocument, codes: CodeTables, settings: CheckSettings, lastYear?: LastYear): ProseAnalysis {
  const report = document.report;
  const ledger = new Ledger();
  const ctx: AnalysisContext = { report, codes, settings, conditions: reportConditions(report, codes), ledger, facts: [], cache: new Map(), lastYear };
  const checked: SectionCheck[] = [];
  const visit = (sections: readonly Section[], parent: Topic | undefined): void => {
    for (const section of sections) {
      const topic = topicOf(section, parent);
      if (topic.claims && section.text && section.text.value.trim()) {
        const map = textMap(section.text, document.text);
        if (map) checked.push(checkSection(ctx, section, readCached(section.text.value, topic), map));
      }
      visit(section.sections, topic);
    }
  };
  visit(report.narrative, undefined);
  checkPreviousYears(ctx);
  for (const section of checked) checkYears(ctx, section);
  const claims = ledger.claims.map((c) => c.toClaim()).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const issues = [...ledger.issues].sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  const functionLines = checked.reduce((n, section) => n + section.items.filter((s) => s.item.functionLine).length, 0);
  const impliedPrevious = ctx.facts.filter((f) => f.records.length > 0 && !f.doubtful && !f.records.some((r) => r.has('bad'))).map((f) => ({ key: f.key, value: f.value, decimals: f.decimals }));
  return { claims, issues, functionLines, impliedPrevious };
}

/** The claim whose number covers the offset (the narrowest, for hovers). */
export function claimAt(analysis: ProseAnalysis, offset: number): Claim | undefined {
  let best: Claim | undefined;
  for (const claim of analysis.claims) {
    if (offset < claim.span.start || offset > claim.span.end) continue;
    if (!best || claim.span.end - claim.span.start < best.span.end - best.span.start || (claim.span.start === best.span.start && rank(claim.status) > rank(best.status))) best = claim;
  }
  return best;
}

function rank(status: ClaimStatus): number {
  return status === 'mismatched' ? 3 : status === 'verified' ? 2 : status === 'information' ? 1 : 0;
}

/**
 * Claims per document, and by kind: a money amount and a count are both `amount` claims of the
 * prose but counted apart (`count`), and a claim whose words carry it (持平) is `other`.
 * Information claims (0-base 100%, rounding) count as verified.
 */
export function claimCounts(analysis: ProseAnalysis): ClaimCounts {
  const empty = (): { total: number; verified: number; mismatched: number; unverified: number } => ({ total: 0, verified: 0, mismatched: 0, unverified: 0 });
  const all = empty();
  const byKind: Record<ClaimCountKind, ReturnType<typeof empty>> = { amount: empty(), share: empty(), change: empty(), parts: empty(), year: empty(), count: empty(), other: empty() };
  for (const claim of analysis.claims) {
    const kind: ClaimCountKind = !/[0-9０-９]/.test(claim.text) ? 'other' : claim.kind;
    for (const tally of [all, byKind[kind]]) {
      tally.total++;
      if (claim.status === 'mismatched') tally.mismatched++;
      else if (claim.status === 'unverified') tally.unverified++;
      else tally.verified++;
    }
  }
  return { ...all, byKind };
}
