import type { Rule } from '../ruleTypes';
import { textAmount, textChange, textCount, textName, textParts, textShare, textUnverified, textYear } from './proseRules';

/** Rules on the numeric claims of the narrative (text/*). */
export const textRules: Rule[] = [textAmount, textShare, textChange, textParts, textYear, textCount, textName, textUnverified];
