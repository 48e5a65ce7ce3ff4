import type { Dec } from '../amount/rounding';
import type { CodeTables } from '../codes/codeTables';
import type { ParsedDocument } from '../document';
import { analyzeProse } from '../prose/analyze';
import type { ProseAnalysis } from '../prose/types';
import { toCheckSettings } from '../settings';

/**
 * Last year's figures the author's own change sentences imply (本年数 − 增减额; 本年数 for 持平),
 * by the key of `previous:` that would hold them (`fiscal`, `three_public`, `functions.2040601`),
 * in 万元. The generator restates such a change when `previous:` lacks the figure, so that a
 * section regenerated without last year's figures says what the author said (持平 stays 持平)
 * instead of a placeholder. Figures `previous:` gives always win.
 */
export type ImpliedPrevious = ReadonlyMap<string, Dec>;

const cache = new WeakMap<ParsedDocument, ImpliedPrevious>();
const readings = new WeakMap<ParsedDocument, ProseAnalysis>();

/** The prose checker's reading of a document, once per document (what generation reads of the author's text). */
export function proseOf(document: ParsedDocument, codes: CodeTables): ProseAnalysis {
  let analysis = readings.get(document);
  if (!analysis) {
    analysis = analyzeProse(document, codes, toCheckSettings());
    readings.set(document, analysis);
  }
  return analysis;
}

export function impliedPrevious(document: ParsedDocument, codes: CodeTables): ImpliedPrevious {
  let implied = cache.get(document);
  if (!implied) {
    try {
      implied = fromFacts(proseOf(document, codes).impliedPrevious ?? []);
    } catch {
      implied = new Map();
    }
    cache.set(document, implied);
  }
  return implied;
}

/** The prose's fact keys as keys of `previous:`. */
export function fromFacts(facts: ReadonlyArray<{ readonly key: string; readonly value: Dec }>): ImpliedPrevious {
  const result = new Map<string, Dec>();
  const put = (key: string, value: Dec): void => {
    if (!result.has(key)) result.set(key, value);
  };
  for (const fact of facts) {
    const coded = /^(function|economic|government):([0-9]+)@/.exec(fact.key);
    if (coded) {
      put(`${coded[1] === 'function' ? 'functions' : 'economics'}.${coded[2]}`, fact.value);
      continue;
    }
    const [key, scope] = fact.key.split('@');
    if (scope === undefined || scope === 'all') {
      put(key, fact.value);
      // 收入总计 and 支出总计 are one figure.
      if (key === 'income_total') put('expense_total', fact.value);
      continue;
    }
    if (scope === 'general' && (key === 'basic' || key === 'project')) put(`general_${key}`, fact.value);
  }
  return result;
}
