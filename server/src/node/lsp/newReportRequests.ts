import { t } from '../../service/i18n/l10n';
import type { ReportKind } from '../../service/model/types';
import { reportSkeleton, skeletonProblem, skeletonTemplates } from '../../service/skeleton/skeleton';
import { NewReportParams, NewReportRequest, NewReportResult, ReportTemplatesRequest, ReportTemplatesResult } from '../../../../protocol/src/protocol';
import type { ServerContext } from './serverContext';

/**
 * 新建预算公开报告 for the editor: the templates to choose from, and the skeleton text (the same
 * pure function as `budget-check new`). The client asks, writes the file and opens it. Callers
 * run these inside `withMessages` of the client's locale.
 */
export function reportTemplates(): ReportTemplatesResult {
  return { templates: skeletonTemplates() };
}

export function newReport(params: NewReportParams): NewReportResult {
  const kind = String(params?.kind ?? '');
  const template = String(params?.template ?? '');
  const year = Number(params?.year);
  const department = String(params?.department ?? '').trim();
  if (skeletonProblem(kind, template)) {
    return { error: kind !== 'unit' && kind !== 'department' ? t('new: unknown kind {0}: unit (单位预算) or department (部门预算)', kind) : t('new: unknown template {0}; the bundled templates are {1}', template, skeletonTemplates().map((x) => x.id).join('、')) };
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { error: t('--year takes a year such as 2026') };
  if (!department) return { error: t('new: name the department with --department, or write the report to a file named after it (-o 名称.budget.yaml)') };
  return { text: reportSkeleton({ kind: kind as ReportKind, template, year, department }) };
}

/** The templates and the skeleton of a new report. */
export function registerNewReportRequests(context: ServerContext): void {
  context.connection.onRequest(ReportTemplatesRequest.type, () => reportTemplates());
  context.connection.onRequest(NewReportRequest.type, (params) => newReport(params));
}
