import { Rule, RuleContext } from '../../types';
import { Node, properties } from '../../json';
import { quote, rangeOf } from './util';

export const duplicateKey: Rule = {
  id: 'CG1018',
  name: 'duplicate-key',
  defaultSeverity: 'error',
  short: 'An object has the same key twice',
  description:
    'JSON does not define what a repeated key means. Most parsers keep the last value and drop the first without a word; IAM may reject the policy or read it differently from your tooling. Condition keys are case-insensitive, so two keys in one operator block that differ only in case ("aws:ResourceTag/Team" and "aws:resourcetag/team") are also duplicates. The finding is on the repeat and points at the first key.',
  kinds: ['identity', 'scp', 'endpoint', 'resource', 'trust'],
  tags: ['grammar'],
  accessAnalyzer: ['Duplicate keys with different case'],
  docs: {
    rationale: 'A second "StringEquals" block added to a Connect administrator policy to require MFA silently replaces the first block with the tag condition: reviewers see two conditions, the parser keeps one, and administrators can act on resources outside their team. Repeated "Action" keys in a persona policy lose half of the grant, or half of the guardrail in a Deny.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": {\n      "StringEquals": { "aws:ResourceTag/Team": "Agents" },\n      "StringEquals": { "aws:PrincipalTag/Role": "Admin" }\n    }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": {\n      "StringEquals": { "aws:ResourceTag/Team": "Agents", "aws:PrincipalTag/Role": "Admin" }\n    }\n  }]\n}',
    fix: 'Merge the two values into one key (for operator blocks, put all condition keys in one block; for lists, one array), then delete the repeat.',
  },
  check(ctx) {
    const root = ctx.json.root;
    if (!root) return;
    const conditionBlocks = new Set<Node>();
    for (const s of ctx.policy.statements) {
      for (const op of properties(s.el.Condition?.value)) if (op.value?.type === 'object') conditionBlocks.add(op.value);
    }
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'object') checkObject(ctx, node, conditionBlocks.has(node));
      for (const c of node.children ?? []) if (c.type === 'object' || c.type === 'array' || c.type === 'property') stack.push(c);
    }
  },
};

/** Objects up to this many properties are checked by comparing each key with the earlier ones (no maps). */
const SMALL_OBJECT = 12;

function checkObject(ctx: RuleContext, obj: Node, caseInsensitive: boolean): void {
  const kids = obj.children;
  if (!kids?.length) return;
  if (kids.length > SMALL_OBJECT) {
    checkLargeObject(ctx, kids, caseInsensitive);
    return;
  }
  for (let i = 0; i < kids.length; i++) {
    const key = kids[i].children?.[0];
    if (!key) continue;
    const name = String(key.value);
    // The first earlier key of the same name; else (condition keys) of the same name in any case.
    let first: Node | undefined;
    for (let j = 0; j < i && !first; j++) {
      const k = kids[j].children?.[0];
      if (k && String(k.value) === name) first = k;
    }
    if (first) {
      reportRepeat(ctx, key, name, first);
      continue;
    }
    if (!caseInsensitive) continue;
    const lower = name.toLowerCase();
    for (let j = 0; j < i && !first; j++) {
      const k = kids[j].children?.[0];
      if (k && String(k.value).toLowerCase() === lower) first = k;
    }
    if (first) reportFolded(ctx, key, name, first);
  }
}

function checkLargeObject(ctx: RuleContext, kids: Node[], caseInsensitive: boolean): void {
  const exact = new Map<string, Node>();
  const folded = new Map<string, Node>();
  for (const p of kids) {
    const key = p.children?.[0];
    if (!key) continue;
    const name = String(key.value);
    const first = exact.get(name);
    if (first) {
      reportRepeat(ctx, key, name, first);
      continue;
    }
    exact.set(name, key);
    if (!caseInsensitive) continue;
    const lower = name.toLowerCase();
    const other = folded.get(lower);
    if (other) {
      reportFolded(ctx, key, name, other);
      continue;
    }
    folded.set(lower, key);
  }
}

function reportRepeat(ctx: RuleContext, key: Node, name: string, first: Node): void {
  ctx.report({
    ...rangeOf(key),
    message: `${quote(name)} appears twice in this object: parsers keep only one (usually this later one), so the other is silently dropped or IAM rejects the policy. Merge them into one.`,
    related: [{ ...rangeOf(first), message: `first ${quote(name)}` }],
  });
}

function reportFolded(ctx: RuleContext, key: Node, name: string, other: Node): void {
  ctx.report({
    ...rangeOf(key),
    message: `Condition keys are case-insensitive: ${quote(name)} repeats ${quote(String(other.value))} in this operator block, and IAM rejects the policy. Merge their values under one key.`,
    related: [{ ...rangeOf(other), message: `first spelling ${quote(String(other.value))}` }],
  });
}
