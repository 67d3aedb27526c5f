/**
 * Custom requests between the client and the server. Pure declarations (no imports),
 * shared by both sides so names and shapes cannot drift.
 */

export const SCAN_WORKSPACE = 'connectGuard/scanWorkspace';
export interface ScanWorkspaceResult {
  files: number;
  findings: number;
  skipped: number;
}

export const REFACTOR = 'connectGuard/refactor';
export type RefactorParams =
  | { uri: string; kind: 'template'; templateId: string }
  | { uri: string; kind: 'tagCondition'; position: { line: number; character: number }; tagKey?: string }
  | { uri: string; kind: 'scopeToInstance'; position: { line: number; character: number }; instanceArn: string };
export interface RefactorResult {
  /** An LSP WorkspaceEdit (kept structural here to avoid importing the protocol package). */
  edit?: { changes: Record<string, { range: unknown; newText: string }[]> };
  /** Why nothing could be done, for the user. */
  problem?: string;
}

/** Server health for tests and bug reports: the longest the main thread was blocked since the last reset. */
export const STATS = 'connectGuard/stats';
export interface StatsResult {
  maxEventLoopDelayMs: number;
}

export const LIST_TEMPLATES = 'connectGuard/listTemplates';
export interface TemplateSummary {
  id: string;
  label: string;
  description: string;
}

/** What a diagnostic carries in `data`, so code actions and the findings tree need no server state. */
export interface DiagnosticData {
  rule: string;
  fixes?: { title: string; preferred?: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[];
  /** The finding's machine-readable extras (CloudTrail: principal, eventName...). */
  info?: Record<string, string | number | boolean>;
}

/** Client-side command ids the server's code actions invoke. */
export const CLIENT_COMMANDS = {
  disableRule: 'connectGuard.disableRule',
  scopeToInstance: 'connectGuard.scopeToInstance',
  addTagCondition: 'connectGuard.addTagCondition',
  showRuleDocs: 'connectGuard.showRuleDocumentation',
} as const;

export const SOURCE = 'connect-guard';
export const FIX_ALL_KIND = 'source.fixAll.connect-guard';

/** Generates a least-privilege policy from the CloudTrail records of an open document. */
export const GENERATE_POLICY = 'connectGuard/generatePolicy';
export interface GeneratePolicyParams {
  uri: string;
  /** Principal ARN patterns or session names; empty for every principal. */
  principals?: string[];
}
export interface GeneratePolicyResult {
  text?: string;
  /** Why no policy could be generated. */
  problem?: string;
  /** Remarks for the user (unmapped events, wildcarded identifiers). */
  notes: string[];
}

/** Compares an open policy with CloudTrail files on disk; findings join the policy's diagnostics. */
export const CHECK_ACTIVITY = 'connectGuard/checkActivity';
export interface CheckActivityParams {
  uri: string;
  /** Absolute paths of CloudTrail files or folders. */
  logPaths: string[];
  principals?: string[];
}
export interface CheckActivityResult {
  /** One line for the user. */
  summary: string;
  problems: string[];
}
