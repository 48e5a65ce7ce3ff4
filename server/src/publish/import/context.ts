import { t } from '../../service/i18n/l10n';
import type { ImportProblem } from './types';

/** Where an importer reports what it could not take over. */
export class SheetContext {
  readonly problems: ImportProblem[] = [];
  constructor(readonly sheet: string, readonly file?: string) {}

  report(cell: string | undefined, message: string): void {
    this.problems.push({ file: this.file, sheet: this.sheet, cell, message: clipMessage(message) });
  }

  notAmount(cell: string, text: string): void {
    this.report(cell, t('"{0}" is not an amount; the cell is left out', text.length > 40 ? text.slice(0, 40) + '…' : text));
  }
}

/**
 * A message quotes cell texts; a cell can hold up to 32,767 characters (and a crafted file more).
 * A long message keeps its start and its end (where it says what happened), not the whole text.
 */
export function clipMessage(message: string, max = 240): string {
  if (message.length <= max) return message;
  const head = Math.floor(max * 0.6);
  return `${message.slice(0, head)}…${message.slice(message.length - (max - head - 1))}`;
}
