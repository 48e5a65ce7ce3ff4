import { pointAfter } from '../yaml/nodes';
import { getPair, getString, getValue, isMap, isScalar, isSeq, Span, YMap, YNode, YScalar } from '../yaml/ast';
import { parseAmount } from '../amount/amount';
import { isMoneyUnit, MoneyUnit } from '../amount/units';
import { AMOUNT_COLUMNS, ITEM_LISTS, TABLE_DEFS, isTableKey } from './tableDefs';
import { parseItemLabel } from './itemLabels';
import { knownKeys, nearestKey } from '../schema/keyTypos';
import { UNKNOWN_COLUMN } from './columnValues';
import { NodeBlockCache } from '../yaml/nodeBlocks';
import type {
  Cell, CodeRef, Indicator, ItemEntry, Previous, PreviousFigures, Report, ReportKind, Row, RowKind, Section, Table, TableDef, TableKey, TextValue, UnitEntry,
} from './types';

/** A problem found while building the model (the schema reports the rest of the structure). */
export interface ModelProblem {
  readonly rule: 'amount/invalid';
  readonly span: Span;
  readonly text: string;
}

export interface BuildResult {
  readonly report: Report;
  readonly problems: readonly ModelProblem[];
}

const ROW_TEXT_KEYS = ['id', 'code', 'name', 'gov_code', 'gov_name', 'unit', 'group', 'item', 'type', 'unit_name', 'description', 'goal', 'department', 'no', 'title', 'empty', 'reason', 'source_project', 'catalog_no', 'measure'];

/** Builds the report model from the YAML tree. Never throws; wrong shapes are skipped (the schema reports them). */
export function buildReport(root: YNode | null): BuildResult {
  const problems: ModelProblem[] = [];
  const builder = new ReportBuilder(problems);
  return { report: builder.report(isMap(root) ? root : null), problems };
}

class ReportBuilder {
  constructor(private readonly problems: ModelProblem[]) {}

  report(root: YMap | null): Report {
    const unitNode = getString(root, 'unit');
    const unit: MoneyUnit = unitNode && isMoneyUnit(unitNode.value.trim()) ? (unitNode.value.trim() as MoneyUnit) : '万元';
    const kindNode = getString(root, 'kind');
    const kind = kindNode && (kindNode.value === 'department' || kindNode.value === 'unit') ? (kindNode.value as ReportKind) : undefined;
    const yearNode = getString(root, 'year');
    const year = yearNode && /^\d{4}$/.test(yearNode.value.trim()) ? Number(yearNode.value.trim()) : undefined;
    const tables = new Map<TableKey, Table>();
    const tablesNode = getValue(root, 'tables');
    if (isMap(tablesNode)) {
      for (const pair of tablesNode.pairs) {
        const key = pair.key.value;
        if (!isTableKey(key) || tables.has(key)) continue;
        tables.set(key, this.table(TABLE_DEFS.get(key)!, pair.key, pair.value, unit));
      }
    }
    const narrativeNode = getValue(root, 'narrative');
    return {
      root,
      department: text(getString(root, 'department')),
      kind,
      kindSpan: kindNode ? span(kindNode) : undefined,
      year,
      yearSpan: yearNode ? span(yearNode) : undefined,
      unit,
      template: text(getString(root, 'template')),
      title: text(getString(root, 'title')),
      units: this.units(getValue(root, 'units')),
      previous: this.previous(getValue(root, 'previous'), unit),
      tables,
      narrative: isSeq(narrativeNode) ? this.sections(narrativeNode.items, 0, []) : [],
      narrativeSpan: narrativeNode ? span(narrativeNode) : undefined,
    };
  }

  private table(def: TableDef, keyNode: YScalar, node: YNode | null, documentUnit: MoneyUnit): Table {
    const map = isMap(node) ? node : null;
    const unitNode = getString(map, 'unit');
    const unit = unitNode && isMoneyUnit(unitNode.value.trim()) ? (unitNode.value.trim() as MoneyUnit) : documentUnit;
    const incompleteNode = getString(map, 'incomplete');
    const declared = getValue(map, 'columns');
    const declaredColumns = isSeq(declared) ? declared.items.filter(isScalar).map((s) => s.value) : undefined;
    const rowAmounts = new Set(def.rowAmounts ?? []);
    const signature = amountSignature(rowAmounts);
    const totalNode = getValue(map, 'total');
    const rowsNode = getValue(map, 'rows');
    const items = isSeq(rowsNode) ? rowsNode.items : [];
    // Rows are mappings; anything else is skipped here (the schema reports it).
    const rowNodes = items.every(isMap) ? (items as readonly YMap[]) : items.filter(isMap);
    // Rows are built a block at a time (yaml/nodeBlocks.ts): an unchanged block gives back its
    // rows, their problems and the columns they print without a look-up per row.
    const rows: Row[] = [];
    const columns = new Set<string>(declaredColumns?.filter((c) => AMOUNT_COLUMNS.has(c)) ?? []);
    const total = isMap(totalNode) ? this.row(totalNode, -1, rowAmounts) : undefined;
    if (total) addColumns(columns, total);
    const blocks = ROW_BLOCKS.values(rowNodes.length, (i) => rowNodes[i], (start) => `${start}|${signature}`, (start, end) => {
      const problems: ModelProblem[] = [];
      const builder = new ReportBuilder(problems);
      const built: Row[] = [];
      const printed = new Set<string>();
      for (let i = start; i < end; i++) {
        const row = builder.row(rowNodes[i], i, rowAmounts, signature);
        built.push(row);
        addColumns(printed, row);
      }
      return { rows: built, problems, columns: [...printed] };
    });
    for (const block of blocks) {
      for (const row of block.rows) rows.push(row);
      if (block.problems.length > 0) this.problems.push(...block.problems);
      for (const column of block.columns) columns.add(column);
    }
    const scalars = new Map<string, Cell>();
    const unreadableScalars = new Set<string>();
    const scalarKeys = def.scalars ?? ITEM_LISTS[def.key]?.scalars ?? [];
    const groupKeys = ITEM_LISTS[def.key]?.groups ?? [];
    for (const key of scalarKeys) {
      // `total` of a row table is its 合计 row; a scalar `total` only in scalar tables.
      if (key === 'total' && isMap(totalNode)) continue;
      const pair = map ? getPair(map, key) : undefined;
      if (!pair) continue;
      // A total printed by column (支出总计 of a 单位 收支总表: 合计, 人员经费 …) is an amount group.
      if (groupKeys.includes(key) && isMap(pair.value)) continue;
      const cell = this.cell(key, pair.key, pair.value);
      if (cell) scalars.set(key, cell);
      else unreadableScalars.add(key);
    }
    // A misspelt scalar (`vehcle: 5.00`) is unknown, not blank: the sums it is in are not checked.
    if (map && scalarKeys.length > 0) {
      for (const pair of map.pairs) {
        const missing = misspeltKey(pair, map, new Set(), scalarKeys);
        if (missing && !PLACING_KEYS.includes(missing)) unreadableScalars.add(missing);
      }
    }
    const groups = new Map<string, Row>();
    for (const key of groupKeys) {
      const value = getValue(map, key);
      if (isMap(value)) groups.set(key, this.row(value, -1, rowAmounts));
    }
    if (def.key === 'overall_performance') {
      const budget = getValue(map, 'budget');
      if (isMap(budget)) groups.set('budget', this.row(budget, -1, rowAmounts));
    }
    const lists = new Map<string, ItemEntry[]>();
    for (const key of ITEM_LISTS[def.key]?.lists ?? []) {
      const value = getValue(map, key);
      if (isSeq(value)) lists.set(key, value.items.filter(isMap).map((entry, i) => this.itemEntry(entry, i)));
    }
    // Item lists printed by column (财政拨款收支总表, a 单位 财务收支预算总表) print these columns too.
    for (const record of [...groups.values(), ...[...lists.values()].flat()]) for (const key of record.cells.keys()) if (AMOUNT_COLUMNS.has(key)) columns.add(key);
    return {
      key: def.key,
      def,
      keySpan: span(keyNode),
      node,
      title: text(getString(map, 'title')),
      unit,
      note: text(getString(map, 'note')),
      incomplete: incompleteNode?.value.trim() === 'true',
      declaredColumns,
      total,
      rows,
      columns,
      scalars,
      unreadableScalars,
      groups,
      lists,
    };
  }

  /**
   * A row model. Rows of a large table are built once per YAML node and reused while the node
   * is (the incremental parser keeps the node of an unchanged row, and its spans follow the
   * row when text above it changes); only the row's position is set per version.
   */
  private row(node: YMap, index: number, rowAmounts: ReadonlySet<string>, signature = amountSignature(rowAmounts)): Row {
    let perNode = ROW_CACHE.get(node);
    let cached = perNode?.get(signature);
    if (!cached) {
      const problems: ModelProblem[] = [];
      const core = new ReportBuilder(problems).buildRow(node, rowAmounts);
      cached = { core, problems };
      if (!perNode) {
        perNode = new Map();
        ROW_CACHE.set(node, perNode);
      }
      perNode.set(signature, cached);
    }
    if (cached.problems.length > 0) this.problems.push(...cached.problems);
    // A row that moved gets a copy with its new index, kept as the node's row from now on. A
    // plain copy, not a prototype link: objects with one prototype each would give every row
    // its own hidden class and make every property read in the rules a slow megamorphic lookup.
    if (cached.core.index !== index) cached.core = { ...cached.core, index };
    return cached.core;
  }

  buildRow(node: YMap, rowAmounts: ReadonlySet<string>): Row {
    const index = 0;
    const cells = new Map<string, Cell>();
    const unreadable = new Set<string>();
    const texts = new Map<string, TextValue>();
    for (const pair of node.pairs) {
      const key = pair.key.value;
      if (AMOUNT_COLUMNS.has(key) || rowAmounts.has(key)) {
        const cell = this.cell(key, pair.key, pair.value);
        if (cell) cells.set(key, cell);
        else unreadable.add(key);
      } else if (ROW_TEXT_KEYS.includes(key) && isScalar(pair.value) && !pair.value.isNull) {
        texts.set(key, { value: pair.value.value, span: pair.value });
      }
    }
    for (const pair of node.pairs) {
      const missing = misspeltKey(pair, node, rowAmounts);
      if (missing) unreadable.add(missing);
    }
    const code = codeRef(texts.get('code'));
    const unit = codeRef(texts.get('unit'));
    const levelNode = getString(node, 'level');
    const level = levelNode && /^\d$/.test(levelNode.value.trim()) ? Number(levelNode.value.trim()) : 1;
    let kind: RowKind = 'other';
    if (texts.has('item')) kind = 'item';
    else if (texts.has('group')) kind = 'group';
    else if (code) kind = 'code';
    else if (unit) kind = 'unit';
    const indicatorsNode = getValue(node, 'indicators');
    return {
      index,
      span: node,
      kind,
      node,
      code,
      name: texts.get('name'),
      govCode: codeRef(texts.get('gov_code')),
      govName: texts.get('gov_name'),
      unit,
      group: texts.get('group'),
      level,
      item: texts.get('item'),
      type: texts.get('type'),
      unitName: texts.get('unit_name'),
      cells,
      unreadable,
      indicators: isSeq(indicatorsNode) ? indicatorsNode.items.filter(isMap).map(indicator) : [],
      texts,
    };
  }

  private itemEntry(node: YMap, index: number): ItemEntry {
    const row = this.row(node, index, new Set(['amount']));
    const label = row.item ?? { value: '', span: span(node) };
    const parsed = parseItemLabel(label.value);
    return {
      index,
      span: row.span,
      label,
      id: row.texts.get('id'),
      bareLabel: parsed.bare,
      ordinalLevel: parsed.ordinalLevel,
      isOfWhich: parsed.isOfWhich,
      code: row.code,
      cells: row.cells,
      unreadable: row.unreadable,
    };
  }

  /** An amount cell; undefined (and a problem) when the text is not an amount. */
  private cell(key: string, keyNode: YScalar, value: YNode | null): Cell | undefined {
    const keySpan = keyNode;
    if (value === null || (isScalar(value) && value.isNull)) {
      return { key, amount: BLANK, span: pointAfter(value ?? keyNode), keySpan };
    }
    if (!isScalar(value)) return undefined;
    const parsed = parseAmount(value.value);
    if (!parsed.ok) {
      this.problems.push({ rule: 'amount/invalid', span: value, text: value.value });
      return undefined;
    }
    return { key, amount: parsed.amount, span: value, keySpan };
  }

  private units(node: YNode | null | undefined): UnitEntry[] {
    if (!isSeq(node)) return [];
    return node.items.filter(isMap).map((entry) => ({ span: span(entry), code: codeRef(text(getString(entry, 'code'))), name: text(getString(entry, 'name')), nature: text(getString(entry, 'nature')) }));
  }

  private previous(node: YNode | null | undefined, documentUnit: MoneyUnit): Previous {
    let year: number | undefined;
    let unit = documentUnit;
    if (isMap(node)) {
      const yearNode = getString(node, 'year');
      if (yearNode && /^\d{4}$/.test(yearNode.value.trim())) year = Number(yearNode.value.trim());
      const unitNode = getString(node, 'unit');
      if (unitNode && isMoneyUnit(unitNode.value.trim())) unit = unitNode.value.trim() as MoneyUnit;
    }
    const executed = getValue(isMap(node) ? node : null, 'executed');
    return { year, unit, ...this.previousFigures(node, ['year', 'unit', 'executed']), executed: this.previousFigures(executed, []) };
  }

  private previousFigures(node: YNode | null | undefined, skip: readonly string[]): PreviousFigures {
    const figures = new Map<string, Cell>();
    const functions = new Map<string, Cell>();
    const economics = new Map<string, Cell>();
    if (isMap(node)) {
      for (const pair of node.pairs) {
        const key = pair.key.value;
        if (skip.includes(key)) continue;
        if (key === 'functions' || key === 'economics') {
          const target = key === 'functions' ? functions : economics;
          if (isMap(pair.value)) for (const p of pair.value.pairs) {
            const cell = this.cell(p.key.value, p.key, p.value);
            if (cell) target.set(p.key.value.replace(/\s+/g, ''), cell);
          }
        } else {
          const cell = this.cell(key, pair.key, pair.value);
          if (cell) figures.set(key, cell);
        }
      }
    }
    return { figures, functions, economics };
  }

  private sections(items: readonly YNode[], depth: number, path: readonly number[]): Section[] {
    const sections: Section[] = [];
    items.forEach((item, i) => {
      if (!isMap(item)) return;
      const textNode = getString(item, 'text');
      const children = getValue(item, 'sections');
      sections.push({
        span: span(item),
        title: text(getString(item, 'title')),
        topic: text(getString(item, 'topic')),
        text: textNode ? { value: textNode.value, span: span(textNode), lineStarts: textNode.lineStarts, style: textNode.style } : undefined,
        sections: isSeq(children) && depth < 8 ? this.sections(children.items, depth + 1, [...path, i]) : [],
        depth,
        path: [...path, i],
      });
    });
    return sections;
  }
}

/** Adds a row's amount columns to its table's (a column seen once is not looked up again). */
function addColumns(columns: Set<string>, row: Row): void {
  for (const key of row.cells.keys()) if (!columns.has(key) && AMOUNT_COLUMNS.has(key)) columns.add(key);
}

/** Keys whose misspelling makes a row's place in its table unknown (its kind and its parent). */
const PLACING_KEYS = ['code', 'unit', 'group', 'item'];

/**
 * What a key the format does not know hides: the amount column or placing key it most likely
 * misspells (`totl` → `total`) when the record lacks that key, or UNKNOWN_COLUMN for an amount
 * under a key nothing resembles. The record's value there is unknown — never blank, never 0.
 * Undefined for a known key, or unknown text that resembles no such key (harmless).
 */
function misspeltKey(pair: { key: YScalar; value: YNode | null }, record: YMap, rowAmounts: ReadonlySet<string>, scalarKeys: readonly string[] = []): string | undefined {
  const key = pair.key.value;
  if (knownKeys().has(key) || AMOUNT_COLUMNS.has(key) || rowAmounts.has(key) || scalarKeys.includes(key)) return undefined;
  const amountLike = isScalar(pair.value) && !pair.value.isNull && parseAmount(pair.value.value).ok;
  const nearest = nearestKey(key, [...AMOUNT_COLUMNS, ...rowAmounts, ...scalarKeys, ...PLACING_KEYS]);
  if (nearest) return getPair(record, nearest) ? undefined : nearest;
  return amountLike ? UNKNOWN_COLUMN : undefined;
}

function indicator(node: YMap): Indicator {
  return {
    span: span(node),
    level1: text(getString(node, 'level1')),
    level2: text(getString(node, 'level2')),
    level3: text(getString(node, 'level3')),
    value: text(getString(node, 'value')),
    description: text(getString(node, 'description')),
  };
}

function parseAmountOk(textValue: string) {
  const parsed = parseAmount(textValue);
  if (!parsed.ok) throw new Error('unreachable: blank amount');
  return parsed.amount;
}

/** The key of a table's extra amount keys in ROW_CACHE (computed once per table, not per row). */
function amountSignature(rowAmounts: ReadonlySet<string>): string {
  return rowAmounts.size ? [...rowAmounts].join(',') : '';
}

/** Blocks of rows of a table: their row models, model problems and printed amount columns. */
const ROW_BLOCKS = new NodeBlockCache<{ readonly rows: readonly Row[]; readonly problems: readonly ModelProblem[]; readonly columns: readonly string[] }>();

/** Row models by YAML node (and by the table's extra amount keys). */
const ROW_CACHE = new WeakMap<YMap, Map<string, { core: Row; problems: readonly ModelProblem[] }>>();

const BLANK = parseAmountOk('');

/**
 * The span of a node: the node itself, whose offsets follow the node when the incremental
 * parser moves it (see yaml/nodes.ts).
 */
function span(node: Span): Span {
  return node;
}

function text(node: YScalar | undefined): TextValue | undefined {
  return node ? { value: node.value, span: node } : undefined;
}

function codeRef(value: TextValue | undefined): CodeRef | undefined {
  if (!value) return undefined;
  // A literal, not a spread: V8 gives spread copies of these objects a map each, which makes
  // every read of a code in the rules a megamorphic lookup (measured: 9,715 maps for 9,963 rows).
  return { value: value.value, span: value.span, digits: value.value.replace(/\s+/g, '') };
}
