import type { MoneyUnit } from '../../service/amount/units';
import type { TableKey } from '../../service/model/types';

/**
 * What an import produces, before it becomes YAML: plain values in the order they are
 * written, with a few wrappers that say how a value is printed.
 */

/** An amount as it will be written: decimal text, no separators (`529.20`). Printed unquoted. */
export class PrintedAmount {
  constructor(readonly text: string) {}
}

/** A code (`"208 05 05"`, `"036"`): always printed double-quoted so that YAML keeps it a string. */
export class CodeText {
  constructor(readonly text: string) {}
}

/** A text printed as a literal block (`|`), one paragraph per line. */
export class BlockText {
  constructor(readonly text: string) {}
}

export type PlainValue = string | boolean | null | PrintedAmount | CodeText | BlockText | PlainList | PlainMap;
export type PlainList = PlainValue[];
export interface PlainMap {
  [key: string]: PlainValue;
}

const FLOW = new WeakSet<object>();

/** Marks a map or list to be printed in flow style (`{ … }` / `[ … ]`) on one line. */
export function flow<T extends PlainMap | PlainList>(value: T): T {
  FLOW.add(value);
  return value;
}

export function isFlow(value: object): boolean {
  return FLOW.has(value);
}

/** Something the import could not take over, named by its place in the workbook (or on the page). */
export interface ImportProblem {
  readonly file?: string;
  readonly sheet: string;
  /** A1 address or range; undefined for a whole sheet. */
  readonly cell?: string;
  /** The place as printed, when the source is not a workbook: `第7页 (58,120)` of a PDF. Replaces sheet and cell in messages. */
  readonly place?: string;
  readonly message: string;
}

/** A section of the narrative as imported: its title, its paragraphs as printed (one per line of the block), its subsections. */
export interface ImportedSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly sections: readonly ImportedSection[];
}

export interface ImportedTable {
  readonly key: TableKey;
  readonly sheet: string;
  readonly file?: string;
  readonly unit?: MoneyUnit;
  /** The table's YAML value (title, note, rows …), in writing order. */
  readonly body: PlainMap;
}

export interface SheetSummary {
  readonly file?: string;
  readonly sheet: string;
  readonly table?: TableKey;
  /** Rows of the table taken over (rows, list entries, indicators' blocks …). */
  readonly rows: number;
}

export interface ImportResult {
  readonly department?: string;
  readonly year?: number;
  readonly kind?: 'department' | 'unit';
  readonly template?: string;
  /** The unit most tables print; tables printing another unit carry their own. */
  readonly unit?: MoneyUnit;
  readonly tables: readonly ImportedTable[];
  readonly sheets: readonly SheetSummary[];
  readonly problems: readonly ImportProblem[];
  /** The document title printed on the cover (PDF import). */
  readonly title?: string;
  /** The date printed on the cover (PDF import). */
  readonly date?: string;
  /** The narrative, when the source has one (PDF import); the Excel import has none. */
  readonly narrative?: readonly ImportedSection[];
  /** Last year's figures the source states (`previous:`, PDF import: 执行数 read from the narrative). */
  readonly previous?: PlainMap;
}
