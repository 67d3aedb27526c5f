import { Rule, Fix, RuleContext } from '../../types';
import { Statement, conditionEntries } from '../../policy';
import { pathOf, property, stringItems } from '../../json';
import { fix, setAt } from '../../fixes';

/** Keys that tie a service's request to the customer's own resource or account. */
const SCOPING_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths'];
/** Keys that look like scoping but any caller can set or that do not identify the source. */
const WEAK_KEYS = ['aws:referer', 'aws:useragent', 'aws:sourceowner'];

/** The one 12-digit account in the statement's Resource ARNs, if there is exactly one. */
function resourceAccount(s: Statement): string | undefined {
  const accounts = new Set<string>();
  for (const r of stringItems(s.el.Resource?.value)) {
    const account = r.value.split(':')[4];
    if (account && /^\d{12}$/.test(account)) accounts.add(account);
  }
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

function addSourceAccount(ctx: RuleContext, s: Statement): Fix[] {
  const account = resourceAccount(s);
  if (!account) return [];
  // jsonc-parser cannot add a property under a value that is not an object.
  const cond = s.el.Condition?.value;
  const block = property(cond, 'StringEquals')?.value;
  if ((cond && cond.type !== 'object') || (block && block.type !== 'object')) return [];
  return [fix(`Add StringEquals aws:SourceAccount = ${account}`, setAt(ctx.text, [...pathOf(s.node), s.el.Condition?.name ?? 'Condition', 'StringEquals', 'aws:SourceAccount'], account))];
}

export const servicePrincipalCondition: Rule = {
  id: 'CG2055',
  name: 'service-principal-condition',
  defaultSeverity: 'warning',
  short: 'A resource policy grants a service principal without aws:SourceArn or aws:SourceAccount',
  description:
    'A service principal such as `connect.amazonaws.com` acts for every AWS customer. Without aws:SourceArn, aws:SourceAccount (or aws:SourceOrgID / aws:SourceOrgPaths), another account\'s Connect instance can make the service use this resource for it: the confused-deputy problem.',
  kinds: ['resource'],
  tags: ['iam', 'conditions', 'principals', 'security'],
  accessAnalyzer: ['Restrict access to service principal', 'Recommended condition key for service principal'],
  fixable: true,
  docs: {
    rationale: 'Amazon Connect invokes Lambda functions from flows, reads Lex bots and writes recordings to S3 and KMS on the customer\'s behalf. A Lambda permission or key policy that lets `connect.amazonaws.com` in without naming the instance (aws:SourceArn) or the account (aws:SourceAccount) lets any Connect instance, in any account, invoke the function or use the key.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Service": "connect.amazonaws.com" },\n    "Action": "lambda:InvokeFunction",\n    "Resource": "arn:aws:lambda:eu-west-2:111122223333:function:lookup-customer"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Service": "connect.amazonaws.com" },\n    "Action": "lambda:InvokeFunction",\n    "Resource": "arn:aws:lambda:eu-west-2:111122223333:function:lookup-customer",\n    "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:connect:eu-west-2:111122223333:instance/*" } }\n  }]\n}',
    fix: 'Add `"ArnLike": {"aws:SourceArn": "<instance ARN>"}` (best: names the instance) or `"StringEquals": {"aws:SourceAccount": "<account>"}`. When the statement\'s Resource ARNs name exactly one account, the quick-fix adds aws:SourceAccount with it.',
    notes: 'Only Allow statements in resource-based policies are checked (trust policies are another kind). aws:Referer, aws:UserAgent and aws:SourceOwner are reported as weaker than aws:SourceArn / aws:SourceAccount. The quick-fix assumes the calling resource lives in the resource owner\'s account; for cross-account setups use aws:SourceArn instead.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.effect !== 'Allow') continue;
      const principal = s.el.Principal?.value;
      if (principal?.type !== 'object') continue;
      const services = stringItems(property(principal, 'Service')?.value);
      if (!services.length) continue;
      const keys = conditionEntries(s).map((e) => e.key.name.toLowerCase());
      if (keys.some((k) => SCOPING_KEYS.includes(k))) continue;
      const weak = keys.find((k) => WEAK_KEYS.includes(k));
      const fixes = addSourceAccount(ctx, s);
      for (const svc of services) {
        ctx.report({
          offset: svc.node.offset,
          length: svc.node.length,
          severity: weak ? 'info' : undefined,
          message: weak
            ? `${svc.value} is scoped only by ${weak === 'aws:referer' ? 'aws:Referer' : weak === 'aws:useragent' ? 'aws:UserAgent' : 'aws:SourceOwner'}, which does not identify the calling resource reliably. Add aws:SourceArn or aws:SourceAccount.`
            : `${svc.value} acts for every AWS account: without aws:SourceArn or aws:SourceAccount, another account's resources can make it use this one (confused deputy). Add one of them.`,
          fixes,
        });
      }
    }
  },
};
