import * as vscode from 'vscode';
import type { BudgetCommand, CommandServices } from './command';
import { budgetOutput, logErrorDetail } from '../output';
import { checkWorkspace } from './checkWorkspace';
import { insertCode } from './insertCode';
import { showSummary } from './showSummary';
import { showCoverage } from './showCoverage';
import { generateNarrative } from './generateNarrative';
import { regenerateSection } from './regenerateSection';
import { importExcel } from './importExcel';
import { exportExcel } from './exportExcel';
import { previewPublication } from './previewPublication';
import { printPublication } from './printPublication';
import { newReport } from './newReport';
import { refreshNumbers } from './refreshNumbers';
import { nextYearReport } from './nextYearReport';

/** Every command of the extension; each id is contributed in package.json. */
export const COMMANDS: readonly BudgetCommand[] = [
  checkWorkspace, insertCode, showSummary, showCoverage,
  generateNarrative, regenerateSection, importExcel, exportExcel, previewPublication, printPublication, newReport,
  refreshNumbers, nextYearReport,
];

export function registerCommands(services: CommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    ...COMMANDS.map((command) =>
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.run(services, ...args);
        } catch (error) {
          // A plain message; the internal detail goes to the output channel.
          budgetOutput(services.context);
          logErrorDetail(command.id, error);
          void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed; the details are in the output “{1}”', command.id, vscode.l10n.t('Budget Reports')));
          return undefined;
        }
      }),
    ),
  );
}
