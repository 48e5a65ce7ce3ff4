import { t } from '../../i18n/l10n';
import type { Fix } from '../../findings';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { contextKey, memoized } from '../memo';
import { DOUBLED, PLACEHOLDER, RESIDUE } from './reviewData';
import { cellPieceBlocks, notePieces, piecesOf, prosePieces, rootScalar, TextPiece, titlePieces } from './textPieces';

/**
 * Runs `check` on every text of the report a reader sees: titles, notes, narrative, table texts,
 * names. Table cells are many and mostly unchanged between edits: their results are replayed
 * per row (rules/memo.ts); titles, notes and prose are checked each time.
 */
function checkTexts(context: RuleContext, run: RuleRun, key: string, check: (run: RuleRun, piece: TextPiece) => void): void {
  const { report, text } = context;
  const department = rootScalar(report, 'department');
  const others = [
    ...(department ? piecesOf(department, text, 'document-title') : []),
    ...titlePieces(report, text),
    ...notePieces(report, text),
    ...prosePieces(report, text),
  ];
  for (const piece of others) check(run, piece);
  // Kept per block of rows and per group of pieces (a row's texts): an unchanged block is one
  // replay, a changed one checks again only the groups that changed.
  for (const block of cellPieceBlocks(report, text)) {
    memoized(run, block, key, (r) => {
      for (const group of block) memoized(r, group, key, (g) => {
        for (const piece of group) check(g, piece);
      });
    });
  }
}

/** The matches of a global expression in a text (the expression's lastIndex is reset: no nesting). */
function* matches(re: RegExp, value: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(value)) !== null) {
    if (match[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    yield match;
  }
}

export const placeholder: Rule = {
  id: 'review/placeholder',
  area: 'review',
  severity: 'error',
  title: '没有留下模板占位符（XX、××、＊＊、待补充、【…】、（单位名称）等）',
  run(context, run) {
    const check = (r: RuleRun, piece: TextPiece) => {
      r.checked();
      for (const match of matches(PLACEHOLDER, piece.value)) {
        r.report({ span: piece.spanOf(match.index, match.index + match[0].length), message: t('Template placeholder "{0}" left in the text', match[0]) });
      }
    };
    checkTexts(context, run, `review/placeholder|${contextKey(context)}`, check);
  },
};

/** The text without one of its doubled characters, when the slip is one character typed twice. */
function undoubled(text: string): string | undefined {
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) return [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
  }
  return undefined;
}

export const doubled: Rule = {
  id: 'review/doubled',
  area: 'review',
  severity: 'warning',
  title: '没有重复的字词和标点（的的、预算算、，，、。。等）',
  run(context, run) {
    const check = (r: RuleRun, piece: TextPiece) => {
      r.checked();
      for (const match of matches(DOUBLED, piece.value)) {
        const span = piece.spanOf(match.index, match.index + match[0].length);
        const single = undoubled(match[0]);
        const fixes: Fix[] = single !== undefined && span.end - span.start === match[0].length ? [{ title: t('Replace with "{0}"', single), edits: [{ span, newText: single }], certain: true }] : [];
        r.report({ span, message: t('"{0}" is typed twice', match[0]), data: { computed: single, fixes } });
      }
    };
    checkTexts(context, run, `review/doubled|${contextKey(context)}`, check);
  },
};

const PERCENT_CUE = new RegExp(`(?:${RESIDUE.percentCues})\\s*(?:${RESIDUE.cueLinks})?\\s*$`, 'u');
const NUMBER_AT_CLAUSE_END = new RegExp(`(?<![\\d.．,A-Za-z\\-－/])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?=\\s*(?:${RESIDUE.clauseEnd}))`, 'gmu');

/** Numbers of the prose that end a clause (“增长12.5，”, “共 664.98，”), with what precedes them. */
function numbersAtClauseEnd(piece: TextPiece): Array<{ index: number; text: string; before: string }> {
  const out: Array<{ index: number; text: string; before: string }> = [];
  for (const match of matches(NUMBER_AT_CLAUSE_END, piece.value)) {
    const before = piece.value.slice(Math.max(0, match.index - 12), match.index);
    // Inside brackets (a code, an ordinal) the number is no figure.
    const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
    const close = Math.max(before.lastIndexOf('）'), before.lastIndexOf(')'));
    if (open > close) continue;
    out.push({ index: match.index, text: match[1], before });
  }
  return out;
}

export const percentSign: Rule = {
  id: 'review/percent-sign',
  area: 'review',
  severity: 'warning',
  title: '百分比带百分号：增长、下降、占等之后的比例写成“12.5%”而不是“12.5”',
  run(context, run) {
    for (const piece of prosePieces(context.report, context.text)) {
      run.checked();
      for (const number of numbersAtClauseEnd(piece)) {
        if (!PERCENT_CUE.test(number.before)) continue;
        const end = number.index + number.text.length;
        const at = piece.spanOf(end, end);
        const span = piece.spanOf(number.index, end);
        run.report({
          span,
          message: t('The percentage {0} has no % sign', number.text),
          data: { computed: `${number.text}%`, fixes: at.start === at.end ? [{ title: t('Add "%"'), edits: [{ span: at, newText: '%' }], certain: true }] : [] },
        });
      }
    }
  },
};

export const unitMissing: Rule = {
  id: 'review/unit-missing',
  area: 'review',
  severity: 'warning',
  title: '说明文字中的金额带单位：“政府采购预算共 664.98，”应写明“万元”',
  run(context, run) {
    const unit = context.report.unit;
    for (const piece of prosePieces(context.report, context.text)) {
      run.checked();
      for (const number of numbersAtClauseEnd(piece)) {
        // Only decimals: an integer at a clause end is as often a count or an ordinal as an amount.
        if (!number.text.includes('.') || PERCENT_CUE.test(number.before)) continue;
        const end = number.index + number.text.length;
        const at = piece.spanOf(end, end);
        run.report({
          span: piece.spanOf(number.index, end),
          message: t('The amount {0} is printed without its unit ({1}?)', number.text, unit),
          data: { computed: `${number.text}${unit}`, fixes: at.start === at.end ? [{ title: t('Add "{0}"', unit), edits: [{ span: at, newText: unit }], certain: true }] : [] },
        });
      }
    }
  },
};
