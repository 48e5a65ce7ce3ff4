/**
 * Styles of the review page: on screen a readable column, in print A4 pages with each report
 * starting on a page of its own, findings not split over pages, colours kept.
 */
export const REVIEW_CSS = `
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
:root { --ink: #1a1a1a; --muted: #5f6368; --rule: #c9ccd1; --error: #b3261e; --warning: #8a5a00; --note: #1a5fb4; --mark: #ffe066; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 210mm; padding: 8mm 10mm; color: var(--ink); font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; line-height: 1.6; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 0 0 1mm; overflow-wrap: anywhere; }
h2 .no { display: inline-block; min-width: 1.6em; padding: 0 0.3em; margin-right: 0.4em; border-radius: 3px; background: #e8eaed; text-align: center; font-size: 11pt; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
a { color: inherit; }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
.lead { font-size: 12pt; margin: 0 0 1mm; }
.explain, .subtitle { color: var(--muted); margin: 0 0 3mm; }
.input-problems { color: var(--error); }
table.overview-table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-top: 3mm; }
.overview-table th, .overview-table td { border: 0.6pt solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; }
.overview-table th { background: #f1f3f4; font-weight: bold; text-align: center; }
.overview-table td.file { overflow-wrap: anywhere; }
.overview-table td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.overview-table td.no, .overview-table th.no { text-align: right; width: 2em; }
.overview-table td.has-error { color: var(--error); font-weight: bold; }
.overview-table td.has-warning { color: var(--warning); font-weight: bold; }
.overview-table td.problem, .problem { color: var(--error); }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.report { margin-top: 8mm; padding-top: 4mm; border-top: 1.5pt solid var(--ink); }
.figures { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 2mm; }
.figures div { display: contents; }
.figures dt { color: var(--muted); }
.figures dd { margin: 0; }
ol.findings { list-style: none; padding: 0; margin: 0; counter-reset: finding; }
.finding { counter-increment: finding; break-inside: avoid; border-left: 3pt solid var(--note); padding: 1mm 0 1mm 3mm; margin: 0 0 3mm; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding .head { margin: 0; font-size: 9pt; color: var(--muted); }
.finding .head::before { content: counter(finding) ". "; color: var(--ink); font-weight: bold; }
.finding .severity { font-weight: bold; color: var(--note); }
.finding.error .severity { color: var(--error); }
.finding.warning .severity { color: var(--warning); }
.finding .rule { color: var(--ink); }
.finding .message { margin: 0.5mm 0 1mm; }
pre.context { margin: 0; padding: 1.5mm 2mm; background: #f6f7f9; border: 0.5pt solid var(--rule); border-radius: 2px; font-family: "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "DejaVu Sans Mono", monospace; font-size: 8.5pt; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.context .line { display: block; }
pre.context .ln { display: inline-block; box-sizing: border-box; padding-right: 1ch; text-align: right; color: var(--muted); user-select: none; text-indent: 0; }
${[1, 2, 3, 4, 5, 6, 7].map((n) => `pre.context.digits-${n} .line { padding-left: ${n + 1}ch; text-indent: -${n + 1}ch; } pre.context.digits-${n} .ln { width: ${n + 1}ch; }`).join('\n')}
pre.context .cut { color: var(--muted); }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
.clean { color: var(--muted); }
.ledger-list, .import-notes { font-size: 9pt; padding-left: 5mm; }
.ledger-list li { margin: 0 0 1mm; }
.ledger-list .reason { color: var(--muted); }
.ledger-list .internal-error .reason { color: var(--error); }
@media print {
  body { max-width: none; padding: 0; }
  .report { break-before: page; margin-top: 0; border-top: none; padding-top: 0; }
  a { text-decoration: none; }
}
`;
