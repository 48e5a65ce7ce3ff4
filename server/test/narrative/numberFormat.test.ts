import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Dec } from '../../src/service/amount/rounding';
import { amountWord, computeChange, formatAmount, formatPercent, percentWord, share } from '../../src/service/narrative/numberFormat';

const d = (v: string) => new Dec(v);
const fixed = { decimals: 2, trim: false, thousands: false };
const trimmed = { decimals: 2, trim: true, thousands: false };
const grouped = { decimals: 2, trim: false, thousands: true };

test('两位小数: 济源 prints fixed decimals, half-up', () => {
  assert.equal(formatAmount(d('529.2'), fixed), '529.20');
  assert.equal(formatAmount(d('12'), fixed), '12.00');
  assert.equal(formatAmount(d('0.125'), fixed), '0.13');
  assert.equal(formatAmount(d('2.675'), fixed), '2.68');
});

test('0.00 vs 0: 济源 prints 0.00, 沁阳/平乡/长安 print 0', () => {
  assert.equal(formatAmount(d('0'), fixed), '0.00');
  assert.equal(formatAmount(d('0'), trimmed), '0');
  assert.equal(formatAmount(d('-0.001'), fixed), '0.00');
});

test('trimmed amounts drop trailing zeros only (seed 002: 36万元, 4.2万元, 6220.67万元)', () => {
  assert.equal(formatAmount(d('36.00'), trimmed), '36');
  assert.equal(formatAmount(d('4.20'), trimmed), '4.2');
  assert.equal(formatAmount(d('6220.67'), trimmed), '6220.67');
  assert.equal(formatAmount(d('100'), trimmed), '100');
  assert.equal(formatAmount(d('0.005'), trimmed), '0.01');
});

test('千分位 where a template uses it', () => {
  assert.equal(formatAmount(d('6465.3'), grouped), '6,465.30');
  assert.equal(formatAmount(d('123'), grouped), '123.00');
  assert.equal(formatAmount(d('1234567.891'), grouped), '1,234,567.89');
  assert.equal(formatAmount(d('-1234.5'), grouped), '-1,234.50');
});

test('percentages: two decimals, half-up (42.21%, 4.70%)', () => {
  assert.equal(formatPercent(share(d('223.40'), d('529.20'))!, { decimals: 2, trim: false }), '42.21');
  assert.equal(formatPercent(share(d('290.63'), d('6184.67'))!, { decimals: 2, trim: false }), '4.70');
  assert.equal(formatPercent(d('100'), { decimals: 2, trim: true }), '100');
  assert.equal(share(d('1'), d('0')), undefined);
});

test('direction words: 增加/减少/持平 for amounts, 增长/下降 for rates', () => {
  const up = computeChange(d('529.20'), d('326.00'));
  assert.equal(up.direction, 'up');
  assert.equal(amountWord(up.direction), '增加');
  assert.equal(percentWord(up.direction), '增长');
  assert.equal(formatAmount(up.delta, fixed), '203.20');
  assert.equal(formatPercent(up.percent!, { decimals: 2, trim: false }), '62.33');

  const down = computeChange(d('6465.30'), d('6844.40'));
  assert.equal(down.direction, 'down');
  assert.equal(amountWord(down.direction), '减少');
  assert.equal(percentWord(down.direction), '下降');
  assert.equal(formatAmount(down.delta, fixed), '379.10');
  assert.equal(formatPercent(down.percent!, { decimals: 2, trim: false }), '5.54');
  // 沁阳 says 减少 for a falling rate too (“减少0.1万元，减少2.33%”).
  assert.equal(percentWord('down', { amountUp: '增加', amountDown: '减少', percentUp: '增长', percentDown: '减少', flat: '持平' }), '减少');

  const flat = computeChange(d('5.40'), d('5.4'));
  assert.equal(flat.direction, 'flat');
  assert.equal(amountWord(flat.direction), '持平');
});

test('a difference that prints as 0.00 is 持平, not 增加0.00', () => {
  assert.equal(computeChange(d('10.004'), d('10'), 2).direction, 'flat');
  assert.equal(computeChange(d('10.005'), d('10'), 2).direction, 'up');
});

test('zero base: growth from 0 has no rate (the seeds print 100%), a fall to 0 is 100%', () => {
  const fromZero = computeChange(d('12.00'), d('0'));
  assert.equal(fromZero.direction, 'up');
  assert.equal(fromZero.zeroBase, true);
  assert.equal(fromZero.percent, undefined);
  const toZero = computeChange(d('0'), d('4.3'));
  assert.equal(toZero.direction, 'down');
  assert.equal(toZero.zeroBase, false);
  assert.equal(formatPercent(toZero.percent!, { decimals: 2, trim: false }), '100.00');
  const zeroZero = computeChange(d('0'), d('0'));
  assert.equal(zeroZero.direction, 'flat');
  assert.equal(zeroZero.zeroBase, false);
});
