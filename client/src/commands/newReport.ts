import * as vscode from 'vscode';
import { NewReportRequest, NewReportParams, ReportTemplatesRequest, ReportTemplatesResult } from '../../../protocol/src/protocol';
import { fileName } from '../documents';
import type { BudgetCommand } from './command';

/** What the command asks; given as an argument (tests, other extensions), nothing is asked. */
export interface NewReportOptions {
  readonly kind?: string;
  readonly template?: string;
  readonly year?: number;
  readonly department?: string;
  /** Where to write the report (a file that exists is replaced only after the user says so). */
  readonly uri?: string;
}

/** A report's file name ends in .budget.yaml, so that the checker opens it. */
function asReportUri(uri: vscode.Uri): vscode.Uri {
  if (/\.budget\.ya?ml$/i.test(uri.path)) return uri;
  return uri.with({ path: uri.path.replace(/\.ya?ml$/i, '') + '.budget.yaml' });
}

async function askKind(title: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Department budget (部门预算)'), description: 'department', detail: vscode.l10n.t('The department and its units together'), reportKind: 'department' },
      { label: vscode.l10n.t('Unit budget (单位预算)'), description: 'unit', detail: vscode.l10n.t('One budget unit'), reportKind: 'unit' },
    ],
    { title, placeHolder: vscode.l10n.t('Which report is it?') },
  );
  return picked?.reportKind;
}

async function askTemplate(title: string, templates: ReportTemplatesResult['templates']): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({ label: template.title, description: template.id, id: template.id })),
    { title, placeHolder: vscode.l10n.t('Which province\'s template does it follow?') },
  );
  return picked?.id;
}

async function askYear(title: string): Promise<number | undefined> {
  const next = new Date().getFullYear() + 1;
  const answer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The budget year'),
    value: String(next),
    validateInput: (value) => (/^20\d\d$/.test(value.trim()) ? undefined : vscode.l10n.t('A year such as {0}', next)),
  });
  return answer === undefined ? undefined : Number(answer.trim());
}

async function askDepartment(title: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The name of the department or unit, as it is printed'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The name is needed')),
  });
  return answer?.trim() || undefined;
}

/** Where the report goes: a save dialog in the workspace; an existing file only after the user says to replace it. */
async function target(department: string, given: string | undefined): Promise<vscode.Uri | undefined> {
  let uri: vscode.Uri | undefined;
  if (given) uri = vscode.Uri.parse(given);
  else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${department}.budget.yaml`) : undefined,
      filters: { [vscode.l10n.t('Budget reports')]: ['yaml', 'yml'] },
      title: vscode.l10n.t('Save the new report as'),
    });
  }
  if (!uri) return undefined;
  uri = asReportUri(uri);
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (!exists) return uri;
  const replace: vscode.MessageItem = { title: vscode.l10n.t('Replace') };
  const cancel: vscode.MessageItem = { title: vscode.l10n.t('Cancel'), isCloseAffordance: true };
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', fileName(uri)), { modal: true }, replace, cancel);
  return choice === replace ? uri : undefined;
}

/**
 * "新建预算公开报告": asks the kind (部门/单位), the province's template, the year and the name,
 * gets the skeleton from the server (the same function as `budget-check new`: every table the
 * template requires, empty with its 空表 note and columns, and the template's sections by
 * title), writes it and opens it. It checks without error; the author fills it in.
 */
export const newReport: BudgetCommand = {
  id: 'budget.newReport',
  async run({ client }, optionsArg?: unknown): Promise<string | undefined> {
    const given = (optionsArg && typeof optionsArg === 'object' ? optionsArg : {}) as NewReportOptions;
    const title = vscode.l10n.t('New Budget Report');
    const kind = given.kind ?? (await askKind(title));
    if (!kind) return undefined;
    const template = given.template ?? (await askTemplate(title, (await client.sendRequest(ReportTemplatesRequest.type)).templates));
    if (!template) return undefined;
    const year = given.year ?? (await askYear(title));
    if (year === undefined) return undefined;
    const department = given.department ?? (await askDepartment(title));
    if (!department) return undefined;
    const params: NewReportParams = { kind, template, year, department };
    const result = await client.sendRequest(NewReportRequest.type, params);
    if (result.error || result.text === undefined) {
      void vscode.window.showErrorMessage(result.error ?? vscode.l10n.t('The report could not be written.'));
      return undefined;
    }
    const uri = await target(department, given.uri);
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(result.text, 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    return uri.toString();
  },
};
