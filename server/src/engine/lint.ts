import { parseJson, JsonDocument } from './json';
import { dropFixesOnBrokenStructure } from './fixGuard';
import { readPolicy, PolicyDocument } from './policy';
import { meantElement } from './rules/grammar/util';
import { loadIamData, IamData } from './iam/data';
import { resolveKind, resolveKindWithoutTree, ResolvedKind, KIND_LABEL } from './kinds';

export { KIND_LABEL };
import { RULES } from './registry';
import { DEFAULT_SETTINGS, EngineSettings } from './config';
import { DocumentKind, Finding, KindSource, Report, Rule, RuleContext, SEVERITY_ORDER, TimeWindow } from './types';
import { lintCloudTrailSteps } from './cloudtrail/lintCloudTrail';
import { drain } from './cloudtrail/analyse';

export interface LintOptions {
  /** Explicit kind (CLI --kind, editor language mode): strongest. */
  kind?: DocumentKind;
  /** Kind from configuration globs. */
  configKind?: DocumentKind;
  /** Used for file-name conventions. */
  fileName?: string;
  settings?: EngineSettings;
  /** Defaults to the bundled catalogue. */
  iam?: IamData;
  /** Defaults to every rule. */
  rules?: readonly Rule[];
  /** Called when a rule throws (the finding is reported anyway). */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** CloudTrail only: analyse records whose eventTime is in this window (CLI --since/--until). */
  cloudtrailWindow?: TimeWindow;
}

export interface LintResult {
  kind: DocumentKind;
  kindSource: KindSource;
  kindReason: string;
  findings: Finding[];
}

/** Lints one document. Never throws for any input text. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return drain(lintSteps(text, options));
}

/**
 * `lint` as a generator: a CloudTrail log yields every few hundred records so that an
 * editor can interleave other documents and abandon stale runs (stop calling `next`);
 * policies complete in the first step. The result is the generator's return value.
 */
export function* lintSteps(text: string, options: LintOptions = {}): Generator<void, LintResult> {
  // CloudTrail logs are analysed record by record, without a syntax tree of the whole
  // text; so the kind is decided first without one when name, settings or a sniff allow.
  const early = resolveKindWithoutTree({ explicit: options.kind, configKind: options.configKind, fileName: options.fileName, text });
  if (early?.kind === 'cloudtrail') return withKindFinding(yield* lintCloudTrailSteps(text, early.source, options), early, options);
  const json = parseJson(text);
  const resolved = early ?? resolveKind({ explicit: options.kind, configKind: options.configKind, fileName: options.fileName, root: json.root, text });
  const findings = resolved.kind === 'cloudtrail' ? yield* lintCloudTrailSteps(text, resolved.source, options, json) : runRules(text, json, resolved.kind, resolved.source, options);
  return withKindFinding(findings, resolved, options);
}

export function withKindFinding(findings: Finding[], resolved: ResolvedKind, options: LintOptions): LintResult {
  if (resolved.source === 'content' && severityOf('document-kind', 'info', options.settings) !== 'off') {
    findings.unshift({
      rule: 'document-kind',
      severity: severityOf('document-kind', 'info', options.settings) as Finding['severity'],
      message: `Checked as ${KIND_LABEL[resolved.kind]} because ${resolved.reason}. Name the file after its kind or set it in .connectguard.json to be sure.`,
      offset: 0,
      length: 0,
      data: { kind: resolved.kind },
    });
  }
  return { kind: resolved.kind, kindSource: resolved.source, kindReason: resolved.reason, findings };
}


function severityOf(name: string, dflt: Finding['severity'], settings?: EngineSettings): Finding['severity'] | 'off' {
  return settings?.rules[name] ?? dflt;
}

export function runRules(text: string, json: JsonDocument, kind: DocumentKind, kindSource: KindSource, options: LintOptions): Finding[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const iam = options.iam ?? loadIamData();
  const policy: PolicyDocument = kind === 'cloudtrail' ? readPolicy(undefined) : readPolicy(json.root, meantElement(kind));
  const findings: Finding[] = [];
  // One context for all rules (rules report synchronously, inside `check`): reporting goes
  // to the rule that is running.
  let rule: Rule;
  let configured: string | undefined;
  const ctx: RuleContext = {
    text,
    kind,
    kindSource,
    json,
    policy,
    iam,
    settings,
    cloudtrailWindow: options.cloudtrailWindow,
    report(r: Report) {
      findings.push(toFinding(rule, r, configured));
    },
  };
  for (rule of options.rules ?? RULES) {
    if (!rule.kinds.includes(kind)) continue;
    configured = settings.rules[rule.name];
    if (configured === 'off') continue;
    try {
      rule.check(ctx);
    } catch (error) {
      reportRuleError(rule, error, options, settings, findings);
    }
  }
  dropFixesOnBrokenStructure(findings, json);
  return sortFindings(findings, text.length, text);
}

/** The `internal-error` finding for a rule that threw; the other rules' findings stand. */
export function reportRuleError(rule: Rule, error: unknown, options: LintOptions, settings: EngineSettings, findings: Finding[]): void {
  options.onRuleError?.(rule, error);
  if (settings.rules['internal-error'] === 'off') return;
  findings.push({
    rule: 'internal-error',
    severity: (settings.rules['internal-error'] as Finding['severity']) ?? 'error',
    message: `Rule ${rule.name} failed on this document (${error instanceof Error ? error.message : String(error)}); its findings are missing. Other rules ran.`,
    offset: 0,
    length: 0,
    data: { failedRule: rule.name },
  });
}

export function toFinding(rule: Rule, r: Report, configured: string | undefined): Finding {
  const f: Finding = {
    rule: rule.name,
    severity: (configured as Finding['severity'] | undefined) ?? r.severity ?? rule.defaultSeverity,
    message: r.message,
    offset: r.offset,
    length: r.length,
  };
  if (r.fixes?.length) f.fixes = r.fixes;
  if (r.related?.length) f.related = r.related;
  if (r.data) f.data = r.data;
  return f;
}

/** Clamps ranges into the document and orders by position, then severity, then rule. */
export function sortFindings(findings: Finding[], textLength: number, text?: string): Finding[] {
  for (const f of findings) {
    f.offset = Math.max(0, Math.min(f.offset, textLength));
    f.length = Math.max(0, Math.min(f.length, textLength - f.offset));
    if (text !== undefined) widenToWholeCharacters(f, text);
  }
  return findings.sort((a, b) => a.offset - b.offset || SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || a.length - b.length);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A range never starts or ends between the two halves of a surrogate pair (one character). */
function widenToWholeCharacters(f: Finding, text: string): void {
  if (f.offset > 0 && isLow(text.charCodeAt(f.offset)) && isHigh(text.charCodeAt(f.offset - 1))) {
    f.offset--;
    f.length++;
  }
  const end = f.offset + f.length;
  if (end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) f.length++;
}
