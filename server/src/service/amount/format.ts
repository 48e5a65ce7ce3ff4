import type { Dec } from './rounding';
import { formatFixed } from './rounding';

/** Prints a value with the decimals and thousands separators of the text it will replace. */
export function formatLike(value: Dec, likeText: string | undefined, fallbackDecimals = 2): string {
  const sample = (likeText ?? '').trim();
  const match = /\.(\d+)/.exec(sample.replace(/[．]/g, '.'));
  const decimals = sample && /\d/.test(sample) ? (match ? match[1].length : 0) : fallbackDecimals;
  const fixed = formatFixed(value, decimals);
  return /[,，]/.test(sample) ? withThousands(fixed) : fixed;
}

/** A value with its own decimals, grouped in thousands when `likeText` is (the report's style). */
export function formatInStyle(value: Dec, decimals: number, likeText: string | undefined): string {
  const fixed = formatFixed(value, Math.max(decimals, 0));
  return /[,，]/.test(likeText ?? '') ? withThousands(fixed) : fixed;
}

export function withThousands(fixed: string): string {
  const [integer, fraction] = fixed.split('.');
  const sign = integer.startsWith('-') ? '-' : '';
  const digits = sign ? integer.slice(1) : integer;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction !== undefined ? '.' + fraction : '');
}

/** A value for a message: its decimals, no separators. */
export function show(value: Dec, decimals: number): string {
  return formatFixed(value, Math.max(decimals, 0));
}
