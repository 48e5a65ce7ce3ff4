import { t } from '../../i18n/l10n';
import type { Fix } from '../../findings';
import type { Rule } from '../ruleTypes';
import { prosePieces, TextPiece } from './textPieces';

/**
 * Slips of the narrative a reviewer catches by reading (issue 13): a paragraph printed twice, a
 * reason that contradicts its change, half-width punctuation in full-width text.
 */

/** Paragraphs too short to be a slip when repeated (一、…, “其中：”). */
const MIN_REPEATED = 16;

function normalized(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** The span of a whole paragraph line, with its line break, for a fix that removes it. */
function removalOf(piece: TextPiece, documentText: string): Fix | undefined {
  const start = piece.offsetAt(0);
  const end = piece.offsetAt(piece.value.length - 1) + 1;
  if (end - start !== piece.value.length) return undefined;
  const lineStart = documentText.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = documentText.indexOf('\n', end);
  if (lineEnd < 0 || documentText.slice(lineStart, start).trim() !== '' || documentText.slice(end, lineEnd).trim() !== '') return undefined;
  return { title: t('Remove the repeated paragraph'), edits: [{ span: { start: lineStart, end: lineEnd + 1 }, newText: '' }] };
}

export const repeatedText: Rule = {
  id: 'review/repeated-text',
  area: 'review',
  severity: 'warning',
  title: '说明文字中没有重复印出的段落或条目（同一段、同一组编号条目出现两次）',
  run(context, run) {
    const seen = new Map<string, TextPiece>();
    for (const piece of prosePieces(context.report, context.text)) {
      const key = normalized(piece.value);
      if (key.length < MIN_REPEATED) continue;
      run.checked();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, piece);
        continue;
      }
      const fix = removalOf(piece, context.text);
      run.report({
        span: piece.spanOf(0, piece.value.length),
        message: t('This paragraph is printed twice (the first time in “{0}”)', first.section?.title?.value.trim() ?? ''),
        data: { related: [{ span: first.spanOf(0, first.value.length), message: t('the first time') }], fixes: fix ? [fix] : [] },
      });
    }
  },
};

const INCREASE = /增加|增长|上升|提高|新增|扩大|增多/;
const DECREASE = /减少|下降|降低|压减|缩减|减小|取消|减/;
/** A change stated with its direction, then its reason in the same paragraph. */
const CHANGE_THEN_REASON = /(增加|增长|上升|提高|减少|下降|降低)[^。；;]*?[0-9０-９.．]+\s*(?:%|％|万元|元)[^。]*?[。；;，,]\s*(?:主要)?原因(?:是|为)?[：:]?([^。；;]*)/g;
const NEGATED = /(?:未|没有|不|无)(?:增加|增长|减少|下降|变化)/g;

export const reasonDirection: Rule = {
  id: 'review/reason-direction',
  area: 'review',
  severity: 'warning',
  title: '增减变化的原因与变化方向一致（“减少2.98%。主要原因是：经费增加”）',
  run(context, run) {
    for (const piece of prosePieces(context.report, context.text)) {
      CHANGE_THEN_REASON.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = CHANGE_THEN_REASON.exec(piece.value)) !== null) {
        run.checked();
        const stated = INCREASE.test(match[1]) ? 1 : -1;
        const reason = match[2].replace(NEGATED, '');
        const up = INCREASE.test(reason);
        const down = DECREASE.test(reason);
        if (up === down) continue;
        if ((up ? 1 : -1) === stated) continue;
        const at = match.index + match[0].length - match[2].length;
        run.report({
          span: piece.spanOf(at, at + match[2].length),
          message: t('The change is stated as {0}, but its reason speaks of {1}: “{2}”', match[1], up ? t('an increase') : t('a decrease'), match[2].trim()),
          data: { related: [{ span: piece.spanOf(match.index, match.index + match[1].length), message: t('the change stated') }] },
        });
      }
    }
  },
};

/** Half-width brackets beside Chinese characters, and an ASCII comma between Chinese and a figure. */
const HALF_BRACKET = /(?<=[\u4e00-\u9fa5])[()]|[()](?=[\u4e00-\u9fa5])/g;
const ASCII_COMMA = /(?<=[\u4e00-\u9fa5]),(?=\s*[0-9\u4e00-\u9fa5])/g;
const FULL_WIDTH: Readonly<Record<string, string>> = { '(': '（', ')': '）', ',': '，' };

export const punctuationWidth: Rule = {
  id: 'review/punctuation-width',
  area: 'review',
  severity: 'information',
  title: '中文说明中标点全半角一致：全角括号中混入半角“)”、中文与金额之间用了英文逗号（提示）',
  run(context, run) {
    const pieces = prosePieces(context.report, context.text);
    // Only where the report writes full-width: a report in half-width throughout is consistent.
    const full = pieces.reduce((n, p) => n + (p.value.match(/[（）]/g)?.length ?? 0), 0);
    const half = pieces.reduce((n, p) => n + (p.value.match(/[()]/g)?.length ?? 0), 0);
    for (const piece of pieces) {
      run.checked();
      const found: Array<{ index: number; char: string }> = [];
      if (full > half) for (const m of piece.value.matchAll(HALF_BRACKET)) found.push({ index: m.index!, char: m[0] });
      for (const m of piece.value.matchAll(ASCII_COMMA)) found.push({ index: m.index!, char: m[0] });
      for (const { index, char } of found.sort((a, b) => a.index - b.index)) {
        const span = piece.spanOf(index, index + 1);
        const replacement = FULL_WIDTH[char];
        run.report({
          span,
          message: t('Half-width “{0}” in Chinese text written with full-width punctuation: “{1}”', char, replacement),
          data: { computed: replacement, fixes: span.end - span.start === 1 ? [{ title: t('Replace with "{0}"', replacement), edits: [{ span, newText: replacement }] }] : [] },
        });
      }
    }
  },
};

export const proseReviewRules: Rule[] = [repeatedText, reasonDirection, punctuationWidth];
