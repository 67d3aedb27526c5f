import { Rule } from '../../types';
import { Node, properties, property } from '../../json';
import { conditionEntries, Statement } from '../../policy';
import { TextEdit } from '../../types';
import { appendProperty } from './append';

/**
 * Condition keys that tie an open principal to the organisation, an account, a network
 * or a service call path. Lower case.
 */
const FENCING_KEYS: readonly string[] = [
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn',
  'aws:resourceorgid', 'aws:resourceorgpaths', 'aws:resourceaccount',
  'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceaccount', 'aws:sourcearn',
  'aws:sourcevpce', 'aws:sourcevpc', 'kms:calleraccount',
];

/** The `"*"` that opens a Principal: `"*"`, `{"AWS": "*"}` or `{"AWS": [..., "*"]}`. */
function openPrincipalNode(principal: Node | undefined): Node | undefined {
  if (!principal) return undefined;
  if (principal.type === 'string') return principal.value === '*' ? principal : undefined;
  for (const p of properties(principal)) {
    if (p.name !== 'AWS' || !p.value) continue;
    if (p.value.type === 'string' && p.value.value === '*') return p.value;
    if (p.value.type === 'array') return p.value.children?.find((c) => c.type === 'string' && c.value === '*');
  }
  return undefined;
}

const ORG_ID = 'o-exampleorgid';

/** Adds aws:PrincipalOrgID under Condition / StringEquals, creating what is missing. */
function orgConditionEdits(text: string, s: Statement): TextEdit[] | undefined {
  const cond = s.el.Condition?.value;
  if (s.el.Condition && cond?.type !== 'object') return undefined;
  if (cond?.type !== 'object') return appendProperty(text, s.node, 'Condition', { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } });
  const eq = property(cond, 'StringEquals')?.value;
  if (eq === undefined) return appendProperty(text, cond, 'StringEquals', { 'aws:PrincipalOrgID': ORG_ID });
  if (eq.type !== 'object') return undefined;
  return appendProperty(text, eq, 'aws:PrincipalOrgID', ORG_ID);
}

function isFenced(s: Statement): boolean {
  return conditionEntries(s).some((e) => FENCING_KEYS.includes(e.key.name.toLowerCase()));
}

export const endpointOpenPrincipal: Rule = {
  id: 'CG3006',
  name: 'endpoint-open-principal',
  defaultSeverity: 'warning',
  short: 'An Allow is open to every principal (Principal "*" without an organisation or account condition, or NotPrincipal)',
  description:
    'In a VPC endpoint policy or a resource-based (for example KMS key) policy, an Allow to `"Principal": "*"` (or `{"AWS": "*"}`) with no aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:ResourceOrgID, aws:SourceVpce, kms:CallerAccount or similar condition lets any AWS account, and for some services anonymous callers, in. Allow with NotPrincipal is reported too: it grants everyone not listed.',
  kinds: ['endpoint', 'resource'],
  tags: ['connect', 'isolation', 'data-protection'],
  accessAnalyzer: ['Allow with NotPrincipal'],
  fixable: true,
  docs: {
    rationale:
      'A VPC endpoint for Voice ID or Customer Profiles is an isolation control only if its policy limits who may use it: with `Principal: "*"` and no condition, credentials from any AWS account (including an attacker\'s) can reach the service through your network path, which is the data-exfiltration route endpoint policies exist to close. In a KMS key policy for Voice ID or Connect recordings, an open principal without `kms:CallerAccount` or an organisation condition exposes the key that protects voiceprints and recordings.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "VoiceIdFromVpc",\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": "voiceid:*",\n    "Resource": "*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "VoiceIdFromVpc",\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }\n  }]\n}',
    fix: 'Add `"Condition": {"StringEquals": {"aws:PrincipalOrgID": "<your organisation id>"}}` (or aws:PrincipalAccount for a single account), or name the principals. The quick-fix adds an aws:PrincipalOrgID condition with the sample id `o-exampleorgid`: it is never preferred (so `--fix` does not apply it) and you must replace the id. A wrong id fails closed: nobody matches. Replace NotPrincipal with Principal.',
    notes: 'Checks condition keys, not values: a condition that matches everyone (a wildcard PrincipalOrgID) is not detected. For service principals (`{"Service": ...}`) see the confused-deputy checks of the IAM rules instead.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.effect !== 'Allow') continue;
      if (s.el.NotPrincipal) {
        ctx.report({
          message: 'Allow with NotPrincipal grants every principal not listed, anonymous callers included. Name the principals to allow under Principal instead.',
          offset: s.el.NotPrincipal.key.offset,
          length: s.el.NotPrincipal.key.length,
        });
      }
      const star = openPrincipalNode(s.el.Principal?.value);
      if (!star || isFenced(s)) continue;
      const edits = orgConditionEdits(ctx.text, s);
      ctx.report({
        message: 'Principal "*" with no aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or similar condition: any AWS account can use this grant. Add a condition that limits it to your organisation or account.',
        offset: star.offset,
        length: star.length,
        fixes: edits ? [{ title: 'Add an aws:PrincipalOrgID condition (edit the organisation id)', edits }] : undefined,
      });
    }
  },
};
