import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, findings, readSample, spanText } from '../helpers';

/**
 * Codes as they are printed (issue 12): a code that cannot be read is kept out of every sum and
 * relation; a retired name is a warning with its fix; a real 项 the bundled table lacks is not.
 */

const SAMPLE = readSample('005-putuo-justice-2026-department.budget.yaml');

function problems(text: string): string[] {
  return check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule} ${spanText(text, f)}`);
}

test('a 项 code that lost its 类 digits in print is code/malformed and starts no cascade of sum errors', () => {
  // 支出总表 row 204 06 13 信息化建设 printed as "4 06 13".
  const row = '      - { code: "204 06 13", name: 信息化建设, total: 2278800.00, basic: 0.00, project: 2278800.00 }';
  assert.ok(SAMPLE.includes(row));
  const broken = SAMPLE.replace(row, row.replace('"204 06 13"', '"4 06 13"'));
  const before = problems(SAMPLE);
  const added = problems(broken).filter((p) => !before.includes(p));
  assert.deepEqual(added, ['code/malformed "4 06 13"']);
  // What needed the row says so.
  const ledger = new Map(check(broken).ledger.map((e) => [e.rule, e]));
  assert.ok(ledger.get('sum/column')!.reasons.some((r) => r.includes('4 06 13')), ledger.get('sum/column')!.reasons.join('\n'));
});

test('a 类 named by its retired name is code/retired-name with the fix; the official name passes', () => {
  const row = '      - { code: "210", name: 卫生健康支出, total: 1149678.00, basic: 1149678.00, project: 0.00 }';
  const retired = SAMPLE.replace(row, row.replace('卫生健康支出', '医疗卫生与计划生育支出'));
  const [finding] = findings(retired, 'code/retired-name');
  assert.equal(spanText(retired, finding), '医疗卫生与计划生育支出');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /2019/);
  assert.equal(finding.data?.fixes?.[0].edits[0].newText, '卫生健康支出');
  assert.deepEqual(findings(retired, 'code/name-mismatch').filter((f) => spanText(retired, f) === '医疗卫生与计划生育支出'), [], 'reported once, as retired');
  assert.deepEqual(findings(SAMPLE, 'code/retired-name'), []);
  // In a 2018 report the old name was the name.
  const old = retired.replace('year: 2026', 'year: 2018');
  assert.deepEqual(findings(old, 'code/retired-name'), []);
});

test('a 项 the bundled table lacks under a known 款 is information; under an unknown 款 a warning', () => {
  const row = '      - { code: "204 06 13", name: 信息化建设, total: 2278800.00, basic: 0.00, project: 2278800.00 }';
  const unknownXiang = SAMPLE.replace(row, row.replace('"204 06 13"', '"204 06 88"'));
  const xiang = findings(unknownXiang, 'code/unknown').filter((f) => spanText(unknownXiang, f) === '"204 06 88"');
  assert.deepEqual(xiang.map((f) => f.severity), ['information']);
  const unknownKuan = SAMPLE.replace(row, row.replace('"204 06 13"', '"204 88 13"'));
  const kuan = findings(unknownKuan, 'code/unknown').filter((f) => spanText(unknownKuan, f) === '"204 88 13"');
  assert.deepEqual(kuan.map((f) => f.severity), ['warning']);
});
