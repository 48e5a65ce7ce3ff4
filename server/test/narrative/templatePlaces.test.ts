import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { templateOfPlace } from '../../src/service/narrative/templatePlaces';

test('an imported report names the template of the place in its title or department', () => {
  assert.equal(templateOfPlace(['上海市普陀区2026年区级单位预算', '上海市普陀区司法局']), 'shanghai');
  assert.equal(templateOfPlace([undefined, '沁阳市 医疗保障局']), 'henan-qinyang');
  assert.equal(templateOfPlace(['西安市长安区医疗保障局 2022 年部门综合预算']), 'shaanxi-changan');
});

test('no template is guessed for another place, for none, or between two places', () => {
  assert.equal(templateOfPlace(['北京市海淀区2026年部门预算', '北京市海淀区司法局']), undefined);
  assert.equal(templateOfPlace([]), undefined);
  // 西安市 alone is not 长安区; two places of two templates are no answer.
  assert.equal(templateOfPlace(['西安市医疗保障局']), undefined);
  assert.equal(templateOfPlace(['上海市对口支援济源示范区项目']), undefined);
});
