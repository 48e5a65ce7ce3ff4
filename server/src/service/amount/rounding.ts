import Decimal from 'decimal.js';

/**
 * The rounding rule, stated once (DESIGN §4):
 *
 * 1. A figure printed with d decimals is right when it equals the exact value rounded
 *    half-up to d decimals.
 * 2. A printed total of n printed (already rounded) figures may differ from their exact sum by
 *    up to n × half a unit of its last printed place — the "尾数误差" the seeds warn about.
 *    Such a difference is information, not an error. Anything larger is a mismatch.
 *
 * Every comparison of money or percentages in the service goes through this module.
 */

// A private Decimal constructor so that nothing else can change the precision or rounding.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);
export const TEN_THOUSAND = new Dec(10000);

export function roundHalfUp(value: Decimal, decimals: number): Decimal {
  return new Dec(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** A value cut to `decimals` decimals (what a careless copy does; the rule is half-up). */
export function truncated(value: Decimal, decimals: number): Decimal {
  return new Dec(value).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
}

/** Half a unit of the last place of a figure printed with `decimals` decimals. */
export function halfUnit(decimals: number): Decimal {
  return new Dec(5).times(new Dec(10).pow(-(decimals + 1)));
}

export type Agreement = 'equal' | 'rounding' | 'mismatch';

/**
 * Compares a printed figure with the exact value it should show (rule 1).
 * `extraTolerance` widens the accepted difference (the user's tolerance setting).
 */
export function comparePrinted(printed: Decimal, decimals: number, exact: Decimal, extraTolerance: Decimal = ZERO): Agreement {
  if (roundHalfUp(exact, decimals).eq(printed)) return 'equal';
  if (printed.minus(exact).abs().lte(extraTolerance)) return 'rounding';
  return 'mismatch';
}

/**
 * Compares a printed total with the sum of `count` printed parts (rule 2). The parts are
 * rounded figures themselves, so the sum is exact arithmetic on printed values.
 */
export function compareSum(printedTotal: Decimal, totalDecimals: number, sumOfParts: Decimal, count: number, partDecimals: number, extraTolerance: Decimal = ZERO): Agreement {
  if (roundHalfUp(sumOfParts, totalDecimals).eq(printedTotal)) return 'equal';
  const difference = printedTotal.minus(sumOfParts).abs();
  const allowed = halfUnit(Math.min(totalDecimals, partDecimals)).times(Math.max(count, 1)).plus(extraTolerance);
  return difference.lte(allowed) ? 'rounding' : 'mismatch';
}

/** part ÷ whole × 100, exact (rounding happens only when compared with a printed percentage). */
export function percentage(part: Decimal, whole: Decimal): Decimal | undefined {
  if (whole.isZero()) return undefined;
  return new Dec(part).div(whole).times(HUNDRED);
}

/** Formats a value the way a report prints it: fixed decimals, half-up. */
export function formatFixed(value: Decimal, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}
