import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { numberTokens } from '../../src/service/prose/numbers';
import { splitSentences } from '../../src/service/prose/sentences';
import { analyse, report, section } from './proseHelpers';
import { readSample, sampleFiles } from '../helpers';
import * as path from 'path';

const kinds = (text: string): string[] => numberTokens(text).map((t) => `${t.text}:${t.kind}${t.counter ? '/' + t.counter : ''}${t.moneyUnit ? '/' + t.moneyUnit : ''}`);

test('numbers: money, percentages, counts and years with their units (seed sentences)', () => {
  assert.deepEqual(kinds('济源产城融合示范区医疗保障局机关 2022 年收入总计 529.20 万元'), ['2022:year', '529.20:money/万元']);
  assert.deepEqual(kinds('其中：基本支出 223.40 万元，占 42.21%；'), ['223.40:money/万元', '42.21:percent']);
  assert.deepEqual(kinds('填报绩效目标的预算项目8个，公开绩效目标8个'), ['8:count/个', '8:count/个']);
  assert.deepEqual(kinds('共有车辆 3 辆，单价 20 万元以上的设备 0 台（套）。'), ['3:count/辆', '20:other', '0:count/台（套）']);
  assert.deepEqual(kinds('（1）机关事业单位基本养老保险缴费支出（2080505）61.02 万元'), ['1:ordinal', '2080505:code', '61.02:money/万元']);
  assert.deepEqual(kinds('政府采购预算共 664.98，为政府采购服务类预算'), ['664.98:bare']);
});

test('numbers: full-width digits and thousands separators are one number', () => {
  const [a] = numberTokens('收入总计 6,465.30 万元');
  assert.equal(a.value.toString(), '6465.3');
  assert.equal(a.decimals, 2);
  const [b] = numberTokens('收入总计６４６５．３０万元');
  assert.equal(b.value.toString(), '6465.3');
  assert.equal(b.kind, 'money');
  const [c] = numberTokens('收入总计6，465.30万元');
  assert.equal(c.text, '6，465.30');
  assert.equal(c.value.toString(), '6465.3');
});

test('numbers: thresholds, targets, document numbers and ranges are not figures', () => {
  assert.deepEqual(kinds('单价50万元以上通用设备0台（套）'), ['50:other', '0:count/台（套）']);
  assert.deepEqual(kinds('满意度≥95%，全年组织集中学习不低于60次'), ['95:other', '60:other']);
  assert.deepEqual(kinds('豫财社2023-248号提前下达'), ['2023:other', '248:other']);
  assert.deepEqual(kinds('1-6级伤残军人医疗费'), ['1:other', '6:other']);
  assert.deepEqual(kinds('其他用车主要是0车0辆'), ['0:other', '0:count/辆']);
});

test('sentences end at 。 and at line ends', () => {
  const sentences = splitSentences('收入总计 1 万元。支出总计 1 万元\n第二行');
  assert.deepEqual(sentences.map((s) => s.text), ['收入总计 1 万元。', '支出总计 1 万元', '第二行']);
  assert.deepEqual(sentences.map((s) => s.line), [0, 0, 1]);
});

test('ranges: the span of every claim of every sample is exactly its number', () => {
  for (const file of sampleFiles()) {
    const text = readSample(path.basename(file));
    const { analysis } = analyse(text);
    assert.ok(analysis.claims.length > 0, file);
    for (const claim of analysis.claims) assert.equal(text.slice(claim.span.start, claim.span.end), claim.text, `${file}: ${claim.sentence}`);
    for (const issue of analysis.issues) assert.ok(issue.span.end > issue.span.start, `${file}: ${issue.message}`);
  }
});

test('ranges: indentation, CRLF line ends and full-width digits map to the exact characters', () => {
  const tables = '  three_public:\n    total: 19.00\n    reception: 1.00\n    vehicle: 18.00\n';
  const body = report(2022, tables, section('七、“三公”经费支出预算情况说明', '第一行没有数字。', '“三公”经费预算为 １９．００ 万元。'));
  for (const text of [body, body.replace(/\n/g, '\r\n')]) {
    const { analysis } = analyse(text);
    const claim = analysis.claims.find((c) => c.kind === 'amount');
    assert.ok(claim);
    assert.equal(text.slice(claim.span.start, claim.span.end), '１９．００');
    assert.equal(claim.status, 'verified');
  }
});
