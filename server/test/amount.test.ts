import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAmount } from '../src/service/amount/amount';
import { compareSum, comparePrinted, Dec, percentage, roundHalfUp, formatFixed } from '../src/service/amount/rounding';
import { formatLike, withThousands } from '../src/service/amount/format';
import { convert } from '../src/service/amount/units';

function value(text: string): string {
  const parsed = parseAmount(text);
  assert.ok(parsed.ok, `${text} should parse`);
  return parsed.amount.value.toFixed(parsed.amount.decimals);
}

test('amounts are read from their text as printed', () => {
  assert.equal(value('529.20'), '529.20');
  assert.equal(value('6,465.30'), '6465.30');
  assert.equal(value('６，４６５．３０'), '6465.30');
  assert.equal(value(' 12 '), '12');
  assert.equal(value('-0.10'), '-0.10');
  assert.equal(parseAmount('0.10').ok && parseAmount('0.10').ok ? (parseAmount('0.10') as { amount: { decimals: number } }).amount.decimals : -1, 2);
});

test('blank cells are zero and marked blank', () => {
  for (const text of ['', '-', '—', '~', '  ']) {
    const parsed = parseAmount(text);
    assert.ok(parsed.ok && parsed.amount.blank && parsed.amount.value.isZero(), text);
  }
});

test('text that is not an amount is rejected', () => {
  for (const text of ['12.3.4', 'abc', '1,23', '12万元', 'NaN', 'Infinity', '1e5']) assert.equal(parseAmount(text).ok, false, text);
});

test('huge amounts keep every digit (no JavaScript number)', () => {
  assert.equal(value('123456789012345678901234.56'), '123456789012345678901234.56');
});

test('the rounding rule: half-up to the printed decimals', () => {
  assert.equal(roundHalfUp(new Dec('42.215'), 2).toFixed(2), '42.22');
  assert.equal(comparePrinted(new Dec('42.21'), 2, new Dec('42.2146')), 'equal');
  assert.equal(comparePrinted(new Dec('42.22'), 2, new Dec('42.2146')), 'mismatch');
  assert.equal(comparePrinted(new Dec('42.22'), 2, new Dec('42.2146'), new Dec('0.01')), 'rounding');
});

test('a sum of n rounded figures may differ by n half units (尾数误差)', () => {
  // Seed 004 表6: classes add to 1675.77, the printed total is 1675.78 (4 parts).
  assert.equal(compareSum(new Dec('1675.78'), 2, new Dec('1675.77'), 4, 2), 'rounding');
  assert.equal(compareSum(new Dec('1675.78'), 2, new Dec('1675.78'), 4, 2), 'equal');
  assert.equal(compareSum(new Dec('1675.78'), 2, new Dec('1675.70'), 4, 2), 'mismatch');
  // One part: no tolerance beyond half a unit.
  assert.equal(compareSum(new Dec('10.01'), 2, new Dec('10.00'), 1, 2), 'mismatch');
});

test('percentages are exact until compared', () => {
  assert.equal(formatFixed(percentage(new Dec('223.40'), new Dec('529.20'))!, 2), '42.21');
  assert.equal(percentage(new Dec(1), new Dec(0)), undefined);
});

test('fixes keep the printed style of the cell they replace', () => {
  assert.equal(formatLike(new Dec('6465.3'), '"6,465.20"'.replace(/"/g, '')), '6,465.30');
  assert.equal(formatLike(new Dec('12'), '11.0'), '12.0');
  assert.equal(formatLike(new Dec('12.345'), undefined), '12.35');
  assert.equal(withThousands('-1234567.10'), '-1,234,567.10');
});

test('元 and 万元 convert exactly', () => {
  assert.equal(convert(new Dec('5292000'), '元', '万元').toString(), '529.2');
  assert.equal(convert(new Dec('529.20'), '万元', '元').toString(), '5292000');
});
