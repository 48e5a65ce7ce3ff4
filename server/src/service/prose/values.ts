import { Dec, HUNDRED, TEN_THOUSAND, formatFixed } from '../amount/rounding';
import type { Dec as Decimal } from '../amount/rounding';
import { formatLike, show } from '../amount/format';
import type { MoneyUnit } from '../amount/units';
import type { NumberToken, MoneyUnitText } from './numbers';

/** The unit a money number of the prose is written in (a number without unit: the document's). */
export function textUnit(token: NumberToken, documentUnit: MoneyUnit): MoneyUnitText {
  return token.moneyUnit ?? documentUnit;
}

/** How many 万元 one unit of the text is. */
export function unitFactor(unit: MoneyUnitText): Decimal {
  if (unit === '亿元') return TEN_THOUSAND;
  if (unit === '元') return new Dec(1).div(TEN_THOUSAND);
  return new Dec(1);
}

/** A money number of the prose in 万元 (counts as they are). */
export function valueInWan(token: NumberToken, documentUnit: MoneyUnit): Decimal {
  if (token.kind === 'count') return token.value;
  return token.value.times(unitFactor(textUnit(token, documentUnit)));
}

/** A 万元 value printed like the author's number (decimals, thousands separators, digit width), in its unit. */
export function printLike(valueWan: Decimal, token: NumberToken, documentUnit: MoneyUnit): string {
  const inUnit = token.kind === 'count' ? valueWan : valueWan.div(unitFactor(textUnit(token, documentUnit)));
  return sameWidth(formatLike(inUnit, token.text.replace(/[０-９]/g, '0').replace(/．/g, '.').replace(/，/g, ','), token.decimals), token.text);
}

/** A percentage printed with the author's decimals and digit width. */
export function printPercent(value: Decimal, decimals: number, like = ''): string {
  return sameWidth(formatFixed(value, decimals), like);
}

/** Full-width digits (and point, separators) when the author wrote them so. */
function sameWidth(printed: string, like: string): string {
  if (!/[０-９]/.test(like)) return printed;
  return printed
    .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10))
    .replace(/\./g, like.includes('．') ? '．' : '.')
    .replace(/,/g, like.includes('，') ? '，' : ',');
}

/**
 * A 万元 value for a message: as many decimals as the figure has (a 元 figure has 6 in 万元),
 * trailing zeros beyond the usual two dropped — 7054.0547, never 7054.054700.
 */
export function showWan(value: Decimal, decimals: number): string {
  const fixed = show(value, Math.min(Math.max(decimals, 0), 6));
  const keep = Math.min(Math.max(decimals, 0), 2);
  const point = fixed.indexOf('.');
  if (point < 0) return fixed;
  let end = fixed.length;
  while (end > point + 1 + keep && fixed[end - 1] === '0') end--;
  return fixed.slice(0, end === point + 1 ? point : end);
}

export function percentOf(part: Decimal, whole: Decimal): Decimal | undefined {
  if (whole.isZero()) return undefined;
  return part.div(whole).times(HUNDRED);
}
