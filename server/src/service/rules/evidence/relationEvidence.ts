import type { Dec } from '../../amount/rounding';
import type { MoneyUnit } from '../../amount/units';
import type { Cell } from '../../model/types';

/**
 * A relation between printed figures that a rule compared (合计 = Σ 分项, one table's figure =
 * another's): the evidence from which a failing relation's finding is placed on the figure that
 * is wrong, and from which its fix is computed (rules/evidence/placement.ts).
 *
 * A side is a list of figures, each the cells it adds up (a printed cell, or the cells of a
 * derived figure such as a class total or 人员经费 = 工资福利 + 对个人和家庭的补助). The lists are
 * the rules' own objects (terms, resolved figures), so recording a relation costs no copy; a
 * relation and its lists are never changed once recorded (its cells are kept per relation object,
 * see `cellsOf`): a rule that updates a relation records a new object.
 */
export interface RelationSide {
  readonly cells: readonly Cell[];
}

export interface RelationEvidence {
  /** `pass`: the relation holds (also within a rounding difference); `fail`: it does not. */
  readonly outcome: 'pass' | 'fail';
  /**
   * `equation`: Σ left = Σ right, which a fix can solve for one cell; `bound`: an inequality
   * (其中 parts, a subset), which tells which figures disagree but gives no value.
   */
  readonly kind: 'equation' | 'bound';
  /** A single printed cell on the left (a sum's printed whole), besides `left`. */
  readonly whole?: Cell;
  readonly left: readonly RelationSide[];
  readonly right: readonly RelationSide[];
  /** The unit of every cell of the relation; absent when the cells are printed in different units (no fix then). */
  readonly unit?: MoneyUnit;
  /** Σ left − Σ right in `unit` (0 when the relation holds exactly). */
  readonly residual?: Dec;
  /**
   * Whether the relation would hold (exactly or within its rounding difference) with this
   * residual: how a fix's value is checked against every relation of the figure it changes.
   */
  readonly accepts?: (residual: Dec) => boolean;
  /**
   * The relation stated without taking sides ("… 合计 为 320.00，而 … = 321.00"), for a finding
   * that moves to another figure of the relation than the one the rule reported on.
   */
  readonly statement?: () => string;
}

/** A cell's identity within one document version: where its value starts. */
export function cellKey(cell: Cell): number {
  return cell.span.start;
}

/** A cell of a relation and its side (+1 left, −1 right). */
export interface RelationMember {
  readonly cell: Cell;
  readonly side: 1 | -1;
}

/** Calls `visit` for every cell of a relation with its side (a cell written twice is visited twice). */
export function forEachCell(evidence: RelationEvidence, visit: (cell: Cell, side: 1 | -1) => void): void {
  if (evidence.whole) visit(evidence.whole, 1);
  for (const figure of evidence.left) for (const cell of figure.cells) visit(cell, 1);
  for (const figure of evidence.right) for (const cell of figure.cells) visit(cell, -1);
}

/**
 * The cells of a relation in the order of `forEachCell` (a cell written twice is there twice),
 * kept per relation object. A relation is immutable (its sides and their cell lists are the
 * rules' readonly objects, cells are immutable) and the relations of unchanged rows are the same
 * objects in every validation (replayed from rules/memo.ts): an edit flattens only its new ones.
 * Only the cell objects are kept, never their keys, which move with the text above them.
 */
const CELLS = new WeakMap<RelationEvidence, readonly Cell[]>();

export function cellsOf(evidence: RelationEvidence): readonly Cell[] {
  let cells = CELLS.get(evidence);
  if (cells === undefined) {
    const flat: Cell[] = [];
    forEachCell(evidence, (cell) => {
      flat.push(cell);
    });
    cells = flat;
    CELLS.set(evidence, cells);
  }
  return cells;
}

/** Each cell of a relation once, with its side. */
export function relationMembers(evidence: RelationEvidence): RelationMember[] {
  const seen = new Set<number>();
  const members: RelationMember[] = [];
  forEachCell(evidence, (cell, side) => {
    const key = cellKey(cell);
    if (seen.has(key)) return;
    seen.add(key);
    members.push({ cell, side });
  });
  return members;
}
