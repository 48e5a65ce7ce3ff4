import { TextEdit } from 'vscode-languageserver-types';
import { toCheckSettings } from '../../service/settings';
import { CodeListRequest, InsertCodeRequest } from '../../../../protocol/src/protocol';
import { codeInsertionEdits } from './codeInsertion';
import { codeList } from './codeList';
import type { ServerContext } from './serverContext';

/** The code picker of the editor: the codes valid at a position (codeList.ts), and the edits that write one into its row (codeInsertion.ts). */
export function registerCodeRequests(context: ServerContext): void {
  const { connection, state } = context;

  connection.onRequest(CodeListRequest.type, (params, token) =>
    context.withDocument(params.uri, token, { codes: [] }, (document, request) => {
      const offset = params.position ? document.offsetAt(params.position) : undefined;
      return codeList(request.service.codeTables, state.analyses.parsed(document, request.service), offset, toCheckSettings(request.settings).codeYear);
    }),
  );

  connection.onRequest(InsertCodeRequest.type, (params, token) =>
    context.withDocument<TextEdit[]>(params.uri, token, [], (document) =>
      codeInsertionEdits(document.getText(), document.offsetAt(params.position), String(params.code), String(params.name)).map((e) =>
        TextEdit.replace({ start: document.positionAt(e.span.start), end: document.positionAt(e.span.end) }, e.newText),
      ),
    ),
  );
}
