import type { Span, YMap, YNode } from '../yaml/ast';
import type { Amount } from '../amount/amount';
import type { MoneyUnit } from '../amount/units';

export type TableKey =
  | 'summary' | 'income' | 'expense' | 'fiscal_summary' | 'general_expense' | 'general_expense_economic'
  | 'general_basic' | 'general_basic_function' | 'basic_detail' | 'economic_summary' | 'three_public'
  | 'fund_expense' | 'state_capital_expense' | 'projects' | 'performance' | 'overall_performance'
  | 'operating_cost' | 'procurement' | 'assets' | 'catalog';

export type FundScope = 'all' | 'fiscal' | 'general' | 'fund' | 'state_capital';
export type Classification = 'function' | 'economic';
export type TableShape = 'rows' | 'items' | 'scalars' | 'overall';

/** A string value and where it is written. */
export interface TextValue {
  readonly value: string;
  readonly span: Span;
}

/** One amount cell: a printed figure and where it is (for a blank written as a missing key, no span). */
export interface Cell {
  readonly key: string;
  readonly amount: Amount;
  /** Span of the value; for a key written without value, an empty span right after the key. */
  readonly span: Span;
  readonly keySpan: Span;
}

/** A code as written ("210 15 01") and its digits ("2101501"). */
export interface CodeRef extends TextValue {
  readonly digits: string;
}

export type RowKind = 'code' | 'unit' | 'group' | 'item' | 'other';

export interface Indicator {
  readonly span: Span;
  readonly level1?: TextValue;
  readonly level2?: TextValue;
  readonly level3?: TextValue;
  readonly value?: TextValue;
  readonly description?: TextValue;
}

/** Anything that carries amount cells: a table row, an amount group, an item-list entry. */
export interface AmountRecord {
  /** Position in its list (-1 for a 合计 row or an amount group). */
  readonly index: number;
  readonly span: Span;
  readonly cells: ReadonlyMap<string, Cell>;
  /** Keys whose value is written but is not an amount. */
  readonly unreadable: ReadonlySet<string>;
}

export interface Row extends AmountRecord {
  readonly kind: RowKind;
  readonly node: YMap;
  readonly code?: CodeRef;
  readonly name?: TextValue;
  readonly govCode?: CodeRef;
  readonly govName?: TextValue;
  readonly unit?: CodeRef;
  readonly group?: TextValue;
  /** Level of a group row (1 when not written). */
  readonly level: number;
  readonly item?: TextValue;
  readonly type?: TextValue;
  readonly unitName?: TextValue;
  readonly indicators: readonly Indicator[];
  readonly texts: ReadonlyMap<string, TextValue>;
}

/** An entry of an item list (收支总表, 财政拨款收支总表): a printed label and its amounts. */
export interface ItemEntry extends AmountRecord {
  readonly label: TextValue;
  /** The standard item the author says the entry is (`id:`), when the label is not a known one. */
  readonly id?: TextValue;
  /** The label without its ordinal or 其中 marker. */
  readonly bareLabel: string;
  /** 1 for 一、, 2 for （一）/1、, 3 for （1）; 0 when no ordinal is printed. */
  readonly ordinalLevel: number;
  readonly isOfWhich: boolean;
  readonly code?: CodeRef;
}

export interface TableDef {
  readonly key: TableKey;
  readonly shape: TableShape;
  readonly scope: FundScope;
  readonly classification?: Classification;
  readonly required?: boolean;
  readonly scalars?: readonly string[];
  /** Scalars only some layouts print (absent: not printed, never 0). */
  readonly optionalScalars?: readonly string[];
  readonly rowAmounts?: readonly string[];
  readonly aliases?: readonly string[];
  /** Relations between the scalars of a scalar table (三公, 政府采购). */
  readonly relations?: ReadonlyArray<{ readonly id: string; readonly whole: string; readonly parts: readonly string[]; readonly kind?: 'sum' | 'includes' }>;
}

export interface Table {
  readonly key: TableKey;
  readonly def: TableDef;
  readonly keySpan: Span;
  readonly node: YNode | null;
  readonly title?: TextValue;
  readonly unit: MoneyUnit;
  readonly note?: TextValue;
  readonly incomplete: boolean;
  readonly declaredColumns?: readonly string[];
  /** The printed 合计 row of a row table. */
  readonly total?: Row;
  readonly rows: readonly Row[];
  /** Amount columns a row table prints (declared, or used by any row). */
  readonly columns: ReadonlySet<string>;
  /** Scalar amounts (三公, 政府采购, the totals of item lists). */
  readonly scalars: ReadonlyMap<string, Cell>;
  readonly unreadableScalars: ReadonlySet<string>;
  /** Groups of amounts written as one mapping (fiscal_summary.expense_total, overall_performance.budget). */
  readonly groups: ReadonlyMap<string, Row>;
  /** Item lists (summary.income …). */
  readonly lists: ReadonlyMap<string, readonly ItemEntry[]>;
}

export interface UnitEntry {
  readonly span: Span;
  readonly code?: CodeRef;
  readonly name?: TextValue;
}

export interface Section {
  readonly span: Span;
  readonly title?: TextValue;
  readonly topic?: TextValue;
  /** The text and, for block scalars, the document offset of each line. */
  readonly text?: SectionText;
  readonly sections: readonly Section[];
  readonly depth: number;
  readonly path: readonly number[];
}

export interface SectionText {
  readonly value: string;
  readonly span: Span;
  readonly lineStarts?: readonly number[];
  readonly style: string;
}

/** Last year's figures of one kind (预算数 or 执行数), by figure id and by code. */
export interface PreviousFigures {
  readonly figures: ReadonlyMap<string, Cell>;
  readonly functions: ReadonlyMap<string, Cell>;
  readonly economics: ReadonlyMap<string, Cell>;
}

/** The `previous:` block: last year's 预算数, and its 执行数 under `executed`. */
export interface Previous extends PreviousFigures {
  readonly year?: number;
  /** The unit of every previous figure (the document's unless `previous.unit` says otherwise). */
  readonly unit: MoneyUnit;
  readonly executed: PreviousFigures;
}

export type ReportKind = 'department' | 'unit';

export interface Report {
  readonly root: YMap | null;
  readonly department?: TextValue;
  readonly kind?: ReportKind;
  readonly kindSpan?: Span;
  readonly year?: number;
  readonly yearSpan?: Span;
  readonly unit: MoneyUnit;
  readonly template?: TextValue;
  readonly title?: TextValue;
  readonly units: readonly UnitEntry[];
  readonly previous: Previous;
  readonly tables: ReadonlyMap<TableKey, Table>;
  readonly narrative: readonly Section[];
  readonly narrativeSpan?: Span;
}
