import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { describeError } from '../service/i18n/plainError';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import { reportSkeleton, skeletonProblem, skeletonTemplates } from '../service/skeleton/skeleton';
import type { ReportKind } from '../service/model/types';

/**
 * budget-check new --kind unit|department --template ID [--year YYYY] [--department NAME]
 *                  [-o report.budget.yaml] [--force] [--locale zh-cn|en]
 *
 * Writes the skeleton of a new report (service/skeleton): every table the template requires,
 * published empty with its 空表 note and columns, and every section of its 情况说明 by title. It
 * checks without error. The department defaults to the output file's name, the year to next
 * year (budgets are drafted the year before). An existing file is never overwritten without
 * --force. Exit 0 when written, 2 for usage errors, an unknown kind or template, an existing
 * file or one that cannot be written.
 */
export const NEW_USAGE = 'usage: budget-check new --kind unit|department --template ID [--year YYYY] [--department NAME] [-o report.budget.yaml] [--force] [--locale zh-cn|en]';

interface NewOptions {
  readonly kind: string;
  readonly template: string;
  readonly year: number;
  readonly department?: string;
  readonly output?: string;
  readonly force: boolean;
  readonly locale?: string;
}

function readOptions(argv: readonly string[]): NewOptions | string {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: false,
    options: {
      kind: { type: 'string' },
      template: { type: 'string' },
      year: { type: 'string' },
      department: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string') return parsed;
  const { values } = parsed;
  setFrontEndLocale(values.locale ?? 'zh-cn');
  if (values.help || !values.kind || !values.template) return NEW_USAGE;
  const year = values.year === undefined ? new Date().getFullYear() + 1 : Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return t('--year takes a year such as 2026');
  return { kind: values.kind, template: values.template, year, department: values.department, output: values.output, force: values.force, locale: values.locale };
}

/** The department named by a report's file name (`示例县统计局.budget.yaml` → 示例县统计局). */
function departmentOf(output: string | undefined): string | undefined {
  const name = output ? path.basename(output).replace(/\.budget\.ya?ml$|\.ya?ml$/i, '') : '';
  return name.trim() || undefined;
}

export async function runNew(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = readOptions(argv);
  if (typeof options === 'string') {
    io.stderr(options + '\n');
    return 2;
  }
  const templates = skeletonTemplates();
  if (skeletonProblem(options.kind, options.template)) {
    io.stderr((options.kind !== 'unit' && options.kind !== 'department'
      ? t('new: unknown kind {0}: unit (单位预算) or department (部门预算)', options.kind)
      : t('new: unknown template {0}; the bundled templates are {1}', options.template, templates.map((x) => `${x.id}（${x.title}）`).join('、'))) + '\n');
    return 2;
  }
  const department = options.department?.trim() || departmentOf(options.output);
  if (!department) {
    io.stderr(t('new: name the department with --department, or write the report to a file named after it (-o 名称.budget.yaml)') + '\n');
    return 2;
  }
  const text = reportSkeleton({ kind: options.kind as ReportKind, template: options.template, year: options.year, department });
  if (!options.output) {
    io.stdout(text);
    return 0;
  }
  try {
    // `wx` never replaces a file that exists, even one created between a check and the write.
    fs.writeFileSync(options.output, text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(t('new: {0} exists; nothing was written (--force replaces it)', options.output) + '\n');
    } else {
      io.stderr(t('budget-check: cannot write {0}: {1}', options.output, describeError('budget-check new', error)) + '\n');
    }
    return 2;
  }
  io.stderr(t('new: wrote {0} ({1}, template {2}, {3})', options.output, department, options.template, options.year) + '\n');
  return 0;
}
