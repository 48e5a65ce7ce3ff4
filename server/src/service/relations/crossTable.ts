import relationsData from '../../../../data/cross-table.json';
import { scopeOfPath } from '../figures/figurePaths';
import type { FundScope } from '../model/types';

/**
 * The relations between figures of different tables (data/cross-table.json): what the
 * cross-table rules check (rules/xref/crossTable.ts) and what a hover on a figure explains
 * (hover/explainFigure.ts).
 */
export interface CrossTableRelation {
  readonly id: string;
  readonly scope: FundScope;
  readonly left: string;
  readonly right: string;
  readonly op: '=' | '<=' | 'by-class';
  readonly when?: 'general-only';
  readonly title: string;
}

export const CROSS_TABLE_RELATIONS = relationsData.relations as CrossTableRelation[];

/** Scope consistency of the relation data (asserted by a unit test). */
export function scopeProblems(): string[] {
  const problems: string[] = [];
  for (const relation of CROSS_TABLE_RELATIONS) {
    const left = scopeOfPath(relation.left);
    const right = scopeOfPath(relation.right);
    const ok = (s: FundScope | undefined) => s === relation.scope || relation.when === 'general-only';
    if (!ok(left) || !ok(right)) problems.push(`${relation.id}: ${relation.left} (${left}) vs ${relation.right} (${right}) declared ${relation.scope}`);
  }
  return problems;
}
