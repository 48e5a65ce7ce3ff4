import { REGENERATE_SECTION_COMMAND } from '../../../../protocol/src/protocol';
import { sectionCodeActions } from './narrativeRequests';
import type { ServerContext } from './serverContext';
import { refreshCodeActions } from './yearRequests';

/**
 * The LSP features of an open document: each a call into the analysis of its version (cached
 * per version), run in the document's locale. Code actions add the narrative's "用数据重新生成本节"
 * and the refresh of mismatched numbers to the fixes of the findings.
 */
export function registerFeatureHandlers(context: ServerContext): void {
  const { connection, state } = context;
  const { analyses } = state;

  connection.onCompletion((params, token) =>
    context.withDocument(params.textDocument.uri, token, null, (document, request) => analyses.analysis(document, request).complete(document, params.position)),
  );

  connection.onHover((params, token) =>
    context.withDocument(params.textDocument.uri, token, null, (document, request) => analyses.analysis(document, request).hover(document, params.position)),
  );

  connection.onCodeAction((params, token) =>
    context.withDocument(params.textDocument.uri, token, [], (document, request, snapshot) => {
      // The findings of exactly this version: their spans are the offsets the fixes edit.
      const analysis = analyses.analysis(document, request);
      const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
      const actions = analysis.codeActions(document, span);
      try {
        const { clientCommands } = snapshot.options;
        const clientCommand = Array.isArray(clientCommands) && clientCommands.includes(REGENERATE_SECTION_COMMAND);
        actions.push(...sectionCodeActions(document, analysis, params.range, params.context?.only, { clientCommand, disabledSupport: snapshot.client.codeActionDisabledSupport }));
      } catch (error) {
        context.logError(`narrative code action on ${params.textDocument.uri}`, error);
      }
      try {
        if (!params.context?.only?.length || params.context.only.some((kind) => kind === 'quickfix' || kind === '')) actions.push(...refreshCodeActions(document, analysis, params.range));
      } catch (error) {
        context.logError(`refresh code action on ${params.textDocument.uri}`, error);
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    context.withDocument(params.textDocument.uri, token, [], (document, request) => analyses.analysis(document, request).symbols(document)),
  );

  connection.onFoldingRanges((params, token) =>
    context.withDocument(params.textDocument.uri, token, [], (document, request) => analyses.analysis(document, request).folding(document)),
  );
}
