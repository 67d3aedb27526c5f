import { Rule, POLICY_KINDS } from '../../types';
import { actionElement, patternCovers } from '../../iam/actions';
import { findRedundant } from '../../iam/redundant';
import { redundantFixes } from './redundantFixes';
import { CappedReporter } from './listLimit';
import { Node } from '../../json';

const same = (v: string) => v;

export const redundantAction: Rule = {
  id: 'CG2006',
  name: 'redundant-action',
  defaultSeverity: 'info',
  short: 'An action is listed twice or is already covered by a wildcard in the same list',
  description:
    'Duplicates (compared case-insensitively, as IAM compares action names) and actions that another pattern of the same Action or NotAction list already matches (`connect:ListUsers` beside `connect:List*`) change nothing. They make reviews slower and hide what the statement really grants.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'actions', 'hygiene'],
  accessAnalyzer: ['Redundant action'],
  fixable: true,
  docs: {
    rationale: 'Reviewers of a Connect persona policy read the action list to see what is granted. An explicit `connect:DescribeUser` beside `connect:Describe*` suggests the grant is narrower than it is; removing the redundant item makes the wildcard visible. It also saves characters against the policy size quota.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:List*", "connect:ListUsers", "connect:DescribeUser", "connect:describeuser"], "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:List*", "connect:DescribeUser"], "Resource": "*" }]\n}',
    fix: 'Remove the redundant item (the quick-fix does). If the explicit action was the intent, narrow the wildcard instead.',
    notes: 'A pattern counts as covered only when the other pattern matches every action it could ever match, whatever the catalogue holds (so `connect:List*` is covered by `connect:*` and by `*`). The check compares items of the list with each other, never with the whole catalogue. Cover checks stop after a fixed amount of work per list (far beyond lists that fit a size quota); past it only exact repeats are reported.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const el = actionElement(s);
      const arr = el?.prop.value;
      if (!el || arr?.type !== 'array' || el.items.length < 2) continue;
      // el.lower holds the string items lower-cased (IAM compares action names so), in order.
      const redundant = findRedundant(el.lower, same, (o, i, budget) => patternCovers(o, i, true, budget));
      if (!redundant.length) continue;
      // Items with their index in the array (non-strings skipped), for the removal edit.
      const items: { value: string; node: Node; index: number }[] = [];
      arr.children!.forEach((node, index) => {
        if (node.type === 'string') items.push({ value: node.value as string, node, index });
      });
      const out = new CappedReporter(ctx, el.prop, 'redundant items');
      const normalise = (v: string) => v.toLowerCase();
      const fixesFor = redundantFixes(arr, items, redundant, normalise);
      for (const r of redundant) {
        const { index: k, by, duplicate: dup } = r;
        const item = items[k];
        const other = items[by];
        out.report(() => ({
          message: dup
            ? `"${item.value}" is listed twice in ${el.prop.name}: remove the repetition.`
            : `"${item.value}" is already matched by "${other.value}" in the same ${el.prop.name} list: the item changes nothing.`,
          offset: item.node.offset,
          length: item.node.length,
          related: [{ offset: other.node.offset, length: other.node.length, message: dup ? 'first listed here' : 'the covering pattern' }],
          fixes: fixesFor(r),
          data: { action: item.value },
        }));
      }
      out.finish();
    }
  },
};
