import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { directionOf, DIRECTION_AT_END, tokenize } from '../../src/service/prose/tokenizer';

const TEXT = '2022年收入总计529.20万元，比上年增加203.20万元，增长62.33%。其中：基本支出223.40万元；项目支出305.80万元。\n与上年持平。';

test('tokenizer: sentences, and numbers with their exact ranges, units and percent marks', () => {
  const tokens = tokenize(TEXT);
  assert.deepEqual(tokens.sentences.map((s) => s.text), [
    '2022年收入总计529.20万元，比上年增加203.20万元，增长62.33%。',
    '其中：基本支出223.40万元；项目支出305.80万元。',
    '与上年持平。',
  ]);
  assert.deepEqual(tokens.sentences.map((s) => s.line), [0, 0, 1]);
  // Each number covers exactly its characters; unitEnd covers its unit (万元, %, 年).
  assert.deepEqual(tokens.numbers.map((n) => [TEXT.slice(n.start, n.end), TEXT.slice(n.end, n.unitEnd), n.kind, n.index]), [
    ['2022', '年', 'year', 0],
    ['529.20', '万元', 'money', 1],
    ['203.20', '万元', 'money', 2],
    ['62.33', '%', 'percent', 3],
    ['223.40', '万元', 'money', 4],
    ['305.80', '万元', 'money', 5],
  ]);
  assert.equal(tokens.numbers[3].decimals, 2);
  assert.equal(tokens.numbers[1].moneyUnit, '万元');
});

test('tokenizer: marks in text order, breaks before openers before numbers at one offset', () => {
  const tokens = tokenize(TEXT);
  const marks = tokens.marks.map((m) => `${m.kind}${m.text ? ':' + m.text : m.token ? ':' + m.token.text : ''}`);
  assert.deepEqual(marks, [
    'token:2022', 'token:529.20', 'token:203.20', 'token:62.33', 'sentence',
    'opener:其中：', 'token:223.40', 'semicolon', 'token:305.80', 'sentence',
    'sentence', 'flat:持平', 'sentence',
  ]);
  assert.deepEqual(tokens.openers.map((o) => o.at), [TEXT.indexOf('其中')]);
  // A bracket closes before the number right after it.
  const bracket = tokenize('（含税）12.00万元').marks.map((m) => m.kind);
  assert.deepEqual(bracket, ['paren', 'token']);
});

test('tokenizer: the words of a number start after the last number, break or opener', () => {
  const tokens = tokenize(TEXT);
  const [year, total, delta, rate, basic] = tokens.numbers;
  const first = tokens.sentences[0];
  assert.equal(TEXT.slice(tokens.windowStart(total.start, first), total.start), '2022年收入总计');
  assert.equal(TEXT.slice(tokens.windowStart(delta.start, first), delta.start), '比上年增加');
  assert.equal(TEXT.slice(tokens.windowStart(rate.start, first), rate.start), '增长');
  assert.equal(TEXT.slice(tokens.windowStart(basic.start, tokens.sentences[1]), basic.start), '基本支出');
  // The year of the clause, not of another clause.
  assert.deepEqual(tokens.clauseYears(total.start, first), [year]);
  assert.deepEqual(tokens.clauseYears(delta.start, first), []);
  assert.equal(tokens.lastNumberBefore(delta.start), total.index);
  assert.equal(tokens.lastNumberBefore(0), -1);
  assert.equal(tokens.lineStartOf(TEXT.indexOf('持平')), TEXT.indexOf('与上年'));
});

test('tokenizer: direction words', () => {
  assert.equal(directionOf('增长'), 1);
  assert.equal(directionOf('减少'), -1);
  assert.equal(directionOf('降幅'), -1);
  assert.equal(directionOf('持平'), 0);
  assert.equal(DIRECTION_AT_END.exec('比上年增加了约')?.[1], '增加');
  assert.equal(DIRECTION_AT_END.exec('收入总计'), null);
});

test('tokenizer: an empty text has no sentences, numbers or marks', () => {
  const tokens = tokenize('');
  assert.equal(tokens.sentences.length, 0);
  assert.equal(tokens.numbers.length, 0);
  assert.equal(tokens.marks.length, 0);
});
