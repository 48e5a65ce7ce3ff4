import { normalizeName } from './names';

export type CodeSystem = 'function' | 'economic-department' | 'economic-government';

export interface CodeEntry {
  readonly code: string;
  readonly name: string;
  readonly system: CodeSystem;
  /** First and last budget year the entry is valid for. */
  readonly from: number;
  readonly to: number;
  readonly source: string;
}

export interface CodePair {
  readonly department: string;
  readonly government: string;
  readonly side: string;
  readonly source: string;
}

/** A name a code carried before a revision of the classification (data/codes/function-renames.csv). */
export interface CodeRename {
  readonly code: string;
  readonly oldName: string;
  readonly newName: string;
  /** First budget year of the new name. */
  readonly year: number;
}

export interface CodeTableData {
  readonly entries: readonly CodeEntry[];
  readonly pairs: readonly CodePair[];
  /** Short or old 类 labels printed in 收支总表 → 类 code. */
  readonly classAliases: ReadonlyArray<readonly [string, string]>;
  readonly renames?: readonly CodeRename[];
}

/** The system a code belongs to, from its first digit (功能 2xx, 部门经济 3xx, 政府经济 5xx). */
export function systemOfCode(code: string): CodeSystem | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code[0] === '2' && (code.length === 3 || code.length === 5 || code.length === 7)) return 'function';
  if (code[0] === '3' && (code.length === 3 || code.length === 5)) return 'economic-department';
  if (code[0] === '5' && (code.length === 3 || code.length === 5)) return 'economic-government';
  return undefined;
}

export function levelsOf(system: CodeSystem): readonly number[] {
  return system === 'function' ? [3, 5, 7] : [3, 5];
}

/**
 * The classification tables the checker and completion use: the bundled tables plus any
 * extra tables the user configured, which take precedence.
 */
export class CodeTables {
  private readonly byCode = new Map<string, CodeEntry[]>();
  private readonly pairsByDepartment = new Map<string, CodePair[]>();
  private readonly aliases = new Map<string, string>();
  private readonly extraCodes = new Set<string>();
  private readonly renames = new Map<string, CodeRename[]>();

  constructor(data: CodeTableData, extra: readonly CodeEntry[] = []) {
    for (const entry of data.entries) this.add(entry);
    for (const entry of extra) {
      // A user's table replaces the bundled entry of the same code for the years it covers.
      const existing = (this.byCode.get(entry.code) ?? []).filter((e) => e.to < entry.from || e.from > entry.to);
      this.byCode.set(entry.code, [...existing, entry]);
      this.extraCodes.add(entry.code);
    }
    for (const pair of data.pairs) {
      const list = this.pairsByDepartment.get(pair.department) ?? [];
      list.push(pair);
      this.pairsByDepartment.set(pair.department, list);
    }
    for (const [name, code] of data.classAliases) this.aliases.set(normalizeName(name), code);
    for (const rename of data.renames ?? []) this.renames.set(rename.code, [...(this.renames.get(rename.code) ?? []), rename]);
    for (const entry of data.entries) if (entry.system === 'function' && entry.code.length === 3) {
      this.aliases.set(normalizeName(entry.name), entry.code);
      this.aliases.set(normalizeName(entry.name.replace(/支出$/, '')), entry.code);
    }
  }

  private add(entry: CodeEntry): void {
    const list = this.byCode.get(entry.code) ?? [];
    list.push(entry);
    this.byCode.set(entry.code, list);
  }

  /** The entry valid in `year`, if the tables know the code for that year. */
  lookup(code: string, year: number | undefined): CodeEntry | undefined {
    const entries = this.byCode.get(code);
    if (!entries) return undefined;
    if (year === undefined) return entries[entries.length - 1];
    return entries.find((e) => e.from <= year && year <= e.to);
  }

  /**
   * The rename that retired `name` as the name of `code` before `year` (医疗卫生与计划生育支出 →
   * 卫生健康支出 from 2019), if the name is such an old name.
   */
  retiredName(code: string, name: string, year: number | undefined): CodeRename | undefined {
    const wanted = normalizeName(name);
    return (this.renames.get(code) ?? []).find((r) => normalizeName(r.oldName) === wanted && (year === undefined || year >= r.year));
  }

  /** Every year range the code is known for (for "valid in another year" findings). */
  knownYears(code: string): Array<[number, number]> {
    return (this.byCode.get(code) ?? []).map((e) => [e.from, e.to]);
  }

  isExtra(code: string): boolean {
    return this.extraCodes.has(code);
  }

  /** 类 › 款 › 项 path of a code, for hovers and completion details. */
  path(code: string, year: number | undefined): CodeEntry[] {
    const system = systemOfCode(code);
    if (!system) return [];
    const path: CodeEntry[] = [];
    for (const length of levelsOf(system)) {
      if (length > code.length) break;
      const entry = this.lookup(code.slice(0, length), year);
      if (entry) path.push(entry);
    }
    return path;
  }

  /** All entries of a system valid in `year`, in code order. */
  entries(system: CodeSystem, year: number | undefined): CodeEntry[] {
    const result: CodeEntry[] = [];
    for (const [code, list] of this.byCode) {
      if (systemOfCode(code) !== system) continue;
      const entry = year === undefined ? list[list.length - 1] : list.find((e) => e.from <= year && year <= e.to);
      if (entry && entry.system === system) result.push(entry);
    }
    return result.sort((a, b) => a.code.localeCompare(b.code));
  }

  hasPairsFor(department: string): boolean {
    return this.pairsByDepartment.has(department);
  }

  pairsFor(department: string): readonly CodePair[] {
    return this.pairsByDepartment.get(department) ?? [];
  }

  isPairAllowed(department: string, government: string): boolean {
    return this.pairsFor(department).some((p) => p.government === government);
  }

  /** 类 code of a printed 类 label (一般公共服务, 卫生健康支出, 城乡社区事务 …). */
  classOfLabel(label: string): string | undefined {
    return this.aliases.get(normalizeName(label));
  }
}
