import { t } from '../../service/i18n/l10n';
import { PlainError } from '../../service/i18n/plainError';
import { FontInfo, interpretOperators, Matrix, Operator } from '../pdf/operators';
import type { PdfDocument, PdfPage } from '../pdf/types';
import { CMapReader } from './pdfCMaps';

/**
 * Reads a PDF with Mozilla's pdf.js (pdfjs-dist, legacy build for Node): for every page the
 * operator list (the parsed content stream) and the fonts it uses, turned into glyphs and ruling
 * lines by pdf/operators.ts. Nothing is rendered, no script runs (isEvalSupported: false), no
 * font or file is fetched; the "worker" runs in this thread. Predefined CJK CMaps come from
 * pdfCMaps.ts (node_modules in a checkout, one packed file in the package).
 */

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export type PdfErrorKind = 'not-pdf' | 'truncated' | 'encrypted' | 'malformed' | 'no-text';

/** A PDF that cannot be imported; its message is written for the user (a PlainError). */
export class PdfReadError extends PlainError {
  constructor(message: string, readonly kind: PdfErrorKind, file?: string) {
    super(message, file);
    this.name = 'PdfReadError';
  }
}

let loading: Promise<Pdfjs> | undefined;

/**
 * Loads pdf.js once. Two side effects of the legacy build are undone:
 * - its module prints warnings with console.log while it loads (it looks for an optional canvas
 *   package to render with, which reading text does not need): those lines are kept off stdout,
 *   which may carry the imported report;
 * - its bundled core-js replaces Array.prototype.push and JSON.parse of the whole process with
 *   slower spec-edge-case versions (Node's own are fine for pdf.js): the natives are put back,
 *   so that the checker running after an import in the same process keeps its speed.
 */
function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const log = console.log;
    const push = Array.prototype.push;
    const parse = JSON.parse;
    console.log = (...args: unknown[]): void => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      log(...args);
    };
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      Array.prototype.push = push;
      JSON.parse = parse;
    }
  })();
  return loading;
}

/** Checks the envelope of the file before pdf.js repairs what it can: a PDF header, and an %%EOF near the end. */
function checkEnvelope(data: Uint8Array): void {
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new PdfReadError(t('not a PDF file (no %PDF- header)'), 'not-pdf');
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new PdfReadError(t('the PDF file is truncated (it does not end with %%EOF)'), 'truncated');
}

const OPERATOR_NAMES = new Map<number, string>();

function operatorName(pdf: Pdfjs, code: number): string {
  if (OPERATOR_NAMES.size === 0) for (const [name, value] of Object.entries(pdf.OPS)) OPERATOR_NAMES.set(value as number, name);
  return OPERATOR_NAMES.get(code) ?? String(code);
}

/** The operator list as named operators; the sub-path operators of constructPath named too. */
function* namedOperators(pdf: Pdfjs, list: { fnArray: number[]; argsArray: unknown[] }): Iterable<Operator> {
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = operatorName(pdf, list.fnArray[i]);
    let args = list.argsArray[i] as unknown[] | null;
    if (op === 'constructPath' && args && Array.isArray(args[0])) {
      args = [(args[0] as number[]).map((code) => operatorName(pdf, code)), ...args.slice(1)];
    }
    yield { op, args };
  }
}

export interface PdfReadResult {
  readonly document: PdfDocument;
  /** Pages that could not be read, with the reason. */
  readonly failedPages: ReadonlyArray<{ readonly page: number; readonly message: string }>;
  /** Pages that paint images but print no text (scanned pages). */
  readonly imageOnlyPages: readonly number[];
}

/** Reads the glyphs and rules of every page. Throws PdfReadError when the file cannot be opened. */
export async function readPdf(data: Uint8Array): Promise<PdfReadResult> {
  checkEnvelope(data);
  const pdf = await pdfjs();
  const task = pdf.getDocument({
    // pdf.js takes ownership of the buffer it is given: it gets a copy.
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: pdf.VerbosityLevel.ERRORS,
    CMapReaderFactory: CMapReader as never,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfReadError(t('the PDF is encrypted with a password; budget-check cannot open it'), 'encrypted');
    throw new PdfReadError(t('the PDF cannot be read: {0}', (error as Error).message), 'malformed');
  }
  const pages: PdfPage[] = [];
  const failedPages: Array<{ page: number; message: string }> = [];
  const imageOnlyPages: number[] = [];
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const list = await page.getOperatorList({ annotationMode: pdf.AnnotationMode.DISABLE });
        const fonts = (name: string): FontInfo | undefined => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo) : undefined);
        const content = interpretOperators(namedOperators(pdf, list), fonts, { transform: viewport.transform as unknown as Matrix, width: viewport.width, height: viewport.height });
        const images = list.fnArray.filter((code) => /^paint(Inline)?Image/.test(operatorName(pdf, code))).length;
        if (images > 0 && !content.glyphs.some((g) => g.visible > 0 && !g.space)) imageOnlyPages.push(number);
        pages.push({ number, width: viewport.width, height: viewport.height, glyphs: content.glyphs, rules: content.rules });
        page.cleanup();
      } catch (error) {
        failedPages.push({ page: number, message: (error as Error).message });
      }
    }
  } finally {
    await doc.destroy();
  }
  return { document: { pages }, failedPages, imageOnlyPages };
}
