import { t } from '../../service/i18n/l10n';
import type { ImportProblem } from '../import/types';
import { importPdfDocument, PdfImport } from '../pdf/importPdf';
import { PdfReadError, readPdf } from './readPdf';

/**
 * Reads a published report's PDF and imports it (tables, narrative, cover). A PDF whose pages
 * carry no text at all is refused plainly (budget-check does no OCR); pages that are only images,
 * or that pdf.js cannot read, are listed with the other problems.
 */
export async function importPdf(source: { readonly file: string; readonly data: Uint8Array }): Promise<PdfImport> {
  let read;
  try {
    read = await readPdf(source.data);
  } catch (error) {
    if (error instanceof PdfReadError) throw new PdfReadError(error.message, error.kind, source.file);
    throw new PdfReadError((error as Error).message, 'malformed', source.file);
  }
  const { document, failedPages, imageOnlyPages } = read;
  const hasText = document.pages.some((page) => page.glyphs.some((g) => g.visible > 0 && !g.space));
  if (!hasText) {
    throw new PdfReadError(
      imageOnlyPages.length
        ? t('the PDF has no text layer: its {0} pages are images (a scanned document). budget-check does not do OCR; import the budget system\'s Excel export or a PDF with text instead', document.pages.length)
        : t('the PDF has no text'),
      'no-text',
      source.file,
    );
  }
  const imported = importPdfDocument(document, source.file);
  const problems: ImportProblem[] = [
    ...failedPages.map((p) => ({ file: source.file, sheet: t('page {0}', p.page), place: t('page {0}', p.page), message: t('The page cannot be read ({0}); nothing is imported from it', p.message) })),
    ...imageOnlyPages.map((page) => ({ file: source.file, sheet: t('page {0}', page), place: t('page {0}', page), message: t('The page is an image without text (scanned?); nothing is imported from it') })),
    ...imported.result.problems,
  ];
  return { ...imported, result: { ...imported.result, problems } };
}

export { PdfReadError };
