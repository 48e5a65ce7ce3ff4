import skeletonData from '../../../../data/review/skeletons.json';
import templatesData from '../../../../data/review/templates.json';
import { TABLE_DEFS } from '../model/tableDefs';
import type { ReportKind, TableKey } from '../model/types';
import { requiredTables } from '../rules/review/tableRules';

/**
 * A first report that checks without error (issue 15): the skeleton of a new report — every
 * table its template requires, published empty with its 空表 note and its columns, and every
 * section of the template's 情况说明 by title — and the empty table the review/missing-table
 * quick fix inserts. Pure functions: the command line (`budget-check new`), the language server
 * (the editor's 新建预算公开报告) and the quick fix share them.
 */

type LayoutNode = string | { readonly title: string; readonly sections?: readonly LayoutNode[] };

interface SkeletonData {
  readonly emptyNote: string;
  readonly titles: Readonly<Record<string, string>>;
  readonly columns: Readonly<Record<string, readonly string[]>>;
  readonly scalars: Readonly<Record<string, readonly string[]>>;
  readonly layouts: Readonly<Record<string, readonly LayoutNode[]>>;
}

const DATA = skeletonData as unknown as SkeletonData;
const TEMPLATE_TITLES = (templatesData as { templates: Record<string, { title?: string }> }).templates;

export interface ReportTemplateInfo {
  readonly id: string;
  readonly title: string;
}

/** The templates a new report can be written for (those with a layout of their 情况说明). */
export function skeletonTemplates(): ReportTemplateInfo[] {
  return Object.keys(DATA.layouts).map((id) => ({ id, title: TEMPLATE_TITLES[id]?.title ?? id }));
}

export interface SkeletonOptions {
  readonly kind: ReportKind;
  readonly template: string;
  readonly year: number;
  readonly department: string;
}

/** What a title or note says: 部门 or 单位, the year, the department. */
export interface Wording {
  readonly kind?: ReportKind;
  readonly year?: number;
  readonly department?: string;
}

function fill(template: string, wording: Wording): string {
  return template
    .replace(/\{kind\}/g, wording.kind === 'unit' ? '单位' : '部门')
    .replace(/\{year\}/g, wording.year === undefined ? '' : String(wording.year))
    .replace(/\{department\}/g, wording.department ?? '');
}

/** The 空表 note of an empty table of this report. */
export function emptyNoteText(wording: Wording): string {
  return fill(DATA.emptyNote, wording);
}

/** A YAML scalar for a text: plain when that reads back the same, else double-quoted. */
export function yamlText(value: string): string {
  const plain = value.length > 0 && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/[:#]\s|\s#|:$|\s$|[\n\t"\\]/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[\d.]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * The lines of an empty table under `tables:` (its key at `indent`): title, its columns or blank
 * figures, and the 空表 note that says why it has no figures.
 */
export function emptyTableLines(key: TableKey, wording: Wording, indent: string): string[] {
  const inner = indent + '  ';
  const title = `${wording.year === undefined ? '' : `${wording.year}年`}${fill(DATA.titles[key] ?? key, wording)}`;
  const lines = [`${indent}${key}:`, `${inner}title: ${yamlText(title)}`];
  const columns = DATA.columns[key];
  if (columns) lines.push(`${inner}columns: [${columns.join(', ')}]`);
  for (const scalar of DATA.scalars[key] ?? []) lines.push(`${inner}${scalar}:`);
  lines.push(`${inner}note: ${yamlText(emptyNoteText(wording))}`);
  return lines;
}

function sectionLines(node: LayoutNode, wording: Wording, indent: string): string[] {
  const title = typeof node === 'string' ? node : node.title;
  const lines = [`${indent}- title: ${yamlText(fill(title, wording))}`];
  const children = typeof node === 'string' ? [] : node.sections ?? [];
  if (children.length > 0) {
    lines.push(`${indent}  sections:`);
    for (const child of children) lines.push(...sectionLines(child, wording, indent + '    '));
  }
  return lines;
}

/** Why a skeleton cannot be written (an unknown kind or template), or undefined. */
export function skeletonProblem(kind: string, template: string): string | undefined {
  if (kind !== 'unit' && kind !== 'department') return `kind: ${kind}`;
  if (!DATA.layouts[template]) return `template: ${template}`;
  return undefined;
}

/**
 * The text of a new report: header, every table the template requires (in the order of the
 * format), published empty, and the template's 情况说明 with every section by title. It checks
 * without error; the author fills the tables (removing each 空表 note) and writes the sections,
 * or lets 生成说明文字 write them from the tables.
 */
export function reportSkeleton(options: SkeletonOptions): string {
  const problem = skeletonProblem(options.kind, options.template);
  if (problem) throw new Error(`no skeleton for ${problem}`);
  const wording: Wording = options;
  const kindWord = options.kind === 'unit' ? '单位' : '部门';
  const { required } = requiredTables(options.template);
  const order = [...TABLE_DEFS.keys()];
  const tables = [...required].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const lines = [
    `# ${options.year}年${options.department}${kindWord}预算公开。每张表先以空表列示（附空表说明）；填入数字时删去该表的 note。`,
    'format: budget-report/1',
    `department: ${yamlText(options.department)}`,
    `kind: ${options.kind}`,
    `year: ${options.year}`,
    'unit: 万元',
    `template: ${options.template}`,
    `title: ${yamlText(`${options.department}${options.year}年${kindWord}预算`)}`,
    '',
    'tables:',
  ];
  for (const key of tables) lines.push(...emptyTableLines(key, wording, '  '), '');
  lines.push('narrative:');
  for (const part of DATA.layouts[options.template]) lines.push(...sectionLines(part, wording, '  '));
  return lines.join('\n') + '\n';
}
