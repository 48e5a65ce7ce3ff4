/**
 * The publication functions for the editor and other front ends (pure: no file system, no
 * Excel library). Reading and writing workbooks and printing PDF are in ./node.
 *
 * - renderHtml(report, options): the whole publication as HTML (A4 print CSS; webview nonce,
 *   CSP <meta> and script via options).
 * - publicationAnchors(report) + anchorAt(ranges, offset): the anchor of the section or table
 *   written at a document offset, to scroll a preview with the cursor; scrollScript() handles
 *   `{ type: 'scrollTo', anchor }` messages in the webview.
 * - newReportYaml(result) / mergeIntoReport(text, result): YAML of imported tables, new or into
 *   an existing report (with the minimal edits).
 * - layoutReport(report): the tables as laid out for Excel and HTML.
 */
export { renderHtml, publicationAnchors, anchorAt, scrollScript, sectionAnchor, tableAnchor, escapeHtml } from './html/renderHtml';
export type { RenderOptions, AnchorRange } from './html/renderHtml';
export { layoutReport, layoutTable, publishedTitle, publishedTables } from './export/layoutTables';
export type { SheetLayout, PlacedCell, CellBlock } from './export/sheetLayout';
export { recogniseWorkbooks, METADATA_SHEET } from './import/recognise';
export type { WorkbookGrids } from './import/recognise';
export { newReportYaml, mergeIntoReport, tableYaml } from './import/emitYaml';
export type { MergeResult, TextEdit, NewReportOptions } from './import/emitYaml';
export type { ImportResult, ImportProblem, ImportedTable, SheetSummary } from './import/types';
export type { Grid, GridCell } from './grid';
