/** Ids contributed in package.json; one place, so code and manifest cannot drift (a unit test compares them). */
export const VIEW_CONTAINER = 'connectGuard';
export const FINDINGS_VIEW = 'connectGuard.findings';
export const OUTPUT_NAME = 'connect-guard';
export const CONFIG_SECTION = 'connectGuard';

export const COMMAND = {
  scanWorkspace: 'connectGuard.scanWorkspace',
  insertTemplate: 'connectGuard.insertTemplate',
  addTagCondition: 'connectGuard.addTagCondition',
  scopeToInstance: 'connectGuard.scopeToInstance',
  showRuleDocumentation: 'connectGuard.showRuleDocumentation',
  restartServer: 'connectGuard.restartServer',
  toggleGrouping: 'connectGuard.toggleGrouping',
  disableRule: 'connectGuard.disableRule',
  applyFix: 'connectGuard.applyFix',
  showOutput: 'connectGuard.showOutput',
  revealFinding: 'connectGuard.revealFinding',
  generatePolicy: 'connectGuard.generatePolicy',
  checkActivity: 'connectGuard.checkActivity',
} as const;
