import { Rule, POLICY_KINDS, TextEdit } from '../../types';
import { Node } from '../../json';
import { misspeltAs, TOP_LEVEL } from './util';

export const missingVersion: Rule = {
  id: 'CG1002',
  name: 'missing-version',
  defaultSeverity: 'warning',
  short: 'The policy has no "Version"',
  description:
    'Without "Version": "2012-10-17", IAM evaluates the policy with the 2008 language: policy variables such as ${aws:username} stay literal text and never match.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Missing version'],
  fixable: true,
  docs: {
    rationale: 'Amazon Connect SAML federation scopes agents with `${aws:userid}` in resource ARNs. Without a Version the variable is matched literally and access silently breaks, or, in a Deny, silently stops denying.',
    bad: '{\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/agent/${aws:userid}" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/agent/${aws:userid}" }]\n}',
    fix: 'Add `"Version": "2012-10-17"` as the first element. The quick-fix does this.',
  },
  check(ctx) {
    const { policy } = ctx;
    if (!policy.root || policy.root.type !== 'object' || policy.version) return;
    // "Versions" or "version": unknown-element renames it; adding one more would leave two.
    if (misspeltAs(policy.props, TOP_LEVEL, ['Version'])) return;
    // The opening brace: a zero-width range would be invisible in editors.
    ctx.report({
      message: 'No "Version": policy variables are not substituted and IAM uses the 2008 language. Add "Version": "2012-10-17".',
      offset: policy.root.offset,
      length: 1,
      fixes: [{ title: 'Add "Version": "2012-10-17"', edits: addVersionEdits(ctx.text, policy.root), preferred: true }],
    });
  },
};

/**
 * Inserts Version as the first property, copying the whitespace that precedes the
 * current first property so the layout is kept. Built by hand: `modify` re-parses and
 * re-formats the whole document, which is slow on large policies.
 */
function addVersionEdits(text: string, root: Node): TextEdit[] {
  const first = root.children?.[0];
  const entry = '"Version": "2012-10-17"';
  if (!first) return [{ offset: root.offset + 1, length: 0, content: entry }];
  // Only the whitespace right before the first property (a comment there stays put).
  const gap = /\s*$/.exec(text.slice(root.offset + 1, first.offset))![0];
  return [{ offset: first.offset, length: 0, content: `${entry},${gap.length ? gap : ' '}` }];
}
