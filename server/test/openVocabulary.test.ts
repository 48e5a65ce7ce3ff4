import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { goldenSamples } from './goldenFindings';
import { check, readSample } from './helpers';

/**
 * Unknown never means zero (issue 12): a report whose item labels the vocabulary does not
 * know gets no error or warning it would not get with the labels it knows. What needs the
 * unknown labels ends as "could not check", visibly, and nothing is read as 0.
 */

/** Ordinals and 其中 prefixes stay: they carry the level of an entry. */
const PREFIX = /^(\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+\s*[、.．]|[（(]\d+[）)])?\s*(?:其中[:：]?)?\s*)/;

/** Every `item:` label renamed to words no vocabulary knows; one name per distinct label. */
export function withUnknownLabels(text: string): { text: string; names: Map<string, string>; count: number } {
  const names = new Map<string, string>();
  let count = 0;
  const renamed = text.replace(/(\bitem: )([^,}\n]+)/g, (_match, key: string, label: string) => {
    const prefix = PREFIX.exec(label)?.[1] ?? '';
    const bare = label.slice(prefix.length).trim();
    if (!names.has(bare)) names.set(bare, `甲乙丙丁${String.fromCharCode(0x4e00 + names.size)}${String.fromCharCode(0x4e00 + 3 * names.size + 1)}`);
    count++;
    return key + prefix + names.get(bare)!;
  });
  return { text: renamed, names, count };
}

function problems(text: string): string[] {
  return check(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule} ${f.severity} line ${text.slice(0, f.span.start).split('\n').length}`);
}

for (const sample of goldenSamples()) {
  test(`unknown item labels add no error or warning: ${sample}`, () => {
    const text = readSample(sample);
    const renamed = withUnknownLabels(text);
    if (renamed.count === 0) return;
    const before = problems(text);
    const after = problems(renamed.text);
    const fresh = [...after];
    for (const p of before) {
      const i = fresh.indexOf(p);
      if (i >= 0) fresh.splice(i, 1);
    }
    assert.deepEqual(fresh, [], `${path.basename(sample)}: ${renamed.count} labels renamed`);
  });
}

test('an unknown label makes the relations that need it "could not check", and says which label', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const renamed = withUnknownLabels(text).text;
  const ledger = new Map(check(renamed).ledger.map((e) => [e.rule, e]));
  const general = ledger.get('xref/summary-general-vs-general-expense')!;
  assert.equal(general.outcome, 'could-not-check');
  assert.ok(general.reasons.some((r) => r.includes('甲乙丙丁')), general.reasons.join('\n'));
  assert.equal(ledger.get('xref/summary-classes-vs-expense')!.outcome, 'could-not-check');
  // With the labels it knows, the same relations pass.
  const known = new Map(check(text).ledger.map((e) => [e.rule, e.outcome]));
  assert.equal(known.get('xref/summary-general-vs-general-expense'), 'passed');
});

test('an `id:` says what an unknown label means, and the item is checked again', () => {
  const text = readSample('000-jiyuan-2022-unit.budget.yaml');
  const renamed = withUnknownLabels(text).text.replace(/(\{ item: 一、甲乙丙丁[^,]*,)/, '$1 id: general,');
  assert.notEqual(renamed, withUnknownLabels(text).text);
  const ledger = new Map(check(renamed).ledger.map((e) => [e.rule, e.outcome]));
  assert.equal(ledger.get('xref/summary-general-vs-general-expense'), 'passed');
});
