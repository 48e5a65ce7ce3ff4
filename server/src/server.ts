import { Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import * as fs from 'fs';
import * as path from 'path';
import { createStdioConnection } from './node/lsp/stdioFraming';
import { registerHandlers } from './node/lsp/handlers';
import { ServerContext } from './node/lsp/serverContext';
import { ServerState } from './node/lsp/serverState';

/**
 * The budget language server: LSP wiring only. Every feature is a call into the language
 * service (service/budgetService.ts) made by a handler module of node/lsp/ (registered by
 * handlers.ts); the server's state (documents, analyses cached per version, settings, the
 * snapshot each request reads) is one ServerState. The messages beyond LSP are declared once in
 * protocol/, shared with the VS Code client.
 */

export function startServer(connection: Connection): void {
  registerHandlers(new ServerContext(connection, new ServerState()), readVersion);
  connection.listen();
}

function readVersion(): string {
  try {
    // The manifest sits at the package root, above out/server/src or dist.
    for (const candidate of ['../../../package.json', '../package.json']) {
      const file = path.join(__dirname, candidate);
      if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version ?? '';
    }
  } catch {
    // The version is informational only.
  }
  return '';
}

const USAGE = 'usage: budget-language-server --stdio | --node-ipc | --socket=PORT';

if (process.argv.includes('--version')) {
  process.stdout.write(readVersion() + '\n');
} else if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(USAGE + '\n');
  process.exitCode = 2;
} else {
  // Over stdio, a header block without Content-Length is skipped instead of stalling the reader.
  const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
  // A bug must cost one answer, never the server: log it and carry on.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
  startServer(connection);
}
