import { Dec, TEN_THOUSAND } from './rounding';
import type { Dec as Decimal } from './rounding';

export type MoneyUnit = '万元' | '元';

export const MONEY_UNITS: readonly MoneyUnit[] = ['万元', '元'];

/** Converts a value between 元 and 万元 exactly (no rounding: that happens when compared). */
export function convert(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  return from === '元' ? new Dec(value).div(TEN_THOUSAND) : new Dec(value).times(TEN_THOUSAND);
}

export function isMoneyUnit(text: string): text is MoneyUnit {
  return text === '万元' || text === '元';
}
