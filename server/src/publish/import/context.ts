import { t } from '../../service/i18n/l10n';
import type { ImportProblem } from './types';

/** Where an importer reports what it could not take over. */
export class SheetContext {
  readonly problems: ImportProblem[] = [];
  constructor(readonly sheet: string, readonly file?: string) {}

  report(cell: string | undefined, message: string): void {
    this.problems.push({ file: this.file, sheet: this.sheet, cell, message });
  }

  notAmount(cell: string, text: string): void {
    this.report(cell, t('"{0}" is not an amount; the cell is left out', text.length > 40 ? text.slice(0, 40) + '…' : text));
  }
}
