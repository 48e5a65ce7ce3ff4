import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { normalizeLabel } from '../../src/service/prose/dictionary';
import type { Topic } from '../../src/service/prose/dictionary';
import type { NumberToken } from '../../src/service/prose/numbers';
import { ReaderState } from '../../src/service/prose/reading';
import type { Item } from '../../src/service/prose/reading';
import { tokenize } from '../../src/service/prose/tokenizer';
import { recogniseItem } from '../../src/service/prose/recognise/amount';
import { changeTakingRate, directionWordBefore, recogniseDelta, recogniseFlat, recogniseRate, statedRate } from '../../src/service/prose/recognise/change';
import { enumerationAfter, isSubsetCount } from '../../src/service/prose/recognise/count';
import { recogniseList } from '../../src/service/prose/recognise/parts';
import { recogniseShare } from '../../src/service/prose/recognise/share';
import { recogniseYear, yearOpensClause } from '../../src/service/prose/recognise/year';

const TOPIC: Topic = { id: 'other', title: '其他', scope: 'all', claims: true };

/** A reader state over a text, with the tokens of the number written `text` (the n-th). */
function setup(text: string): { state: ReaderState; number: (written: string, nth?: number) => NumberToken; item: (written: string) => Item } {
  const state = new ReaderState(tokenize(text), TOPIC);
  const number = (written: string, nth = 0): NumberToken => state.tokens.numbers.filter((t) => t.text === written)[nth];
  const item = (written: string): Item => {
    const token = number(written);
    const sentence = state.tokens.sentenceAt(token.start)!;
    const start = state.tokens.windowStart(token.start, sentence);
    const recognised = recogniseItem(state, token, start, text.slice(start, token.start), sentence);
    state.items.push(recognised);
    return recognised;
  };
  return { state, number, item };
}

function windowOf(state: ReaderState, token: NumberToken): { start: number; window: string; compact: string } {
  const start = state.tokens.windowStart(token.start, state.tokens.sentenceAt(token.start)!);
  const window = state.text.slice(start, token.start);
  return { start, window, compact: normalizeLabel(window) };
}

test('amount recogniser: a money number with the dictionary label before it', () => {
  const { item } = setup('2022年收入总计529.20万元。');
  const total = item('529.20');
  assert.equal(total.kind, 'money');
  assert.equal(total.match?.figure.id, 'income_total');
  assert.equal(total.years.map((y) => y.text).join(), '2022');
});

test('share recogniser: 占 after a part is a share of it; a percentage without 占 is not', () => {
  const text = '基本支出223.40万元，占42.21%，比上年增长5.00%。';
  const { state, number, item } = setup(text);
  const part = item('223.40');
  const share = number('42.21');
  const sentence = state.tokens.sentenceAt(share.start)!;
  const recognised = recogniseShare(state, share, windowOf(state, share).compact, sentence);
  assert.ok(recognised);
  assert.equal(recognised.part, part);
  assert.equal(recognised.wholeWords, '');
  const rate = number('5.00');
  assert.equal(recogniseShare(state, rate, windowOf(state, rate).compact, sentence), undefined);
});

test('change recogniser: a Δ with its direction word and the rate that follows it, as one change', () => {
  const text = '收入总计529.20万元，比上年减少203.20万元，下降27.74%。';
  const { state, number, item } = setup(text);
  const subject = item('529.20');
  const deltaToken = number('203.20');
  const sentence = state.tokens.sentenceAt(deltaToken.start)!;
  const { start, window, compact } = windowOf(state, deltaToken);
  const word = directionWordBefore(compact);
  assert.ok(word);
  const change = recogniseDelta(state, deltaToken, start, window, word[1], sentence);
  assert.deepEqual({ direction: change.delta?.direction, word: change.delta?.word, subject: change.subjectItem, rate: change.rate }, { direction: -1, word: '减少', subject, rate: undefined });
  state.changes.push(change);
  const rateToken = number('27.74');
  const rateWord = directionWordBefore(windowOf(state, rateToken).compact);
  assert.ok(rateWord);
  const rate = statedRate(rateToken, rateWord[0]);
  assert.deepEqual({ direction: rate.direction, word: rate.word }, { direction: -1, word: '下降' });
  assert.equal(changeTakingRate(state, rate, sentence), change);
});

test('change recogniser: no direction word is no change; a rate in another sentence is a change of its own', () => {
  const text = '收入总计529.20万元，比上年增加203.20万元。支出总计增长62.33%。';
  const { state, number, item } = setup(text);
  item('529.20');
  assert.equal(directionWordBefore(windowOf(state, number('529.20')).compact), null);
  const deltaToken = number('203.20');
  const d = windowOf(state, deltaToken);
  state.changes.push(recogniseDelta(state, deltaToken, d.start, d.window, directionWordBefore(d.compact)![1], state.tokens.sentenceAt(deltaToken.start)!));
  const rateToken = number('62.33');
  const sentence = state.tokens.sentenceAt(rateToken.start)!;
  const r = windowOf(state, rateToken);
  const rate = statedRate(rateToken, directionWordBefore(r.compact)![0]);
  assert.equal(changeTakingRate(state, rate, sentence), undefined);
  const own = recogniseRate(state, rate, r.start, sentence);
  assert.equal(own.delta, undefined);
  assert.equal(own.subjectMatch?.figure.id, 'expense_total');
});

test('change recogniser: 持平 names the figure before it', () => {
  const text = '收入总计与上年持平。';
  const { state } = setup(text);
  const at = text.indexOf('持平');
  const sentence = state.tokens.sentenceAt(at)!;
  const flat = recogniseFlat(state, at, state.tokens.windowStart(at, sentence), sentence);
  assert.deepEqual(flat.flat, { start: at, end: at + 2, text: '持平' });
  assert.equal(flat.subjectMatch?.figure.id, 'income_total');
});

test('year recogniser: the role of a year from the words around it', () => {
  const text = '2022年收入总计529.20万元，与2021年相比增加，截至2021年底结余0万元，2021年结转10万元。';
  const { state, number } = setup(text);
  const sentence = state.tokens.sentences[0];
  const roles = ['2022', '2021'].flatMap((y) => state.tokens.numbers.filter((t) => t.text === y)).sort((a, b) => a.start - b.start).map((t) => recogniseYear(state, t, sentence).role);
  assert.deepEqual(roles, ['label', 'comparison', 'stock', 'carryover']);
  assert.equal(yearOpensClause(state, number('2022'), sentence), false);
  assert.equal(yearOpensClause(state, number('2021', 2), sentence), true);
});

test('parts recogniser: 其中 opens a list of the figure before it, and nothing without one', () => {
  const text = '支出总计529.20万元，其中：基本支出223.40万元。其中：项目支出。';
  const { state, item } = setup(text);
  const whole = item('529.20');
  const at = text.indexOf('其中');
  const list = recogniseList(state, at, '其中：', state.tokens.sentenceAt(at)!);
  assert.ok(list);
  assert.equal(list.whole, whole);
  assert.equal(list.closeOn, 'sentence');
  // Fresh state: no figure before the opener, no list.
  const empty = setup('其中：基本支出223.40万元。').state;
  assert.equal(recogniseList(empty, 0, '其中：', empty.tokens.sentences[0]), undefined);
});

test('count recogniser: the names a count counts, and a count of those that did something', () => {
  const text = '内设机构3个，包括：办公室、财务科、法规科。2个预算单位开展了绩效评价。';
  const { state, number } = setup(text);
  const three = number('3');
  assert.deepEqual(enumerationAfter(state, three, state.tokens.sentenceAt(three.start)!), { names: ['办公室', '财务科', '法规科'], numbered: false });
  const two = number('2');
  assert.equal(enumerationAfter(state, two, state.tokens.sentenceAt(two.start)!), undefined);
  assert.equal(isSubsetCount(state, two), true);
  assert.equal(isSubsetCount(state, three), false);
});
