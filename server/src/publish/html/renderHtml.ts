import type { Report, Section, TableKey } from '../../service/model/types';
import type { Span } from '../../service/yaml/ast';
import { layoutReport } from '../export/layoutTables';
import type { CellBlock, SheetLayout } from '../export/sheetLayout';
import { PRINT_CSS } from './printCss';

/**
 * The whole publication as one HTML document laid out for A4 print: cover, 目录, the narrative
 * parts (概况, 情况说明, 名词解释 …) and the tables as 附件. Every section and table has an
 * anchor; publicationAnchors() maps document offsets to them so that a preview can follow the
 * cursor.
 */

export interface RenderOptions {
  /** Content-Security-Policy nonce for the <style> (and <script>) elements of a webview. */
  readonly nonce?: string;
  /** Extra <head> content (a CSP meta tag in a webview). */
  readonly head?: string;
  /** A script appended to <body> (trusted text from the caller, e.g. scrollScript()). */
  readonly script?: string;
  /** Leave out the cover and the 目录 (a compact preview). */
  readonly bodyOnly?: boolean;
}

export interface AnchorRange extends Span {
  readonly anchor: string;
  readonly title: string;
  /** Nesting depth (0 for a part or a table): the innermost range containing an offset wins. */
  readonly depth: number;
}

const ATTACHMENT_TITLE = /公开报表|附件|预算表|附表/;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function sectionAnchor(section: Section): string {
  return `sec-${section.path.join('-')}`;
}

export function tableAnchor(key: TableKey): string {
  return `table-${key}`;
}

/** Where each section and table is written in the YAML document, and its anchor in the HTML. */
export function publicationAnchors(report: Report): AnchorRange[] {
  const ranges: AnchorRange[] = [];
  const visit = (sections: readonly Section[]): void => {
    for (const section of sections) {
      ranges.push({ start: section.span.start, end: section.span.end, anchor: sectionAnchor(section), title: section.title?.value ?? '', depth: section.depth });
      visit(section.sections);
    }
  };
  visit(report.narrative);
  for (const table of report.tables.values()) {
    ranges.push({ start: table.keySpan.start, end: table.node ? Math.max(table.node.end, table.keySpan.end) : table.keySpan.end, anchor: tableAnchor(table.key), title: table.title?.value ?? table.key, depth: 0 });
  }
  for (const field of [report.department, report.title]) {
    if (field) ranges.push({ start: field.span.start, end: field.span.end, anchor: 'cover', title: field.value, depth: 0 });
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The anchor of the innermost section or table written at a document offset. */
export function anchorAt(ranges: readonly AnchorRange[], offset: number): string | undefined {
  let best: AnchorRange | undefined;
  for (const range of ranges) {
    if (range.start > offset) break;
    if (offset <= range.end && (!best || range.start >= best.start)) best = range;
  }
  return best?.anchor;
}

/**
 * A script for a webview: scrolls to `{ type: 'scrollTo', anchor }` messages and marks the
 * section shown. The caller passes it as `options.script`.
 */
export function scrollScript(): string {
  return [
    "window.addEventListener('message', (event) => {",
    "  const data = event.data || {};",
    "  if (data.type !== 'scrollTo' || typeof data.anchor !== 'string') return;",
    "  const target = document.getElementById(data.anchor);",
    "  if (!target) return;",
    "  document.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));",
    "  target.classList.add('current');",
    "  target.scrollIntoView({ block: 'start', behavior: data.smooth ? 'smooth' : 'auto' });",
    "});",
  ].join('\n');
}

function paragraphs(text: string): string {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0).map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
}

function blockHtml(block: CellBlock, tag: 'th' | 'td'): string {
  const width = Math.max(0, ...block.cells.map((c) => c.col + c.colSpan));
  const rows: string[] = [];
  for (let r = 0; r < block.rows; r++) {
    // Positions a cell of an earlier row spans down into are not printed again.
    const covered = new Array<boolean>(width).fill(false);
    for (const cell of block.cells) {
      if (cell.row < r && r < cell.row + cell.rowSpan) for (let c = cell.col; c < cell.col + cell.colSpan; c++) covered[c] = true;
    }
    const html: string[] = [];
    for (let c = 0; c < width; c++) {
      if (covered[c]) continue;
      const cell = block.cells.find((p) => p.row === r && p.col === c);
      if (!cell) { html.push(`<${tag}></${tag}>`); continue; }
      const attrs: string[] = [];
      if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
      if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
      attrs.push(`class="${[cell.style, cell.bold ? 'bold' : '', cell.indent ? `indent-${Math.min(cell.indent, 6)}` : ''].filter(Boolean).join(' ')}"`);
      html.push(`<${tag} ${attrs.join(' ')}>${escapeHtml(cell.text)}</${tag}>`);
      c += cell.colSpan - 1;
    }
    rows.push(`<tr>${html.join('')}</tr>`);
  }
  return rows.join('\n');
}

/** Column widths as style rules (no style attributes, so that a strict webview CSP with a nonce holds). */
function widthRules(layout: SheetLayout): string {
  const sum = Math.max(1, layout.widths.reduce((a, b) => a + b, 0));
  return layout.widths.map((w, i) => `#${tableAnchor(layout.key)} col:nth-child(${i + 1}) { width: ${((w / sum) * 100).toFixed(2)}%; }`).join('\n');
}

function tableHtml(layout: SheetLayout, columns: number): string {
  const colgroup = `<colgroup>${layout.widths.map(() => '<col>').join('')}</colgroup>`;
  const meta = [layout.department ? `<span>${escapeHtml(layout.department)}</span>` : '<span></span>', layout.unit ? `<span>单位：${escapeHtml(layout.unit)}</span>` : ''].join('');
  const notes = layout.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n');
  const flags = layout.incomplete ? '<p class="flag">（本表在报告中未完整录入）</p>' : '';
  const body = layout.body.rows > 0 ? `<tbody>\n${blockHtml(layout.body, 'td')}\n</tbody>` : `<tbody><tr><td class="empty" colspan="${columns}">（无数据）</td></tr></tbody>`;
  return [
    `<section class="table-page${layout.landscape ? ' landscape' : ''}" id="${tableAnchor(layout.key)}">`,
    `<h3 class="table-title">${escapeHtml(layout.title)}</h3>`,
    `<div class="table-meta">${meta}</div>`,
    ...layout.metaLines.map((m) => `<div class="table-meta"><span>${escapeHtml(m)}</span></div>`),
    `<table class="${layout.key}">${colgroup}`,
    layout.header.rows > 0 ? `<thead>\n${blockHtml(layout.header, 'th')}\n</thead>` : '',
    body,
    '</table>',
    notes,
    flags,
    '</section>',
  ].join('\n');
}

function sectionHtml(section: Section, tables: string | undefined): string {
  const level = Math.min(section.depth + 2, 6);
  const title = section.title ? `<h${level}>${escapeHtml(section.title.value.trim())}</h${level}>` : '';
  const text = section.text ? `<div class="text">${paragraphs(section.text.value)}</div>` : '';
  const children = section.sections.map((child) => sectionHtml(child, undefined)).join('\n');
  const classes = section.depth === 0 ? 'part' : 'section';
  return `<section class="${classes}" id="${sectionAnchor(section)}">\n${title}\n${text}\n${children}\n${tables ?? ''}\n</section>`;
}

function tocHtml(report: Report, layouts: readonly SheetLayout[], attachmentTitle: string, attachmentHost: Section | undefined): string {
  const items: string[] = [];
  for (const part of report.narrative) {
    const children = part.sections.filter((s) => s.title).map((s) => `<li><a href="#${sectionAnchor(s)}">${escapeHtml(s.title!.value.trim())}</a></li>`).join('');
    const tables = part === attachmentHost ? layouts.map((l) => `<li><a href="#${tableAnchor(l.key)}">${escapeHtml(l.title)}</a></li>`).join('') : '';
    items.push(`<li><a href="#${sectionAnchor(part)}">${escapeHtml(part.title?.value.trim() ?? '')}</a>${children || tables ? `<ol>${children}${tables}</ol>` : ''}</li>`);
  }
  if (!attachmentHost && layouts.length) {
    items.push(`<li><a href="#attachments">${escapeHtml(attachmentTitle)}</a><ol>${layouts.map((l) => `<li><a href="#${tableAnchor(l.key)}">${escapeHtml(l.title)}</a></li>`).join('')}</ol></li>`);
  }
  return `<nav class="toc" id="toc">\n<h2>目　录</h2>\n<ol>${items.join('\n')}</ol>\n</nav>`;
}

/** The publication of a report as a complete HTML document. */
export function renderHtml(report: Report, options: RenderOptions = {}): string {
  const layouts = layoutReport(report);
  const department = report.department?.value.trim() ?? '';
  const year = report.year ? `${report.year}年` : '';
  const scope = report.kind === 'unit' ? '单位预算' : '部门预算';
  const title = report.title?.value.trim() || `${department}${year}${scope}`;
  const date = report.root ? dateOf(report) : undefined;
  const attachmentTitle = `附件：${department}${year}${scope}公开表`;
  // A narrative part that announces the tables (第四部分 公开报表) holds them; otherwise they follow as 附件.
  const host = report.narrative.find((s) => s.title && ATTACHMENT_TITLE.test(s.title.value) && s.sections.length === 0);
  const tablesHtml = layouts.map((layout) => tableHtml(layout, layout.columns)).join('\n');
  const parts = report.narrative.map((section) => sectionHtml(section, section === host ? tablesHtml : undefined)).join('\n');
  const attachments = !host && layouts.length ? `<section class="part attachments" id="attachments">\n<h2>${escapeHtml(attachmentTitle)}</h2>\n${tablesHtml}\n</section>` : '';
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  const cover = options.bodyOnly ? '' : [
    '<section class="cover" id="cover">',
    `<h1 class="doc-title">${escapeHtml(title)}</h1>`,
    department ? `<p class="department">${escapeHtml(department)}</p>` : '',
    date ? `<p class="date">${escapeHtml(date)}</p>` : '',
    '</section>',
    tocHtml(report, layouts, attachmentTitle, host),
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    options.head ?? '',
    `<title>${escapeHtml(title)}</title>`,
    `<style${nonce}>${PRINT_CSS}\n${layouts.map(widthRules).join('\n')}</style>`,
    '</head>',
    '<body>',
    cover,
    '<main>',
    parts,
    attachments,
    '</main>',
    options.script ? `<script${nonce}>${options.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function dateOf(report: Report): string | undefined {
  const root = report.root;
  if (!root) return undefined;
  const pair = root.pairs.find((p) => p.key.value === 'date');
  return pair && pair.value && pair.value.kind === 'scalar' && !pair.value.isNull ? pair.value.value.trim() : undefined;
}
