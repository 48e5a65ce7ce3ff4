import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findings, spanText } from '../helpers';
import { withParagraph } from './fixtures';

test('review/reason fires on a change of 10% or more without its reason', () => {
  const text = withParagraph('机关运行经费支出预算24.70万元，比2021年增加15.10万元，增长157.29%。');
  const found = findings(text, 'review/reason');
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), '157.29%');
  assert.equal(found[0].severity, 'warning');
});

test('review/reason does not fire when the reason follows, or below the threshold', () => {
  // Seed 000 (九（一）) and seed 003 (四).
  assert.equal(findings(withParagraph('机关运行经费支出预算24.70万元，比2021年增加15.10万元，增长157.29%，主要原因：2022年度实有在编人数较2021年预算时增加。'), 'review/reason').length, 0);
  assert.equal(findings(withParagraph('一般公共预算收支预算减少1140.30万元，下降17.18%，主要原因：项目调整至政府性基金收支预算。'), 'review/reason').length, 0);
  assert.equal(findings(withParagraph('收、支总计各减少379.10万元，下降5.54%。'), 'review/reason').length, 0);
});

test('review/reason: the threshold is the reasonThreshold setting', () => {
  const text = withParagraph('收、支总计各减少379.10万元，下降5.54%。');
  assert.deepEqual(findings(text, 'review/reason', { reasonThreshold: 5 }).map((f) => spanText(text, f)).filter((s) => s === '5.54%'), ['5.54%']);
  assert.equal(findings(withParagraph('比2021年增加15.10万元，增长15.00%。'), 'review/reason', { reasonThreshold: 20 }).length, 0);
});

test('review/reason: a total whose breakdown follows (“具体支出情况如下”) is explained by its items (seed 003 七)', () => {
  const paragraphs = [
    '2024年“三公”经费预算数比2023年减少0.90万元，下降21.95%。',
    '具体支出情况如下：',
    '（二）公务接待费 1.20万元，预算数比2023年增加0.50万元，增长71.43%，主要原因：地市间交叉检查、交流活动增多。',
  ].join('\n      ');
  assert.equal(findings(withParagraph(paragraphs), 'review/reason').length, 0);
  const noItemReason = paragraphs.replace('，主要原因：地市间交叉检查、交流活动增多', '');
  assert.equal(findings(withParagraph(noItemReason), 'review/reason').length, 2);
});
