import { t } from '../../service/i18n/l10n';
import { AMOUNT_COLUMNS } from '../../service/model/tableDefs';
import { address, cellAt, codeText, isMergeFollower, normalizeLabel } from '../grid';
import { amountOfText } from '../cellText';
import { columnKeyOfPath, IMPORT } from '../vocabulary';
import { headerPaths, isBlankRow, isTotalLabel, rowTexts, SheetParts } from './sheet';
import type { SheetContext } from './context';
import { BlockText, CodeText, flow, PlainMap, PlainValue, PrintedAmount } from './types';
import { noteValue, reportUnknownColumns, titleOf } from './common';

/**
 * 项目支出绩效目标表: a block of rows per project — its code, name and figures in merged cells
 * on the left, one indicator per row on the right — and the 整体绩效目标表, a form.
 */

const INDICATOR_KEYS = ['level1', 'level2', 'level3', 'value', 'description', 'basis', 'remark'];
const BLOCK_TEXT_KEYS = ['unit', 'unit_or_code', 'code', 'name', 'name_or_item', 'item', 'department', 'goal'];

interface Column {
  readonly key: string;
  readonly col: number;
  /** For indicators printed side by side by category (成本指标 | 产出指标 …): the category. */
  readonly category?: string;
}

function textValue(text: string): string | BlockText {
  return text.includes('\n') ? new BlockText(text.replace(/\r\n?/g, '\n').trimEnd() + '\n') : text;
}

export function importPerformance(parts: SheetParts, ctx: SheetContext): { body: PlainMap; rows: number } {
  const { grid } = parts;
  const paths = headerPaths(parts);
  const columns: Column[] = [];
  const unknown: number[] = [];
  paths.forEach((path, col) => {
    const key = columnKeyOfPath(path, 'performance');
    if (key === 'ignore') return;
    if (!key || (!AMOUNT_COLUMNS.has(key) && !INDICATOR_KEYS.includes(key) && !BLOCK_TEXT_KEYS.includes(key))) { unknown.push(col); return; }
    let category: string | undefined;
    if (INDICATOR_KEYS.includes(key)) {
      const ancestors = path.slice(0, -1).map(normalizeLabel);
      category = [...ancestors].reverse().find((a) => /指标$/.test(a) && !/^(绩效指标|年度绩效指标|一级指标|二级指标|三级指标)$/.test(a));
    }
    if (columns.some((c) => c.key === key && c.category === category)) { unknown.push(col); return; }
    columns.push({ key, col, category });
  });
  reportUnknownColumns(parts, paths, unknown, ctx);
  const blockColumns = columns.filter((c) => !INDICATOR_KEYS.includes(c.key));
  const indicatorColumns = columns.filter((c) => INDICATOR_KEYS.includes(c.key));
  const categories = [...new Set(indicatorColumns.map((c) => c.category))];
  const wide = categories.length > 1 || (categories[0] !== undefined && !indicatorColumns.some((c) => c.key === 'level1'));

  // Group the body rows into blocks: a block starts where a left-hand cell starts.
  const blocks: number[][] = [];
  for (const row of parts.bodyRows) {
    // A merged left-hand cell starts a block even when empty (a block printed without its project cells).
    const starts = blockColumns.some((c) => {
      const cell = cellAt(grid, row, c.col);
      return (cell.text !== '' || cell.mergedFrom !== undefined) && !isMergeFollower(cell, row, c.col);
    });
    if (starts || blocks.length === 0) {
      const previous = blocks[blocks.length - 1];
      // Exports that repeat the project cells on every indicator row instead of merging them.
      if (previous && starts && blockColumns.every((c) => cellAt(grid, row, c.col).text === cellAt(grid, previous[0], c.col).text)) previous.push(row);
      else blocks.push([row]);
    } else {
      blocks[blocks.length - 1].push(row);
    }
  }

  const body: PlainMap = {};
  const title = titleOf(parts);
  if (title) body.title = title;
  const note = noteValue(parts);
  if (note !== undefined) body.note = note;
  const rows: PlainValue[] = [];
  for (const block of blocks) {
    const first = block[0];
    const texts = new Map<string, string>();
    const amounts: PlainMap = {};
    for (const c of blockColumns) {
      const cell = cellAt(grid, first, c.col);
      if (AMOUNT_COLUMNS.has(c.key)) {
        const amount = amountOfText(cell.text);
        if (!amount.ok) ctx.notAmount(address(first, c.col), cell.text);
        else if (amount.text !== null) amounts[c.key] = new PrintedAmount(amount.text);
      } else if (cell.text) {
        texts.set(c.key, ['unit', 'code', 'unit_or_code'].includes(c.key) ? codeText(cell) : cell.text);
      }
    }
    const indicators = readIndicators(parts, block, indicatorColumns, wide, categories);
    const label = texts.get('name_or_item') ?? texts.get('item') ?? texts.get('name');
    const hasCode = texts.has('code') || texts.has('unit') || texts.has('unit_or_code');
    if (!hasCode && label && isTotalLabel(label)) {
      body.total = flow(amounts);
      continue;
    }
    if (texts.size === 0 && indicators.length === 0) {
      if (Object.keys(amounts).length) {
        if (rows.length === 0 && !body.total) body.total = flow(amounts);
        else ctx.report(address(first, 0), t('Figures without a project; they are left out'));
      }
      continue;
    }
    // A unit line: a unit code (3 digits a level) and no indicators, goal or project name.
    const combined = texts.get('unit_or_code');
    const unitLike = texts.has('unit') && !texts.has('code') && !texts.has('item') && indicators.length === 0 && !texts.has('goal')
      || (!!combined && /^\d{1,9}$/.test(normalizeLabel(combined)) && indicators.length === 0 && !texts.has('goal') && !texts.has('item'));
    if (unitLike) {
      const entry: PlainMap = { unit: new CodeText(normalizeLabel(texts.get('unit') ?? combined ?? '')) };
      const name = texts.get('name') ?? texts.get('name_or_item');
      if (name) entry.name = name;
      Object.assign(entry, amounts);
      rows.push(flow(entry));
      continue;
    }
    const entry: PlainMap = {};
    if (texts.has('unit')) entry.unit = new CodeText(texts.get('unit')!);
    const code = texts.get('code') ?? combined;
    if (code) entry.code = new CodeText(normalizeLabel(code));
    if (texts.has('name')) entry.name = texts.get('name')!;
    const item = texts.get('item') ?? texts.get('name_or_item');
    if (item) entry.item = item;
    if (texts.has('department')) entry.department = texts.get('department')!;
    Object.assign(entry, amounts);
    if (texts.has('goal')) entry.goal = textValue(texts.get('goal')!);
    if (indicators.length) entry.indicators = indicators;
    rows.push(entry);
  }
  if (rows.length) body.rows = rows;
  return { body, rows: rows.length };
}

function readIndicators(parts: SheetParts, block: readonly number[], columns: readonly Column[], wide: boolean, categories: ReadonlyArray<string | undefined>): PlainMap[] {
  const { grid } = parts;
  const indicators: PlainMap[] = [];
  if (!wide) {
    for (const row of block) {
      const entry: PlainMap = {};
      for (const c of columns) {
        const text = cellAt(grid, row, c.col).text.replace(/\s*\n\s*/g, '');
        if (text) entry[c.key] = text;
      }
      if (Object.keys(entry).length) indicators.push(flow(entry));
    }
    return indicators;
  }
  // Side by side: each category's pairs read down its columns, category after category.
  for (const category of categories) {
    const own = columns.filter((c) => c.category === category);
    for (const row of block) {
      const entry: PlainMap = {};
      if (category) entry.level1 = category;
      let filled = false;
      for (const c of own) {
        const cell = cellAt(grid, row, c.col);
        if (cell.text && !(isMergeFollower(cell, row, c.col) && row !== block[0] && c.key !== 'level1' && c.key !== 'level2')) { entry[c.key] = cell.text.replace(/\s*\n\s*/g, ''); filled = true; }
      }
      if (filled) indicators.push(flow(entry));
    }
  }
  return indicators;
}

const OVERALL = IMPORT.overall as unknown as {
  department: string[]; goal: string[]; tasks: string[]; taskName: string[]; taskContent: string[]; indicators: string[];
  budgetLabels: Record<string, string[]>;
};

function matches(text: string, labels: readonly string[]): boolean {
  const normalized = normalizeLabel(text).replace(/[:：]$/, '').replace(/^[（(]?\d+[）)]?[、.]?/, '');
  return labels.some((l) => normalizeLabel(l) === normalized);
}

/** 部门（单位）整体绩效目标表: a form of labelled lines, a task list and an indicator list. */
export function importOverallPerformance(parts: SheetParts, ctx: SheetContext): { body: PlainMap; rows: number } {
  const { grid } = parts;
  const body: PlainMap = {};
  const title = titleOf(parts);
  if (title) body.title = title;
  let mode: 'form' | 'tasks' | 'indicators' = 'form';
  let taskColumns: { name: number; content: number } | undefined;
  let indicatorColumns: Array<{ key: string; col: number }> = [];
  const tasks: PlainMap[] = [];
  const indicators: PlainMap[] = [];
  const budget: PlainMap = {};
  const notes: string[] = [];
  for (let row = parts.firstRow; row < grid.rows.length; row++) {
    if (isBlankRow(grid, row)) continue;
    const texts = rowTexts(grid, row);
    if (texts.length === 1 && /^(注|备注|说明)\s*[:：]/.test(texts[0].text)) { notes.push(texts[0].text); continue; }
    const headerOfTasks = texts.find((x) => matches(x.text, OVERALL.taskName));
    if (headerOfTasks) {
      const content = texts.find((x) => matches(x.text, OVERALL.taskContent));
      taskColumns = { name: headerOfTasks.col, content: content?.col ?? headerOfTasks.col + 1 };
      mode = 'tasks';
      continue;
    }
    if (texts.some((x) => columnKeyOfPath([x.text], 'overall') === 'level1')) {
      indicatorColumns = texts.map((x) => ({ key: columnKeyOfPath([x.text], 'overall') ?? '', col: x.col })).filter((c) => ['level1', 'level2', 'level3', 'value', 'description', 'basis', 'remark'].includes(c.key));
      mode = 'indicators';
      continue;
    }
    // Labelled lines: 部门名称, 年度履职目标, 预算 figures (a label may head a merged column on the left).
    const labelled = texts.map((x, i) => ({ x, next: texts[i + 1] }));
    let handled = false;
    for (const { x, next } of labelled) {
      if (matches(x.text, OVERALL.department) && next) { body.department = next.text; handled = true; mode = 'form'; break; }
      if (matches(x.text, OVERALL.goal) && next) { body.goal = textValue(next.text.includes('\n') ? next.text : next.text + '\n'); handled = true; mode = 'form'; break; }
      const budgetKey = Object.keys(OVERALL.budgetLabels).find((k) => matches(x.text, OVERALL.budgetLabels[k]));
      if (budgetKey && next) {
        const amount = amountOfText(next.text);
        if (!amount.ok) ctx.notAmount(address(row, next.col), next.text);
        else if (amount.text !== null) budget[budgetKey] = new PrintedAmount(amount.text);
        handled = true;
        mode = 'form';
        break;
      }
      if (budgetKey && !next) { handled = true; break; }
    }
    if (handled) continue;
    if (mode === 'tasks' && taskColumns) {
      const name = cellAt(grid, row, taskColumns.name).text;
      const content = cellAt(grid, row, taskColumns.content).text;
      if (name || content) tasks.push(flow({ ...(name ? { name } : {}), ...(content ? { content } : {}) }));
      continue;
    }
    if (mode === 'indicators') {
      const entry: PlainMap = {};
      for (const c of indicatorColumns) {
        const text = cellAt(grid, row, c.col).text.replace(/\s*\n\s*/g, '');
        if (text) entry[c.key] = text;
      }
      if (Object.keys(entry).length) indicators.push(flow(entry));
      continue;
    }
    if (texts.every((x) => matches(x.text, [...OVERALL.tasks, ...OVERALL.indicators, '年度部门预算', '部门预算', '资金来源', '资金结构', '预算情况']))) continue;
    ctx.report(address(row, texts[0].col), t('Line "{0}" is not part of the 整体绩效目标表 form; it is left out', texts.map((x) => x.text).join(' | ').slice(0, 60)));
  }
  if (notes.length) body.note = notes.length === 1 ? notes[0] : new BlockText(notes.join('\n') + '\n');
  if (tasks.length) body.tasks = tasks;
  if (Object.keys(budget).length) body.budget = flow(budget);
  if (indicators.length) body.indicators = indicators;
  return { body, rows: tasks.length + indicators.length };
}
