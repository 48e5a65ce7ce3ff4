import { t } from '../../i18n/l10n';
import { tableTitle } from '../../schema/schemaInfo';
import { getString, isMap } from '../../yaml/ast';
import type { Rule, RuleRun } from '../ruleTypes';
import { YEARS } from './reviewData';
import { notePieces, piecesOf, rootScalar, TextPiece, titlePieces } from './textPieces';

const CHINESE_DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 2022 from "2022" or "二〇二二". */
export function yearValue(text: string): number {
  return Number([...text].map((c) => CHINESE_DIGITS[c] ?? c).join(''));
}

interface YearMention {
  readonly year: number;
  readonly text: string;
  readonly index: number;
}

function yearMentions(value: string): YearMention[] {
  const out: YearMention[] = [];
  const re = new RegExp(YEARS.year.source, 'gu');
  let match: RegExpExecArray | null;
  while ((match = re.exec(value)) !== null) {
    const digits = match[1];
    out.push({ year: yearValue(digits), text: digits, index: match.index });
  }
  return out;
}

/** The year written in the form the text uses (Chinese numerals in “二〇二二年”). */
function writtenLike(year: number, like: string): string {
  if (/^\d+$/.test(like)) return String(year);
  const names = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  return [...String(year)].map((d) => names[Number(d)]).join('');
}

function reportYear(piece: TextPiece, mention: YearMention, expected: number, run: RuleRun, message: string): void {
  const span = piece.spanOf(mention.index, mention.index + mention.text.length);
  const computed = writtenLike(expected, mention.text);
  const exact = span.end - span.start === mention.text.length;
  run.report({
    span,
    message,
    data: { computed, fixes: exact ? [{ title: t('Replace with {0}', computed), edits: [{ span, newText: computed }], certain: true }] : [] },
  });
}

function whereOf(piece: TextPiece): string {
  if (piece.kind === 'document-title') return t('the document title');
  if (piece.kind === 'table-title') return t('the title of {0}', tableTitle(piece.table ?? ''));
  if (piece.kind === 'note') return t('the note of {0}', tableTitle(piece.table ?? ''));
  if (piece.kind === 'date') return t('the date');
  return t('the section title');
}

/** Titles and notes: the report year, or the year before when the title speaks about the past. */
function checkHeading(run: RuleRun, piece: TextPiece, year: number): void {
  for (const mention of yearMentions(piece.value)) {
    run.checked();
    if (mention.year === year) continue;
    if (mention.year === year - 1 && YEARS.pastCues.test(piece.value)) continue;
    reportYear(piece, mention, year, run, t('{0} names the year {1}, but the report is for {2}', whereOf(piece), mention.text, year));
  }
}

export const yearRule: Rule = {
  id: 'review/year',
  area: 'review',
  severity: 'warning',
  title: '标题、表名、表注中的年份是预算年度，编制日期是预算年度或上一年度，资产表统计时点是上一年度年末（说明文字中的年份由 text/year 检查）',
  run(context, run) {
    const { report, text } = context;
    const year = report.year;
    if (year === undefined) {
      if (report.root) run.couldNotCheck(t('the report has no year'));
      return;
    }
    for (const piece of [...titlePieces(report, text), ...notePieces(report, text)]) checkHeading(run, piece, year);
    const date = rootScalar(report, 'date');
    if (date) {
      for (const piece of piecesOf(date, text, 'date')) {
        for (const mention of yearMentions(piece.value)) {
          run.checked();
          if (mention.year === year || mention.year === year - 1) continue;
          reportYear(piece, mention, year, run, t('The report for {0} is dated {1}', year, piece.value));
        }
      }
    }
    const assets = report.tables.get('assets');
    const asOf = assets && isMap(assets.node) ? getString(assets.node, 'as_of') : undefined;
    if (asOf) {
      const match = /^\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(asOf.value);
      run.checked();
      if (match && (Number(match[1]) !== year - 1 || Number(match[2]) !== 12 || Number(match[3]) !== 31)) {
        run.report({ span: { start: asOf.start, end: asOf.end }, message: t('The assets of a budget for {0} are those at the end of {1} (written {2})', year, year - 1, asOf.value), data: { computed: `${year - 1}-12-31` } });
      }
    }
  },
};
