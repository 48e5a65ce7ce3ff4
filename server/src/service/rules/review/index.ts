import type { Rule } from '../ruleTypes';
import { duplicateTable, missingTable } from './tableRules';
import { emptyNoteFund, emptyTableNote, noteOnNonempty } from './emptyTables';
import { proseReviewRules } from './proseReviewRules';
import { missingSection } from './sectionRules';
import { doubled, percentSign, placeholder, unitMissing } from './residueRules';
import { yearRule } from './yearRule';
import { wording } from './wordingRule';
import { reason } from './reasonRule';
import { unitName } from './unitNameRule';
import { unknownTemplate } from './templateRule';
import { goalAmount, indicatorCost, indicatorDuplicate, projectCodeLength, projectNameYear } from './projectRules';

/** Reviewer rules beyond arithmetic (review/*): what a 财政局 reviewer checks before publication. */
export const reviewRules: Rule[] = [
  missingTable,
  duplicateTable,
  emptyTableNote,
  noteOnNonempty,
  emptyNoteFund,
  missingSection,
  placeholder,
  doubled,
  percentSign,
  unitMissing,
  yearRule,
  wording,
  reason,
  projectCodeLength,
  indicatorDuplicate,
  indicatorCost,
  goalAmount,
  projectNameYear,
  unitName,
  unknownTemplate,
  ...proseReviewRules,
];
