import { parseBudgetDocument } from '../../src/service/document';
import type { ParsedDocument } from '../../src/service/document';
import { analyzeProse } from '../../src/service/prose';
import type { Claim, ClaimKind, ProseAnalysis, ProseIssue } from '../../src/service/prose';
import { toCheckSettings } from '../../src/service/settings';
import type { UserSettings } from '../../src/service/settings';
import type { Section } from '../../src/service/model/types';
import { service } from '../helpers';

export function analyse(text: string, settings?: UserSettings): { document: ParsedDocument; analysis: ProseAnalysis } {
  const document = parseBudgetDocument(text);
  return { document, analysis: analyzeProse(document, service().codeTables, toCheckSettings(settings)) };
}

/** The claims of a kind whose number is written `number` in a sentence containing `sentence`. */
export function claimsOf(analysis: ProseAnalysis, kind: ClaimKind, number?: string, sentence?: string): Claim[] {
  return analysis.claims.filter((c) => c.kind === kind && (number === undefined || c.text === number) && (sentence === undefined || c.sentence.includes(sentence)));
}

export function issuesOf(analysis: ProseAnalysis, rule: string): ProseIssue[] {
  return analysis.issues.filter((i) => i.rule === rule);
}

/** A small report: 万元, the given year, tables and narrative written by the test. */
export function report(year: number, tables: string, narrative: string, extra = ''): string {
  return `department: 测试局\nkind: department\nyear: ${year}\nunit: 万元\n${extra}tables:\n${tables}\nnarrative:\n${narrative}`;
}

/** One narrative section with the given title and lines of text. */
export function section(title: string, ...lines: string[]): string {
  return `  - title: ${title}\n    text: |\n${lines.map((l) => `      ${l}`).join('\n')}\n`;
}

/**
 * The same document with some numbers of its prose replaced by text of the same length: the
 * report is patched in place of a re-parse, so that hundreds of variants stay fast.
 */
export function patched(document: ParsedDocument, edits: ReadonlyArray<{ start: number; end: number; text: string }>): ParsedDocument {
  let text = document.text;
  for (const e of edits) {
    if (e.text.length !== e.end - e.start) throw new Error('edits must keep the length');
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  const patch = (sections: readonly Section[]): Section[] =>
    sections.map((s) => {
      let next: Section = { ...s, sections: patch(s.sections) };
      const t = s.text;
      if (t && t.lineStarts && edits.some((e) => e.start >= t.span.start && e.end <= t.span.end)) {
        const lines = t.value.split('\n');
        for (const e of edits) {
          if (e.start < t.span.start || e.end > t.span.end) continue;
          const line = t.lineStarts.findIndex((start, i) => e.start >= start && (i + 1 >= t.lineStarts!.length || e.start < t.lineStarts![i + 1]));
          const column = e.start - t.lineStarts[line];
          lines[line] = lines[line].slice(0, column) + e.text + lines[line].slice(column + e.text.length);
        }
        next = { ...next, text: { ...t, value: lines.join('\n') } };
      }
      return next;
    });
  return { ...document, text, report: { ...document.report, narrative: patch(document.report.narrative) } };
}

/** The text with the last occurrence of `from` (in the prose, after the comments) replaced. */
export function edit(text: string, from: string, to: string): string {
  const at = text.lastIndexOf(from);
  if (at < 0 || at < text.indexOf('\nnarrative:')) throw new Error(`not in the prose: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
