import type { YearFigures } from './yearFigures';

/**
 * Last year's report of the same department (same `department`, `year` − 1), when the author
 * has it at hand (in the editor: in the workspace): the figures this year's `previous:` lacks
 * are taken from it, and the hover of a change names it. An input of the analysis, never read
 * by the service itself: the language server finds the file and passes what it holds.
 */
export interface LastYear {
  /** Identifies the file's version (uri and version or modification time): analyses are kept per input. */
  readonly id: string;
  /** The file, as the person knows it (its name). */
  readonly name: string;
  readonly figures: YearFigures;
}

/**
 * Whether `candidate` is last year's report of `report`'s department: the same department, the
 * year before, and the same kind (a 部门预算 and the 单位预算 of its 本部 share a name).
 */
export function isLastYearOf(
  report: { readonly department?: string; readonly year?: number; readonly kind?: string },
  candidate: { readonly department?: string; readonly year?: number; readonly kind?: string },
): boolean {
  const bare = (name: string | undefined): string => (name ?? '').replace(/\s+/g, '');
  if (report.kind && candidate.kind && report.kind !== candidate.kind) return false;
  return !!report.department && report.year !== undefined && bare(report.department) === bare(candidate.department) && candidate.year === report.year - 1;
}
