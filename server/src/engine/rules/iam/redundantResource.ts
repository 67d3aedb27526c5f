import { Rule } from '../../types';
import { Node } from '../../json';
import { patternCovers } from '../../iam/actions';
import { findRedundant } from '../../iam/redundant';
import { hasPolicyVariable } from '../../iam/conditions';
import { redundantFixes } from './redundantFixes';
import { CappedReporter } from './listLimit';

export const redundantResource: Rule = {
  id: 'CG2011',
  name: 'redundant-resource',
  defaultSeverity: 'info',
  short: 'A resource is listed twice or is already covered by a wildcard ARN in the same list',
  description:
    'Duplicates (compared exactly: IAM matches ARNs case-sensitively) and ARNs that another pattern of the same Resource or NotResource list already matches (`arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q1` beside `arn:aws:connect:eu-west-2:111122223333:instance/abc/*`) change nothing. They make reviews slower and suggest a narrower grant than the statement makes.',
  kinds: ['identity', 'scp', 'endpoint', 'resource'],
  tags: ['iam', 'resources', 'hygiene'],
  accessAnalyzer: ['Redundant resource'],
  fixable: true,
  docs: {
    rationale: 'Reviewers of a Connect persona policy read the resource list to see which instances, queues and flows a persona reaches. An explicit queue ARN beside `instance/abc/*` suggests the grant stops at that queue when it covers the whole instance; removing the redundant ARN makes the real scope visible and saves characters against the size quota.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeQueue",\n    "Resource": [\n      "arn:aws:connect:eu-west-2:111122223333:instance/abc/*",\n      "arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q1"\n    ]\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeQueue",\n    "Resource": [\n      "arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q1"\n    ]\n  }]\n}',
    fix: 'Remove the redundant ARN (the quick-fix does). If the explicit ARN was the intent, narrow the wildcard instead.',
    notes: 'An ARN counts as covered only when the other pattern matches every resource it could match (`*` and `?` as IAM reads them, across `:` and `/`). Items holding policy variables (`${aws:userid}`) are compared only for exact repetition. Cover checks stop after a fixed amount of work per list (far beyond lists that fit a size quota); past it only exact repeats are reported.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const prop = s.el.Resource ?? s.el.NotResource;
      const arr = prop?.value;
      if (!prop || arr?.type !== 'array' || (arr.children?.length ?? 0) < 2) continue;
      const values: string[] = [];
      for (const node of arr.children!) if (node.type === 'string' && node.value !== '') values.push(node.value as string);
      const redundant = findRedundant(values, (v) => v, (o, i, budget) => patternCovers(o, i, true, budget), (v) => !hasPolicyVariable(v));
      if (!redundant.length) continue;
      // Items with their index in the array (non-strings skipped), for the removal edit.
      const items: { value: string; node: Node; index: number }[] = [];
      arr.children!.forEach((node, index) => {
        if (node.type === 'string' && node.value !== '') items.push({ value: node.value as string, node, index });
      });
      const out = new CappedReporter(ctx, prop, 'redundant items');
      const fixesFor = redundantFixes(arr, items, redundant, (v) => v);
      for (const r of redundant) {
        const { index, by, duplicate } = r;
        const item = items[index];
        const other = items[by];
        out.report(() => ({
          message: duplicate
            ? `${JSON.stringify(item.value)} is listed twice in ${prop.name}: remove the repetition.`
            : `${JSON.stringify(item.value)} is already matched by ${JSON.stringify(other.value)} in the same ${prop.name} list: the item changes nothing.`,
          offset: item.node.offset,
          length: item.node.length,
          related: [{ offset: other.node.offset, length: other.node.length, message: duplicate ? 'first listed here' : 'the covering pattern' }],
          fixes: fixesFor(r),
        }));
      }
      out.finish();
    }
  },
};
