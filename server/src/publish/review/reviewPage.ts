import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { severityName as severityKey } from '../../service/protocol';
import { claimGroups, FileResult, severityCounts } from '../../service/fileResult';
import { Messages, t, withMessages } from '../../service/i18n/l10n';
import type { ClaimTally, LedgerEntry, Outcome } from '../../service/checkResults';
import { RULE_CATALOG } from '../../service/ruleCatalog';
import { escapeHtml } from '../html/renderHtml';
import { excerpt, ExcerptLine, textLines } from './excerpt';
import type { ReviewedReport, ReviewInputProblem } from './reviewedReport';
import { REVIEW_CSS } from './reviewCss';

/**
 * The page a reviewer hands on after `budget-check review --html`: an overview of every report,
 * then a section per report with its findings — each with the printed text around it (for a PDF,
 * the page and the text of the imported report) — and the ledger of its rules. One
 * self-contained file: inline CSS, no script, no request (a CSP that allows neither), A4 print.
 * Every text that comes from a report or a file name is escaped.
 */

export interface ReviewPageOptions {
  readonly messages: Messages;
  /** Paths given to the review that could not be read, or folders without reports. */
  readonly inputProblems?: readonly ReviewInputProblem[];
}

const esc = escapeHtml;

const RULE_TITLES = new Map<string, string>(RULE_CATALOG.map((r) => [r.id, r.title]));


const ZERO: ClaimTally = { total: 0, verified: 0, mismatched: 0, unverified: 0 };

/** Money amounts and percentages of the narrative (years and counts apart), as the check command counts them. */
export function moneyClaims(result: FileResult): ClaimTally {
  return result.claims.byKind ? claimGroups(result.claims.byKind).money : ZERO;
}

/** How the rules of a report ended. */
export function ledgerCounts(ledger: readonly LedgerEntry[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { passed: 0, failed: 0, 'not-applicable': 0, 'could-not-check': 0, 'internal-error': 0, off: 0 };
  for (const entry of ledger) counts[entry.outcome] += 1;
  return counts;
}

function severityName(severity: DiagnosticSeverity | undefined): string {
  switch (severityKey(severity)) {
    case 'error': return t('error');
    case 'warning': return t('warning');
    default: return t('note');
  }
}

/** Department, year and kind as the report states them (top-level keys), for the section's subtitle. */
function reportTitle(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const value = (key: string): string | undefined => {
    const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, 'm').exec(text);
    const raw = match?.[1].replace(/^(["'])(.*)\1$/, '$2').trim();
    return raw ? raw : undefined;
  };
  const department = value('department');
  const year = value('year');
  const kind = value('kind');
  const parts = [
    department,
    year && /^\d{4}$/.test(year) ? t('{0} budget year', year) : undefined,
    kind === 'department' ? t('department budget') : kind === 'unit' ? t('unit budget') : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The excerpt as a block of numbered lines (a wrapped line hangs under its text, not its number). */
function excerptHtml(lines: readonly ExcerptLine[]): string {
  const digits = Math.min(String(lines[lines.length - 1]?.number ?? 0).length, 7);
  const body = lines.map((line) => {
    const text = line.parts.map((p) => (p.marked ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
    return `<span class="line"><span class="ln">${line.number}</span>${line.cutBefore ? '<span class="cut">…</span>' : ''}${text}${line.cutAfter ? '<span class="cut">…</span>' : ''}</span>`;
  }).join('');
  return `<pre class="context digits-${digits}">${body}</pre>`;
}

function where(report: ReviewedReport, diagnostic: Diagnostic, page: number | undefined): string {
  const line = diagnostic.range.start.line + 1;
  const column = diagnostic.range.start.character + 1;
  if (report.pdf) {
    const inReport = t('line {0} of the imported report', line);
    return page !== undefined ? `${t('page {0}', page)} · ${inReport}` : inReport;
  }
  return t('line {0}, column {1}', line, column);
}

function findingHtml(report: ReviewedReport, lines: readonly string[] | undefined, diagnostic: Diagnostic, page: number | undefined): string {
  const severity = severityKey(diagnostic.severity);
  const context = lines ? excerpt(lines, diagnostic.range) : [];
  return [
    `<li class="finding ${severity}">`,
    `<p class="head"><span class="severity">${esc(severityName(diagnostic.severity))}</span> <code class="rule">${esc(String(diagnostic.code ?? ''))}</code> <span class="where">${esc(where(report, diagnostic, page))}</span></p>`,
    `<p class="message">${esc(diagnostic.message)}</p>`,
    context.length ? excerptHtml(context) : '',
    '</li>',
  ].filter(Boolean).join('\n');
}

function countsText(result: FileResult): string {
  const counts = severityCounts(result.diagnostics);
  return t('{0} errors, {1} warnings, {2} notes', counts.error, counts.warning, counts.information + counts.hint);
}

function claimsText(money: ClaimTally): string {
  return t('{0} in the text: {1} verified, {2} mismatched, {3} unverified', money.total, money.verified, money.mismatched, money.unverified);
}

function ledgerText(counts: Record<Outcome, number>): string {
  return t('{0} passed, {1} failed, {2} could not check, {3} internal errors', counts.passed, counts.failed, counts['could-not-check'], counts['internal-error'])
    + t(' ({0} not applicable, {1} off)', counts['not-applicable'], counts.off);
}

function ledgerListHtml(result: FileResult, messages: Messages): string {
  const entries = result.ledger.filter((e) => e.outcome === 'could-not-check' || e.outcome === 'internal-error');
  if (entries.length === 0) return '';
  const items = entries.map((entry) => {
    const title = messages.locale === 'zh-cn' ? RULE_TITLES.get(entry.rule) : undefined;
    const internal = result.internalErrors.find((e) => e.where === entry.rule);
    const reason = entry.outcome === 'internal-error'
      ? t('internal error of the checker: {0}', internal?.message ?? '')
      : entry.reasons.slice(0, 3).join('；') + (entry.reasons.length > 3 ? t(' (and {0} more)', entry.reasons.length - 3) : '');
    return `<li class="${entry.outcome}"><code class="rule">${esc(entry.rule)}</code>${title ? ` <span class="title">${esc(title)}</span>` : ''}${reason ? `<br><span class="reason">${esc(reason)}</span>` : ''}</li>`;
  });
  return `<h3>${esc(t('Rules that could not check ({0})', entries.length))}</h3>\n<ul class="ledger-list">\n${items.join('\n')}\n</ul>`;
}

function importNotesHtml(report: ReviewedReport): string {
  if (!report.pdf || report.stderr.length === 0) return '';
  const internalPrefix = t('budget-check: internal error of the checker on {0} (please report it): {1}', report.file, '');
  const notes = report.stderr.filter((line) => !line.startsWith(internalPrefix));
  if (notes.length === 0) return '';
  return `<h3>${esc(t('What the import did not place ({0})', notes.length))}</h3>\n<ul class="import-notes">\n${notes.map((n) => `<li>${esc(n)}</li>`).join('\n')}\n</ul>`;
}

function reportSection(report: ReviewedReport, index: number, messages: Messages): string {
  const id = `report-${index + 1}`;
  const heading = `<h2><span class="no">${index + 1}</span> ${esc(report.file)}</h2>`;
  const kind = report.pdf ? t('PDF, checked as imported') : t('report (YAML)');
  if (!report.result) {
    const message = report.problem ?? report.failure ?? '';
    return [`<section class="report not-checked" id="${id}">`, heading, `<p class="subtitle">${esc(kind)}</p>`, `<p class="problem">${esc(message)}</p>`, '</section>'].join('\n');
  }
  const result = report.result;
  const title = reportTitle(result.text);
  const money = moneyClaims(result);
  const ledger = ledgerCounts(result.ledger);
  const lines = result.text !== undefined ? textLines(result.text) : undefined;
  // Errors first, then warnings, then notes; each in the order of the report.
  const order = result.diagnostics.map((_, i) => i).sort((a, b) => (result.diagnostics[a].severity ?? DiagnosticSeverity.Hint) - (result.diagnostics[b].severity ?? DiagnosticSeverity.Hint) || a - b);
  const findings = order.map((i) => findingHtml(report, lines, result.diagnostics[i], result.pages?.[i]));
  return [
    `<section class="report" id="${id}">`,
    heading,
    `<p class="subtitle">${esc([title, kind].filter(Boolean).join(' · '))}</p>`,
    '<dl class="figures">',
    `<div><dt>${esc(t('Findings'))}</dt><dd>${esc(countsText(result))}</dd></div>`,
    `<div><dt>${esc(t('Money amounts and percentages'))}</dt><dd>${esc(claimsText(money))}</dd></div>`,
    `<div><dt>${esc(t('Rules'))}</dt><dd>${esc(ledgerText(ledger))}</dd></div>`,
    '</dl>',
    findings.length
      ? `<h3>${esc(t('Findings ({0})', findings.length))}</h3>\n<ol class="findings">\n${findings.join('\n')}\n</ol>`
      : `<p class="clean">${esc(t('No findings.'))}</p>`,
    ledgerListHtml(result, messages),
    importNotesHtml(report),
    '</section>',
  ].filter(Boolean).join('\n');
}

function overviewRow(report: ReviewedReport, index: number): string {
  const link = `<a href="#report-${index + 1}">${esc(report.file)}</a>`;
  if (!report.result) {
    return `<tr class="not-checked"><td class="no">${index + 1}</td><td class="file">${link}</td><td colspan="5" class="problem">${esc(report.problem ?? report.failure ?? '')}</td></tr>`;
  }
  const counts = severityCounts(report.result.diagnostics);
  const money = moneyClaims(report.result);
  const ledger = ledgerCounts(report.result.ledger);
  const cell = (n: number, cls: string): string => `<td class="number${n > 0 ? ' ' + cls : ''}">${n}</td>`;
  return [
    `<tr><td class="no">${index + 1}</td><td class="file">${link}</td>`,
    cell(counts.error, 'has-error'),
    cell(counts.warning, 'has-warning'),
    cell(counts.information + counts.hint, 'has-note'),
    `<td class="number">${money.verified} / ${money.mismatched} / ${money.unverified}</td>`,
    `<td class="number">${ledger.passed} / ${ledger.failed} / ${ledger['could-not-check']} / ${ledger['internal-error']}</td></tr>`,
  ].join('');
}

function overview(reports: readonly ReviewedReport[], problems: readonly ReviewInputProblem[]): string {
  const checked = reports.filter((r) => r.result);
  const sum = { error: 0, warning: 0, notes: 0 };
  for (const report of checked) {
    const counts = severityCounts(report.result!.diagnostics);
    sum.error += counts.error;
    sum.warning += counts.warning;
    sum.notes += counts.information + counts.hint;
  }
  const notChecked = reports.length - checked.length;
  const lead = t('{0} reports: {1} errors, {2} warnings, {3} notes', reports.length, sum.error, sum.warning, sum.notes)
    + (notChecked ? t('; {0} could not be checked', notChecked) : '');
  return [
    '<header class="overview">',
    `<h1>${esc(t('Budget disclosure review'))}</h1>`,
    `<p class="lead">${esc(lead)}</p>`,
    `<p class="explain">${esc(t('Checked by budget-check. A rule that could not check is not counted as passed; notes are not errors (rounding differences among them). The figures of a PDF are those of the report its import wrote, each finding with its page.'))}</p>`,
    problems.length ? `<ul class="input-problems">\n${problems.map((p) => `<li>${esc(p.message)}</li>`).join('\n')}\n</ul>` : '',
    '<table class="overview-table">',
    `<thead><tr><th class="no">#</th><th>${esc(t('Report'))}</th><th>${esc(t('Errors'))}</th><th>${esc(t('Warnings'))}</th><th>${esc(t('Notes'))}</th><th>${esc(t('Money and percentages: verified / mismatched / unverified'))}</th><th>${esc(t('Rules: passed / failed / could not check / internal error'))}</th></tr></thead>`,
    '<tbody>',
    ...reports.map(overviewRow),
    '</tbody>',
    '</table>',
    '</header>',
  ].filter(Boolean).join('\n');
}

export function renderReviewPage(reports: readonly ReviewedReport[], options: ReviewPageOptions): string {
  const { messages } = options;
  return withMessages(messages, () => [
    '<!DOCTYPE html>',
    `<html lang="${messages.locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Nothing but the inline style runs or loads, whatever a report's text holds.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(t('Budget disclosure review'))}</title>`,
    `<style>${REVIEW_CSS}</style>`,
    '</head>',
    '<body>',
    overview(reports, options.inputProblems ?? []),
    ...reports.map((report, index) => reportSection(report, index, messages)),
    '</body>',
    '</html>',
    '',
  ].join('\n'));
}
