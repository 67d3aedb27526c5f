import { Rule, RuleContext, Fix } from '../../types';
import { Node, Property, properties, stringItems } from '../../json';
import { Statement } from '../../policy';
import { fix, removeArrayItem, replaceNode } from '../../fixes';
import { wildcardMatch } from '../../iam/wildcard';
import { quote, rangeOf, removeWithRepeats, renameKey, suggestElement, typeLabel } from './util';

const PRINCIPAL_KEYS = ['AWS', 'Federated', 'Service', 'CanonicalUser'] as const;
type PrincipalKey = (typeof PRINCIPAL_KEYS)[number];

const ACCOUNT = /^\d{12}$/;
const IAM_ARN = /^arn:aws[a-z-]*:(iam|sts)::([^:]*):(.+)$/;
const IAM_RESOURCE = /^(root|user\/|role\/|federated-user\/|assumed-role\/)/;
const UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{12,}$/;
// Each repetition starts with a literal dot, so matching stays linear.
const SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
export const SAML_PROVIDER = /^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/;
export const OIDC_PROVIDER = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/\S+$/;
export const OIDC_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const CANONICAL_USER = /^[0-9a-f]{64}$/;

type Federation = 'saml' | 'oidc';
const NEEDED_ACTION: Record<Federation, string> = { saml: 'sts:AssumeRoleWithSAML', oidc: 'sts:AssumeRoleWithWebIdentity' };

export const principalShape: Rule = {
  id: 'CG1019',
  name: 'principal-shape',
  defaultSeverity: 'error',
  short: 'A "Principal" is malformed or not allowed in this policy kind',
  description:
    'A Principal is "*" or a map whose keys are "AWS" (12-digit account ids or IAM/STS ARNs), "Service" (`name.amazonaws.com` or `name.region.amazonaws.com`), "Federated" (a SAML or OIDC provider ARN, or an identity provider domain) and "CanonicalUser". Wildcards inside principal values are not supported. Role trust policies add their own constraints: no "Principal": "*", no "Resource" or "NotResource", and a SAML provider needs sts:AssumeRoleWithSAML, an OIDC provider sts:AssumeRoleWithWebIdentity. Federated principals are only meaningful in trust policies.',
  kinds: ['trust', 'resource', 'endpoint'],
  tags: ['grammar', 'principal'],
  accessAnalyzer: [
    'Invalid principal format', 'Invalid principal key', 'Unsupported wildcard in principal', 'Invalid service principal format',
    'Federated principal not supported', 'Role trust policy unsupported wildcard in principal', 'Role trust policy syntax error resource',
    'Invalid federated principal syntax in role trust policy', 'Mismatched action for principal', 'Invalid role reference', 'Invalid user reference',
    'Redundant principal in role trust policy',
  ],
  fixable: true,
  docs: {
    rationale: 'Agents reach Amazon Connect through a SAML federation role; its trust policy is the front door. A trust policy that trusts "*", names the SAML provider with sts:AssumeRole instead of sts:AssumeRoleWithSAML, or carries a Resource is rejected or never lets anyone in. In KMS key policies and Lambda permissions for Connect, a misspelt service principal (`connect.amazonaws.com`) or a wildcard in an ARN is rejected, so the deployment fails or, worse, an earlier broad policy stays in place.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/CorpIdP" },\n    "Action": "sts:AssumeRole",\n    "Resource": "*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/CorpIdP" },\n    "Action": "sts:AssumeRoleWithSAML",\n    "Condition": { "StringEquals": { "SAML:aud": "https://signin.aws.amazon.com/saml" } }\n  }]\n}',
    fix: 'Write principals as a map: `{ "AWS": "arn:aws:iam::111122223333:role/Name" }`, `{ "Service": "connect.amazonaws.com" }`, `{ "Federated": "arn:aws:iam::111122223333:saml-provider/Name" }`. To admit many principals, list them, or use `"*"` with a condition such as `aws:PrincipalOrgID` (not in trust policies). Quick-fixes wrap a bare ARN or account in `{ "AWS": ... }`, correct principal key case and service principal spelling, remove a Resource from a trust policy, and set the STS action a federated principal needs.',
    notes: 'Unique ids (AIDA..., AROA...) appear in a policy when the user or role it named was deleted; they are reported as warnings. In a trust policy, an assumed-role session (arn:aws:sts::111122223333:assumed-role/Name/session) listed beside its own role in the same "AWS" list is reported as information: trusting the role already trusts every session of it. The federated-action check sees only "Action" (not "NotAction") and honours wildcards (`sts:AssumeRole*`).',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (ctx.kind === 'trust') {
        for (const r of [s.el.Resource, s.el.NotResource]) {
          if (!r) continue;
          ctx.report({
            ...rangeOf(r.key),
            message: `Role trust policies have no "${r.name}": the role itself is the resource. IAM rejects the policy; remove "${r.name}".`,
            fixes: [fix(`Remove "${r.name}"`, removeWithRepeats(r), true)],
          });
        }
      }
      const federation = new Set<Federation>();
      checkPrincipal(ctx, s.el.Principal, federation);
      if (ctx.kind !== 'trust') checkPrincipal(ctx, s.el.NotPrincipal, federation);
      if (ctx.kind === 'trust') for (const f of federation) checkFederatedAction(ctx, s, f);
      if (ctx.kind === 'trust') checkRedundantSessions(ctx, s);
    }
  },
};

function checkPrincipal(ctx: RuleContext, p: Property | undefined, federation: Set<Federation>): void {
  const v = p?.value;
  if (!p || !v) return;
  if (v.type === 'string') {
    const value = v.value as string;
    if (value === '') return; // empty-value
    if (value === '*') {
      if (ctx.kind === 'trust') {
        ctx.report({ ...rangeOf(v), message: `"${p.name}": "*" is not allowed in a role trust policy: IAM rejects it. Name the accounts, roles, services or identity provider that may assume the role.` });
      }
      return;
    }
    const key = guessKey(value);
    ctx.report({
      ...rangeOf(v),
      message: `"${p.name}" must be "*" or a map such as { "${key ?? 'AWS'}": ${quote(value)} }, not a bare string: IAM rejects it.`,
      fixes: key ? [fix(`Change to { "${key}": ${quote(value, 1000)} }`, [replaceNode(v, { [key]: value })], true)] : undefined,
    });
    return;
  }
  if (v.type !== 'object') {
    if (v.type === 'array' && !v.children?.length) return; // empty-value
    ctx.report({ ...rangeOf(v), message: `"${p.name}" is ${typeLabel(v)}: it must be "*" or a map of "AWS", "Service", "Federated" or "CanonicalUser" to principals.` });
    return;
  }
  const entries = properties(v);
  for (const e of entries) {
    let key = e.name as PrincipalKey;
    if (!(PRINCIPAL_KEYS as readonly string[]).includes(e.name)) {
      const to = suggestElement(e.name, PRINCIPAL_KEYS);
      const taken = to !== undefined && entries.some((o) => o.name === to);
      ctx.report({
        ...rangeOf(e.key),
        message: `${quote(e.name)} is not a principal type${to ? ` (did you mean "${to}"?)` : ''}: IAM accepts only "AWS", "Service", "Federated" and "CanonicalUser".`,
        fixes: to && !taken ? [fix(`Rename to "${to}"`, [renameKey(e, to)], true)] : undefined,
      });
      // A key the fix renames is checked as what it becomes ("federated" as Federated), so
      // the findings the rename would reveal (the STS action a SAML provider needs) come now.
      if (!to || taken) continue;
      key = to as PrincipalKey;
    }
    if (key === 'Federated' && ctx.kind !== 'trust') {
      ctx.report({ ...rangeOf(e.key), message: 'Federated principals are only supported in role trust policies: a federated user acts through the role it assumes. Name that role under "AWS".' });
      continue;
    }
    const ev = e.value;
    if (!ev) continue;
    if (ev.type !== 'string' && ev.type !== 'array') {
      ctx.report({ ...rangeOf(ev), message: `"${key}" principals are ${typeLabel(ev)}: give a string or an array of strings.` });
      continue;
    }
    if (ev.type === 'array') {
      for (const item of ev.children ?? []) {
        if (item.type !== 'string') ctx.report({ ...rangeOf(item), message: `An item of "${key}" is ${typeLabel(item)}: every principal must be a string.` });
      }
    }
    for (const item of stringItems(ev)) {
      if (item.value === '') continue; // empty-value
      checkValue(ctx, key, item.value, item.node, federation);
    }
  }
}

/** The principal type a bare string most likely is, for the wrap-in-a-map fix. */
function guessKey(value: string): PrincipalKey | undefined {
  if (ACCOUNT.test(value) || IAM_ARN.test(value)) return 'AWS';
  if (SERVICE.test(value)) return 'Service';
  if (SAML_PROVIDER.test(value) || OIDC_PROVIDER.test(value)) return 'Federated';
  return undefined;
}

function checkValue(ctx: RuleContext, key: PrincipalKey, value: string, node: Node, federation: Set<Federation>): void {
  const at = rangeOf(node);
  if (value === '*' && key === 'AWS') {
    if (ctx.kind === 'trust') ctx.report({ ...at, message: '{ "AWS": "*" } lets any AWS principal assume this role: IAM rejects a wildcard principal in a role trust policy. Name the accounts or roles.' });
    return;
  }
  if (value.includes('*') || value.includes('?')) {
    ctx.report({ ...at, message: `${quote(value)}: wildcards are not supported inside principals. List the principals, or use "*" with a condition such as aws:PrincipalArn (ArnLike) or aws:PrincipalOrgID.` });
    return;
  }
  switch (key) {
    case 'AWS': {
      if (ACCOUNT.test(value)) return;
      const m = IAM_ARN.exec(value);
      if (m && (ACCOUNT.test(m[2]) || (m[1] === 'iam' && m[2] === 'cloudfront')) && (m[1] === 'sts' ? /^(assumed-role|federated-user)\//.test(m[3]) : IAM_RESOURCE.test(m[3]) || m[2] === 'cloudfront')) return;
      if (UNIQUE_ID.test(value)) {
        const what = value.startsWith('AROA') ? 'role' : 'user';
        ctx.report({ ...at, severity: 'warning', message: `${quote(value)} is the unique id of an IAM ${what}, which appears when the ${what} was deleted: the principal no longer matches anyone (a new ${what} of the same name gets a new id). Name the ${what} by its ARN.` });
        return;
      }
      if (m && m[3].startsWith('group/')) {
        ctx.report({ ...at, message: `${quote(value)} is an IAM group, and groups cannot be principals: IAM rejects the policy. Name the users or roles, or the account.` });
        return;
      }
      ctx.report({ ...at, message: `${quote(value)} is not an AWS principal: use a 12-digit account id or an ARN such as arn:aws:iam::111122223333:role/Name.` });
      return;
    }
    case 'Service': {
      if (SERVICE.test(value)) return;
      const lower = value.toLowerCase();
      const to = SERVICE.test(lower) ? lower : /^[a-z0-9-]+$/.test(lower) ? `${lower}.amazonaws.com` : undefined;
      ctx.report({
        ...at,
        message: `${quote(value)} is not a service principal: they are written name.amazonaws.com (or name.region.amazonaws.com)${to ? `, e.g. "${to}"` : ''}.`,
        fixes: to ? [fix(`Change to "${to}"`, [replaceNode(node, to)], true)] : undefined,
      });
      return;
    }
    case 'Federated': {
      if (SAML_PROVIDER.test(value)) federation.add('saml');
      else if (OIDC_PROVIDER.test(value) || OIDC_DOMAIN.test(value)) federation.add('oidc');
      else ctx.report({ ...at, message: `${quote(value)} is not a federated principal: use a SAML provider ARN (arn:aws:iam::111122223333:saml-provider/Name), an OIDC provider ARN, or an identity provider domain such as cognito-identity.amazonaws.com.` });
      return;
    }
    case 'CanonicalUser': {
      if (!CANONICAL_USER.test(value)) ctx.report({ ...at, message: `${quote(value)} is not a canonical user id (64 hexadecimal characters).` });
      return;
    }
  }
}

function checkFederatedAction(ctx: RuleContext, s: Statement, f: Federation): void {
  const action = s.el.Action;
  if (!action?.value) return;
  const items = stringItems(action.value);
  const needed = NEEDED_ACTION[f];
  if (!items.length || items.some((i) => wildcardMatch(i.value, needed))) return;
  const fixes: Fix[] = [];
  if (action.value.type === 'string' && /^sts:AssumeRole$/i.test(items[0].value)) fixes.push(fix(`Change to "${needed}"`, [replaceNode(action.value, needed)], true));
  ctx.report({
    ...rangeOf(action.value),
    message: `A ${f === 'saml' ? 'SAML' : 'web identity (OIDC)'} provider can only assume the role with ${needed}, which "Action" does not allow: nobody can use this trust. Allow "${needed}".`,
    fixes,
  });
}

const ROLE = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[^/]*\/)*([^/]+)$/;
const SESSION = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/** Assumed-role sessions listed beside their role: trusting the role trusts all its sessions. */
function checkRedundantSessions(ctx: RuleContext, s: Statement): void {
  const principal = s.el.Principal?.value;
  if (principal?.type !== 'object') return;
  for (const e of properties(principal)) {
    const list = e.value;
    if (e.name !== 'AWS' || list?.type !== 'array') continue;
    const roles = new Map<string, Node>();
    for (const item of stringItems(list)) {
      const m = ROLE.exec(item.value);
      if (m && !roles.has(`${m[1]}:${m[2]}:${m[3]}`)) roles.set(`${m[1]}:${m[2]}:${m[3]}`, item.node);
    }
    if (!roles.size) continue;
    list.children!.forEach((node, index) => {
      const m = node.type === 'string' ? SESSION.exec(node.value as string) : null;
      const role = m && roles.get(`${m[1]}:${m[2]}:${m[3]}`);
      if (!role) return;
      ctx.report({
        ...rangeOf(node),
        severity: 'info',
        message: `${quote(node.value as string)} is a session of ${quote(role.value as string)}, which this statement already trusts with all its sessions: the entry changes nothing. Remove it.`,
        related: [{ ...rangeOf(role), message: 'the role' }],
        fixes: [fix(`Remove ${quote(node.value as string)}`, [removeArrayItem(list, index)], true)],
      });
    });
  }
}
