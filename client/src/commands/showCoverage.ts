import * as vscode from 'vscode';
import { COVERAGE_VIEW_ID } from '../coverageView';
import type { BudgetCommand } from './command';

/** Reveals the "检查覆盖情况" view (which rules passed, failed, could not check, …). */
export const showCoverage: BudgetCommand = {
  id: 'budget.showCoverage',
  async run() {
    await vscode.commands.executeCommand(`${COVERAGE_VIEW_ID}.focus`);
  },
};
