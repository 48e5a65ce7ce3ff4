import { Dec } from '../../amount/rounding';
import { toHalfWidth } from '../../amount/amount';
import type { Span } from '../../yaml/ast';
import type { RuleContext } from '../ruleTypes';
import { prosePieces, TextPiece } from './textPieces';

/**
 * The changes the prose states as a percentage (“增长 62.33%”, “下降17.18%”), for review/reason.
 * They are the change claims of the prose analysis (context.prose(), kind 'change'): the analysis
 * files the Δ amount and the percentage of a change as two claims; the percentage is the one
 * printed with a % sign. Each is placed in its paragraph, where the reason must follow.
 */
export interface ChangeClaim {
  /** The percentage as printed, with its % sign (“62.33%”). */
  readonly span: Span;
  readonly text: string;
  /** Absolute value of the change in percent. */
  readonly percent: Dec;
  /** The paragraph the claim is in, and where in it the claim ends. */
  readonly piece: TextPiece;
  readonly endInParagraph: number;
}

const PERCENT_SIGN = /^\s*[%％]/;

export function changeClaims(context: RuleContext): ChangeClaim[] {
  const pieces = prosePieces(context.report, context.text);
  const claims: ChangeClaim[] = [];
  for (const claim of context.prose().claims) {
    if (claim.kind !== 'change') continue;
    const sign = PERCENT_SIGN.exec(context.text.slice(claim.span.end, claim.span.end + 4));
    if (!sign) continue;
    const percent = percentValue(claim.text);
    const located = locate(pieces, claim.span.start);
    if (!percent || !located) continue;
    const end = claim.span.end + sign[0].length;
    const endInParagraph = located.index + (end - claim.span.start);
    claims.push({ span: { start: claim.span.start, end }, text: context.text.slice(claim.span.start, end), percent, piece: located.piece, endInParagraph });
  }
  return claims;
}

function percentValue(text: string): Dec | undefined {
  try {
    const value = new Dec(toHalfWidth(text).replace(/[,\s]/g, ''));
    return value.isFinite() ? value.abs() : undefined;
  } catch {
    return undefined;
  }
}

/** The paragraph holding a document offset, and the offset's index in it. */
function locate(pieces: readonly TextPiece[], offset: number): { piece: TextPiece; index: number } | undefined {
  for (const piece of pieces) {
    const start = piece.offsetAt(0);
    const index = offset - start;
    if (index >= 0 && index < piece.value.length && piece.offsetAt(index) === offset) return { piece, index };
  }
  return undefined;
}
