import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, report, spanText } from '../helpers';

/** 政府采购 (relations of data/tables.json, checked by sum/scalars): 货物 + 工程 + 服务 = 合计; 预留中小企业份额 ≤ 合计. */
const procurement = (body: string) => report(`tables:\n  procurement:\n${body}`);

test('procurement: 货物 + 工程 + 服务 ≠ 合计 fires (figures of seed 000 with a slip)', () => {
  const text = procurement('    total: 131.90\n    goods: 21.10\n    works: 0.00\n    services: 100.80\n');
  const found = findings(text, 'sum/scalars');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '131.90');
  assert.equal(found[0].severity, 'error');
});

test('procurement: 货物 + 工程 + 服务 = 合计 does not fire (seed 000: 21.10 + 0.00 + 110.80 = 131.90)', () => {
  assert.equal(findings(procurement('    total: 131.90\n    goods: 21.10\n    works: 0.00\n    services: 110.80\n'), 'sum/scalars').length, 0);
});

test('procurement: 预留中小企业份额 above the total fires, within it does not', () => {
  const above = findings(procurement('    total: 131.90\n    goods: 21.10\n    works: 0.00\n    services: 110.80\n    sme_reserved: 140.00\n'), 'sum/scalars');
  assert.equal(above.length, 1);
  const within = findings(procurement('    total: 131.90\n    goods: 21.10\n    works: 0.00\n    services: 110.80\n    sme_reserved: 52.76\n'), 'sum/scalars');
  assert.equal(within.length, 0);
});
