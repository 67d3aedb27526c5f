import { Rule, Fix } from '../../types';
import { Node } from '../../json';
import { fix, replaceNode } from '../../fixes';
import { quote, rangeOf } from './util';
import { SID, cleanSid } from './invalidSid';

export const duplicateSid: Rule = {
  id: 'CG1013',
  name: 'duplicate-sid',
  defaultSeverity: 'error',
  short: 'Two statements have the same "Sid"',
  description:
    'A Sid names one statement and must be unique within the policy. IAM rejects identity policies with repeated Sids; for other kinds uniqueness is recommended (a warning). The finding is on the repeat and points at the first use.',
  kinds: ['identity', 'scp', 'trust', 'resource', 'endpoint'],
  tags: ['grammar'],
  accessAnalyzer: ['Unique Sids required', 'Unique Sids recommended'],
  fixable: true,
  docs: {
    rationale: 'Evidence for a Connect access review cites statements by Sid ("AllowAdminUpdateSecurityProfile requires MFA"). Two statements with one Sid make that evidence ambiguous, and IAM refuses the identity policy.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "AgentRead", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" },\n    { "Sid": "AgentRead", "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*" }\n  ]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "AgentReadUser", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" },\n    { "Sid": "AgentReadQueue", "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*" }\n  ]\n}',
    fix: 'Give each statement its own Sid, or merge the statements if they belong together. The quick-fix appends a number to the repeat.',
    notes: 'IAM Access Analyzer reports "Unique Sids required" for some policy kinds and "Unique Sids recommended" for others without listing which; connect-guard treats identity policies and SCPs as requiring unique Sids (error) and the other kinds as recommending it (warning).',
  },
  check(ctx) {
    const first = new Map<string, Node>();
    const all = new Set<string>();
    for (const s of ctx.policy.statements) {
      const v = s.el.Sid?.value;
      if (v?.type === 'string') all.add(v.value as string);
    }
    const strict = ctx.kind === 'identity' || ctx.kind === 'scp';
    const suffix = new Map<string, number>();
    for (const s of ctx.policy.statements) {
      const v = s.el.Sid?.value;
      if (v?.type !== 'string' || v.value === '') continue;
      const sid = v.value as string;
      const prev = first.get(sid);
      if (!prev) {
        first.set(sid, v);
        continue;
      }
      ctx.report({
        ...rangeOf(v),
        severity: strict ? undefined : 'warning',
        message: `Sid ${quote(sid)} is already used by another statement: ${strict ? 'IAM rejects repeated Sids' : 'Sids should be unique'}. Give this statement its own Sid.`,
        related: [{ ...rangeOf(prev), message: `first use of Sid ${quote(sid)}` }],
        fixes: renumber(v, sid, all, suffix),
      });
    }
  },
};

/**
 * The first free `<sid><n>`; `suffix` remembers where the search stopped, so many repeats
 * stay linear. An invalid Sid is cleaned first (as invalid-sid would), or the new Sid would
 * only trade this finding for an invalid-sid one and "fix all" would need another pass.
 */
function renumber(v: Node, sid: string, all: Set<string>, suffix: Map<string, number>): Fix[] {
  const base = SID.test(sid) ? sid : cleanSid(sid) || sid;
  let n = suffix.get(base) ?? 2;
  while (all.has(`${base}${n}`)) n++;
  suffix.set(base, n + 1);
  const next = `${base}${n}`;
  all.add(next);
  return [fix(`Change to "${next}"`, [replaceNode(v, next)], true)];
}
