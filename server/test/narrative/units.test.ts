import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample, service } from '../helpers';
import { generateAll } from '../../src/service/narrative';
import { refreshText } from '../../src/service/refresh/refresh';
import { toCheckSettings } from '../../src/service/settings';
import { GENERATED_SEEDS, sampleWithPrevious } from './seedFixtures';
import { unitVariant, UnitVariant } from './unitVariants';
import { JIYUAN_REPORT_HEAD } from './smallReport';

/**
 * Units (issue 14): every generated amount is converted from its table's unit to the unit of
 * the text it goes into (the template's: 万元 in every bundled template), whatever the
 * document's `unit:` is. Each sample is generated as it is, with the other document unit and
 * every table stating its own (元 document + 万元 tables, or the reverse), and with every figure
 * converted to the other unit: the generated text must be the same, character for character.
 */
function generated(text: string): Map<string, string> {
  const s = service();
  return new Map(generateAll(s.parse(text), s.codeTables).map((g) => [g.path.join('.'), g.text]));
}

const cases: Array<{ name: string; text: string }> = [];
for (const sample of GENERATED_SEEDS) {
  cases.push({ name: sample, text: readSample(sample) });
  cases.push({ name: `${sample} + previous`, text: sampleWithPrevious(sample) });
}

for (const { name, text } of cases) {
  for (const variant of ['declared', 'converted'] as UnitVariant[]) {
    test(`units: ${name}, ${variant} in the other unit, generates the same text`, () => {
      const s = service();
      const changed = unitVariant(text, variant);
      const before = s.parse(text).report;
      const after = s.parse(changed).report;
      assert.notEqual(after.unit, before.unit, 'the variant has the other document unit');
      for (const [key, table] of before.tables) {
        const other = after.tables.get(key)!;
        assert.equal(other.unit, variant === 'declared' ? table.unit : table.unit === '元' ? '万元' : '元', `${key}: unit of the variant`);
      }
      const expected = generated(text);
      assert.ok(expected.size > 0, 'something is generated');
      assert.deepEqual(generated(changed), expected);
    });
  }
}

test('units: refresh writes the same numbers whatever unit the tables are in', () => {
  for (const sample of ['004-changan-2022.budget.yaml', '005-putuo-justice-2026-department.budget.yaml', '006-putuo-justice-2026-unit.budget.yaml']) {
    const text = readSample(sample);
    const rewrites = (t: string) => refreshText(t, { codes: service().codeTables, settings: toCheckSettings() }).changes.map((c) => `${c.before} → ${c.after}`);
    const expected = rewrites(text);
    assert.ok(expected.length > 0, `${sample}: something is refreshed`);
    for (const variant of ['declared', 'converted'] as UnitVariant[]) assert.deepEqual(rewrites(unitVariant(text, variant)), expected, `${sample} ${variant}`);
  }
});

test('units: a 元 document whose text prints 万元 gets 万元 figures, not 元 ones', () => {
  // The small 济源 report in 元: 529.20 万元 is 5,292,000 元 in every table.
  const text = unitVariant(JIYUAN_REPORT_HEAD + '      - title: 三、支出预算总体情况说明\n        text: |\n          旧的说明。\n', 'converted');
  assert.match(text, /^unit: 元$/m);
  const s = service();
  const generation = generateAll(s.parse(text), s.codeTables).find((g) => g.title.startsWith('三、'))!;
  assert.match(generation.text, /支出合计529\.20万元，其中：基本支出223\.40万元/);
});
