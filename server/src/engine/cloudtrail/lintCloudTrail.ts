import { parseJson, JsonDocument, Node } from '../json';
import { loadIamData } from '../iam/data';
import { DEFAULT_SETTINGS } from '../config';
import { RULES } from '../registry';
import { Finding, KindSource, Report, Rule, RuleContext } from '../types';
import { readPolicy } from '../policy';
import { jsonSyntax } from '../rules/grammar/jsonSyntax';
import type { LintOptions } from '../lint';
import { reportRuleError, sortFindings, toFinding } from '../lint';
import { ActiveVisitor, CloudTrailRun, drain, isCloudTrailRule, runCloudTrailSteps } from './analyse';
import { CloudTrailScanner } from './scanner';

const NO_POLICY = readPolicy(undefined);

/**
 * Lints a CloudTrail text in one pass over its records (see `CloudTrailScanner`). Rules
 * that are not record rules get a JSON document whose syntax errors come from the scan
 * and whose tree is built only if such a rule asks for it. `json` is passed when the
 * caller already parsed the whole text (the kind was guessed from the tree).
 */
export function lintCloudTrail(text: string, kindSource: KindSource, options: LintOptions, json?: JsonDocument): Finding[] {
  return drain(lintCloudTrailSteps(text, kindSource, options, json));
}

/** `lintCloudTrail` as a generator that yields every few hundred records (see `runCloudTrailSteps`). */
export function* lintCloudTrailSteps(text: string, kindSource: KindSource, options: LintOptions, json?: JsonDocument): Generator<void, Finding[]> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const findings: Finding[] = [];
  const scanner = new CloudTrailScanner(text);
  const run: CloudTrailRun = { text, scanner, window: options.cloudtrailWindow };
  let full: JsonDocument | undefined = json;
  const fullJson = () => (full ??= parseJson(text));
  const lazyJson: JsonDocument = {
    text,
    get root(): Node | undefined {
      return json ? json.root : fullJson().root;
    },
    get errors() {
      return json ? json.errors : scanner.syntaxErrors;
    },
    get comments() {
      return json ? json.comments : scanner.comments;
    },
  };
  // json-syntax reads the root only to tell an empty document; a shallow stand-in avoids a tree of the whole log.
  const shallowJson = (): JsonDocument => json ?? { text, root: /\S/.test(text) ? ({ type: 'object', offset: 0, length: text.length } as Node) : undefined, errors: scanner.syntaxErrors, comments: scanner.comments };

  const context = (rule: Rule, jsonDoc: () => JsonDocument): RuleContext => {
    const configured = settings.rules[rule.name];
    return {
      text,
      kind: 'cloudtrail',
      kindSource,
      get json() {
        return jsonDoc();
      },
      policy: NO_POLICY,
      get iam() {
        return options.iam ?? loadIamData();
      },
      settings,
      cloudtrailWindow: options.cloudtrailWindow,
      report(r: Report) {
        findings.push(toFinding(rule, r, configured));
      },
    };
  };

  const active: ActiveVisitor[] = [];
  const others: Rule[] = [];
  for (const rule of options.rules ?? RULES) {
    if (!rule.kinds.includes('cloudtrail') || settings.rules[rule.name] === 'off') continue;
    if (!isCloudTrailRule(rule)) {
      others.push(rule);
      continue;
    }
    try {
      active.push({ rule, visitor: rule.start(context(rule, () => lazyJson), run) });
    } catch (error) {
      reportRuleError(rule, error, options, settings, findings);
    }
  }
  try {
    yield* runCloudTrailSteps(text, active, options.cloudtrailWindow, (rule, error) => reportRuleError(rule, error, options, settings, findings), scanner);
  } catch (error) {
    // The scan itself failed (a bug, never the input's fault): keep what was found, say what is missing.
    if (settings.rules['internal-error'] !== 'off') {
      findings.push({
        rule: 'internal-error',
        severity: (settings.rules['internal-error'] as Finding['severity']) ?? 'error',
        message: `The CloudTrail record scan failed (${error instanceof Error ? error.message : String(error)}); records after the failure were not checked.`,
        offset: 0,
        length: 0,
        data: { failedRule: 'cloudtrail-scanner' },
      });
    }
  }
  for (const rule of others) {
    try {
      rule.check(context(rule, rule === jsonSyntax ? shallowJson : () => lazyJson));
    } catch (error) {
      reportRuleError(rule, error, options, settings, findings);
    }
  }
  return sortFindings(findings, text.length, text);
}
