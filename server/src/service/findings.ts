import type { Span } from './yaml/ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit in document offsets: what a quick fix or a generator changes. */
export interface OffsetEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  /** Localised title of the code action. */
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /**
   * True when the fix is determined by the report itself (the figure the evidence points at and
   * the value every other figure of the relation gives, an official name, a typo with one
   * reading); absent or false for a likely guess (the nearest key, the likely meaning of a
   * label). "Fix all of this kind" applies only certain fixes.
   */
  readonly certain?: boolean;
}

/** What a finding carries for quick fixes, hovers and machine consumers. */
export interface FindingData {
  /** The value the checker computed, as it should be printed. */
  readonly computed?: string;
  /** How it was computed, e.g. "223.40 ÷ 529.20". */
  readonly formula?: string;
  readonly fixes?: readonly Fix[];
  /** The relation or claim behind the finding (a stable id inside the rule). */
  readonly relation?: string;
  /** Other places the finding involves (the figure it was compared with). */
  readonly related?: ReadonlyArray<{ readonly span: Span; readonly message: string }>;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly data?: FindingData;
}
