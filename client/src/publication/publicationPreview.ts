import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  PublicationAnchorRequest,
  PublicationHtmlRequest,
  PublicationAnchorParams,
  PublicationHtmlParams,
} from '../../../protocol/src/protocol';
import { fileName } from '../documents';
import { logErrorDetail } from '../output';

/** The webview type; package.json's menus show "打印 / 导出 PDF" when it is the active panel. */
export const PREVIEW_VIEW_TYPE = 'budget.publicationPreview';
/** After the last edit: the preview is rendered again (the whole publication, so not on every key). */
const RENDER_DELAY_MS = 300;
/** After the last cursor move: the preview scrolls to the section or table there. */
const SCROLL_DELAY_MS = 80;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A page for a failed render: text only, nothing allowed. */
function errorPage(message: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${escapeHtml(message)}</p></body></html>`;
}

/**
 * The print preview of one report: a webview beside the editor with the publication as the
 * server renders it (renderHtml: A4 pages, cover, 目录, narrative, tables). The page's CSP
 * allows only the style element and the scroll script carrying this render's nonce; no other
 * script, no resource loads. It is rendered again shortly after edits (only while visible) and
 * scrolls to the section or table under the cursor.
 */
class PublicationPreview implements vscode.Disposable {
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private renders = 0;
  private stale = false;
  private lastAnchor: string | undefined;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(readonly document: vscode.TextDocument, readonly panel: vscode.WebviewPanel, private readonly client: LanguageClient, onDispose: () => void) {
    this.subscriptions.push(
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.scheduleRender(0);
      }),
    );
  }

  private editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    return active?.document === this.document ? active : vscode.window.visibleTextEditors.find((e) => e.document === this.document);
  }

  scheduleRender(delayMs = RENDER_DELAY_MS): void {
    if (this.renderTimer) clearTimeout(this.renderTimer);
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.renderTimer = setTimeout(() => void this.render(), delayMs);
  }

  async render(): Promise<void> {
    this.renderTimer = undefined;
    this.stale = false;
    const id = ++this.renders;
    const editor = this.editor();
    const params: PublicationHtmlParams = {
      uri: this.client.code2ProtocolConverter.asUri(this.document.uri),
      nonce: crypto.randomBytes(16).toString('base64'),
      position: editor ? this.client.code2ProtocolConverter.asPosition(editor.selection.active) : undefined,
    };
    let html: string;
    let anchor: string | undefined;
    try {
      ({ html, anchor } = await this.client.sendRequest(PublicationHtmlRequest.type, params));
    } catch (error) {
      logErrorDetail(vscode.l10n.t('The preview could not be rendered'), error);
      html = errorPage(vscode.l10n.t('The preview could not be rendered; the details are in the output “{0}”', vscode.l10n.t('Budget Reports')));
    }
    // A newer render has started, or the preview was closed, while this one was on its way.
    if (id !== this.renders || this.disposed) return;
    this.panel.webview.html = html;
    // The page scrolls itself to the cursor's anchor on load; the next move is compared with that.
    this.lastAnchor = anchor;
  }

  scheduleScroll(position: vscode.Position): void {
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    if (!this.panel.visible) return;
    this.scrollTimer = setTimeout(() => void this.scrollTo(position), SCROLL_DELAY_MS);
  }

  private async scrollTo(position: vscode.Position): Promise<void> {
    this.scrollTimer = undefined;
    const params: PublicationAnchorParams = { uri: this.client.code2ProtocolConverter.asUri(this.document.uri), position: this.client.code2ProtocolConverter.asPosition(position) };
    const { anchor } = await this.client.sendRequest(PublicationAnchorRequest.type, params);
    // Moves inside the same section leave the preview where the user may have scrolled it.
    if (!anchor || anchor === this.lastAnchor || this.disposed) return;
    this.lastAnchor = anchor;
    void this.panel.webview.postMessage({ type: 'scrollTo', anchor });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.renderTimer) clearTimeout(this.renderTimer);
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}

/** The open previews, one per report, and the editor events that update them. */
export class PublicationPreviews implements vscode.Disposable {
  private readonly previews = new Map<string, PublicationPreview>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.previews.get(event.document.uri.toString())?.scheduleRender();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        this.previews.get(event.textEditor.document.uri.toString())?.scheduleScroll(event.selections[0].active);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.previews.get(document.uri.toString())?.dispose()),
    );
  }

  /** Opens (or reveals) the preview of a report beside its editor. */
  show(document: vscode.TextDocument): vscode.WebviewPanel {
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Preview: {0}', fileName(document.uri)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    const preview = new PublicationPreview(document, panel, this.client, () => {
      if (this.previews.get(key) === preview) this.previews.delete(key);
    });
    this.previews.set(key, preview);
    void preview.render();
    return panel;
  }

  /** The report of the preview that has the focus, if one has. */
  activeDocument(): vscode.TextDocument | undefined {
    for (const preview of this.previews.values()) if (preview.panel.active) return preview.document;
    return undefined;
  }

  dispose(): void {
    for (const preview of [...this.previews.values()]) preview.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

let previews: PublicationPreviews | undefined;

/** The previews of this activation (created with the first one). */
export function publicationPreviews(context: vscode.ExtensionContext, client: LanguageClient): PublicationPreviews {
  if (!previews) {
    const created = new PublicationPreviews(client);
    previews = created;
    context.subscriptions.push(created, { dispose: () => { if (previews === created) previews = undefined; } });
  }
  return previews;
}

export function activePreviewDocument(): vscode.TextDocument | undefined {
  return previews?.activeDocument();
}
