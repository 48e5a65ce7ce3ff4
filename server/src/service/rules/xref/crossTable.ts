import { compareSum, Dec, halfUnit, roundHalfUp, ZERO } from '../../amount/rounding';
import { formatInStyle, formatLike, show } from '../../amount/format';
import { convert, MoneyUnit } from '../../amount/units';
import { t } from '../../i18n/l10n';
import { classFigures, listClassFigures, resolveFigure, ResolvedFigure, Resolution, unreadableClasses } from '../../figures/figurePaths';
import { ITEM_IDS } from '../../model/itemLists';
import type { Report } from '../../model/types';
import type { CodeTables } from '../../codes/codeTables';
import { CROSS_TABLE_RELATIONS, CrossTableRelation } from '../../relations/crossTable';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import type { RelationEvidence } from '../evidence/relationEvidence';
import { rowTree } from '../../model/hierarchy';
import { unplacedReason } from '../sums/columnSums';

/** Sources of funds other than 一般公共预算, for relations that hold only when there are none. */
const OTHER_SOURCES = [...ITEM_IDS.entries()].filter(([id, def]) => def.top && id !== 'general' && id !== 'fiscal').map(([id]) => id);

function hasOnlyGeneralFunds(report: Report, codes: CodeTables): boolean | undefined {
  const summary = report.tables.get('summary');
  if (summary?.lists.has('income')) {
    return OTHER_SOURCES.every((id) => {
      const r = resolveFigure(report, codes, `summary.income[${id}]`);
      return r.kind === 'figure' && r.figure.value.isZero();
    });
  }
  for (const key of ['fund_expense', 'state_capital_expense'] as const) {
    const r = resolveFigure(report, codes, `${key}.total.total`);
    if (r.kind === 'figure' && !r.figure.value.isZero()) return false;
  }
  return summary ? undefined : undefined;
}

/** Decimals of a figure counted in another unit (2 decimals of 元 are 6 of 万元). */
function decimalsIn(figure: ResolvedFigure, unit: MoneyUnit): number {
  if (figure.unit === unit) return figure.decimals;
  return figure.unit === '元' ? figure.decimals + 4 : Math.max(0, figure.decimals - 4);
}

/**
 * A figure in a message: in the unit of the comparison, with its own precision (no trailing
 * zeros beyond two decimals); with the unit named when the two figures compared are printed in
 * different units, so that a 元 figure never stands unexplained beside a 万元 one.
 */
function describe(figure: ResolvedFigure, unit: MoneyUnit = figure.unit, named = false): string {
  const printed = figure.unit === unit && !figure.derived && figure.cells.length === 1 && !figure.cells[0].amount.blank ? figure.cells[0].amount.text.trim() : undefined;
  const value = printed ?? showTrimmed(convert(figure.value, figure.unit, unit), decimalsIn(figure, unit));
  return named ? `${value} ${unit}` : value;
}

/** Whether the report writes a figure with thousands separators. */
function grouped(figure: ResolvedFigure): boolean {
  return figure.cells.some((c) => /[,，]/.test(c.amount.text));
}

function showTrimmed(value: Dec, decimals: number): string {
  const fixed = show(value, Math.min(decimals, 6));
  const point = fixed.indexOf('.');
  if (point < 0 || decimals <= 2) return fixed;
  let end = fixed.length;
  while (end > point + 3 && fixed[end - 1] === '0') end--;
  return fixed.slice(0, end);
}

function compareFigures(context: RuleContext, run: RuleRun, relation: CrossTableRelation, left: ResolvedFigure, right: ResolvedFigure, label: string): void {
  // Compare in the coarser unit: a 元 table against a 万元 figure is rounded to the 万元 figure.
  const unit: MoneyUnit = left.unit === '万元' || right.unit === '万元' ? '万元' : '元';
  const mixed = left.unit !== right.unit;
  const l = convert(left.value, left.unit, unit);
  const r = convert(right.value, right.unit, unit);
  run.checked();
  const span = (left.cells[0] ?? right.cells[0])?.span ?? left.table.keySpan;
  const related = right.cells[0] ? [{ span: right.cells[0].span, message: t('compared with this figure') }] : [];
  const tolerance = context.settings.tolerance;
  // The two figures as evidence about their cells; a fix only within one unit.
  const evidence = (outcome: RelationEvidence['outcome'], statement?: () => string): RelationEvidence => outcome === 'pass'
    ? { outcome, kind: relation.op === '<=' ? 'bound' : 'equation', left: [left], right: [right] }
    : {
        outcome,
        kind: relation.op === '<=' ? 'bound' : 'equation',
        left: [left],
        right: [right],
        unit: mixed ? undefined : unit,
        residual: mixed ? undefined : l.minus(r),
        accepts: mixed ? undefined : relation.op === '<=' ? (residual) => residual.lte(tolerance) : (residual) => residual.abs().lte(roundingAllowance(left, right, unit).plus(tolerance)),
        statement,
      };
  if (relation.op === '<=') {
    // A finer figure is compared as the coarser one prints it: 7,315 元 is 0.73 万元.
    const lPrinted = mixed && left.unit === '元' ? roundHalfUp(l, decimalsIn(right, unit)) : l;
    const rPrinted = mixed && right.unit === '元' ? roundHalfUp(r, decimalsIn(left, unit)) : r;
    if (lPrinted.lte(rPrinted.plus(context.settings.tolerance))) {
      run.relation(evidence('pass'));
      return;
    }
    const message = t('{0}: {1} is more than {2}', label, describe(left, unit, mixed), describe(right, unit, mixed));
    const failed = evidence('fail', () => message);
    run.relation(failed);
    run.report({ span, message, data: { computed: describe(right), formula: relation.title, relation: relation.id, related }, evidence: failed });
    return;
  }
  // The printed side is the one that may be the rounding of the other: a figure against a sum,
  // or the coarser of two figures printed in different units (0.73 万元 against 7,315 元).
  const rightIsPrinted = (left.derived && !right.derived) || (mixed && right.unit === unit && !right.derived);
  const [printed, printedDecimals, exact, count, otherDecimals] = rightIsPrinted
    ? [r, decimalsIn(right, unit), l, Math.max(1, left.cells.length), decimalsIn(left, unit)]
    : [l, decimalsIn(left, unit), r, Math.max(1, right.cells.length), decimalsIn(right, unit)];
  const agreement = compareSum(printed, printedDecimals, exact, left.derived || right.derived ? count : 1, otherDecimals, context.settings.tolerance);
  if (agreement === 'equal' || (left.blank && right.blank)) {
    run.relation(evidence('pass'));
    return;
  }
  const fixTarget = !left.derived && left.cells[0] && left.cells[0].span.end > left.cells[0].span.start ? left.cells[0] : undefined;
  const computed = formatLike(right.value, fixTarget?.amount.text);
  if (agreement === 'rounding') {
    run.relation(evidence('pass'));
    run.report({ rule: 'sum/rounding', severity: 'information', span, message: t('{0}: {1} and {2} differ by a rounding difference', label, describe(left, unit, mixed), describe(right, unit, mixed)), data: { computed, formula: relation.title, relation: relation.id, related } });
    return;
  }
  const message = t('{0}: {1} ≠ {2} (difference {3})', label, describe(left, unit, mixed), describe(right, unit, mixed), formatInStyle(l.minus(r).abs(), Math.min(Math.max(decimalsIn(left, unit), decimalsIn(right, unit)), 6), grouped(left) || grouped(right) ? ',' : ''));
  // Which of the two figures is wrong, and its fix, are decided from every relation checked (rules/evidence).
  const failed = evidence('fail', () => message);
  run.relation(failed);
  run.report({
    span,
    message,
    data: { computed, formula: relation.title, relation: relation.id, related, fixes: fixTarget && !mixed ? [{ title: t('Replace with {0}', computed), edits: [{ span: fixTarget.span, newText: computed }] }] : [] },
    evidence: failed,
  });
}

/** What the rounding rule lets two figures differ by: half a unit of the last place, once per printed cell of a sum. */
function roundingAllowance(left: ResolvedFigure, right: ResolvedFigure, unit: MoneyUnit): Dec {
  const count = left.derived || right.derived ? Math.max(1, left.derived ? left.cells.length : right.cells.length) : 1;
  return halfUnit(Math.min(decimalsIn(left, unit), decimalsIn(right, unit))).times(count);
}

function runByClass(context: RuleContext, run: RuleRun, relation: CrossTableRelation): void {
  const { report, codes } = context;
  const [leftTable, leftList, , leftColumn] = relation.left.split('.');
  const [rightTable, , rightColumn] = relation.right.split('.');
  const lt = report.tables.get(leftTable as never);
  const rt = report.tables.get(rightTable as never);
  if (!lt || !rt) return;
  if (lt.incomplete || rt.incomplete) {
    run.couldNotCheck(t('a table is marked incomplete'));
    return;
  }
  const left = listClassFigures(lt, leftList, leftColumn ?? 'amount', codes);
  const right = classFigures(rt, rightColumn);
  if (left && rowTree(rt).unplaced.length > 0) {
    run.couldNotCheck(unplacedReason(rt, rowTree(rt).unplaced));
    return;
  }
  if (!left || !right) return;
  for (const label of left.unknown) run.couldNotCheck(t('"{0}" is not a 功能分类 类 name', label));
  const unreadable = new Set([...left.unreadable, ...unreadableClasses(rt, rightColumn)]);
  const classes = new Set([...left.figures.keys(), ...right.keys(), ...unreadable]);
  for (const code of [...classes].sort()) {
    const l = left.figures.get(code);
    const r = right.get(code);
    const name = codes.lookup(code, report.year)?.name ?? code;
    if (unreadable.has(code)) {
      // A class with a cell that is not an amount: unknown, never 0.
      run.couldNotCheck(t('{0}: a cell is not an amount', `${relation.title}（${code} ${name}）`));
      continue;
    }
    const zeroOf = (other: ResolvedFigure): ResolvedFigure => ({ ...other, value: ZERO, cells: [], blank: true, derived: false });
    if (!l && !r) continue;
    if (!l && left.unknown.length > 0) {
      // The class may be one of the labels nobody understood: unknown, not 0.
      run.couldNotCheck(t('{0}: the class may be printed under a label the checker does not understand', `${code} ${name}`));
      continue;
    }
    compareFigures(context, run, relation, l ?? zeroOf(r!), r ?? zeroOf(l!), `${relation.title}（${code} ${name}）`);
  }
}

function figureOf(resolution: Resolution, run: RuleRun): ResolvedFigure | undefined {
  if (resolution.kind === 'figure') return resolution.figure;
  if (resolution.kind === 'unreadable') run.couldNotCheck(resolution.reason);
  return undefined;
}

export function crossTableRule(relation: CrossTableRelation): Rule {
  return {
    id: `xref/${relation.id}`,
    area: 'xref',
    severity: relation.op === '<=' ? 'warning' : 'error',
    title: relation.title,
    companions: ['sum/rounding'],
    run(context, run) {
      if (relation.when === 'general-only' && hasOnlyGeneralFunds(context.report, context.codes) !== true) return;
      if (relation.op === 'by-class') {
        runByClass(context, run, relation);
        return;
      }
      const left = figureOf(resolveFigure(context.report, context.codes, relation.left), run);
      const right = figureOf(resolveFigure(context.report, context.codes, relation.right), run);
      if (!left || !right) return;
      compareFigures(context, run, relation, left, right, relation.title);
    },
  };
}

export const crossTableRules: Rule[] = CROSS_TABLE_RELATIONS.map(crossTableRule);
