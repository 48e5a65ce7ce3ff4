import { parseAmount } from '../service/amount/amount';
import { Dec, roundHalfUp } from '../service/amount/rounding';
import type { GridCell } from './grid';

/**
 * Turning stored cell contents into the text a reader sees, without JavaScript number
 * arithmetic: a stored number is taken as its shortest decimal text and rounded (half-up,
 * decimal.js) to the decimals of the cell's number format.
 */

/** Decimals a number format shows (`#,##0.00` → 2, `0` → 0); undefined for General/text formats. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const first = numFmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (/general|@/i.test(first) || !/[0#?]/.test(first)) return undefined;
  const match = /\.([0#?]+)/.exec(first);
  return match ? match[1].length : 0;
}

/** The displayed text of a stored number under a number format. */
export function numberText(stored: number, numFmt?: string): string {
  if (!Number.isFinite(stored)) return String(stored);
  let value = new Dec(String(stored));
  const percent = !!numFmt && /%/.test(numFmt.split(';')[0].replace(/"[^"]*"/g, ''));
  if (percent) value = value.times(100);
  const decimals = formatDecimals(numFmt);
  const text = decimals === undefined ? roundHalfUp(value, 10).toFixed() : roundHalfUp(value, decimals).toFixed(decimals);
  return percent ? `${text}%` : text;
}

export type AmountCell = { readonly ok: true; readonly text: string | null } | { readonly ok: false; readonly text: string };

/**
 * An amount cell as the report writes it: null for a blank cell (`''`, `-`, `—`), the decimal
 * text without separators otherwise (`"6,465.30"` → `6465.30`, full-width digits accepted).
 */
export function amountOfText(text: string): AmountCell {
  return amountCellOf(text);
}

/**
 * An amount cell as the report writes it: a printed figure (PDF) as printed — "96,282,213.44",
 * "0" — a workbook's as its decimal text.
 */
export function amountOfCell(cell: GridCell): AmountCell {
  const amount = amountCellOf(cell.text);
  return amount.ok && amount.text !== null && cell.printed ? { ok: true, text: cell.text.trim() } : amount;
}

function amountCellOf(text: string): AmountCell {
  const parsed = parseAmount(text);
  if (!parsed.ok) return { ok: false, text };
  if (parsed.amount.blank) return { ok: true, text: null };
  return { ok: true, text: parsed.amount.value.toFixed(parsed.amount.decimals) };
}
