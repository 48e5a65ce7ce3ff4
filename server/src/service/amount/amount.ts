import { Dec, ZERO } from './rounding';
import type { Dec as Decimal } from './rounding';

/** A money figure as printed in a cell or a sentence. */
export interface Amount {
  /** The value (0 for a blank cell). */
  readonly value: Decimal;
  /** Decimals printed (0 for blank or integers). */
  readonly decimals: number;
  /** True for a blank cell ('', '-', '—', '~'). */
  readonly blank: boolean;
  /** The text as written. */
  readonly text: string;
}

export type AmountParse = { ok: true; amount: Amount } | { ok: false; reason: string };

const BLANKS = new Set(['', '-', '—', '－', '–', '~', '／', '/']);

/**
 * Builds an amount from the text it was written with: ASCII or full-width digits, thousands
 * separators (`,` or `，`), a leading minus, a decimal point (`.` or `．`). Never goes through a
 * JavaScript number.
 */
export function parseAmount(text: string): AmountParse {
  const trimmed = text.trim();
  if (BLANKS.has(trimmed)) return { ok: true, amount: { value: ZERO, decimals: 0, blank: true, text } };
  const normalized = toHalfWidth(trimmed).replace(/\s+/g, '');
  const match = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(normalized);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return { ok: false, reason: trimmed.length > 40 ? trimmed.slice(0, 40) + '…' : trimmed };
  }
  const sign = match[1] === '-' ? '-' : '';
  const integer = (match[2] ?? '0').replace(/,/g, '');
  const fraction = match[3] ?? '';
  const value = new Dec(`${sign}${integer}${fraction ? '.' + fraction : ''}`);
  return { ok: true, amount: { value, decimals: fraction.length, blank: false, text } };
}

export function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[－—–]/g, '-')
    .replace(/[＋]/g, '+');
}

export function zeroAmount(): Amount {
  return { value: ZERO, decimals: 0, blank: true, text: '' };
}
