import type { CodeSystem, CodeTables } from '../../service/codes/codeTables';
import type { ParsedDocument } from '../../service/document';
import { candidates } from '../../service/completion/codeIndex';
import { lineContext } from '../../service/completion/lineContext';
import { isTableKey, TABLE_DEFS } from '../../service/model/tableDefs';
import type { CodeListResult } from '../../../../protocol/src/protocol';

const SYSTEMS: readonly CodeSystem[] = ['function', 'economic-department', 'economic-government'];

/** The classification of the row table around `offset` (as completion decides it), if any. */
export function codeSystemAt(text: string, offset: number): CodeSystem | undefined {
  const context = lineContext(text, offset);
  const [root, tableKey] = context.path;
  if (root !== 'tables' || typeof tableKey !== 'string' || !isTableKey(tableKey)) return undefined;
  const classification = TABLE_DEFS.get(tableKey)!.classification;
  if (!classification) return undefined;
  if (context.key === 'gov_code' || context.key === 'gov_name') return 'economic-government';
  return classification === 'function' ? 'function' : 'economic-department';
}

/**
 * The codes valid in the report's year (or the configured code year) for the code picker: the
 * table's classification when the position is in a classified table, every system otherwise.
 */
export function codeList(tables: CodeTables, parsed: ParsedDocument, offset: number | undefined, codeYear: number | undefined): CodeListResult {
  const year = codeYear ?? parsed.report.year;
  const system = offset === undefined ? undefined : codeSystemAt(parsed.text, offset);
  const codes = (system ? [system] : SYSTEMS).flatMap((s) =>
    candidates(tables, s, year).map((c) => ({ code: c.entry.code, name: c.entry.name, system: c.entry.system, path: c.path, initials: c.initials })),
  );
  return { year, system, codes };
}
