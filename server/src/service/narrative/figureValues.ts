import { Dec, ZERO } from '../amount/rounding';
import type { Dec as Decimal } from '../amount/rounding';
import { convert } from '../amount/units';
import type { MoneyUnit } from '../amount/units';
import type { CodeTables } from '../codes/codeTables';
import { resolveFigure } from '../figures/figurePaths';
import { isTableKey } from '../model/tableDefs';
import type { Report } from '../model/types';
import { normalizeName } from '../codes/names';
import type { FigureDef } from './templateTypes';

/** A figure's value in the unit of the text it goes into. */
export interface FigureValue {
  readonly value: Decimal;
}

export type FigureLookup = (id: string) => FigureValue | undefined;

/**
 * Reads the figures a template names. Everything goes through resolveFigure; the narrative adds
 * only what a sentence needs beyond a single path: alternatives that skip incomplete tables,
 * sums, counts of projects and labelled rows (国有资产). Every amount is converted from its
 * table's unit (or `previous.unit`) to the unit of the text (`unit`), whatever the document's is.
 */
export class FigureReader {
  private readonly cache = new Map<string, FigureValue | undefined>();

  constructor(
    private readonly report: Report,
    private readonly codes: CodeTables,
    private readonly defs: Readonly<Record<string, FigureDef>>,
    private readonly unit: MoneyUnit = '万元',
    /** Last year's figures the report does not give in `previous:` but the author's text implies (by `previous:` key, in 万元). */
    private readonly implied: ReadonlyMap<string, Decimal> = new Map(),
  ) {}

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get(id: string): FigureValue | undefined {
    if (this.cache.has(id)) return this.cache.get(id);
    this.cache.set(id, undefined); // guards against a sum that names itself
    const value = this.compute(id);
    this.cache.set(id, value);
    return value;
  }

  /** Last year's figure from `previous:`, in the unit of the prose. */
  previous(id: string): Decimal | undefined {
    const key = this.defs[id]?.previous;
    if (!key) return undefined;
    const cell = this.report.previous.figures.get(key);
    if (cell) return convert(cell.amount.value, this.report.previous.unit, this.unit);
    const implied = this.implied.get(key);
    return implied ? convert(implied, '万元', this.unit) : undefined;
  }

  previousKey(id: string): string | undefined {
    return this.defs[id]?.previous;
  }

  private compute(id: string): FigureValue | undefined {
    const def = this.defs[id];
    if (!def) return undefined;
    if (def.path) return this.path(def.path);
    if (def.sum) {
      let total: Decimal = ZERO;
      let found = false;
      for (const part of def.sum) {
        const value = this.get(part);
        if (value) {
          total = total.plus(value.value);
          found = true;
        }
      }
      return found ? { value: total } : undefined;
    }
    if (def.units !== undefined) {
      if (this.report.units.length === 0) return undefined;
      const nature = def.units.trim();
      return { value: new Dec(this.report.units.filter((u) => !nature || u.nature?.value.trim() === nature).length) };
    }
    if (def.count) {
      if (!isTableKey(def.count)) return undefined;
      const table = this.report.tables.get(def.count);
      if (!table) return undefined;
      return { value: new Dec(table.rows.filter((row) => row.kind === 'item').length) };
    }
    if (def.row) {
      if (!isTableKey(def.row.table)) return undefined;
      const table = this.report.tables.get(def.row.table);
      if (!table || table.incomplete) return undefined;
      const wanted = normalizeName(def.row.item);
      const row = table.rows.find((r) => r.item && normalizeName(r.item.value).replace(/^[\d一二三四五六七八九十]+[、.．]/, '') === wanted);
      if (!row) return undefined;
      const cell = row.cells.get(def.row.column);
      return { value: cell ? convert(cell.amount.value, table.unit, this.unit) : ZERO };
    }
    return undefined;
  }

  private path(path: string): FigureValue | undefined {
    for (const alternative of path.split('|').map((a) => a.trim()).filter(Boolean)) {
      const tableKey = alternative.split('.')[0];
      if (!isTableKey(tableKey)) continue;
      const table = this.report.tables.get(tableKey);
      // An incomplete table says nothing about its figures, not even that they are 0.
      if (!table || table.incomplete) continue;
      const resolution = resolveFigure(this.report, this.codes, alternative);
      if (resolution.kind === 'figure') return { value: convert(resolution.figure.value, resolution.figure.unit, this.unit) };
      // A table published empty (空表: no rows, no columns) shows 0 for every figure.
      if (resolution.kind === 'absent' && table.rows.length === 0 && table.columns.size === 0 && table.scalars.size === 0 && table.lists.size === 0 && table.groups.size === 0) {
        return { value: ZERO };
      }
    }
    return undefined;
  }
}
