import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSample, service } from '../helpers';
import { nextYearReport } from '../../src/service/nextYear/nextYear';
import { yearFigures } from '../../src/service/crossYear/yearFigures';
import { isLastYearOf } from '../../src/service/crossYear/lastYear';
import { describeClaim } from '../../src/service/prose';
import type { Claim } from '../../src/service/prose';
import { toCheckSettings } from '../../src/service/settings';
import { reportHeader } from '../../src/node/lsp/lastYearIndex';

/**
 * Cross-year (issue 14): when last year's report of the same department is at hand, the
 * figures `previous:` lacks are taken from it, and the hover of a change says where its base
 * came from. The service takes last year's report as an input (the server finds it).
 */
function report2027WithoutPrevious(): string {
  const s = service();
  const rolled = nextYearReport(s.parse(readSample('005-putuo-justice-2026-department.budget.yaml')), { codes: s.codeTables, settings: toCheckSettings() }).text;
  // Only previous.year is left: the figures are to come from last year's report.
  return rolled.replace(/^previous:\n[\s\S]*?\n(?=tables:)/m, 'previous:\n  year: 2026\n\n');
}

test('cross-year: the figures previous: lacks come from last year\'s report of the same department', () => {
  const s = service();
  const text = report2027WithoutPrevious();
  const document = s.parse(text);
  assert.equal(document.report.previous.figures.size, 0);
  const last = s.parse(readSample('005-putuo-justice-2026-department.budget.yaml')).report;
  assert.ok(isLastYearOf({ department: document.report.department?.value, year: document.report.year }, { department: last.department?.value, year: last.year }));
  const lastYear = { id: '005#1', name: '005-putuo-justice-2026-department.budget.yaml', figures: yearFigures(last, s.codeTables) };

  const changes = (claims: readonly Claim[]): Claim[] => claims.filter((c) => c.kind === 'change' && /^\d/.test(c.text) && c.sentence.includes('比2026年预算') && !c.sentence.includes('执行数'));
  // The author's statements agree with one another: alone, nothing says they are wrong.
  const wrong = s.parse(text.split('比2026年预算增加0.00万元').join('比2026年预算增加5.00万元'));
  const alone = changes(s.analyze(wrong).prose().claims);
  assert.equal(alone.length, 3);
  assert.ok(alone.every((c) => c.status !== 'mismatched'));
  // With last year's report: 9628.22 against 9628.22 is no increase of 5.00.
  const checked = changes(s.analyze(wrong, undefined, undefined, lastYear).prose().claims);
  assert.deepEqual(checked.map((c) => [c.status, c.refresh?.text]), [['mismatched', '0.00'], ['mismatched', '0.00'], ['mismatched', '0.00']]);
  const right = changes(s.analyze(document, undefined, undefined, lastYear).prose().claims);
  const hover = describeClaim(right[0]);
  assert.match(hover, /上年预算数（取自上年报告 005-putuo-justice-2026-department\.budget\.yaml：/, hover);
  // Figures previous: gives win over last year's report.
  const given = s.analyze(s.parse(text.replace('previous:\n  year: 2026\n', 'previous:\n  year: 2026\n  fiscal: 10000\n')), undefined, undefined, lastYear).prose().claims;
  const fiscal = given.find((c) => c.kind === 'change' && c.sentence.startsWith('2027年，') && c.text === '0.00')!;
  assert.equal(fiscal.status, 'mismatched');
});

test('cross-year: a report\'s header is read without parsing the file', () => {
  assert.deepEqual(reportHeader('# x\ndepartment: 上海市普陀区司法局\nkind: department\nyear: 2026\n'), { department: '上海市普陀区司法局', year: 2026, kind: 'department' });
  assert.deepEqual(reportHeader('department: "A局"\nyear: "2025"\n'), { department: 'A局', year: 2025 });
  assert.equal(isLastYearOf({ department: 'A局', year: 2026 }, { department: 'A 局', year: 2025 }), true);
  assert.equal(isLastYearOf({ department: 'A局', year: 2026 }, { department: 'B局', year: 2025 }), false);
  assert.equal(isLastYearOf({ department: 'A局', year: 2026 }, { department: 'A局', year: 2024 }), false);
  // The 部门预算 and the 单位预算 of its 本部 share the name: not each other's last year.
  assert.equal(isLastYearOf({ department: 'A局', year: 2026, kind: 'department' }, { department: 'A局', year: 2025, kind: 'unit' }), false);
});
