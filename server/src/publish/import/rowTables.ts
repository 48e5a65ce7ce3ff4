import { t } from '../../service/i18n/l10n';
import { AMOUNT_COLUMNS } from '../../service/model/tableDefs';
import { Dec, ZERO } from '../../service/amount/rounding';
import type { Dec as Decimal } from '../../service/amount/rounding';
import { address, cellAt, codeText, isMergeFollower } from '../grid';
import { amountOfCell } from '../cellText';
import { parseAmount } from '../../service/amount/amount';
import { columnKeyOfPath } from '../vocabulary';
import { headerPaths, isTotalLabel, SheetParts } from './sheet';
import type { SheetContext } from './context';
import { CodeText, flow, PlainMap, PrintedAmount } from './types';
import { noteValue, reportUnknownColumns, titleOf } from './common';

/**
 * Row tables (收入总表, 支出总表, 一般公共预算支出表, 基本支出表, 项目支出表 …): one printed row per
 * YAML row, the kind of each row read from its cells — a 功能/经济 code, a unit code, a project.
 */

const TEXT_KEYS = ['code', 'code_class', 'code_kuan', 'code_xiang', 'gov_code', 'gov_class', 'gov_kuan', 'gov_name', 'name', 'name_or_item', 'unit', 'unit_name', 'item', 'type', 'description'] as const;
type TextKey = typeof TEXT_KEYS[number];

interface ParsedRow {
  readonly sheetRow: number;
  readonly texts: Partial<Record<TextKey, string>>;
  /** Amounts by column key (null for a blank cell). */
  readonly amounts: Map<string, string | null>;
}

interface OutRow {
  readonly parsed: ParsedRow;
  map: PlainMap;
  /** A row that may be a printed subtotal (专用项目) or a project: decided by its figures. */
  candidate: boolean;
  total?: Decimal;
}

export interface ImportedRows {
  readonly body: PlainMap;
  readonly rows: number;
}

function padded(text: string, numeric: boolean, length: number): string {
  return numeric && /^\d+$/.test(text) && text.length < length ? text.padStart(length, '0') : text;
}

/** Unit codes are 3 digits a level; a code stored as a number lost its leading zeros. */
function unitCode(text: string, numeric: boolean): string {
  if (!numeric || !/^\d+$/.test(text)) return text;
  const length = Math.ceil(text.length / 3) * 3;
  return text.padStart(length, '0');
}

/** A name cell that carries its code: "[2080505]机关事业单位基本养老保险缴费支出", "208 社会保障和就业支出". */
const CODE_IN_NAME = /^(?:[[【(（]\s*(\d{3,7})\s*[\]】)）]|(\d{3,7})\s+)\s*(\S.*)$/;

const EMPTY_MARKER = /^(?:无|无数据|本表无数据|空表|空)$/;

/** `classified`: the table's rows are 功能/经济 科目 (a name cell may then carry its code). */
export function importRowTable(parts: SheetParts, ctx: SheetContext, classified = false): ImportedRows {
  const { grid } = parts;
  const paths = headerPaths(parts);
  const keys = paths.map((path) => columnKeyOfPath(path, 'rows'));
  const amountColumns: Array<{ key: string; col: number }> = [];
  const textColumns = new Map<TextKey, number>();
  const unknown: number[] = [];
  keys.forEach((key, col) => {
    if (key === 'ignore') return;
    if (key && AMOUNT_COLUMNS.has(key)) {
      const first = amountColumns.find((c) => c.key === key);
      if (first) ctx.report(address(parts.headerRows[0] ?? 0, col), t('Column "{0}" repeats column {1}; it is left out', paths[col].join(' / '), address(parts.headerRows[0] ?? 0, first.col)));
      else amountColumns.push({ key, col });
    } else if (key && (TEXT_KEYS as readonly string[]).includes(key) && !textColumns.has(key as TextKey)) {
      textColumns.set(key as TextKey, col);
    } else {
      unknown.push(col);
    }
  });
  reportUnknownColumns(parts, paths, unknown, ctx);
  // 单位编码 | 单位名称 tables (by unit): the name column names the units.
  if (textColumns.has('unit_name') && !textColumns.has('name') && !textColumns.has('name_or_item') && !textColumns.has('item')) {
    textColumns.set('name', textColumns.get('unit_name')!);
    textColumns.delete('unit_name');
  }

  const parsedRows: ParsedRow[] = parts.bodyRows.map((row) => {
    const texts: Partial<Record<TextKey, string>> = {};
    for (const [key, col] of textColumns) {
      const cell = cellAt(grid, row, col);
      // A text merged over several columns (合计 across 类/款/项 and 名称) belongs to its first cell.
      if (!cell.text || isMergeFollower(cell, row, col)) continue;
      const code = codeText(cell);
      if (key === 'code_class' || key === 'gov_class') texts[key] = padded(code, cell.numeric, 3);
      else if (key === 'code_kuan' || key === 'code_xiang' || key === 'gov_kuan') texts[key] = padded(code, cell.numeric, 2);
      else if (key === 'unit') texts[key] = unitCode(code, cell.numeric);
      else if (key === 'code' || key === 'gov_code') texts[key] = code;
      // A name wrapped in its cell (Alt+Enter) is one name.
      else texts[key] = cell.text.replace(/\s*\n\s*/g, '');
    }
    const amounts = new Map<string, string | null>();
    for (const { key, col } of amountColumns) {
      const cell = cellAt(grid, row, col);
      if (cell.problem) ctx.report(address(row, col), cell.problem);
      const amount = amountOfCell(cell);
      if (amount.ok) amounts.set(key, amount.text);
      else ctx.notAmount(address(row, col), cell.text);
    }
    return { sheetRow: row, texts, amounts };
  });

  let total: PlainMap | undefined;
  /** A 合计 line was printed (blank or not): an empty table keeps its printed blank 合计 row. */
  let totalLabelled = false;
  const out: OutRow[] = [];
  const hasItemColumn = textColumns.has('item') || textColumns.has('name_or_item');
  for (const parsed of parsedRows) {
    const x = parsed.texts;
    if (classified && !textColumns.has('code') && !textColumns.has('code_class') && x.name) {
      const match = CODE_IN_NAME.exec(x.name.trim());
      if (match) { x.code = match[1] ?? match[2]; x.name = match[3]; }
    }
    const code = x.code ?? joinParts([x.code_class, x.code_kuan, x.code_xiang]);
    const govCode = x.gov_code ?? joinParts([x.gov_class, x.gov_kuan]);
    const label = x.name ?? x.name_or_item ?? x.item;
    const hasAnyText = Object.keys(x).length > 0;
    const hasFigure = [...parsed.amounts.values()].some((v) => v !== null);
    // 无 printed in the first row of an empty table (its 空表 note says why): the table has no rows.
    const printed = Object.values(x).filter((v): v is string => !!v);
    if (!hasFigure && printed.length === 1 && EMPTY_MARKER.test(printed[0].replace(/\s+/g, ''))) continue;
    // 合计 may be printed in the name column or, in some exports, in the code column.
    const totalLine = (label && !code && !x.unit && isTotalLabel(label)) || (!label && [code, x.unit].some((v) => v && isTotalLabel(v)));
    if (totalLine || (!hasAnyText && out.length === 0 && !total)) {
      if (total) ctx.report(address(parsed.sheetRow, 0), t('A second 合计 row; it is left out'));
      else {
        total = amountsMap(parsed.amounts);
        totalLabelled = !!totalLine;
      }
      continue;
    }
    if (!hasAnyText) {
      if (hasFigure) ctx.report(address(parsed.sheetRow, 0), t('A row with figures but no code or name; it is left out'));
      continue;
    }
    const map: PlainMap = {};
    let candidate = false;
    if (x.unit) map.unit = new CodeText(x.unit);
    if (code) map.code = new CodeText(code);
    const isItem = !!x.item || !!x.type || !!x.description || (!!x.name_or_item && !!x.unit_name);
    if (x.name_or_item) {
      if (isItem || code) map.item = x.name_or_item;
      else if (x.unit) map.name = x.name_or_item;
      else candidate = true;
    }
    if (x.name !== undefined) {
      if (!code && !x.unit && !isItem && hasItemColumn) candidate = true;
      map.name = x.name;
    }
    if (govCode) map.gov_code = new CodeText(govCode);
    if (x.gov_name) map.gov_name = x.gov_name;
    if (x.item) map.item = x.item;
    if (x.type) map.type = x.type;
    if (x.unit_name) map.unit_name = x.unit_name;
    if (x.description) map.description = x.description;
    if (!code && !x.unit && !isItem && !candidate && !hasItemColumn) {
      ctx.report(address(parsed.sheetRow, textColumns.get('name') ?? 0), t('Row "{0}" has no code; it is taken over as printed', label ?? ''));
    }
    Object.assign(map, amountsMap(parsed.amounts));
    out.push({ parsed, map, candidate: candidate && !!(label ?? x.name_or_item), total: sumValue(parsed.amounts.get('total')) });
  }
  resolveCandidates(out);

  const body: PlainMap = {};
  const title = titleOf(parts);
  if (title) body.title = title;
  const note = noteValue(parts);
  if (note !== undefined) body.note = note;
  const printed = amountColumns.map((c) => c.key);
  const used = new Set<string>();
  for (const map of [total ?? {}, ...out.map((r) => r.map)]) for (const key of Object.keys(map)) if (AMOUNT_COLUMNS.has(key)) used.add(key);
  if (printed.some((key) => !used.has(key))) body.columns = flow(printed.slice());
  if (total && (Object.keys(total).length > 0 || totalLabelled)) body.total = flow(total);
  if (out.length > 0) body.rows = out.map((r) => flow(r.map));
  return { body, rows: out.length };
}

function joinParts(parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => !!p && p.length > 0);
  return present.length ? present.join(' ') : undefined;
}

function amountsMap(amounts: ReadonlyMap<string, string | null>): PlainMap {
  const map: PlainMap = {};
  for (const [key, text] of amounts) if (text !== null) map[key] = new PrintedAmount(text);
  return map;
}

function sumValue(text: string | null | undefined): Decimal | undefined {
  if (!text) return undefined;
  const parsed = parseAmount(text);
  return parsed.ok && !parsed.amount.blank ? new Dec(parsed.amount.value) : undefined;
}

/**
 * Rows without a code, unit or project type (the 专用项目 / 其他履职专项业务经费 lines of a
 * 专项业务经费支出表) are subtotals when the rows after them add up to their figure, nested when
 * a subtotal directly holds another; otherwise they are projects.
 */
function resolveCandidates(rows: OutRow[]): void {
  const isUnit = (i: number): boolean => rows[i].map.unit !== undefined && rows[i].map.item === undefined;
  /** The end (exclusive) of the subtotal at row i and the subtotals nested in it, or undefined. */
  const tryGroup = (i: number, level: number): { end: number; levels: Map<number, number> } | undefined => {
    const amount = rows[i].total;
    if (!amount || amount.isZero() || level > 6) return undefined;
    const levels = new Map<number, number>([[i, level]]);
    let sum = ZERO;
    let k = i + 1;
    while (k < rows.length && !isUnit(k) && sum.lt(amount)) {
      const nested = rows[k].candidate ? tryGroup(k, level + 1) : undefined;
      sum = sum.plus(rows[k].total ?? ZERO);
      if (nested) {
        for (const [index, lvl] of nested.levels) levels.set(index, lvl);
        k = nested.end;
      } else {
        k += 1;
      }
    }
    return k > i + 1 && sum.eq(amount) ? { end: k, levels } : undefined;
  };
  const groups = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i].candidate) continue;
    const found = tryGroup(i, 1);
    if (found) {
      for (const [index, lvl] of found.levels) groups.set(index, lvl);
      i = found.end - 1;
    }
  }
  rows.forEach((row, i) => {
    if (!row.candidate) return;
    const label = (row.map.name ?? row.parsed.texts.name_or_item ?? '') as string;
    const rest: PlainMap = {};
    for (const [key, value] of Object.entries(row.map)) if (key !== 'name' && key !== 'item') rest[key] = value;
    const level = groups.get(i);
    row.map = level !== undefined
      ? { group: label, ...(level > 1 ? { level: new PrintedAmount(String(level)) } : {}), ...rest }
      : { item: label, ...rest };
  });
}
