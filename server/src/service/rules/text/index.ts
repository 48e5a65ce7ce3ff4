import type { Rule } from '../ruleTypes';

/** Rules on the numeric claims of the narrative (text/*). */
export const textRules: Rule[] = [];
