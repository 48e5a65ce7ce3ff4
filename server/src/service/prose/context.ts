import type { Dec } from '../amount/rounding';
import type { CheckSettings } from '../rules/ruleTypes';
import type { Span } from '../yaml/ast';
import type { ClaimRecord, Ledger } from './claims';
import type { FigureContext } from './figures';
import type { FigureId } from './figureIds';
import type { LastYear } from '../crossYear/lastYear';

/**
 * A previous-year figure implied by the prose (本年数 − 增减额, 持平) or given by `previous:`.
 * Facts about one figure must agree, and must add up along the relations of figures.json.
 */
export interface PreviousFact {
  /** Figure id (the group of same figures, with the fund scope for generic figures). */
  readonly key: string;
  readonly figure: FigureId;
  readonly value: Dec;
  readonly decimals: number;
  /** How far the true value may be from `value`: the rounding of the printed figures it comes from. */
  readonly uncertainty: Dec;
  /** The change claims the fact comes from (none for `previous:`). */
  readonly records: readonly ClaimRecord[];
  readonly span?: Span;
  /** How it was computed, e.g. "529.20 − 203.20". */
  readonly formula: string;
  readonly title: string;
  /** The change's own current figure, as the sentence states it, disagrees with its table: the implied figure is doubtful. */
  readonly doubtful?: boolean;
}

export interface AnalysisContext extends FigureContext {
  readonly settings: CheckSettings;
  readonly ledger: Ledger;
  readonly facts: PreviousFact[];
  /** Last year's report of the same department, for the figures `previous:` lacks (an input of the analysis). */
  readonly lastYear?: LastYear;
}
