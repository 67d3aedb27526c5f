import { Rule, POLICY_KINDS, RelatedLocation } from '../../types';
import { stringItems, StringItem, Node } from '../../json';
import { ActionInfo, ResourceTypeInfo } from '../../iam/data';
import { isConnectSamlUserArn, resourceTypeMatcher } from '../../iam/arn';
import { hasWildcard, wildcardMatch } from '../../iam/wildcard';
import { arnProblemsCached } from './arnProblems';
import { actionElement, itemAction } from '../../iam/actions';

// One description per action's type list (`IamData.resourceTypesOfAction` keeps the lists):
// a policy with many mismatches repeats the same few.
const described = new WeakMap<ResourceTypeInfo[], string>();

function describeTypes(types: ResourceTypeInfo[]): string {
  let hit = described.get(types);
  if (hit === undefined) {
    const shown = types.slice(0, 3).map((t) => `${t.name} (${t.arn})`).join(', ');
    described.set(types, (hit = types.length > 3 ? `${shown} and ${types.length - 3} more` : shown));
  }
  return hit;
}

export const resourceTypeMismatch: Rule = {
  id: 'CG2005',
  name: 'resource-type-mismatch',
  defaultSeverity: 'warning',
  short: 'No listed resource is of a type the action accepts',
  description:
    'For an Allow statement that names actions explicitly and lists ARNs, each action must be able to match at least one listed resource: an ARN of a resource type the action accepts (from the Service Authorization Reference), or "*" for actions that take no resource. Otherwise the statement grants that action on nothing.',
  kinds: POLICY_KINDS.filter((k) => k !== 'trust'),
  tags: ['iam', 'resources', 'actions'],
  docs: {
    rationale: 'Amazon Connect ARNs are easy to get subtly wrong: users are `instance/<id>/agent/<id>` (not `user`), hierarchy groups are `agent-group`, quick connects `transfer-destination`. A least-privilege policy that names the wrong type grants nothing, and the usual "fix" under time pressure is `"Resource": "*"`.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d/queue/*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d/agent/*"\n  }]\n}',
    fix: 'Use an ARN of a resource type the action accepts (the message lists them), split the statement so each action gets its own resources, or use "*" for actions that support no resource types.',
    notes: 'Beyond IAM Access Analyzer, which checks ARN format only. Matching treats `${...}` parts of the documented formats and IAM wildcards and policy variables in your ARNs as wildcards. The Connect Administrator Guide\'s SAML example `instance/<id>/user/${aws:userid}` is not a documented resource type: it is reported as information, not as a warning. Statements with wildcard actions, NotAction, NotResource or a "*" resource are not checked.',
  },
  check(ctx) {
    const { iam } = ctx;
    for (const s of ctx.policy.statements) {
      if (s.effect !== 'Allow' || !s.el.Action || !s.el.Resource?.value) continue;
      const resources = stringItems(s.el.Resource.value);
      // A resource that matches the literal "*" (what IAM checks for actions without resource types) matches anything.
      if (!resources.length || resources.some((r) => wildcardMatch(r.value, '*'))) continue;
      const arns = resources.filter((r) => arnProblemsCached(iam, r.value).every((p) => p.severity === 'warning'));
      if (!arns.length) continue;
      // Whether some listed ARN is of the type: actions of one statement share their types.
      const fits = new Map<ResourceTypeInfo, boolean>();
      let matchers: ((t: ResourceTypeInfo) => boolean)[] | undefined;
      const fit = (t: ResourceTypeInfo): boolean => {
        let hit = fits.get(t);
        if (hit === undefined) fits.set(t, (hit = (matchers ??= arns.map((r) => resourceTypeMatcher(r.value, iam))).some((m) => m(t))));
        return hit;
      };
      let samlArn: boolean | undefined;
      const saml = () => (samlArn ??= arns.some((r) => isConnectSamlUserArn(r.value)));
      const el = actionElement(s)!;
      const seen = new Set<string>();
      for (let n = 0; n < el.items.length; n++) {
        const item = el.items[n];
        const lower = el.lower[n];
        if (hasWildcard(item.value) || item.value.length > 200 || seen.has(lower)) continue;
        seen.add(lower);
        const colon = item.value.indexOf(':');
        if (colon < 0) continue;
        const action = itemAction(iam, el, n);
        if (action) checkAction(action, item, fit, saml, s.el.Resource.value);
      }
    }

    function checkAction(action: ActionInfo, item: StringItem, fit: (t: ResourceTypeInfo) => boolean, saml: () => boolean, value: Node): void {
      const types = action.resourceTypes.length ? iam.resourceTypesOfAction(action) : [];
      if (action.resourceTypes.length && (!types.length || types.some(fit))) return;
      const related: RelatedLocation[] = [{ offset: item.node.offset, length: item.node.length, message: `the action ${action.fullName}` }];
      const data = { action: action.fullName };
      // Findings are built field by field (no spread of a shared base): this rule reports thousands.
      if (!action.resourceTypes.length) {
        ctx.report({ offset: value.offset, length: value.length, related, data, message: `${action.fullName} supports no resource types: IAM authorises it only with "Resource": "*", so this statement grants it on nothing. Move it to a statement with "Resource": "*".` });
        return;
      }
      if (saml()) {
        ctx.report({ offset: value.offset, length: value.length, related, data, severity: 'info', message: `instance/…/user/… is the pattern of the Amazon Connect SAML guide, but it is not a documented resource type; ${action.fullName} is documented on ${describeTypes(types)}. Confirm it grants what you expect.` });
        return;
      }
      ctx.report({ offset: value.offset, length: value.length, related, data, message: `No resource listed is of a type ${action.fullName} accepts, so the statement grants it on nothing. It accepts ${describeTypes(types)}.` });
    }
  },
};
