import { Dec, ZERO, formatFixed, roundHalfUp } from '../amount/rounding';
import type { Dec as Decimal } from '../amount/rounding';
import { withThousands } from '../amount/format';
import type { MoneyUnit } from '../amount/units';

/** How a template prints money: the seeds print either fixed decimals (529.20, 0.00) or trimmed ones (36, 4.2, 0). */
export interface AmountStyle {
  readonly decimals: number;
  /** Drop trailing zeros of the fraction (36.00 → 36, 4.20 → 4.2, 0.00 → 0). */
  readonly trim: boolean;
  /** 千分位: 6,465.30. */
  readonly thousands: boolean;
  /** The unit the text prints amounts in (万元 unless the template says otherwise); every figure is converted to it from its table's unit. */
  readonly unit?: MoneyUnit;
}

export interface PercentStyle {
  readonly decimals: number;
  readonly trim: boolean;
}

export const DEFAULT_AMOUNT_STYLE: AmountStyle = { decimals: 2, trim: false, thousands: false };
export const DEFAULT_PERCENT_STYLE: PercentStyle = { decimals: 2, trim: false };

export function formatAmount(value: Decimal, style: AmountStyle = DEFAULT_AMOUNT_STYLE): string {
  let text = formatFixed(value, style.decimals);
  if (style.trim) text = trimZeros(text);
  if (text === '-0' || /^-0(\.0+)?$/.test(text)) text = text.slice(1);
  return style.thousands ? withThousands(text) : text;
}

/** `value` is already a percentage (part ÷ whole × 100). */
export function formatPercent(value: Decimal, style: PercentStyle = DEFAULT_PERCENT_STYLE): string {
  const text = formatFixed(value, style.decimals);
  return style.trim ? trimZeros(text) : text;
}

export function formatCount(value: Decimal): string {
  return formatFixed(value, 0);
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export type Direction = 'up' | 'down' | 'flat';

/** A year-on-year change as the prose states it. */
export interface Change {
  readonly direction: Direction;
  /** |current − previous|, exact. */
  readonly delta: Decimal;
  /** |Δ| ÷ previous × 100, exact; undefined when the previous figure is 0 (zero base). */
  readonly percent?: Decimal;
  /** Previous figure 0 and current figure not: the seeds print a fixed 100% (“增长100.00%”). */
  readonly zeroBase: boolean;
}

/**
 * Compares at the printed precision: a change that rounds to 0.00 is 持平, because the
 * sentence would otherwise read “增加0.00万元”.
 */
export function computeChange(current: Decimal, previous: Decimal, decimals = 2): Change {
  const difference = new Dec(current).minus(previous);
  const rounded = roundHalfUp(difference, decimals);
  if (rounded.isZero()) return { direction: 'flat', delta: ZERO, percent: previous.isZero() ? undefined : ZERO, zeroBase: false };
  const direction: Direction = difference.isNegative() ? 'down' : 'up';
  const delta = difference.abs();
  if (previous.isZero()) return { direction, delta, zeroBase: true };
  return { direction, delta, percent: delta.div(previous.abs()).times(100), zeroBase: false };
}

/** The words a template uses for each direction (增加/减少 for amounts, 增长/下降 for rates). */
export interface DirectionWords {
  readonly amountUp: string;
  readonly amountDown: string;
  readonly percentUp: string;
  readonly percentDown: string;
  readonly flat: string;
}

export const DEFAULT_WORDS: DirectionWords = { amountUp: '增加', amountDown: '减少', percentUp: '增长', percentDown: '下降', flat: '持平' };

export function amountWord(direction: Direction, words: DirectionWords = DEFAULT_WORDS): string {
  return direction === 'up' ? words.amountUp : direction === 'down' ? words.amountDown : words.flat;
}

export function percentWord(direction: Direction, words: DirectionWords = DEFAULT_WORDS): string {
  return direction === 'up' ? words.percentUp : direction === 'down' ? words.percentDown : words.flat;
}

/** Share of a part in a whole, exact; undefined for a zero whole. */
export function share(part: Decimal, whole: Decimal): Decimal | undefined {
  if (whole.isZero()) return undefined;
  return new Dec(part).div(whole).times(100);
}
