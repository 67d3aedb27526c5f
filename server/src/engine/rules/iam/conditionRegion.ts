import { Rule, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import { fix, replaceNode } from '../../fixes';
import { didYouMean, editDistance } from '../../suggest';
import { hasPolicyVariable, hasValueWildcard, parseOperator, scalarText } from '../../iam/conditions';

/** Region codes AWS had published when this list was written; new ones only get a warning. */
const KNOWN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1', 'me-central-1',
  'mx-central-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1', 'eusc-de-east-1',
];
const KNOWN = new Set(KNOWN_REGIONS);
/** `eu-west-2`, `us-gov-west-1`, `eusc-de-east-1`: an area, one or two words, a number. */
function wellFormedRegion(s: string): boolean {
  const parts = s.split('-');
  if (parts.length < 3 || parts.length > 4) return false;
  const last = parts.length - 1;
  return /^[a-z]{2,4}$/.test(parts[0]) && parts.slice(1, last).every((p) => /^[a-z]+$/.test(p)) && /^\d{1,2}$/.test(parts[last]);
}
const KEYS = ['aws:requestedregion'];

/** The nearest known codes; Region codes differ by one digit, so only the closest distance counts. */
function closest(text: string): string[] {
  const near = didYouMean(text, KNOWN_REGIONS);
  const lower = text.toLowerCase();
  const best = Math.min(...near.map((n) => editDistance(lower, n)));
  return near.filter((n) => editDistance(lower, n) === best);
}

export const conditionRegion: Rule = {
  id: 'CG2058',
  name: 'condition-region',
  defaultSeverity: 'error',
  short: 'aws:RequestedRegion is compared with a value that is not a Region code',
  description:
    'aws:RequestedRegion holds a Region code such as `eu-west-2`. A Region name ("London"), a code in capitals or a typo never matches: an Allow pinned this way grants nothing, and the usual SCP guardrail (Deny with StringNotEquals) denies every Region, the intended one included.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions', 'guardrails'],
  accessAnalyzer: ['Invalid Region'],
  fixable: true,
  docs: {
    rationale: 'Regulated contact centres keep Amazon Connect and its data in approved Regions with an SCP on aws:RequestedRegion. A misspelt Region in that guardrail either locks the organisation out of its own Connect instance or, written as an Allow, never grants access.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": ["iam:*", "sts:*", "organizations:*", "support:*"],\n    "Resource": "*",\n    "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west2", "eu-central-1"] } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": ["iam:*", "sts:*", "organizations:*", "support:*"],\n    "Resource": "*",\n    "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west-2", "eu-central-1"] } }\n  }]\n}',
    fix: 'Write Region codes in lower case as AWS lists them (`eu-west-2`, `us-gov-west-1`). The quick-fix offers the nearest known code.',
    notes: 'A well-formed code that is not in connect-guard\'s list is a warning (AWS opens Regions after a release). Values with wildcards (`eu-*` under StringLike) or policy variables are not checked.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const e of conditionEntries(s)) {
        if (!KEYS.includes(e.key.name.toLowerCase())) continue;
        if (parseOperator(e.operator.name).info?.family !== 'String') continue;
        for (const v of e.values) {
          const text = scalarText(v);
          if (text === undefined || hasPolicyVariable(text) || hasValueWildcard(text) || KNOWN.has(text)) continue;
          const near = KNOWN.has(text.toLowerCase()) ? [text.toLowerCase()] : closest(text);
          const wellFormed = wellFormedRegion(text);
          ctx.report({
            offset: v.offset,
            length: v.length,
            severity: wellFormed && !near.length ? 'warning' : undefined,
            message: wellFormed && !near.length
              ? `"${text}" is not a Region connect-guard knows; if AWS opened it recently this is fine, otherwise ${e.key.name} never equals it.`
              : `"${text}" is not a Region code${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}: ${e.key.name} never equals it.`,
            fixes: near.map((n) => fix(`Change to "${n}"`, [replaceNode(v, n)], near.length === 1)),
          });
        }
      }
    }
  },
};
