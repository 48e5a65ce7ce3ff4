import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { parseBudgetDocument } from '../../src/service/document';
import { ImportXlsxRequest } from '../../../protocol/src/protocol';
import { applyEdits, LspTestClient } from '../protocol/lspTestClient';
import { DEPARTMENT_PDF } from './fixtures';

/**
 * The editor's import (从 Excel 或 PDF 导入…) with a PDF: the file travels base64 to the server
 * like a workbook; a new report gets tables and narrative, an existing report without a
 * narrative gets its tables replaced and the narrative added at its end.
 */

let server: LspTestClient;
before(async () => {
  server = await LspTestClient.start();
});
after(() => server.stop());

const data = (): string => fs.readFileSync(DEPARTMENT_PDF).toString('base64');

test('the import request reads a PDF into a new report with its tables and narrative', async () => {
  const result = await server.request(ImportXlsxRequest.type, { files: [{ name: '/reports/putuo.pdf', data: data() }] });
  assert.equal(result.mode, 'new', result.error);
  assert.deepEqual(result.problems, []);
  assert.equal(result.recognised.length, 10, 'nine tables and the 目录 as catalog');
  const report = parseBudgetDocument(result.text!).report;
  assert.equal(report.tables.size, 10);
  assert.equal(report.narrative.length, 6);
  assert.ok(result.sheets.some((line) => line.startsWith('putuo.pdf: ')));
});

test('into an open report without a narrative: tables replaced, the narrative added at the end', async () => {
  const uri = 'file:///tmp/pdf/existing.budget.yaml';
  const text = '# 手写的报告\ndepartment: 上海市普陀区司法局\nkind: department\nyear: 2026\nunit: 元\ntables:\n  three_public:\n    total: 1.00 # 待核对\n';
  await server.open(uri, text);
  await server.diagnostics(uri, 1);
  const result = await server.request(ImportXlsxRequest.type, { files: [{ name: 'putuo.pdf', data: data() }], into: uri });
  assert.equal(result.mode, 'merge', result.error);
  const merged = applyEdits(text, result.edits!);
  assert.ok(merged.startsWith('# 手写的报告\ndepartment: 上海市普陀区司法局\n'));
  const report = parseBudgetDocument(merged).report;
  assert.equal(report.tables.get('three_public')!.scalars.get('total')!.amount.text, '10.81');
  assert.equal(report.narrative[0].title?.value, '上海市普陀区司法局主要职能');
});
