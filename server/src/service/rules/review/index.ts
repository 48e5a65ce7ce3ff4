import type { Rule } from '../ruleTypes';

/** Reviewer rules beyond arithmetic (review/*). */
export const reviewRules: Rule[] = [];
