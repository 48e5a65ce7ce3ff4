/**
 * Styles of the publication: A4 pages with page numbers, tables on pages of their own (wide
 * tables on landscape pages), header rows repeated on every page; on screen, pages as sheets.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; @bottom-center { content: counter(page); font-size: 9pt; } }
@page landscape { size: A4 landscape; margin: 15mm 15mm 15mm 15mm; @bottom-center { content: counter(page); font-size: 9pt; } }
@page cover { @bottom-center { content: none; } }
:root { --ink: #000; --rule: #000; --muted: #555; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.8; }
h1, h2, h3, h4, h5, h6, .table-title, .toc { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif; }
.cover { page: cover; height: 240mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; }
.cover .doc-title { font-size: 24pt; line-height: 1.5; margin: 0 0 24mm; }
.cover .department, .cover .date { font-size: 15pt; margin: 4mm 0; }
.toc { break-before: page; }
.toc h2 { text-align: center; font-size: 16pt; letter-spacing: 0.5em; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 2em; }
.toc li { margin: 1.5mm 0; }
.toc a { color: inherit; text-decoration: none; }
.part { break-before: page; }
.part > h2 { font-size: 16pt; text-align: center; margin: 0 0 6mm; }
.section > h3 { font-size: 13pt; margin: 5mm 0 2mm; }
.section > h4, .section > h5, .section > h6 { font-size: 12pt; margin: 3mm 0 1mm; }
.text p { text-indent: 2em; margin: 0 0 1.5mm; text-align: justify; }
.attachments > h2 { margin-bottom: 0; }
.table-page { break-before: page; }
.attachments > h2 + .table-page { break-before: avoid; }
.table-page.landscape { page: landscape; }
.table-title { text-align: center; font-size: 14pt; margin: 0 0 3mm; }
.table-meta { display: flex; justify-content: space-between; font-size: 9pt; margin: 0 0 1.5mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.35; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid var(--rule); padding: 1mm 1.2mm; vertical-align: middle; overflow-wrap: anywhere; }
th { background: #f2f2f2; font-weight: bold; text-align: center; }
td.amount, td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.code { text-align: center; white-space: nowrap; }
td.label.bold, td.bold { font-weight: bold; }
td.empty { text-align: center; color: var(--muted); }
td.indent-1 { padding-left: 1.3em; } td.indent-2 { padding-left: 2.3em; } td.indent-3 { padding-left: 3.3em; }
td.indent-4 { padding-left: 4.3em; } td.indent-5 { padding-left: 5.3em; } td.indent-6 { padding-left: 6.3em; }
.note { font-size: 9pt; margin: 2mm 0 0; text-indent: 0; }
.flag { font-size: 9pt; color: #a00; }
@media screen {
  body { background: #e8e8e8; padding: 8mm 0; }
  .cover, .toc, .part, .table-page { background: #fff; box-sizing: border-box; width: 210mm; margin: 0 auto 8mm; padding: 20mm 18mm; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .cover { height: 297mm; }
  .part:has(> .table-page) { background: transparent; box-shadow: none; padding: 0; width: auto; }
  .part:has(> .table-page) > h2, .part:has(> .table-page) > .text { background: #fff; box-sizing: border-box; width: 210mm; margin: 0 auto; padding: 12mm 18mm 4mm; }
  .table-page { padding: 15mm; }
  .table-page.landscape { width: 297mm; }
  .current { outline: 2px solid #3b7ddd; outline-offset: 4px; }
}
`;
