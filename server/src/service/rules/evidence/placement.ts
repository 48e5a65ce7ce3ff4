import type { Dec as Decimal } from '../../amount/rounding';
import { formatInStyle, formatLike } from '../../amount/format';
import { parseAmount } from '../../amount/amount';
import type { Finding, Fix } from '../../findings';
import { t } from '../../i18n/l10n';
import type { Cell, Report } from '../../model/types';
import type { Span } from '../../yaml/ast';
import type { ProseAnalysis } from '../../prose/types';
import { cellLabels } from './cellLabels';
import { cellKey, cellsOf, forEachCell, relationMembers, RelationEvidence, RelationMember } from './relationEvidence';

/**
 * Where the evidence points (issue 15, "quick fixes must never make a correct report wrong").
 *
 * Every relation between printed figures that a rule compared is evidence about its cells: a
 * cell in an equation that holds is confirmed by it (an inequality that holds confirms nothing:
 * 310 ≥ 300 holds for a wrong 310 too); a cell in a failing relation that no relation confirms
 * is a suspect.
 *
 * 1. A failing relation's finding goes on its one suspect — the figure that disagrees with its
 *    own rows and with every other relation it is in. When several of its figures are
 *    suspects, the one that fails strictly more relations than any other is the likely one.
 *    When nothing tells them apart, or every figure is confirmed elsewhere (two slips that
 *    cancel out), the finding stays where the rule put it and offers no fix: which figure is
 *    wrong is not known, and a fix would as likely overwrite a correct figure as a wrong one.
 * 2. The fix of a figure is the one value that every failing relation it is blamed for accepts
 *    (exactly or within its rounding difference). A relation that accepts no value the others
 *    agree on is explained by another slip: its finding goes back where the rule put it, without
 *    a fix. The fix is certain when the figure is the only suspect of the relation and no
 *    relation disagrees about its value; otherwise it is offered as the likely value, never by
 *    "fix all".
 *
 * A fix elsewhere that copies a figure of the tables (a number of the narrative, a project
 * amount in a goal text) is dropped when that figure is a suspect: the relation's other side is
 * itself in question.
 */
export interface Placement {
  readonly findings: Finding[];
  /** Cells of failing relations that no equation that holds confirms: the figures in question. */
  readonly inQuestion: readonly Cell[];
}

interface Counts {
  readonly cell: Cell;
  fail: number;
  pass: number;
  /** The relation last counted (see evidenceCounts). */
  stamp: number;
}

/** A failing relation's finding and the figure it is blamed on. */
interface Blame {
  readonly finding: Finding;
  readonly evidence: RelationEvidence;
  culprit?: RelationMember;
  certain: boolean;
  /** The value written for the culprit (formatted like it), when the relations agree on one. */
  fix?: string;
}

export interface PlacementContext {
  readonly report: Report;
  readonly text: string;
  prose(): ProseAnalysis;
}

export function placeByEvidence(findings: readonly Finding[], evidenceOf: ReadonlyMap<Finding, RelationEvidence>, relations: readonly RelationEvidence[], context: PlacementContext): Placement {
  const failing = relations.filter((r) => r.outcome === 'fail');
  if (failing.length === 0) return { findings: [...findings], inQuestion: [] };
  const counts = evidenceCounts(failing, relations);
  const suspects = new Set<number>();
  for (const [key, entry] of counts) if (entry.pass === 0) suspects.add(key);
  const inQuestion = [...suspects].map((key) => counts.get(key)!.cell);
  const blames = new Map<Finding, Blame>();
  for (const finding of findings) {
    const evidence = evidenceOf.get(finding);
    if (evidence?.outcome === 'fail') blames.set(finding, blame(finding, evidence, counts));
  }
  agreeOnValues([...blames.values()]);
  // Labels only of the figures findings move to, built once (one pass over the report's cells).
  const culprits = new Set([...blames.values()].flatMap((b) => (b.culprit ? [cellKey(b.culprit.cell)] : [])));
  let labels: Map<number, string> | undefined;
  const labelOf = (cell: Cell): string => (labels ??= cellLabels(context.report, culprits)).get(cellKey(cell)) ?? cell.key;
  const claimFigureSpans = proseFigureSpans(context);
  const placed = findings.map((finding) => {
    const b = blames.get(finding);
    return b ? placedFinding(b, labelOf, context.text) : withoutFixesFromSuspects(finding, suspects, claimFigureSpans);
  });
  return { findings: placed, inQuestion };
}

/**
 * Failing and passing relations per cell, for the cells of failing relations only (a pass
 * elsewhere decides nothing). No allocation per relation: the passing ones are most of a large
 * report's, and each is visited once.
 */
function evidenceCounts(failing: readonly RelationEvidence[], relations: readonly RelationEvidence[]): Map<number, Counts> {
  const counts = new Map<number, Counts>();
  // A stamp per relation counts a cell written twice in one relation once.
  let stamp = 0;
  const failed = (cell: Cell): void => {
    const key = cellKey(cell);
    let entry = counts.get(key);
    if (!entry) counts.set(key, (entry = { cell, fail: 0, pass: 0, stamp: 0 }));
    if (entry.stamp === stamp) return;
    entry.stamp = stamp;
    entry.fail++;
  };
  for (const relation of failing) {
    stamp++;
    forEachCell(relation, failed);
  }
  // The keys of the cells in question as bits (offsets 0 … the largest): most cells of passing
  // relations are none of them, and one bit test rejects them without a look-up in `counts`.
  let largest = -1;
  for (const key of counts.keys()) if (key > largest && key < 2 ** 30) largest = key;
  const bits = new Uint32Array((Math.max(largest, 0) >> 5) + 1);
  for (const key of counts.keys()) if (key >= 0 && key <= largest) bits[key >> 5] |= 1 << (key & 31);
  for (const relation of relations) {
    // Only an equation that holds confirms its figures: 310 ≥ 300 holds for a wrong 310 too.
    if (relation.outcome !== 'pass' || relation.kind !== 'equation') continue;
    stamp++;
    // The cells kept per relation object (most are replayed unchanged): one key and one bit test
    // per cell, no walk of the relation's sides.
    const cells = cellsOf(relation);
    for (let i = 0; i < cells.length; i++) {
      const key = cellKey(cells[i]);
      if (key >= 0 && key <= largest && (bits[key >> 5] & (1 << (key & 31))) === 0) continue;
      const entry = counts.get(key);
      if (entry === undefined || entry.stamp === stamp) continue;
      entry.stamp = stamp;
      entry.pass++;
    }
  }
  return counts;
}

function blame(finding: Finding, evidence: RelationEvidence, counts: ReadonlyMap<number, Counts>): Blame {
  const members = relationMembers(evidence);
  const suspects = members.filter((m) => (counts.get(cellKey(m.cell))?.pass ?? 0) === 0);
  if (suspects.length === 1) return { finding, evidence, culprit: suspects[0], certain: true };
  if (suspects.length > 1) {
    const failsOf = (m: RelationMember): number => counts.get(cellKey(m.cell))?.fail ?? 0;
    const most = Math.max(...suspects.map(failsOf));
    const top = suspects.filter((m) => failsOf(m) === most);
    if (top.length === 1 && most >= 2) return { finding, evidence, culprit: top[0], certain: false };
  }
  return { finding, evidence, certain: false };
}

/** The culprit's value that makes a relation hold exactly (undefined when it cannot be written: other units, negative). */
function solve(b: Blame): Decimal | undefined {
  const { evidence, culprit } = b;
  if (!culprit || evidence.kind !== 'equation' || !evidence.unit || !evidence.residual) return undefined;
  const value = culprit.cell.amount.value.minus(evidence.residual.times(culprit.side));
  return value.isNegative() ? undefined : value;
}

/** Whether the relation holds (exactly or within its rounding difference) with the culprit's value changed to `value`. */
function accepts(b: Blame, value: Decimal): boolean {
  const { evidence, culprit } = b;
  if (!culprit || !evidence.accepts || !evidence.residual) return false;
  return evidence.accepts(evidence.residual.plus(value.minus(culprit.cell.amount.value).times(culprit.side)));
}

/** Step 2: one value per blamed figure, which every relation blamed on it accepts. */
function agreeOnValues(blames: readonly Blame[]): void {
  const byCell = new Map<number, Blame[]>();
  for (const b of blames) {
    if (!b.culprit) continue;
    const key = cellKey(b.culprit.cell);
    byCell.set(key, [...(byCell.get(key) ?? []), b]);
  }
  for (const group of byCell.values()) {
    const cell = group[0].culprit!.cell;
    // The values the equations give, as they would be written in the cell.
    const proposals = new Map<string, { value: Decimal; text: string; certain: boolean }>();
    for (const b of group) {
      const exact = solve(b);
      if (exact === undefined) continue;
      const text = written(exact, cell, group);
      const parsed = parseAmount(text);
      const value = parsed.ok ? parsed.amount.value : exact;
      const known = proposals.get(text);
      proposals.set(text, { value, text, certain: (known?.certain ?? false) || b.certain });
    }
    // The value most relations accept (a certain relation's first); two equally good: none.
    const ranked = [...proposals.values()]
      .filter((proposal) => proposal.text.trim() !== cell.amount.text.trim())
      .map((proposal) => ({ ...proposal, acceptedBy: group.filter((b) => accepts(b, proposal.value)) }))
      .sort((a, b) => b.acceptedBy.length - a.acceptedBy.length || Number(b.certain) - Number(a.certain));
    const best = ranked[0];
    const tie = ranked.length > 1 && ranked[1].acceptedBy.length === best.acceptedBy.length && ranked[1].certain === best.certain;
    if (!best || tie) {
      // No value the relations agree on: the figure is in question, its value is not known.
      for (const b of group) b.certain = false;
      continue;
    }
    const dissent = group.some((b) => !best.acceptedBy.includes(b) && b.evidence.kind === 'equation' && b.evidence.accepts);
    for (const b of group) {
      if (best.acceptedBy.includes(b)) {
        b.fix = best.text;
        b.certain &&= !dissent;
      } else if (b.evidence.kind === 'equation' && b.evidence.accepts) {
        // Explained by another slip: back where its rule put it, without a fix.
        b.culprit = undefined;
        b.certain = false;
      }
    }
  }
}

/** A value written like the cell it goes into: its decimals and separators (a blank cell like the other figures). */
function written(value: Decimal, cell: Cell, group: readonly Blame[]): string {
  if (!cell.amount.blank) return formatLike(value, cell.amount.text);
  const printed = group.flatMap((b) => relationMembers(b.evidence).map((m) => m.cell)).filter((c) => !c.amount.blank);
  const decimals = printed.length ? Math.max(...printed.map((c) => c.amount.decimals)) : 2;
  return formatInStyle(value, decimals, printed[0]?.amount.text);
}

function placedFinding(b: Blame, labelOf: (cell: Cell) => string, text: string): Finding {
  const { finding, culprit } = b;
  const data = finding.data ?? {};
  if (!culprit) return { ...finding, data: { ...data, fixes: [] } };
  const cell = culprit.cell;
  const span = cell.span.end > cell.span.start ? cell.span : cell.keySpan;
  const source = text.slice(cell.span.start, cell.span.end);
  const newText = b.fix === undefined ? undefined : cell.span.end > cell.span.start ? asWritten(b.fix, source) : ` ${b.fix}`;
  const fixes: Fix[] = b.fix === undefined || newText === undefined ? [] : [{
    title: b.certain ? t('Replace with the computed value {0}', b.fix) : t('Replace with {0} (the likely value)', b.fix),
    edits: [{ span: cell.span, newText }],
    certain: b.certain,
  }];
  if (sameSpan(span, finding.span)) return { ...finding, data: { ...data, computed: b.fix ?? data.computed, fixes } };
  const printed = cell.amount.blank ? t('blank') : cell.amount.text.trim();
  const statement = b.evidence.statement?.() ?? finding.message;
  const label = labelOf(cell);
  const message = b.fix === undefined
    ? t('{0} {1} does not fit: {2}', label, printed, statement)
    : b.certain
      ? t('{0} {1} should be {2}: {3}', label, printed, b.fix, statement)
      : t('{0} {1} is probably wrong (it would be {2}): {3}', label, printed, b.fix, statement);
  const related = [{ span: finding.span, message: t('compared with this figure') }, ...(data.related ?? []).filter((r) => !sameSpan(r.span, span))];
  return { ...finding, span, message, data: { ...data, computed: b.fix, related, fixes } };
}

/**
 * A new amount written where the old one was: in the old one's quotes, and quoted when it has
 * thousands separators (a plain `6,465.30` would end a flow mapping's entry at the comma).
 */
export function asWritten(amount: string, written: string): string {
  const quote = /^\s*(["'])/.exec(written)?.[1];
  if (quote) return `${quote}${amount.trim()}${quote}`;
  return /[,，]/.test(amount) ? amount.replace(/^(\s*)(.*)$/, '$1"$2"') : amount;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The printed table figures behind each claim of the prose, by the claim's start. */
function proseFigureSpans(context: { prose(): ProseAnalysis }): () => ReadonlyMap<number, readonly Span[]> {
  let spans: Map<number, Span[]> | undefined;
  return () => {
    if (spans) return spans;
    spans = new Map();
    try {
      for (const claim of context.prose().claims) {
        spans.set(claim.span.start, claim.figures.filter((f) => f.source === 'table').flatMap((f) => f.spans));
      }
    } catch {
      // A failed prose reading is reported by its own rules; no claim figures then.
    }
    return spans;
  };
}

/** A fix that copies or is computed from a figure in question is not offered. */
function withoutFixesFromSuspects(finding: Finding, suspects: ReadonlySet<number>, claimFigureSpans: () => ReadonlyMap<number, readonly Span[]>): Finding {
  const fixes = finding.data?.fixes;
  if (!fixes?.length || suspects.size === 0) return finding;
  const spans: Span[] = (finding.data?.related ?? []).map((r) => r.span);
  if (finding.rule.startsWith('text/')) spans.push(...(claimFigureSpans().get(finding.span.start) ?? []));
  const suspect = spans.find((s) => suspects.has(s.start));
  if (!suspect) return finding;
  const related = [...(finding.data?.related ?? []), { span: suspect, message: t('this figure of the tables is itself in question') }];
  return { ...finding, data: { ...finding.data, related, fixes: [] } };
}

