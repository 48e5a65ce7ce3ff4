import { t } from '../../service/i18n/l10n';
import type { TableKey } from '../../service/model/types';
import { AMOUNT_COLUMNS, TABLE_DEFS } from '../../service/model/tableDefs';
import { address, cellAt, normalizeLabel } from '../grid';
import { amountOfCell } from '../cellText';
import { columnKeyOfPath, Layout } from '../vocabulary';
import { headerPaths, isTotalLabel, SheetParts } from './sheet';
import type { SheetContext } from './context';
import { flow, PlainMap, PrintedAmount } from './types';
import { noteValue, reportUnknownColumns, titleOf } from './common';

/**
 * The small tables: 三公经费 and 政府采购 (single figures, printed in one row under their
 * headers or as 项目 | 金额 lines), 国有资产占用情况表 (项目 | 数量 | 价值) and the 目录.
 */

function columnsOf(parts: SheetParts, layout: Layout, ctx: SheetContext, accept: (key: string) => boolean): Array<{ key: string; col: number }> {
  const paths = headerPaths(parts);
  const columns: Array<{ key: string; col: number }> = [];
  const unknown: number[] = [];
  paths.forEach((path, col) => {
    const key = columnKeyOfPath(path, layout);
    if (key === 'ignore') return;
    if (key && accept(key) && !columns.some((c) => c.key === key)) columns.push({ key, col });
    else unknown.push(col);
  });
  reportUnknownColumns(parts, paths, unknown, ctx);
  return columns;
}

function start(parts: SheetParts): PlainMap {
  const body: PlainMap = {};
  const title = titleOf(parts);
  if (title) body.title = title;
  const note = noteValue(parts);
  if (note !== undefined) body.note = note;
  return body;
}

function amountAt(parts: SheetParts, row: number, col: number, ctx: SheetContext): PrintedAmount | null | undefined {
  const cell = cellAt(parts.grid, row, col);
  const amount = amountOfCell(cell);
  if (!amount.ok) { ctx.notAmount(address(row, col), cell.text); return undefined; }
  return amount.text === null ? null : new PrintedAmount(amount.text);
}

/** 三公经费 / 政府采购: the figures under their headers, or 项目 | 金额 lines. */
export function importScalarTable(parts: SheetParts, key: TableKey, ctx: SheetContext): { body: PlainMap; rows: number } {
  const layout: Layout = key === 'three_public' ? 'three_public' : 'procurement';
  const scalars = TABLE_DEFS.get(key)?.scalars ?? [];
  const body = start(parts);
  const paths = headerPaths(parts);
  const labelCol = paths.findIndex((p) => columnKeyOfPath(p, 'three_public') === 'label');
  if (labelCol >= 0) {
    // 项目 | 金额 lines: the first amount column right of the label. Further columns (the
    // 平乡 table splits each line by fund) have no place in the format.
    const amountCol = paths.findIndex((p, i) => i > labelCol && p.length > 0);
    const further = paths.map((_, i) => i).filter((i) => i > amountCol && amountCol >= 0 && paths[i].length > 0);
    for (const col of further) {
      const filled = parts.bodyRows.filter((row) => !/^(0*\.?0*|-|—)?$/.test(cellAt(parts.grid, row, col).text));
      if (filled.length) ctx.report(address(filled[0], col), t('Column "{0}" is not a column of this table; its {1} cells are left out', paths[col].join(' / '), filled.length));
    }
    for (const row of parts.bodyRows) {
      const label = cellAt(parts.grid, row, labelCol).text;
      const scalar = columnKeyOfPath([label], layout);
      if (!scalar || !scalars.includes(scalar)) {
        ctx.report(address(row, labelCol), t('"{0}" is not a line of this table; it is left out', label));
        continue;
      }
      const amount = amountCol >= 0 ? amountAt(parts, row, amountCol, ctx) : null;
      if (amount !== undefined) body[scalar] = amount;
    }
    return { body, rows: parts.bodyRows.length };
  }
  const rowKeys = ['source_project', 'item', 'catalog_no', 'measure', 'quantity', 'price', 'sme'];
  if (key === 'procurement' && paths.some((p) => rowKeys.includes(columnKeyOfPath(p, layout) ?? ''))) return importProcurementRows(parts, body, ctx);
  const columns = columnsOf(parts, layout, ctx, (k) => scalars.includes(k));
  const [first, ...rest] = parts.bodyRows;
  if (first !== undefined) {
    for (const { key: scalar, col } of columns) {
      const amount = amountAt(parts, first, col, ctx);
      if (amount !== undefined) body[scalar] = amount;
    }
  }
  for (const row of rest) ctx.report(address(row, 0), t('A further line of figures; the table has one, the line is left out'));
  return { body, rows: first === undefined ? 0 : 1 };
}

/** 政府采购预算表 printed line by line: each line a row, the 合计 line the table's total. */
function importProcurementRows(parts: SheetParts, body: PlainMap, ctx: SheetContext): { body: PlainMap; rows: number } {
  const textKeys = ['source_project', 'item', 'catalog_no', 'measure'];
  const columns = columnsOf(parts, 'procurement', ctx, (k) => [...textKeys, 'quantity', 'price', 'sme', 'total', 'general', 'fund', 'special_account', 'unit_funds'].includes(k) || AMOUNT_COLUMNS.has(k));
  const rows: PlainMap[] = [];
  for (const row of parts.bodyRows) {
    const entry: PlainMap = {};
    for (const { key, col } of columns) {
      if (textKeys.includes(key)) {
        const text = cellAt(parts.grid, row, col).text;
        if (text) entry[key] = text;
      } else {
        const amount = amountAt(parts, row, col, ctx);
        if (amount) entry[key] = amount;
      }
    }
    const label = (entry.source_project ?? entry.item) as string | undefined;
    if (label && isTotalLabel(label)) {
      if (entry.total) body.total = entry.total;
      continue;
    }
    if (Object.keys(entry).length) rows.push(flow(entry));
  }
  if (rows.length) body.rows = rows;
  return { body, rows: rows.length };
}

/** 国有资产占用情况表: 项目 | 数量 | 价值 lines, and the 截止时间 line above the table. */
export function importAssets(parts: SheetParts, ctx: SheetContext): { body: PlainMap; rows: number } {
  const body = start(parts);
  if (parts.asOf) body.as_of = parts.asOf;
  const columns = columnsOf(parts, 'assets', ctx, (k) => ['item', 'quantity', 'value'].includes(k));
  const rows: PlainMap[] = [];
  for (const row of parts.bodyRows) {
    const entry: PlainMap = {};
    for (const { key, col } of columns) {
      if (key === 'item') {
        const text = cellAt(parts.grid, row, col).text;
        if (text) entry.item = text;
      } else {
        const amount = amountAt(parts, row, col, ctx);
        if (amount) entry[key] = amount;
      }
    }
    if (entry.item === undefined) {
      if (Object.keys(entry).length) ctx.report(address(row, 0), t('Figures without a label; they are left out'));
      continue;
    }
    rows.push(flow(entry));
  }
  if (rows.length) body.rows = rows;
  return { body, rows: rows.length };
}

/** 公开报表目录: 序号 | 报表名称 | 是否空表 | 公开空表理由. */
export function importCatalog(parts: SheetParts, ctx: SheetContext): { body: PlainMap; rows: number } {
  const body = start(parts);
  const columns = columnsOf(parts, 'catalog', ctx, (k) => ['no', 'title', 'empty', 'reason'].includes(k));
  const rows: PlainMap[] = [];
  for (const row of parts.bodyRows) {
    const entry: PlainMap = {};
    for (const { key, col } of columns) {
      const text = cellAt(parts.grid, row, col).text;
      if (!text) continue;
      if (key === 'empty') {
        const yes = /^(是|空表|√|true|y|yes)$/i.test(normalizeLabel(text));
        const no = /^(否|非空表|×|false|n|no)$/i.test(normalizeLabel(text));
        if (yes || no) entry.empty = yes;
        else ctx.report(address(row, col), t('"{0}" is neither 是 nor 否; the cell is left out', text));
      } else {
        entry[key] = text;
      }
    }
    if (entry.title === undefined && entry.no === undefined) continue;
    rows.push(flow(entry));
  }
  if (rows.length) body.rows = rows;
  return { body, rows: rows.length };
}
