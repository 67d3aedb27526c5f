import { Rule, POLICY_KINDS, Fix, RuleContext } from '../../types';
import { conditionEntries } from '../../policy';
import { fix, replaceNode } from '../../fixes';
import { didYouMean } from '../../suggest';
import { canonicalKeySpelling, knownKeyNames, variablePartStart } from '../../iam/conditions';
import type { Node } from '../../json';

/** Keys of identity providers (`accounts.google.com:aud`, `saml:sub`) are not in the service catalogue. */
function isProviderPrefix(prefix: string): boolean {
  return prefix === 'saml' || prefix.includes('.') || prefix.includes('/');
}

/**
 * Near keys for a typo. A family (`aws:ResourceTag/${TagKey}`) is offered with the
 * user's own suffix, so the fix never writes a placeholder into the policy.
 */
function suggestions(ctx: RuleContext, key: string, prefix: string): string[] {
  const slash = key.indexOf('/');
  const candidates: string[] = [];
  for (const name of knownKeyNames(ctx.iam, prefix)) {
    const cut = variablePartStart(name);
    if (cut < 0) candidates.push(name);
    else if (slash >= 0 && name[cut - 1] === '/') candidates.push(name.slice(0, cut) + key.slice(slash + 1));
  }
  return didYouMean(key, candidates).filter((c) => c.toLowerCase() !== key.toLowerCase());
}

/** One rename fix per candidate; preferred only when there is a single candidate. */
/** A service key family written without its variable part (`connect:SearchTag`, `kms:EncryptionContext:`). */
function bareFamily(ctx: RuleContext, key: string, prefix: string): string | undefined {
  if (prefix === 'aws' || !ctx.iam.hasService(prefix)) return undefined;
  const lower = key.toLowerCase();
  return knownKeyNames(ctx.iam, prefix).find((name) => {
    const cut = variablePartStart(name);
    if (cut < 0) return false;
    const fixed = name.slice(0, cut).toLowerCase();
    return fixed === lower || fixed === `${lower}/` || fixed === `${lower}:`;
  });
}

function renameFixes(node: Node, names: string[]): Fix[] {
  return names.map((n) => fix(`Change to "${n}"`, [replaceNode(node, n)], names.length === 1));
}

export const unknownConditionKey: Rule = {
  id: 'CG2050',
  name: 'unknown-condition-key',
  defaultSeverity: 'error',
  short: 'A condition key is malformed, unknown or retired',
  description:
    'A condition key is `prefix:name`, either a global `aws:` key or a key its service defines. An unknown key is never in the request context, so its condition never matches as written: an Allow grants nothing, a Deny may deny nothing. Tag families (`aws:ResourceTag/`, `aws:RequestTag/`, `aws:PrincipalTag/`) need a tag key, and `aws:ARN` is retired.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions'],
  accessAnalyzer: ['Invalid condition key format', 'Invalid global condition key', 'Invalid service condition key', 'Invalid service', 'Missing tag key in condition', 'Deprecated global condition key', 'Unsupported global condition key'],
  fixable: true,
  docs: {
    rationale: 'Tag-based access control in Amazon Connect hangs on keys such as `aws:ResourceTag/Role` and `connect:InstanceId`. A misspelt key (`aws:ResourceTags/Role`, `connect:Instance`) makes the condition fail for every request: the developer persona loses access, or a Deny guardrail silently stops protecting the instance.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateContactFlowContent",\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:ResourceTags/Role": "Developer" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateContactFlowContent",\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:ResourceTag/Role": "Developer" } }\n  }]\n}',
    fix: 'Use a key from the IAM global condition keys or the service\'s page in the Service Authorization Reference. The quick-fix offers the nearest known keys (keeping your tag key), replaces `aws:ARN` with `aws:PrincipalArn` or `aws:SourceArn`, and spells keys in canonical case.',
    notes: 'Condition key names are case-insensitive in IAM, so a key in another case is only a hint. Unknown `aws:` keys and unknown service prefixes are errors; an unknown key of a known service is a warning because the bundled data lags AWS by days. Keys of identity providers (`saml:`, `accounts.google.com:`, `token.actions.githubusercontent.com:` and other prefixes with a dot) are not checked.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const e of conditionEntries(s)) checkKey(ctx, e.key.name, e.key.key);
    }
  },
};

function checkKey(ctx: RuleContext, key: string, node: Node): void {
  const at = { offset: node.offset, length: node.length };
  const trimmed = key.trim();
  if (trimmed !== key && trimmed && ctx.iam.conditionKey(trimmed)) {
    ctx.report({ ...at, message: `"${key}" has spaces around the key name; IAM compares the key text exactly, so it is never in the request context. Write "${trimmed}".`, fixes: renameFixes(node, [trimmed]) });
    return;
  }
  // `${TagKey}` copied from the reference; a real variable (`${aws:PrincipalTag/x}`) has a colon.
  const placeholder = key.indexOf('${');
  if (placeholder >= 0 && !key.slice(placeholder).includes(':')) {
    ctx.report({ ...at, message: `"${key}" still holds the documentation placeholder ${key.slice(placeholder)}, which is literal text here. Replace it with the tag or attribute name (e.g. "${key.slice(0, placeholder)}Role").` });
    return;
  }
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1 || /\s/.test(key)) {
    ctx.report({ ...at, message: `"${key}" is not a condition key: keys are written "prefix:name" (e.g. "aws:SourceIp", "connect:InstanceId").` });
    return;
  }
  const prefix = key.slice(0, colon).toLowerCase();
  const lower = key.toLowerCase();
  if (lower === 'aws:arn') {
    ctx.report({
      ...at,
      severity: 'warning',
      message: 'aws:ARN is retired: use aws:PrincipalArn for the caller\'s ARN or aws:SourceArn for the resource a service acts for.',
      fixes: renameFixes(node, ['aws:PrincipalArn', 'aws:SourceArn']),
    });
    return;
  }
  if (prefix === 'aws' && ctx.iam.isKeyFamilyWithoutSuffix(key)) {
    const family = key.endsWith('/') ? key.slice(0, -1) : key;
    ctx.report({ ...at, message: `${family} needs a tag key: write "${family}/<tag-key>" (e.g. "${family}/Role"). Without it the key is never in the request context.` });
    return;
  }
  const family = bareFamily(ctx, key, prefix);
  if (family) {
    ctx.report({ ...at, message: `${family.slice(0, variablePartStart(family))} needs a name after it (the family is "${family}"): without it the key is never in the request context.` });
    return;
  }
  const info = ctx.iam.conditionKey(key);
  if (info) {
    const canonical = canonicalKeySpelling(key, info);
    if (canonical !== key && canonical.toLowerCase() === lower) {
      ctx.report({
        ...at,
        severity: 'hint',
        message: `Condition keys are case-insensitive, so this works; the documented spelling is "${canonical}".`,
        fixes: [{ title: `Change to "${canonical}"`, edits: [replaceNode(node, canonical)], preferred: true }],
      });
    }
    return;
  }
  if (prefix === 'aws') {
    const near = suggestions(ctx, key, prefix);
    ctx.report({ ...at, message: `"${key}" is not a global condition key${hint(near)}: it is never in the request context, so the condition never matches as written.`, fixes: renameFixes(node, near) });
    return;
  }
  if (ctx.iam.hasService(prefix)) {
    const near = suggestions(ctx, key, prefix);
    ctx.report({
      ...at,
      severity: 'warning',
      message: `"${key}" is not a condition key of ${prefix} in the bundled IAM data (${ctx.iam.dataVersion})${hint(near)}. An unknown key is never in the request context; if AWS added it recently, update connect-guard.`,
      fixes: renameFixes(node, near),
    });
    return;
  }
  if (isProviderPrefix(prefix)) return;
  const near = didYouMean(prefix, ['aws', ...ctx.iam.servicePrefixes()]);
  ctx.report({
    ...at,
    message: `"${key.slice(0, colon)}" is not a service prefix${hint(near)}: the key is never in the request context, so the condition never matches as written.`,
    fixes: renameFixes(node, near.map((p) => p + key.slice(colon))),
  });
}

function hint(near: string[]): string {
  return near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
}
