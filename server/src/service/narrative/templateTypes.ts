import type { AmountStyle, DirectionWords, PercentStyle } from './numberFormat';

/**
 * The shape of data/templates/*.json: one file per provincial template seen in the seeds.
 * Everything a generated sentence says is in these files; the code only fills placeholders.
 *
 * Placeholders in any text: {subject} {department} {year} {prevYear}, {a:FIGURE} (amount),
 * {p:PART/WHOLE} (share, %), {n:FIGURE} (count), {chg:FIGURE:PHRASE} (a change phrase, see
 * `phrases`), {keep:KIND} (author text kept from the current section, see `keeps`; the kind's
 * default when the author wrote none), {opt:KIND:LEAD} (LEAD and the author's clause, or nothing).
 * Inside a phrase: {dir} {pdir} {delta} {pct} {a} {base} {reason} {missing}. Inside a list item:
 * {i} {name} {code} {name:1…3} {code:1…3} (类/款/项 of a 功能科目 item) {a} {p} {chg:PHRASE}
 * {exe:PHRASE} (against last year's 执行数, previous.executed).
 *
 * Templates are compiled when loaded (compileTemplate.ts): anything unknown is an error of the
 * template, never text in a report.
 */
export interface NarrativeTemplate {
  readonly id: string;
  readonly $comment?: string;
  readonly seeds?: readonly string[];
  readonly amount: AmountStyle;
  readonly percent: PercentStyle;
  /** What a growth from a zero base prints as (the seeds print 100.00 / 100). */
  readonly zeroBasePercent: string;
  readonly words: DirectionWords;
  /** How the report names itself, by report kind; may use {department} and {departmentShort}. */
  readonly subject: { readonly unit: string; readonly department: string };
  readonly placeholders: {
    /** Where the author must write the 主要原因. */
    readonly reason: string;
    /** A change whose previous figure is not in `previous:`; may use {id}. */
    readonly previous: string;
  };
  /** Figures of this template that differ from data/templates/figures.json. */
  readonly figures?: Readonly<Record<string, FigureDef>>;
  readonly phrases: Readonly<Record<string, Phrase>>;
  readonly keeps?: Readonly<Record<string, KeepDef>>;
  readonly sections: readonly SectionTemplate[];
}

/** A figure of the report: the first alternative that resolves is used. */
export interface FigureDef {
  /** Figure paths (figures/figurePaths.ts), `|`-separated alternatives. */
  readonly path?: string;
  /** Σ of other figures (each resolved on its own; a missing one counts as 0 if at least one resolves). */
  readonly sum?: readonly string[];
  /** Number of item rows (projects) of a table. */
  readonly count?: string;
  /** An item row of a table found by its label, and the column read. */
  readonly row?: { readonly table: string; readonly item: string; readonly column: string };
  /** Number of the report's `units:` of this 单位性质 (行政, 参公 …; "" counts every unit). */
  readonly units?: string;
  /** Key of `previous:` holding last year's figure. */
  readonly previous?: string;
}

export interface Phrase {
  /** Up or down; {dir}/{pdir} are the direction words. */
  readonly changed: string;
  /** Up or down from a zero base (defaults to `changed` with {pct} = zeroBasePercent). */
  readonly zeroBase?: string;
  readonly flat: string;
  /** No previous figure in `previous:`. */
  readonly missing: string;
}

/** Author text the generator keeps: a clause introduced by one of the markers. */
export interface KeepDef {
  /** Markers, longest first; the kept text is what follows the marker. */
  readonly markers: readonly string[];
  /** Where the clause ends besides the end of the paragraph and “；”. */
  readonly endsBefore?: readonly string[];
  /** Text when the current section has none (null: nothing). */
  readonly default: string | null;
  /** Printed before the clause when there is one (e.g. “，” before 主要用于…). */
  readonly prefix?: string;
  /** Keep the author's marker (主要用于 / 用于) instead of the template's own words. */
  readonly keepMarker?: boolean;
}

export type Condition = string;

export interface SegmentObject {
  readonly text: string;
  /** zero:F, nonzero:F, has:F, !has:F, previous:F (previous figure known), table:T. */
  readonly when?: Condition;
  readonly else?: string;
  /** Dropped (instead of making the section ungeneratable) when a figure it needs is missing. */
  readonly optional?: boolean;
  /** Free text printed only when the current section has no free sentence of its own. */
  readonly boilerplate?: boolean;
}

export type Segment = string | SegmentObject;

export interface ListTemplate {
  /** Source of the items (see narrative/listSources.ts). */
  readonly list: string;
  readonly item: string;
  /** Between items; a `\n` starts a new paragraph. */
  readonly join: string;
  /** After the last item. */
  readonly end: string;
  /** Items of the `figures` list: a label and a figure each, printed when `when` holds. */
  readonly items?: ReadonlyArray<{ readonly label: string; readonly figure: string; readonly when?: Condition }>;
  /** Whole for {p} inside an item. */
  readonly shareOf?: string;
  readonly when?: Condition;
}

/** One paragraph (a list whose `join` holds a newline makes several). */
export type ParagraphTemplate = Segment | ListTemplate | readonly (Segment | ListTemplate)[];

export interface SectionTemplate {
  readonly topic: string;
  readonly $comment?: string;
  /** Overrides of the template's number styles for this section. */
  readonly amount?: Partial<AmountStyle>;
  readonly percent?: Partial<PercentStyle>;
  readonly paragraphs: readonly ParagraphTemplate[];
  /** Other wordings of what this section states (another template's zero sentence …): an old sentence like them is regenerated, not kept. */
  readonly replaces?: readonly string[];
}

export interface TopicDef {
  readonly id: string;
  /** Substrings or /regex/ of the normalised title (ordinal and trailing 。 removed). */
  readonly titles: readonly string[];
  readonly not?: readonly string[];
}
