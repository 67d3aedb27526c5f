import { Rule, RuleContext } from '../../types';
import { Node, properties, stringItems } from '../../json';
import { ConditionEntry, Statement, conditionEntries } from '../../policy';
import { parseOperator, hasValueWildcard } from '../../iam/conditions';
import { OIDC_DOMAIN, OIDC_PROVIDER, SAML_PROVIDER } from '../grammar/principalShape';

const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_SUB = `${GITHUB}:sub`;

/** The provider an OIDC federated principal names: its claims are the keys `<provider>:<claim>`. */
function oidcProvider(value: string): string | undefined {
  if (SAML_PROVIDER.test(value)) return undefined;
  if (OIDC_PROVIDER.test(value)) return value.slice(value.indexOf(':oidc-provider/') + ':oidc-provider/'.length);
  return OIDC_DOMAIN.test(value) ? value : undefined;
}

/**
 * Entries that narrow who may assume the role: negated operators, Null and ForAllValues
 * (true when the claim is absent) narrow nothing on their own.
 */
function narrowing(entries: ConditionEntry[]): ConditionEntry[] {
  return entries.filter((e) => {
    const op = parseOperator(e.operator.name);
    return op.info !== undefined && !op.info.negated && op.info.family !== 'Null' && op.qualifier !== 'ForAllValues';
  });
}

export const oidcTrustCondition: Rule = {
  id: 'CG2059',
  name: 'oidc-trust-condition',
  defaultSeverity: 'warning',
  short: 'A trust policy lets a web identity (OIDC) provider in without pinning its claims',
  description:
    'A role trusted by an OIDC provider (`Federated`: an oidc-provider ARN or a provider domain such as cognito-identity.amazonaws.com) can be assumed with any token that provider signs, for any of its users or applications, unless a condition compares the provider\'s own claims (`<provider>:aud`, `<provider>:sub`). For GitHub Actions (token.actions.githubusercontent.com) every repository on GitHub can get such a token: the `sub` claim (`repo:<org>/<repo>:ref:refs/heads/<branch>`) must be pinned, and a wildcard in it admits other repositories or branches.',
  kinds: ['trust'],
  tags: ['iam', 'conditions', 'principal', 'trust'],
  accessAnalyzer: ['Missing condition key for oidc principal', 'Missing github repo condition key', 'Specific github repo and branch recommended', 'Confirm audience claim type'],
  fixable: false,
  docs: {
    rationale: 'Connect integrations (flow Lambdas, CRM connectors, the contact-centre infrastructure itself) are often deployed from CI through an OIDC role. With only `aud` pinned, any GitHub repository, anyone\'s, can assume the deployment role and rewrite the instance\'s flows, users or security profiles.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": {\n      "StringEquals": {\n        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",\n        "token.actions.githubusercontent.com:sub": "repo:example-org/connect-flows:ref:refs/heads/main"\n      }\n    }\n  }]\n}',
    fix: 'Add a condition on the provider\'s claims: `<provider>:aud` (the client or application id) and, where the provider has it, `<provider>:sub`. For GitHub Actions pin `token.actions.githubusercontent.com:sub` to `repo:<org>/<repo>:ref:refs/heads/<branch>` (or `repo:<org>/<repo>:environment:<name>`) with StringEquals.',
    notes: 'Only Allow statements are checked. A claim compared under a negated operator (StringNotEquals), Null or ForAllValues does not count as pinning it. The claim values themselves are not checked, except for wildcards in the GitHub `sub` claim. An `aud` claim compared under ForAllValues or ForAnyValue is reported as information: audiences are usually single-valued, and IAM Access Analyzer asks to confirm the claim type.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.effect !== 'Allow') continue;
      const principal = s.el.Principal?.value;
      if (principal?.type !== 'object') continue;
      for (const p of properties(principal)) {
        if (p.name !== 'Federated' || !p.value) continue;
        for (const item of stringItems(p.value)) {
          const provider = oidcProvider(item.value);
          if (provider) checkProvider(ctx, s, provider, item.node);
        }
      }
    }
  },
};

function checkProvider(ctx: RuleContext, s: Statement, provider: string, node: Node): void {
  const prefix = `${provider.toLowerCase()}:`;
  const all = conditionEntries(s);
  checkAudienceQualifier(ctx, all, prefix);
  const entries = narrowing(all).filter((e) => e.key.name.toLowerCase().startsWith(prefix));
  const at = { offset: node.offset, length: node.length };
  if (provider.toLowerCase() === GITHUB) {
    const sub = entries.filter((e) => e.key.name.toLowerCase() === GITHUB_SUB);
    if (!sub.length) {
      ctx.report({
        ...at,
        message: `The GitHub Actions provider is trusted without a condition on ${GITHUB_SUB}: a workflow in any GitHub repository, anyone's, can assume this role. Pin ${GITHUB_SUB} to "repo:<org>/<repo>:ref:refs/heads/<branch>" with StringEquals.`,
      });
      return;
    }
    for (const e of sub) {
      for (const v of e.values) {
        if (v.type !== 'string' || !hasValueWildcard(v.value as string)) continue;
        ctx.report({
          offset: v.offset,
          length: v.length,
          message: `The wildcard in ${JSON.stringify(v.value)} lets workflows of other repositories or branches assume this role. Name the repository and branch (or environment) exactly.`,
        });
      }
    }
    return;
  }
  if (entries.length) return;
  ctx.report({
    ...at,
    message: `The OIDC provider ${provider} is trusted without a condition on its claims (${provider}:aud, ${provider}:sub): any token it issues, for any application or user, can assume this role. Add a StringEquals condition on ${provider}:aud.`,
  });
}

/** A set qualifier on the audience claim, which providers send as a single value unless they document otherwise. */
function checkAudienceQualifier(ctx: RuleContext, entries: ConditionEntry[], prefix: string): void {
  for (const e of entries) {
    if (e.key.name.toLowerCase() !== `${prefix}aud`) continue;
    const q = parseOperator(e.operator.name).qualifier;
    if (!q) continue;
    ctx.report({
      offset: e.operator.key.offset,
      length: e.operator.key.length,
      severity: 'info',
      message: `${e.key.name} is compared with ${q}, a qualifier for multivalued claims. Confirm that this provider sends "aud" as a list; if it sends one value, drop the qualifier${q === 'ForAllValues' ? ' (ForAllValues is also true when the claim is missing)' : ''}.`,
    });
  }
}
