import type { Rule } from '../ruleTypes';
import { textAmount, textChange, textCount, textName, textParts, textShare, textYear } from './proseRules';

/** Rules on the numeric claims of the narrative (text/*). */
export const textRules: Rule[] = [textAmount, textShare, textChange, textParts, textYear, textCount, textName];
