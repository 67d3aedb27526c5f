/**
 * Core types of the connect-guard engine. The engine is pure: it imports neither
 * `vscode` nor `vscode-languageserver`. Positions are UTF-16 offsets into the
 * document text; only the edges (CLI, server) turn them into lines and columns.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export type PolicyKind = 'identity' | 'scp' | 'endpoint' | 'resource' | 'trust';
export type DocumentKind = PolicyKind | 'cloudtrail';
export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'scp', 'endpoint', 'resource', 'trust'];
export const ALL_KINDS: readonly DocumentKind[] = [...POLICY_KINDS, 'cloudtrail'];

/** How the kind of a document was decided, strongest first. */
export type KindSource = 'explicit' | 'config' | 'filename' | 'content';

/** One replacement in the document text. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface Fix {
  /** Imperative, shown as the quick-fix title: "Replace with \"Action\"". */
  title: string;
  edits: TextEdit[];
  /** At most one fix per finding is preferred (applied by "fix all" and --fix). */
  preferred?: boolean;
}

export interface RelatedLocation {
  offset: number;
  length: number;
  message: string;
}

export interface Finding {
  /** The rule's stable kebab-case name. */
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Machine-readable extras (principal, eventName, action...) for trees and reports. */
  data?: Record<string, string | number | boolean>;
}

/** What a rule passes to `report`; the engine fills in rule name and severity. */
export interface Report {
  message: string;
  offset: number;
  length: number;
  fixes?: Fix[];
  related?: RelatedLocation[];
  data?: Record<string, string | number | boolean>;
  /** Overrides the rule's default severity for this finding (e.g. per API). */
  severity?: Severity;
}

export interface RuleDocs {
  /** Why it matters, for an Amazon Connect security review. Markdown. */
  rationale: string;
  /** A document that triggers the rule. */
  bad: string;
  /** The same document, corrected. */
  good: string;
  /** How to fix (Markdown). */
  fix: string;
  /** Optional notes: ambiguities in AWS documentation, limits of the check. */
  notes?: string;
}

export interface RuleMeta {
  /** Stable numeric id, e.g. "CG1001". Families: 1xxx grammar, 2xxx IAM semantics, 3xxx Connect, 4xxx CloudTrail, 9xxx engine. */
  id: string;
  /** Stable kebab-case name: public API (settings, SARIF, docs). */
  name: string;
  defaultSeverity: Severity;
  /** One line. */
  short: string;
  /** A paragraph. */
  description: string;
  kinds: readonly DocumentKind[];
  tags: readonly string[];
  /** IAM Access Analyzer checks this rule covers (names from the IAM User Guide). */
  accessAnalyzer?: readonly string[];
  /** Has a mechanical fix. */
  fixable?: boolean;
  docs: RuleDocs;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

import type { JsonDocument } from './json';
import type { PolicyDocument } from './policy';
import type { IamData } from './iam/data';
import type { EngineSettings } from './config';

/** Window on CloudTrail eventTime, ms since the epoch: since inclusive, until exclusive. */
export interface TimeWindow {
  since?: number;
  until?: number;
}

export interface RuleContext {
  readonly text: string;
  readonly kind: DocumentKind;
  readonly kindSource: KindSource;
  readonly json: JsonDocument;
  /** Present for policy kinds (not for cloudtrail). */
  readonly policy: PolicyDocument;
  readonly iam: IamData;
  readonly settings: EngineSettings;
  /** CloudTrail only: records outside this eventTime window are not analysed (CLI --since/--until). */
  readonly cloudtrailWindow?: TimeWindow;
  report(report: Report): void;
}
