import { parseAmount } from '../amount/amount';
import type { Dec } from '../amount/rounding';

/**
 * What a number in the prose is, from the characters around it:
 *   money 529.20 万元 · percent 42.21% · count 8个 · year 2022 年 · code （2080505） ·
 *   ordinal （1） 1、 · bare 664.98 (no unit) · other 12 月, 2023-244 号, ≥95%, 50 万元以上.
 */
export type NumberKind = 'money' | 'percent' | 'count' | 'year' | 'code' | 'ordinal' | 'bare' | 'other';

export type MoneyUnitText = '万元' | '元' | '亿元';

export interface NumberToken {
  readonly index: number;
  /** Offsets in the section text of the number's characters. */
  readonly start: number;
  readonly end: number;
  /** End of the unit (or of the number when it has none). */
  readonly unitEnd: number;
  readonly text: string;
  readonly value: Dec;
  readonly decimals: number;
  readonly kind: NumberKind;
  readonly moneyUnit?: MoneyUnitText;
  /** The counter word of a count (个, 项, 辆, 人, 台（套）…). */
  readonly counter?: string;
}

const NUMBER = /[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]{1,3}(?:，[0-9０-９]{3})+[.．][0-9０-９]+|[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
const SPACE = /[ \t\u3000\u00a0]/;
const DIGIT = /[0-9０-９]/;
const MONEY_UNITS: readonly MoneyUnitText[] = ['亿元', '万元', '元'];
const COUNTERS = ['台（套）', '台(套)', '个', '项', '辆', '人', '台', '套', '家', '名', '所'];
const OTHER_UNITS = ['次', '份', '月', '日', '号', '级', '天', '条', '册', '车', '分钟', '小时', '周', '期', '批', '万', '倍'];
/** Measures whose parts add up like counts (其中办公用房 1200 平方米、业务用房 800 平方米), decimals allowed. */
const MEASURES = ['平方米', '亩', '公顷'];
const THRESHOLD_AFTER = /^[ \t\u3000]*(?:[（(]含[）)])?[ \t\u3000]*(?:及)?(?:以上|以下|以内|左右)/;
const TARGET_BEFORE = /(?:[≥≤＞＜<>≧≦]|不低于|不高于|不少于|不超过|低于|高于|达到)[ \t\u3000]*$/;

export function numberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  NUMBER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER.exec(text))) {
    const start = match.index;
    const raw = match[0];
    const end = start + raw.length;
    const parsed = parseAmount(raw);
    if (!parsed.ok) continue;
    const { value, decimals } = parsed.amount;
    const token = classify(text, start, end, raw, value, decimals, tokens.length);
    tokens.push(token);
  }
  return tokens;
}

function classify(text: string, start: number, end: number, raw: string, value: Dec, decimals: number, index: number): NumberToken {
  const base = { index, start, end, text: raw, value, decimals };
  let after = end;
  while (after < text.length && SPACE.test(text[after])) after++;
  let before = start;
  while (before > 0 && SPACE.test(text[before - 1])) before--;
  const prev = before > 0 ? text[before - 1] : '';
  const next = text[after] ?? '';
  // Document numbers and ranges: 豫财社2023-244号, 1-6级.
  if ((prev === '-' || prev === '－' || prev === '—') && before >= 2 && DIGIT.test(text[before - 2])) return { ...base, unitEnd: end, kind: 'other' };
  if ((next === '-' || next === '－' || next === '—' || next === '~' || next === '～') && DIGIT.test(text[after + 1] ?? '')) return { ...base, unitEnd: end, kind: 'other' };
  if (/[A-Za-z〔\[]/.test(prev)) return { ...base, unitEnd: end, kind: 'other' };
  if ((prev === '（' || prev === '(') && (next === '）' || next === ')') && decimals === 0) return { ...base, unitEnd: after + 1, kind: raw.length >= 3 ? 'code' : 'ordinal' };
  if (decimals === 0 && (next === '、' || ((next === '.' || next === '．') && !DIGIT.test(text[after + 1] ?? '')))) return { ...base, unitEnd: after + 1, kind: 'ordinal' };
  const rest = text.slice(after, after + 6);
  // The code of a 类/款/项 in an item-by-item line: 公共安全支出（204类）司法（06款）.
  if ((prev === '（' || prev === '(') && /^[类款项][）)]/.test(rest)) return { ...base, unitEnd: after + 2, kind: 'other' };
  if (TARGET_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return { ...base, unitEnd: end, kind: 'other' };
  for (const unit of MONEY_UNITS) {
    if (rest.startsWith(unit)) {
      const unitEnd = after + unit.length;
      if (THRESHOLD_AFTER.test(text.slice(unitEnd, unitEnd + 4))) return { ...base, unitEnd, kind: 'other' };
      return { ...base, unitEnd, kind: 'money', moneyUnit: unit };
    }
  }
  if (next === '%' || next === '％') return { ...base, unitEnd: after + 1, kind: 'percent' };
  if (rest.startsWith('个百分点')) return { ...base, unitEnd: after + 4, kind: 'other' };
  if (decimals === 0 && raw.length === 4 && /^(19|20)/.test(toAscii(raw)) && next === '年') return { ...base, unitEnd: after + 1, kind: 'year' };
  for (const unit of MEASURES) {
    if (rest.startsWith(unit)) {
      const unitEnd = after + unit.length;
      if (THRESHOLD_AFTER.test(text.slice(unitEnd, unitEnd + 4))) return { ...base, unitEnd, kind: 'other' };
      return { ...base, unitEnd, kind: 'count', counter: unit };
    }
  }
  for (const unit of OTHER_UNITS) if (rest.startsWith(unit) && !(unit === '万' && rest.startsWith('万元'))) return { ...base, unitEnd: after + unit.length, kind: 'other' };
  if (decimals === 0) {
    for (const counter of COUNTERS) {
      if (rest.startsWith(counter)) {
        const unitEnd = after + counter.length;
        if (THRESHOLD_AFTER.test(text.slice(unitEnd, unitEnd + 4))) return { ...base, unitEnd, kind: 'other' };
        return { ...base, unitEnd, kind: 'count', counter: counter.replace('(', '（').replace(')', '）') };
      }
    }
  }
  if (/[\u4e00-\u9fa5]/.test(next) && next !== '，' ) return { ...base, unitEnd: end, kind: 'other' };
  return { ...base, unitEnd: end, kind: 'bare' };
}

export function toAscii(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}
