/**
 * Ids of the figures a claim of the prose speaks about, tagged by what they name, so that a
 * label, a title or a previous key cannot be passed where a figure id is meant:
 *
 *   named      income_total, basic, units_count … (a figure of data/labels/figures.json)
 *   code       function:2040601, economic:30101, government:501 (a row of a code table)
 *   executed   executed:function:2040601 (last year's 执行数 of a figure, stated beside it)
 *
 * At run time they are the same strings as before; only the type says which kind each one is.
 */
import type { CodeSystemKey } from './dictionary';

declare const NAMED: unique symbol;

/** A figure of figures.json (the dictionary gives these out; nothing else makes them). */
export type NamedFigureId = string & { readonly [NAMED]: true };
/** A row of a code table: the code system and the code. */
export type CodeFigureId = `${CodeSystemKey}:${string}`;
/** A figure of the report the prose can name. */
export type FigureId = NamedFigureId | CodeFigureId;
/** Last year's 执行数 of a figure, stated in a comparison (执行数为 A，预算安排 B …). */
export type ExecutedFigureId = `executed:${FigureId}`;
/** What a claim of the prose records as its figure. */
export type ClaimFigureId = FigureId | ExecutedFigureId;

/** The id of a figure of figures.json (for the dictionary, which reads them). */
export function namedFigureId(id: string): NamedFigureId {
  return id as NamedFigureId;
}

export function codeFigureId(system: CodeSystemKey, code: string): CodeFigureId {
  return `${system}:${code}`;
}

export function executedFigureId(id: FigureId): ExecutedFigureId {
  return `executed:${id}`;
}

/** The code of a code-table figure of the system (function:2040601 → 2040601), else undefined. */
export function codeOf(id: FigureId | undefined, system: CodeSystemKey): string | undefined {
  return id !== undefined && id.startsWith(`${system}:`) ? id.slice(system.length + 1) : undefined;
}

/** A row of a code table (function:…, economic:…, government:…), not a figure of figures.json. */
export function isCodeFigureId(id: FigureId): id is CodeFigureId {
  return id.includes(':');
}
