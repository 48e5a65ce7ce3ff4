import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../service/document';
import { describeError } from '../../service/i18n/plainError';
import { anchorAt, publicationAnchors, renderHtml, scrollScript } from '../../publish';
import { PrintPdfRequest, PrintPdfResult, PublicationAnchorRequest, PublicationAnchorResult, PublicationHtmlRequest, PublicationHtmlResult } from '../../../../protocol/src/protocol';
import type { ServerContext } from './serverContext';

/**
 * The print publication for the editor (issue 9): HTML for a webview preview (with a strict
 * Content-Security-Policy: only the nonce'd style element and scroll script may run, nothing may
 * be loaded), the anchor under the cursor, and a PDF printed by headless chromium.
 */

/** A webview nonce: base64 of at least 12 random bytes. Anything else could break out of the CSP attribute. */
export function validNonce(nonce: unknown): nonce is string {
  return typeof nonce === 'string' && /^[A-Za-z0-9+/]{16,}={0,2}$/.test(nonce);
}

export function webviewCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
}

/** Space beside the pages on screen, in CSS pixels. */
const PAGE_MARGIN_PX = 16;

/**
 * The scroll script; a zoom that fits the widest page into the width of the panel (a preview beside
 * the editor is narrower than a page; set through the CSSOM, which the CSP allows); and a first
 * scroll to `anchor` when the page loads (the same handler, fed directly): a re-rendered preview
 * shows where the cursor is without waiting for a message, which a page still loading would miss.
 */
function previewScript(anchor: string | undefined): string {
  const lines = [
    scrollScript(),
    // The widest page decides: a landscape table page (297 mm) must fit as well as a portrait one.
    `const fitWidth = () => { document.body.style.zoom = '1'; const widest = Math.max(1, ...Array.from(document.querySelectorAll('.cover, .toc, .part:not(:has(> .table-page)), .table-page'), (e) => e.offsetWidth)); document.body.style.zoom = String(Math.max(0.3, Math.min(1, (window.innerWidth - ${PAGE_MARGIN_PX}) / widest))); };`,
    "fitWidth();",
    "window.addEventListener('resize', fitWidth);",
  ];
  // Anchors are ids the renderer made (sec-1-2, table-summary); escaped all the same.
  if (anchor) lines.push(`window.dispatchEvent(new MessageEvent('message', { data: { type: 'scrollTo', anchor: ${JSON.stringify(anchor).replace(/</g, '\\u003c')} } }));`);
  return lines.join('\n');
}

export function publicationHtml(document: TextDocument, parsed: ParsedDocument, version: number | null, nonce?: string, offset?: number): PublicationHtmlResult {
  const report = parsed.report;
  const ranges = publicationAnchors(report);
  const anchor = nonce && offset !== undefined ? anchorAt(ranges, offset) : undefined;
  const html = nonce
    ? renderHtml(report, { nonce, head: `<meta http-equiv="Content-Security-Policy" content="${webviewCsp(nonce)}">`, script: previewScript(anchor) })
    : renderHtml(report);
  const anchors = ranges.map((a) => ({ range: Range.create(document.positionAt(a.start), document.positionAt(a.end)), anchor: a.anchor, title: a.title }));
  return { version, html, anchor, anchors };
}

export function publicationAnchor(parsed: ParsedDocument, offset: number): PublicationAnchorResult {
  return { anchor: anchorAt(publicationAnchors(parsed.report), offset) };
}

/**
 * Prints the publication to a PDF in a temporary directory and answers with its content; the
 * client decides where it goes. The printing code (child_process) is loaded on first use.
 */
export async function publicationPdf(parsed: ParsedDocument): Promise<PrintPdfResult> {
  const { findChromium, printPdf } = await import('../../publish/node/printPdf');
  const chromium = findChromium();
  if (!chromium) return { chromium: false };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'budget-print-'));
  try {
    const htmlFile = path.join(dir, 'publication.html');
    const pdfFile = path.join(dir, 'publication.pdf');
    await fs.promises.writeFile(htmlFile, renderHtml(parsed.report));
    await printPdf(htmlFile, pdfFile, chromium);
    return { chromium: true, data: (await fs.promises.readFile(pdfFile)).toString('base64') };
  } catch (error) {
    return { chromium: true, error: describeError('print', error) };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The preview's HTML, the anchor under the cursor, and the PDF: of the open document, or of a report sent as text. */
export function registerPublicationRequests(context: ServerContext): void {
  const { connection, state } = context;

  connection.onRequest(PublicationHtmlRequest.type, async (params): Promise<PublicationHtmlResult> => {
    if (params?.nonce !== undefined && !validNonce(params.nonce)) throw new ResponseError(ErrorCodes.InvalidParams, 'the nonce must be base64 of at least 12 bytes');
    const { document, parsed, version } = await context.requireReport(params?.uri, params?.text);
    const offset = params.nonce && params.position ? document.offsetAt(params.position) : undefined;
    return publicationHtml(document, parsed, version, params.nonce, offset);
  });

  connection.onRequest(PublicationAnchorRequest.type, (params, token) =>
    context.withDocument<PublicationAnchorResult>(params?.uri, token, {}, (document, request) =>
      publicationAnchor(state.analyses.parsed(document, request.service), document.offsetAt(params.position)),
    ),
  );

  connection.onRequest(PrintPdfRequest.type, async (params): Promise<PrintPdfResult> => {
    const { parsed } = await context.requireReport(params?.uri, params?.text);
    return publicationPdf(parsed);
  });
}
