import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

/**
 * The extension's own output channel: what an import could not take over (sheet!cell), the
 * sections generation left as written, export problems. Kept apart from the language server's
 * log so that these lists are readable.
 */
export function budgetOutput(context: vscode.ExtensionContext): vscode.OutputChannel {
  if (!channel) {
    const created = vscode.window.createOutputChannel(vscode.l10n.t('Budget Reports'));
    channel = created;
    context.subscriptions.push(created, { dispose: () => { if (channel === created) channel = undefined; } });
  }
  return channel;
}

/** Writes a titled block of lines to the channel, with the time. */
export function writeBlock(output: vscode.OutputChannel, title: string, lines: readonly string[]): void {
  output.appendLine(`[${new Date().toLocaleTimeString()}] ${title}`);
  for (const line of lines) output.appendLine(`  ${line}`);
  output.appendLine('');
}

/**
 * An error's detail (its stack, or the server's message) for whoever looks into it: in this
 * channel, or the extension host's log before the channel exists. The person is shown a plain
 * message instead.
 */
export function logErrorDetail(title: string, error: unknown): void {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  if (channel) writeBlock(channel, title, detail.split('\n'));
  else console.error(`${title}: ${detail}`);
}
