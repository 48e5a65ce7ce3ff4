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
  let result = text;
  for (const cell of [...cells].sort((a, b) => b.span.start - a.span.start)) {
    const changed = formatLike(cell.amount.value.plus(1000), cell.amount.blank ? '0.00' : cell.amount.text);
    const written = cell.span.end > cell.span.start ? asWritten(changed, text.slice(cell.span.start, cell.span.end)) : ` ${changed}`;
    result = result.slice(0, cell.span.start) + written + result.slice(cell.span.end);
  }
  return result;
}

/** The figures in question as a message names them (at most three). */
export function figuresNamed(report: Report, cells: readonly Cell[]): string {
  const labels = cellLabels(report, new Set(cells.map(cellKey)));
  const named = cells.slice(0, 3).map((cell) => `${labels.get(cellKey(cell)) ?? cell.key} ${cell.amount.text.trim()}`);
  return named.join('、') + (cells.length > 3 ? ' …' : '');
}
