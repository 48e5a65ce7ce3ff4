import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEPARTMENT_PDF, importFixture, UNIT_PDF } from '../pdf/fixtures';
import { roundTrip } from './roundTripCheck';
import { service } from '../helpers';
import { generatableSections } from '../../src/service/narrative';

/**
 * The 上海 template on the two published reports themselves (/work/shared/reports, imported from
 * their PDFs as `budget-check import` writes them; the import does not guess the template, the
 * author names it): every section the template knows is regenerated with no text/* error or
 * warning, and no sentence of the published text is removed that was not regenerated.
 */
for (const [name, file] of [['上海 部门 report (PDF)', DEPARTMENT_PDF], ['上海 单位 report (PDF)', UNIT_PDF]] as const) {
  test(`shanghai template: ${name}`, async () => {
    const { yaml } = await importFixture(file);
    const text = yaml.replace(/^unit: (\S+)$/m, 'unit: $1\ntemplate: shanghai');
    assert.match(text, /^template: shanghai$/m);
    const sections = generatableSections(service().parse(text), service().codeTables);
    const generated = sections.filter((s) => s.generatable).map((s) => s.topic);
    for (const topic of ['overview', 'three_public', 'operating_cost']) assert.ok(generated.includes(topic), `${topic} is generated`);
    roundTrip(name, text);
  });
}
