import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export type ChangeOutcome = 'applied' | 'stale' | 'unknown';

/**
 * The open documents, kept in sync with incremental changes. Unlike the stock TextDocuments
 * manager it refuses a change whose version is not newer than the document's (a late or
 * repeated message): applying it would corrupt the text or bring back an older one.
 */
export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    return document;
  }

  change(uri: string, version: number | null | undefined, changes: readonly TextDocumentContentChangeEvent[]): ChangeOutcome {
    const document = this.documents.get(uri);
    if (!document) return 'unknown';
    if (typeof version !== 'number' || version <= document.version) return 'stale';
    this.documents.set(uri, TextDocument.update(document, [...changes], version));
    return 'applied';
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }
}
