import type { ServerContext } from './serverContext';
import type { Validator } from './validation';

/**
 * Documents in sync with the editor: an opened document is validated at once, an edited one
 * after a wait that follows the cost of its last check (edits in a burst coalesce), a closed one
 * loses its analysis and its diagnostics (or is checked from disk again when "check all reports"
 * published it).
 */
export function registerDocumentHandlers(context: ServerContext, validator: Validator): void {
  const { connection, state } = context;

  connection.onDidOpenTextDocument(({ textDocument }) => {
    state.analyses.delete(textDocument.uri);
    state.documents.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    validator.scheduler.schedule(textDocument.uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const outcome = state.documents.change(textDocument.uri, textDocument.version, contentChanges);
    if (outcome === 'applied') validator.scheduler.schedule(textDocument.uri, state.delays.delay(textDocument.uri));
    else context.log(`ignored a ${outcome} change of ${textDocument.uri} (version ${textDocument.version}, have ${state.documents.get(textDocument.uri)?.version ?? 'none'})`);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const uri = textDocument.uri;
    validator.scheduler.cancel(uri);
    state.documents.close(uri);
    state.analyses.delete(uri);
    state.delays.forget(uri);
    state.settings.delete(uri);
    if (state.workspaceReports.has(uri)) validator.recheckFromDisk(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
}
