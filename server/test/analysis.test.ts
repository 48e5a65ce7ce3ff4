import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createBudgetService } from '../src/service/budgetService';
import { createCodeTables } from '../src/node/dataFiles';
import type { CodeTables } from '../src/service/codes/codeTables';
import { runRules } from '../src/service/rules/validate';
import { RULES } from '../src/service/rules/registry';
import type { Rule } from '../src/service/rules/ruleTypes';
import { messagesFor } from '../src/service/i18n/l10n';
import { checkFiles, exitStatus, EXIT_INTERNAL_ERROR } from '../src/cli';
import { readSample, SAMPLES, service } from './helpers';
import * as path from 'path';

/**
 * The analysis object of a document version (service/analysis): results computed once from
 * declared inputs, and bugs of the checker that can neither hide nor pass for findings.
 */

const SAMPLE = readSample('004-changan-2022.budget.yaml');

/** Code tables whose every method throws: any rule or reader that consults them meets a bug. */
function brokenTables(): CodeTables {
  const real = createCodeTables().tables;
  return new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return () => {
        throw new TypeError(`injected failure in codes.${String(property)}`);
      };
    },
  });
}

test('one analysis per document version and inputs; a new locale or setting is a new analysis', () => {
  const s = service();
  const document = s.parse(SAMPLE);
  const zh = s.analyze(document);
  assert.equal(s.analyze(document, {}), zh);
  assert.equal(s.analyze(document, {}, 'zh-cn').validation(), zh.validation(), 'computed once');
  const en = s.analyze(document, {}, 'en');
  assert.notEqual(en, zh);
  assert.notEqual(s.analyze(document, { tolerance: '0.01' }), zh);
  // Both analyses stay correct side by side, whichever was asked last (the text/* findings too).
  for (let round = 0; round < 2; round++) {
    const chinese = zh.validation().findings.filter((f) => f.rule.startsWith('text/')).map((f) => f.message);
    const english = en.validation().findings.filter((f) => f.rule.startsWith('text/')).map((f) => f.message);
    assert.ok(chinese.length > 0);
    assert.equal(english.length, chinese.length);
    assert.ok(chinese.every((m) => /[\u4e00-\u9fff]/.test(m)));
    assert.ok(english.every((m, i) => m !== chinese[i]), english.join('\n'));
  }
  // Hovers speak the analysis' locale too.
  const offset = SAMPLE.lastIndexOf('73.98') + 1;
  assert.equal(zh.claimAt(offset)?.text, '73.98');
  assert.notEqual(zh.claimAt(offset), undefined);
});

test('a rule that throws ends as internal-error with its stack; the other rules are unaffected', () => {
  const s = service();
  const document = s.parse(SAMPLE);
  const analysis = s.analyze(document);
  const throwing: Rule = { id: 'test/throws', area: 'review', severity: 'error', title: 'throws', run: () => { throw new RangeError('injected'); } };
  const context = { document, report: document.report, text: document.text, codes: s.codeTables, settings: analysis.inputs.settings, messages: analysis.inputs.messages, prose: () => analysis.prose() };
  const result = runRules(context, [throwing, ...RULES]);
  const outcome = new Map(result.ledger.map((e) => [e.rule, e.outcome]));
  assert.equal(outcome.get('test/throws'), 'internal-error');
  assert.equal(result.internalErrors.length, 1);
  assert.equal(result.internalErrors[0].where, 'test/throws');
  assert.match(result.internalErrors[0].stack ?? '', /RangeError: injected/);
  // No finding blames the document for the bug, and its text is nowhere in a message.
  assert.ok(result.findings.every((f) => !/injected/.test(f.message)));
  assert.deepEqual(result.findings, analysis.validation().findings);
});

test('a prose reader that fails makes every text/* rule internal-error, never not-applicable with 0 claims', () => {
  const broken = createBudgetService({ codeTables: brokenTables() });
  const result = broken.validate(broken.parse(SAMPLE));
  const outcome = new Map(result.ledger.map((e) => [e.rule, e.outcome]));
  for (const rule of ['text/amount', 'text/share', 'text/change', 'text/parts', 'text/year', 'text/count']) assert.equal(outcome.get(rule), 'internal-error', rule);
  assert.equal(result.internalErrors.filter((e) => e.where === 'prose').length, 1, 'the reading failed once and is reported once');
  assert.ok(result.internalErrors.some((e) => e.where.startsWith('code/')), 'code rules met the broken tables too');
  assert.ok(result.internalErrors.every((e) => /injected failure/.test(e.stack ?? e.message)));
  // The good tables give no internal error on any sample (also asserted by the golden test).
  assert.deepEqual(service().validate(service().parse(SAMPLE)).internalErrors, []);
});

test('budget-check: internal errors go to stderr with their stack and give exit status 3', () => {
  const broken = createBudgetService({ codeTables: brokenTables() });
  const err: string[] = [];
  const file = path.join(SAMPLES, '004-changan-2022.budget.yaml');
  const { results, unreadable } = checkFiles(broken, [file], {}, messagesFor('zh-cn'), { stdout: () => undefined, stderr: (s) => err.push(s) });
  assert.equal(exitStatus(results, unreadable), EXIT_INTERNAL_ERROR);
  assert.ok(err.some((line) => line.includes('内部错误') && line.includes('injected failure') && /at /.test(line)), err.join(''));
  // Findings never carry the internal English text.
  assert.ok(results[0].diagnostics.every((d) => !/injected|TypeError/.test(d.message)));
  const good = checkFiles(service(), [file], {}, messagesFor('zh-cn'), { stdout: () => undefined, stderr: () => undefined });
  assert.equal(exitStatus(good.results, good.unreadable), 1, 'the sample has real errors: exit 1, not 3');
});

test('the same finding is never reported twice at the same place', () => {
  const s = service();
  const document = s.parse(SAMPLE);
  const analysis = s.analyze(document);
  const span = document.report.tables.get('expense')!.keySpan;
  const twice = (id: string): Rule => ({ id, area: 'review', severity: 'warning', title: id, run: (_c, run) => { run.report({ span, message: 'same' }); run.report({ span, message: 'same' }); } });
  const context = { document, report: document.report, text: document.text, codes: s.codeTables, settings: analysis.inputs.settings, messages: analysis.inputs.messages, prose: () => analysis.prose() };
  const result = runRules(context, [twice('test/a'), twice('test/b')]);
  assert.equal(result.findings.filter((f) => f.message === 'same').length, 1);
  // Different messages at one place are different findings.
  const other: Rule = { id: 'test/c', area: 'review', severity: 'warning', title: 'c', run: (_c, run) => run.report({ span, message: 'other' }) };
  assert.equal(runRules(context, [twice('test/a'), other]).findings.length, 2);
});
