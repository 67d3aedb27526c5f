import * as vscode from 'vscode';
import { Counts, countsLabel, statusText } from './findingsModel';
import { FINDINGS_VIEW } from './ids';

/** Error and warning counts of connect-guard findings; a click opens the findings tree. */
export function createStatusBar(): { update(c: Counts): void; item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('connectGuard.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'connect-guard';
  item.command = `${FINDINGS_VIEW}.focus`;
  const update = (c: Counts) => {
    item.text = statusText(c);
    item.tooltip = `connect-guard: ${countsLabel(c)}. Click to open the findings tree.`;
    item.show();
  };
  return { update, item };
}
