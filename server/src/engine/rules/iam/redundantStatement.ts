import { Rule, POLICY_KINDS } from '../../types';
import { Node, properties } from '../../json';
import { Statement, statementLabel } from '../../policy';
import { removeArrayItem } from '../../fixes';
import { cap } from '../grammar/util';

/** Elements whose items IAM compares case-insensitively (condition keys are handled apart). */
const CASE_INSENSITIVE = new Set(['Action', 'NotAction']);

/**
 * A text equal for two values IAM reads the same: a string and a one-item array, arrays in
 * any order or with repeats. `lower` folds string case (action names).
 */
function canonical(node: Node | undefined, lower: boolean): string {
  if (!node) return '';
  switch (node.type) {
    case 'array': {
      const items = [...new Set((node.children ?? []).map((c) => canonical(c, lower)))].sort();
      return items.length === 1 ? items[0] : `[${items.join(',')}]`;
    }
    case 'object': {
      const entries = properties(node).map((p) => `${JSON.stringify(p.name)}:${canonical(p.value, lower)}`);
      return `{${entries.sort().join(',')}}`;
    }
    case 'string':
      return JSON.stringify(lower ? (node.value as string).toLowerCase() : node.value);
    default:
      return JSON.stringify(node.value ?? null);
  }
}

/** Condition: operators compared as written, keys case-insensitively (as IAM does), values as sets. */
function canonicalCondition(node: Node | undefined): string {
  if (node?.type !== 'object') return canonical(node, false);
  const ops = properties(node).map((op) => {
    const keys = op.value?.type === 'object'
      ? `{${properties(op.value).map((k) => `${JSON.stringify(k.name.toLowerCase())}:${canonical(k.value, false)}`).sort().join(',')}}`
      : canonical(op.value, false);
    return `${JSON.stringify(op.name)}:${keys}`;
  });
  return `{${ops.sort().join(',')}}`;
}

/** Long lists and conditions, named but not spelled out in `shape`. */
const COSTLY = new Set(['Action', 'NotAction', 'Condition']);

/**
 * A cheap part of `signature` (its elements, with the short ones spelled out): statements
 * whose shapes differ cannot share a signature, so most statements need no signature.
 */
function shape(s: Statement): string {
  const parts: string[] = [];
  for (const p of s.props) {
    if (p.name === 'Sid') continue;
    parts.push(COSTLY.has(p.name) ? JSON.stringify(p.name) : `${JSON.stringify(p.name)}:${canonical(p.value, CASE_INSENSITIVE.has(p.name))}`);
  }
  return parts.sort().join('\n');
}

/**
 * `shape` as a number for statements whose short elements are all strings or lists of
 * strings (undefined otherwise): for those, equal canonical texts mean equal sets of
 * strings, and so equal least and greatest strings. A commutative sum of hashes of each
 * element's name and those two strings is then equal whenever signatures are, with no
 * sorting and no strings built. Collisions only cost a signature.
 */
function quickShape(s: Statement): number | undefined {
  let sum = 0;
  for (const p of s.props) {
    if (p.name === 'Sid') continue;
    let h = hashText(FNV_OFFSET, p.name);
    if (!COSTLY.has(p.name)) {
      const v = p.value;
      let min: string | undefined;
      let max: string | undefined;
      if (v?.type === 'string') min = max = v.value as string;
      else if (v?.type === 'array') {
        for (const c of v.children ?? []) {
          if (c.type !== 'string') return undefined;
          const x = c.value as string;
          if (min === undefined || x < min) min = x;
          if (max === undefined || x > max) max = x;
        }
      } else return undefined;
      h = min === undefined ? Math.imul(h ^ 2, FNV_PRIME) : hashText(hashText(Math.imul(h ^ 1, FNV_PRIME), min), max!);
    }
    sum = (sum + h) | 0;
  }
  return sum;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  // The length ends the field, so that ("ab", "c") and ("a", "bc") differ.
  return Math.imul(h ^ (text.length | 0x10000), FNV_PRIME);
}

/** Everything that decides what the statement does; the Sid does not. */
function signature(s: Statement): string {
  const parts: string[] = [];
  for (const p of s.props) {
    if (p.name === 'Sid') continue;
    const value = p.name === 'Condition' ? canonicalCondition(p.value) : canonical(p.value, CASE_INSENSITIVE.has(p.name));
    parts.push(`${JSON.stringify(p.name)}:${value}`);
  }
  return parts.sort().join('\n');
}

export const redundantStatement: Rule = {
  id: 'CG2012',
  name: 'redundant-statement',
  defaultSeverity: 'info',
  short: 'A statement repeats another statement of the policy',
  description:
    'Two statements with the same effect, actions, resources, principals and conditions (in any order, apart from the Sid) grant or deny the same thing twice. The second changes nothing; it usually comes from merging two drafts and hides which statement a reviewer should read.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'hygiene'],
  accessAnalyzer: ['Redundant statement'],
  fixable: true,
  docs: {
    rationale: 'Persona policies for Amazon Connect grow by copy and paste between the developer, administrator and application roles. A repeated statement costs characters against the 6,144-character managed-policy quota and makes a later edit of one copy silently ineffective (the other copy still grants).',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "ReadFlows", "Effect": "Allow", "Action": ["connect:DescribeContactFlow", "connect:ListContactFlows"], "Resource": "*" },\n    { "Sid": "Flows", "Effect": "Allow", "Action": ["connect:ListContactFlows", "connect:DescribeContactFlow"], "Resource": ["*"] }\n  ]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "ReadFlows", "Effect": "Allow", "Action": ["connect:DescribeContactFlow", "connect:ListContactFlows"], "Resource": "*" }\n  ]\n}',
    fix: 'Remove the repeated statement (the quick-fix removes the later one). If the two were meant to differ, make the intended change to the one that remains.',
    notes: 'Statements are compared for equal meaning as written (lists as sets, action names and condition keys without case), not for one statement covering another: a statement whose actions are a subset of another\'s is not reported.',
  },
  check(ctx) {
    const list = ctx.policy.statementProp?.value;
    if (list?.type !== 'array' || ctx.policy.statements.length < 2) return;
    // Shapes by number where every statement allows it, else as text (see quickShape).
    const shapes = new Map<Statement, string | number>();
    const shapeCount = new Map<string | number, number>();
    let quick = true;
    for (const s of ctx.policy.statements) {
      if (!s.effect) continue;
      const k = quick ? quickShape(s) : undefined;
      if (k === undefined) quick = false;
      else shapes.set(s, k);
    }
    for (const s of ctx.policy.statements) {
      if (!s.effect) continue;
      const k = quick ? shapes.get(s)! : shape(s);
      shapes.set(s, k);
      shapeCount.set(k, (shapeCount.get(k) ?? 0) + 1);
    }
    const seen = new Map<string, Statement>();
    for (const s of ctx.policy.statements) {
      if (!s.effect || shapeCount.get(shapes.get(s)!)! < 2) continue;
      const sig = signature(s);
      const first = seen.get(sig);
      if (!first) {
        seen.set(sig, s);
        continue;
      }
      ctx.report({
        offset: s.node.offset,
        length: s.node.length,
        message: `${cap(statementLabel(s))} repeats ${statementLabel(first)}: same effect, actions, resources, principals and conditions, so it changes nothing. Remove it.`,
        related: [{ offset: first.node.offset, length: first.node.length, message: 'the same statement' }],
        fixes: [{ title: `Remove ${statementLabel(s)}`, edits: [removeArrayItem(list, s.index)], preferred: true }],
      });
    }
  },
};
