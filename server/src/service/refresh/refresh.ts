import type { CodeTables } from '../codes/codeTables';
import { parseBudgetDocument, ParsedDocument } from '../document';
import type { OffsetEdit } from '../findings';
import { t } from '../i18n/l10n';
import { analyzeProse, claimCounts } from '../prose/analyze';
import type { Claim, ClaimKind, ClaimStatus, ProseAnalysis } from '../prose/types';
import type { CheckSettings, ClaimCounts } from '../rules/ruleTypes';
import type { Span } from '../yaml/ast';
import { TrackedText } from './trackedText';
import type { LastYear } from '../crossYear/lastYear';
import type { Cell } from '../model/types';
import { figuresChanged, figuresNamed } from '../analysis/figuresInQuestion';

/**
 * Refresh (issue 14): the report's own sentences are the template. Every number of the
 * narrative the prose checker ties to data — an amount or count and its table, a share, a
 * change against `previous:` or against the base the sentence states, a 其中 list — that
 * disagrees with the data is rewritten with the value the checker computed, printed like the
 * author's number (same decimals, separators, unit); a change whose figures now go the other
 * way gets the other word (增加 → 减少). Nothing else of the text changes. Numbers nothing ties
 * to data are listed, not touched, and so are the mismatches that are not numbers of data:
 *
 * - year labels (2021年本部门预算收入 in a 2022 report): a year names what the sentence is
 *   about; it is a word of the sentence, not a figure, and the author decides it;
 * - claims carried by a word (持平, or 持平 against a 执行数): the sentence would need other words;
 * - a number that disagrees only with the other numbers of its sentence (a rate against the
 *   change stated beside it) when no data gives its value: which of the two is wrong is not known;
 * - a number another check of which agrees with the data (a 其中 list whose parts do not add up
 *   to a whole that agrees with its table: a part is wrong, or the list is partial).
 *
 * - a number whose value would be written from a figure in question (rules/evidence: a total
 *   that does not add up, which no relation confirms): the wrong figure would be copied into
 *   the prose. Which numbers depend on one is found as generation finds it, by changing the
 *   figures in question and reading again: a value that comes out different depends on them.
 *
 * Rewriting goes round by round: amounts and counts first (shares and changes are computed from
 * them), then the others, each round re-reading the text, until nothing is left to rewrite.
 * Pure: text in, edits out.
 */

export type ListedWhy = 'unverified' | 'year' | 'word' | 'sentence' | 'conflict' | 'unstable' | 'no-value' | 'in-question';

export interface RefreshChange {
  /** Span of the original text that changes. */
  readonly span: Span;
  readonly before: string;
  readonly after: string;
  /** The claim's kind, or `word` for a direction word. */
  readonly kind: ClaimKind | 'word';
  readonly sentence: string;
}

export interface RefreshListed {
  /** Span of the number in the refreshed text. */
  readonly span: Span;
  readonly text: string;
  readonly kind: ClaimKind;
  readonly status: ClaimStatus;
  readonly why: ListedWhy;
  /** Why it was not rewritten (localised). */
  readonly reason: string;
  readonly sentence: string;
}

export interface RefreshResult {
  /** The refreshed document text. */
  readonly text: string;
  /** The edits of the original text, non-overlapping (number tokens and direction words only). */
  readonly edits: readonly OffsetEdit[];
  /** Every token rewritten, in the original's coordinates. */
  readonly changes: readonly RefreshChange[];
  /** Numbers left as written, with the reason (in the refreshed text's coordinates). */
  readonly listed: readonly RefreshListed[];
  readonly before: ClaimCounts;
  readonly after: ClaimCounts;
  readonly rounds: number;
  /** The claims of the original text and of the refreshed text. */
  readonly claimsBefore: readonly Claim[];
  readonly claimsAfter: readonly Claim[];
  /** The parse of the refreshed text. */
  readonly document: ParsedDocument;
  /** What the author should look at besides: a change that now goes the other way and states a reason (in the refreshed text's coordinates). */
  readonly notes: ReadonlyArray<{ readonly span: Span; readonly sentence: string; readonly message: string }>;
}

export interface RefreshOptions {
  readonly codes: CodeTables;
  readonly settings: CheckSettings;
  /** Only numbers inside these spans of the original text are rewritten (all of the narrative when absent). */
  readonly within?: readonly Span[];
  /** The parse of the original text (or of a version of it: only what changed is parsed again), when the caller has it. */
  readonly parsed?: ParsedDocument;
  /** Last year's report of the same department (figures `previous:` lacks). */
  readonly lastYear?: LastYear;
  /** The figures in question of the validation (ValidationResult.inQuestion): nothing is written from them. */
  readonly inQuestion?: readonly Cell[];
}

const MAX_ROUNDS = 8;

const OPPOSITE: Readonly<Record<string, string>> = {
  增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 上升: '下降', 提高: '降低', 降低: '提高', 增: '减', 减: '增',
};
const UP = new Set(['增加', '增长', '上升', '提高', '增']);
/** The direction word right before a number: 增加 203.20、减少了1.07、下降约 5. */
const WORD_BEFORE = /(增加|增长|上升|提高|减少|下降|降低|增|减)(?:了)?(?:约|为|是)?[\s\u3000]*$/;

export function refreshText(text: string, options: RefreshOptions): RefreshResult {
  const tracked = new TrackedText(text);
  const analyze = (parsed: ParsedDocument): ProseAnalysis => analyzeProse(parsed, options.codes, options.settings, options.lastYear);
  let parsed = options.parsed && options.parsed.text === text ? options.parsed : parseBudgetDocument(text, options.parsed);
  const first = analyze(parsed);
  let analysis = first;
  const history = new Map<string, string[]>();
  const unstable = new Set<string>();
  const inside = (span: Span): boolean => !options.within || options.within.some((w) => span.start >= w.start && span.end <= w.end);
  const guard = questionGuard(text, parsed, options);
  const blocked = new Set<string>();
  let rounds = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    const edits = roundEdits(analysis.claims, tracked, inside, history, unstable, guard, blocked);
    if (edits.length === 0) break;
    tracked.apply(edits);
    parsed = parseBudgetDocument(tracked.text, parsed);
    analysis = analyze(parsed);
  }
  const listed = listClaims(analysis.claims, tracked, inside, unstable, blocked, guard ? figuresNamed(parsed.report, options.inQuestion ?? []) : '');
  const notes = flippedReasons(tracked, text);
  const changes: RefreshChange[] = tracked.edits().map((edit) => {
    const before = text.slice(edit.span.start, edit.span.end);
    const claim = first.claims.find((c) => c.span.start === edit.span.start && c.span.end === edit.span.end);
    return { span: edit.span, before, after: edit.newText, kind: claim?.kind ?? (OPPOSITE[before] ? 'word' : 'amount'), sentence: claim?.sentence ?? sentenceAround(text, edit.span) };
  });
  return {
    text: tracked.text,
    edits: tracked.edits(),
    changes,
    listed,
    before: claimCounts(first),
    after: claimCounts(analysis),
    rounds,
    claimsBefore: first.claims,
    claimsAfter: analysis.claims,
    document: parsed,
    notes,
  };
}

/** The reason after a change whose word was turned (增加 → 减少): it was written for the other direction. */
function flippedReasons(tracked: TrackedText, original: string): RefreshResult['notes'] {
  const notes: Array<RefreshResult['notes'][number]> = [];
  const refreshed = tracked.text;
  let shift = 0;
  for (const edit of tracked.edits()) {
    const before = original.slice(edit.span.start, edit.span.end);
    const start = edit.span.start + shift;
    shift += edit.newText.length - (edit.span.end - edit.span.start);
    if (!OPPOSITE[before] || OPPOSITE[before] !== edit.newText) continue;
    const lineEnd = refreshed.indexOf('\n', start) < 0 ? refreshed.length : refreshed.indexOf('\n', start);
    const rest = refreshed.slice(start, lineEnd);
    const reason = /(?:主要原因|原因)(?:是|为)?[：:]?/.exec(rest);
    if (!reason) continue;
    const at = start + (reason.index ?? 0);
    const end = Math.min(lineEnd, refreshed.indexOf('。', at) < 0 ? lineEnd : refreshed.indexOf('。', at));
    if (notes.some((n) => n.span.start === at)) continue;
    notes.push({ span: { start: at, end }, sentence: refreshed.slice(at, end), message: t('the change now goes the other way ({0} → {1}): check its reason', before, edit.newText) });
  }
  return notes;
}

/**
 * Whether a number's rewrite is written from the data alone: with the figures in question
 * changed, the checker computes the same value for it (the claim at the same place, of the same
 * kind, with the same value and direction). Undefined when no figure is in question. One more
 * reading of the text, not a second refresh: the value a claim gets comes from the data, not from
 * the other numbers rewritten before it.
 */
type QuestionGuard = (original: Span, claim: Claim) => boolean;

function questionGuard(text: string, parsed: ParsedDocument, options: RefreshOptions): QuestionGuard | undefined {
  const cells = options.inQuestion ?? [];
  if (cells.length === 0) return undefined;
  let values: Map<string, string> | undefined;
  const valueKey = (claim: Claim): string => `${claim.kind}:${claim.refresh?.text ?? ''}:${claim.refresh?.direction ?? ''}`;
  const changed = figuresChanged(text, cells);
  return (original, claim) => {
    if (!values) {
      const other = analyzeProse(parseBudgetDocument(changed.text, parsed), options.codes, options.settings, options.lastYear);
      values = new Map();
      for (const c of other.claims) if (c.status === 'mismatched' && c.refresh) values.set(`${c.span.start}:${c.span.end}:${c.kind}`, valueKey(c));
    }
    return values.get(`${changed.offset(original.start)}:${changed.offset(original.end)}:${claim.kind}`) === valueKey(claim);
  };
}

/** Convenience for a parsed document. */
export function refreshDocument(document: ParsedDocument, options: Omit<RefreshOptions, 'parsed'>): RefreshResult {
  return refreshText(document.text, { ...options, parsed: document });
}

function hasDigit(text: string): boolean {
  return /[0-9０-９]/.test(text);
}

/** A claim whose number another claim of the same number, tied to data, finds right. */
function confirmedElsewhere(claim: Claim, claims: readonly Claim[]): boolean {
  return claims.some((c) => c !== claim && c.span.start === claim.span.start && c.span.end === claim.span.end && (c.status === 'verified' || c.status === 'information'));
}

function roundEdits(claims: readonly Claim[], tracked: TrackedText, inside: (span: Span) => boolean, history: Map<string, string[]>, unstable: Set<string>, guard: QuestionGuard | undefined, blocked: Set<string>): OffsetEdit[] {
  const candidates: Array<{ claim: Claim; edits: OffsetEdit[]; key: string; seen: string[] }> = [];
  for (const claim of claims) {
    if (claim.status !== 'mismatched' || claim.kind === 'year' || !claim.refresh || !hasDigit(claim.text)) continue;
    const original = tracked.toOriginal(claim.span);
    if (!inside(original) || confirmedElsewhere(claim, claims)) continue;
    const key = `${original.start}:${original.end}`;
    if (unstable.has(key)) continue;
    const edits: OffsetEdit[] = [];
    if (claim.refresh.text !== claim.text) edits.push({ span: claim.span, newText: claim.refresh.text });
    const word = claim.kind === 'change' ? wordEdit(tracked.text, claim) : undefined;
    if (word) edits.push(word);
    if (edits.length === 0) continue;
    if (guard && !guard(original, claim)) {
      blocked.add(key);
      continue;
    }
    // A value the number had before: the rounds go in circles, leave it.
    const seen = history.get(key) ?? [tracked.originalText(original)];
    if (claim.refresh.text !== claim.text && seen.includes(claim.refresh.text)) {
      unstable.add(key);
      continue;
    }
    candidates.push({ claim, edits, key, seen });
  }
  // Amounts and counts first: shares and changes are computed from them.
  const basic = candidates.filter((c) => c.claim.kind === 'amount' || c.claim.kind === 'count');
  const chosen = basic.length > 0 ? basic : candidates;
  for (const c of chosen) history.set(c.key, [...c.seen, c.claim.refresh!.text]);
  const edits = chosen.flatMap((c) => c.edits).sort((a, b) => a.span.start - b.span.start);
  const result: OffsetEdit[] = [];
  for (const edit of edits) {
    const last = result[result.length - 1];
    if (last && edit.span.start < last.span.end) continue;
    result.push(edit);
  }
  return result;
}

/** The direction word of a change claim, when the figures now go the other way. */
function wordEdit(text: string, claim: Claim): OffsetEdit | undefined {
  const direction = claim.refresh?.direction;
  if (direction === undefined || direction === 0) return undefined;
  const from = Math.max(0, claim.span.start - 12);
  const before = text.slice(from, claim.span.start);
  const match = WORD_BEFORE.exec(before);
  if (!match) return undefined;
  const word = match[1];
  const written = UP.has(word) ? 1 : -1;
  if (written === direction) return undefined;
  const start = from + (match.index ?? 0);
  return { span: { start, end: start + word.length }, newText: OPPOSITE[word] };
}

function listClaims(claims: readonly Claim[], tracked: TrackedText, inside: (span: Span) => boolean, unstable: ReadonlySet<string>, blocked: ReadonlySet<string>, figures: string): RefreshListed[] {
  const listed: RefreshListed[] = [];
  for (const claim of claims) {
    if (claim.status === 'verified' || claim.status === 'information') continue;
    const original = tracked.toOriginal(claim.span);
    if (!inside(original)) continue;
    const entry = (why: ListedWhy, reason: string): void => {
      listed.push({ span: claim.span, text: claim.text, kind: claim.kind, status: claim.status, why, reason, sentence: claim.sentence });
    };
    if (claim.status === 'unverified') {
      entry('unverified', claim.reason ?? t('nothing in the report to compare it with'));
      continue;
    }
    if (blocked.has(`${original.start}:${original.end}`)) entry('in-question', t('its value would be written from figures that do not add up ({0}): correct them first; not rewritten', figures));
    else if (claim.kind === 'year') entry('year', t('a year names what the sentence is about: a word of the sentence, not a figure; not rewritten'));
    else if (!hasDigit(claim.text)) entry('word', t('the claim is carried by the word "{0}": the sentence would need other words; not rewritten', claim.text));
    else if (unstable.has(`${original.start}:${original.end}`)) entry('unstable', t('the value computed from the data does not settle; not rewritten'));
    else if (confirmedElsewhere(claim, claims)) entry('conflict', t('another check of this number agrees with the data (a part of its list may be wrong); not rewritten'));
    else if (!claim.refresh) entry('sentence', t('it disagrees with other numbers of its sentence, and no data gives its value; not rewritten'));
    else entry('no-value', t('no value could be written for it'));
  }
  return listed;
}

function sentenceAround(text: string, span: Span): string {
  const start = Math.max(text.lastIndexOf('\n', span.start - 1), text.lastIndexOf('。', span.start - 1)) + 1;
  let end = text.length;
  for (const stop of ['\n', '。']) {
    const at = text.indexOf(stop, span.end);
    if (at >= 0 && at < end) end = at + (stop === '。' ? 1 : 0);
  }
  return text.slice(start, end).trim();
}
