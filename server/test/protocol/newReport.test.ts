import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspTestClient } from './lspTestClient';
import { NewReportRequest, ReportTemplatesRequest } from '../../../protocol/src/protocol';
import { reportSkeleton } from '../../src/service/skeleton/skeleton';

// Issue 15: 新建预算公开报告 asks the server for the templates and the skeleton; the skeleton is
// the one `budget-check new` writes, and the server finds nothing wrong in it.

let server: LspTestClient;
before(async () => {
  server = await LspTestClient.start();
});
after(() => server.stop());

test('budget/reportTemplates and budget/newReport give the skeleton budget-check new writes, which checks clean', async () => {
  const { templates } = await server.connection.sendRequest(ReportTemplatesRequest.type);
  assert.deepEqual(templates.map((t) => t.id).sort(), ['hebei-pingxiang', 'henan-jiyuan', 'henan-qinyang', 'shaanxi-changan']);
  assert.ok(templates.every((t) => t.title.includes('模板')));
  let version = 0;
  for (const { id } of templates) {
    for (const kind of ['unit', 'department']) {
      const result = await server.connection.sendRequest(NewReportRequest.type, { kind, template: id, year: 2026, department: '示例县统计局' });
      assert.equal(result.text, reportSkeleton({ kind: kind as 'unit', template: id, year: 2026, department: '示例县统计局' }));
      const uri = `file:///new/${id}-${kind}.budget.yaml`;
      await server.open(uri, result.text!, ++version);
      const published = await server.diagnostics(uri, version);
      assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.message), [], `${id} ${kind}`);
    }
  }
});

test('budget/newReport says why it cannot write a report', async () => {
  const template = await server.connection.sendRequest(NewReportRequest.type, { kind: 'unit', template: 'shanghai', year: 2026, department: 'x' });
  assert.equal(template.text, undefined);
  assert.match(template.error ?? '', /没有模板“shanghai”/);
  const name = await server.connection.sendRequest(NewReportRequest.type, { kind: 'unit', template: 'henan-jiyuan', year: 2026, department: ' ' });
  assert.match(name.error ?? '', /部门名称/);
  const year = await server.connection.sendRequest(NewReportRequest.type, { kind: 'unit', template: 'henan-jiyuan', year: 26, department: 'x' });
  assert.match(year.error ?? '', /年份/);
});
