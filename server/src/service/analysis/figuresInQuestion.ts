import { formatLike } from '../amount/format';
import type { Cell, Report } from '../model/types';
import { asWritten } from '../rules/evidence/placement';
import { cellLabels } from '../rules/evidence/cellLabels';
import { cellKey } from '../rules/evidence/relationEvidence';

/**
 * What is generated from the data (用数据重新生成本节) must not copy a figure in question: a
 * figure whose relations fail and that no relation confirms (rules/evidence). Whether a section
 * depends on such figures is found by changing them: the text with every figure in question
 * changed by 1000 in its unit generates another section text exactly when the section is written
 * from one of them — the generator's own reading of figures, with nothing to keep in step.
 */
export function textWithFiguresChanged(text: string, cells: readonly Cell[]): string {
  return figuresChanged(text, cells).text;
}

/**
 * The text with every figure in question changed (as textWithFiguresChanged), and where an offset
 * of the original text is in it: what is outside the changed cells only moves.
 */
export function figuresChanged(text: string, cells: readonly Cell[]): { readonly text: string; readonly offset: (original: number) => number } {
  const replaced: Array<{ start: number; end: number; written: string }> = [];
  for (const cell of [...cells].sort((a, b) => a.span.start - b.span.start)) {
    if (replaced.length > 0 && cell.span.start < replaced[replaced.length - 1].end) continue;
    const changed = formatLike(cell.amount.value.plus(1000), cell.amount.blank ? '0.00' : cell.amount.text);
    const written = cell.span.end > cell.span.start ? asWritten(changed, text.slice(cell.span.start, cell.span.end)) : ` ${changed}`;
    replaced.push({ start: cell.span.start, end: cell.span.end, written });
  }
  let result = '';
  let at = 0;
  for (const r of replaced) {
    result += text.slice(at, r.start) + r.written;
    at = r.end;
  }
  result += text.slice(at);
  const offset = (original: number): number => {
    let delta = 0;
    for (const r of replaced) {
      if (r.end > original) break;
      delta += r.written.length - (r.end - r.start);
    }
    return original + delta;
  };
  return { text: result, offset };
}

/** The figures in question as a message names them (at most three). */
export function figuresNamed(report: Report, cells: readonly Cell[]): string {
  const labels = cellLabels(report, new Set(cells.map(cellKey)));
  const named = cells.slice(0, 3).map((cell) => `${labels.get(cellKey(cell)) ?? cell.key} ${cell.amount.text.trim()}`);
  return named.join('、') + (cells.length > 3 ? ' …' : '');
}
