import { Rule } from '../../types';

/**
 * Findings that compare a policy with observed CloudTrail activity. They need the
 * activity as a second input, so `lint` never emits them: `ActivityChecker` does
 * (`connect-guard check-activity`, and the editor command "Check policy against
 * activity"). The rule objects carry the metadata for settings, SARIF and docs.
 */
const needsActivity = (): void => undefined;

export const activityUnusedPermission: Rule = {
  id: 'CG5001',
  name: 'activity-unused-permission',
  defaultSeverity: 'warning',
  short: 'A granted action was not used in the activity window',
  description: 'An Allow action (or some of the actions a wildcard grants) never appears in the CloudTrail activity checked against the policy. Unused write actions are listed first.',
  kinds: ['identity'],
  tags: ['activity', 'least-privilege', 'needs-activity'],
  fixable: true,
  docs: {
    rationale: 'Least privilege is reached by observation: a developer role that was given `connect:*` and only ever called `DescribeContactFlow` and `UpdateContactFlowContent` carries over 200 unused write actions, among them user and security-profile changes.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:DescribeContactFlow", "connect:DeleteUser"], "Resource": "*" }]\n}\n// activity: only DescribeContactFlow was called',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:DescribeContactFlow"], "Resource": "*" }]\n}',
    fix: 'Remove the unused action (quick-fix), or replace a wildcard with the actions that were used. Make sure the window covers rare but legitimate tasks (month-end, incident response) before removing.',
    notes: 'Produced only by `connect-guard check-activity --policy P <cloudtrail...>` and the editor command; `lint` does not emit it.',
  },
  check: needsActivity,
};

export const activityMissingPermission: Rule = {
  id: 'CG5002',
  name: 'activity-missing-permission',
  defaultSeverity: 'warning',
  short: 'An observed call is not allowed by the policy',
  description: 'A call in the CloudTrail activity (same principal, same window) is not allowed by this policy: no Allow matches its action and resource, or an explicit Deny does. Conditions are not evaluated.',
  kinds: ['identity'],
  tags: ['activity', 'needs-activity'],
  docs: {
    rationale: 'Before a broad policy is replaced by a narrow one, every call the workload really makes must still be allowed, or the contact centre breaks in production.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}\n// activity: connect:ListQueues was called',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:DescribeUser", "connect:ListQueues"], "Resource": "*" }]\n}',
    fix: 'Add the action on the resources listed in the message, or confirm the call should be refused.',
    notes: 'Produced only by `check-activity`. Conditions, permission boundaries, SCPs and session policies are not evaluated.',
  },
  check: needsActivity,
};

export const activityConditionsNotEvaluated: Rule = {
  id: 'CG5003',
  name: 'activity-conditions-not-evaluated',
  defaultSeverity: 'info',
  short: 'A statement that decided observed calls has conditions that were not evaluated',
  description: 'Offline analysis matches actions and resources only. A statement with a Condition block that matched observed calls is assumed to apply; this finding says so per statement.',
  kinds: ['identity'],
  tags: ['activity', 'needs-activity'],
  docs: {
    rationale: 'An auditor reading "no missing permissions" must know which conclusions rest on conditions that were not checked (MFA, source IP, tags).',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } }]\n}',
    good: '(informational: nothing to change)',
    fix: 'Nothing to fix; review the condition against the records if the conclusion matters.',
  },
  check: needsActivity,
};

export const activityRules: Rule[] = [activityUnusedPermission, activityMissingPermission, activityConditionsNotEvaluated];
