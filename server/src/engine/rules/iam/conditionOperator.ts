import { Rule, POLICY_KINDS, Fix, RuleContext } from '../../types';
import type { IamData } from '../../iam/data';
import { Statement } from '../../policy';
import { Node, Property, properties } from '../../json';
import { removeProperty } from '../grammar/util';
import { fix, replaceNode } from '../../fixes';
import { didYouMean } from '../../suggest';
import {
  OPERATOR_SPELLINGS, ParsedOperator, canonicalOperatorCase, checkValue, familiesForType, familyFitsKey,
  elementType, hasValueWildcard, isMultivalued, parseOperator, scalarText,
} from '../../iam/conditions';

export const conditionOperator: Rule = {
  id: 'CG2052',
  name: 'condition-operator',
  defaultSeverity: 'warning',
  short: 'A condition operator is unknown, misused for its key, or given values it cannot match',
  description:
    'Checks each condition operator and its values: the operator name (IAM spells them one way), IfExists and set qualifiers (ForAllValues/ForAnyValue only for multivalued keys, never IfExists on Null), the operator family against the key type (a String operator on a Bool key), and each value against the operator (Bool true/false, numbers, ISO 8601 dates, CIDR ranges, base64, wildcards only under Like operators).',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions'],
  accessAnalyzer: [
    'Invalid condition operator', 'Invalid condition data type', 'Invalid condition multiple Boolean', 'ForAllValues with single valued key',
    'Invalid date value', 'Wildcard without like operator', 'Type mismatch', 'Type mismatch Boolean', 'Type mismatch date',
    'Type mismatch IP range', 'Type mismatch number', 'Type mismatch string', 'Null with qualifier', 'Improve IP range',
    'Missing qualifier', 'Null with if exists',
  ],
  fixable: true,
  docs: {
    rationale: 'Conditions carry the least-privilege and guardrail logic of an Amazon Connect deployment: MFA for service administrators (`aws:MultiFactorAuthPresent`), tag-based access (`aws:ResourceTag/...`), network fences (`aws:SourceIp`). A misspelt operator makes IAM reject the policy; a wrong operator or value makes the condition silently never match, or, with `ForAllValues` on a single-valued key, always match when the key is missing.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": {\n      "StringEquals": { "aws:MultiFactorAuthPresent": "true" },\n      "ForAllValues:StringEquals": { "aws:ResourceTag/Role": "Admin" }\n    }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": {\n      "Bool": { "aws:MultiFactorAuthPresent": "true" },\n      "StringEquals": { "aws:ResourceTag/Role": "Admin" }\n    }\n  }]\n}',
    fix: 'Use the operator family of the key\'s type, a set qualifier only on multivalued keys (`aws:TagKeys`), and values in the operator\'s format. Quick-fixes correct operator spelling, remove a misplaced qualifier or IfExists, switch StringEquals/StringNotEquals to the key\'s own family (Bool, Numeric, Date, IpAddress) when the values fit it, switch exact operators to Like when values hold wildcards, and normalise CIDR ranges.',
    notes: 'AWS documents condition key names as case-insensitive but says nothing of operator names; connect-guard treats an operator in another case (`stringEquals`) as unknown and offers the documented spelling, which is what IAM Access Analyzer expects. Values with policy variables (`${aws:username}`) are resolved at request time and are not checked. ArnEquals and ArnLike both honour wildcards in IAM; a wildcard under ArnEquals is reported as information only. The key type comes from the bundled IAM data; keys it does not know are left to `unknown-condition-key`.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const ops = properties(s.el.Condition?.value);
      for (const op of ops) checkOperator(ctx, s, op, ops);
    }
  },
};

/**
 * A fix renaming the operator block. When a block of that name exists, the rename still goes
 * in one step (otherwise the name stays taken until some other fix frees it, costing "fix all"
 * passes): an empty block of that name (empty-value's) goes with the rename, and a non-empty
 * one takes this block's keys, unless a key is in both.
 */
function renameOperator(text: string, op: Property, siblings: Property[], to: string, title = `Change to "${to}"`, preferred = true): Fix[] {
  const taken = siblings.find((p) => p !== op && p.name === to);
  if (!taken) return [fix(title, [replaceNode(op.key, to)], preferred)];
  const into = taken.value;
  if (into?.type !== 'object' || op.value?.type !== 'object') return [];
  const moving = properties(op.value);
  if (!moving.length) return [];
  const existing = properties(into);
  if (!existing.length) return [fix(title, [replaceNode(op.key, to), removeProperty(taken)], preferred)];
  const names = new Set(existing.map((k) => k.name.toLowerCase()));
  if (moving.some((k) => names.has(k.name.toLowerCase()))) return [];
  const last = existing[existing.length - 1].node;
  // The separator the target block already uses between its keys (or before its first one).
  const gap = existing.length > 1 ? text.slice(existing[0].node.offset + existing[0].node.length, existing[1].node.offset) : `,${text.slice(into.offset + 1, existing[0].node.offset)}`;
  const body = text.slice(moving[0].node.offset, moving[moving.length - 1].node.offset + moving[moving.length - 1].node.length);
  return [fix(`Move the keys of "${op.name}" into "${to}"`, [{ offset: last.offset + last.length, length: 0, content: gap + body }, removeProperty(op)], preferred)];
}

/**
 * The spelling a misspelt operator should become: `n`, its key's typed operator, or its Like
 * form when the block's values hold wildcards (checkEntry and checkValues would ask for those
 * next, costing "fix all" a pass).
 */
function finalSpelling(iam: IamData, op: Property, n: string): string {
  const parsed = parseOperator(n);
  const info = parsed.info;
  if (!info) return n;
  const keys = properties(op.value);
  const valuesOf = (k: Property) => (k.value?.type === 'array' ? k.value.children ?? [] : k.value ? [k.value] : []);
  // One key of another type (aws:SourceIp under StringEquals): checkEntry would ask for the typed operator.
  const keyInfo = keys.length === 1 ? iam.conditionKey(keys[0].name) : undefined;
  if (keyInfo && !familyFitsKey(info.family, keyInfo)) {
    const typed = typedReplacement(info.name, keyInfo.type, valuesOf(keys[0]));
    return typed ? spell(parsed, typed) : n;
  }
  if (!info.likeVariant || (info.family !== 'String' && info.family !== 'Arn') || info.name.includes('Like')) return n;
  return keys.flatMap(valuesOf).some((v) => hasValueWildcard(scalarText(v) ?? '')) ? spell(parsed, info.likeVariant) : n;
}

/** The operator key for `base`, keeping IfExists and the qualifier unless told otherwise. */
function spell(op: ParsedOperator, base: string, keepQualifier = true): string {
  return `${keepQualifier && op.qualifier ? op.qualifier + ':' : ''}${base}${op.ifExists ? 'IfExists' : ''}`;
}

/** The operator of the key's own family that tests the same thing as an exact String operator. */
const TYPED_EQUIVALENT: Record<string, Record<string, string>> = {
  StringEquals: { Bool: 'Bool', Numeric: 'NumericEquals', Date: 'DateEquals', IPAddress: 'IpAddress' },
  StringNotEquals: { Numeric: 'NumericNotEquals', Date: 'DateNotEquals', IPAddress: 'NotIpAddress' },
};

/** The typed operator to use instead of `operator` on a key of `keyType`, when every value suits it. */
function typedReplacement(operator: string, keyType: string, values: Node[]): string | undefined {
  const to = TYPED_EQUIVALENT[operator]?.[elementType(keyType)];
  const toInfo = to ? parseOperator(to).info : undefined;
  return toInfo && values.every((v) => checkValue(toInfo.family, v) === undefined) ? to : undefined;
}

function checkOperator(ctx: RuleContext, s: Statement, op: Property, siblings: Property[]): void {
  const opAt = { offset: op.key.offset, length: op.key.length };
  const parsed = parseOperator(op.name);
  const info = parsed.info;
  if (!info || !parsed.qualifierKnown || (info.family === 'Null' && parsed.ifExists && parsed.qualifier)) {
    const canonical = canonicalOperatorCase(op.name);
    const near = canonical ? [canonical] : didYouMean(op.name, OPERATOR_SPELLINGS);
    ctx.report({
      ...opAt,
      severity: 'error',
      message: canonical
        ? `Condition operators are spelt as documented: write "${canonical}", not "${op.name}".`
        : `"${op.name}" is not a condition operator${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}: IAM rejects the policy.`,
      fixes: near.flatMap((n) => {
        const to = finalSpelling(ctx.iam, op, n);
        return renameOperator(ctx.text, op, siblings, to, `Change to "${to}"`, near.length === 1);
      }),
    });
    return;
  }
  if (info.family === 'Null' && parsed.ifExists) {
    ctx.report({
      ...opAt,
      severity: 'error',
      message: 'Null has no IfExists form: Null already tests whether the key is present. Use "Null".',
      fixes: renameOperator(ctx.text, op, siblings, 'Null'),
    });
  } else if (info.family === 'Null' && parsed.qualifier) {
    ctx.report({
      ...opAt,
      severity: 'info',
      message: `${parsed.qualifier}:Null is ${parsed.qualifier === 'ForAllValues' ? 'always true' : 'always false'} according to IAM Access Analyzer; Null tests whether the key is present and takes no set qualifier. Use "Null".`,
      fixes: renameOperator(ctx.text, op, siblings, 'Null'),
    });
  }
  const keys = properties(op.value);
  for (const key of keys) checkEntry(ctx, s, op, siblings, parsed, key, keys.length);
}

function checkEntry(ctx: RuleContext, s: Statement, op: Property, siblings: Property[], parsed: ParsedOperator, key: Property, keysInBlock: number): void {
  const info = parsed.info!;
  const keyAt = { offset: key.key.offset, length: key.key.length };
  const keyInfo = ctx.iam.conditionKey(key.name);
  const values = !key.value ? [] : key.value.type === 'array' ? (key.value.children ?? []) : [key.value];
  const multivalued = keyInfo ? isMultivalued(keyInfo.type) : undefined;
  if (keyInfo && !familyFitsKey(info.family, keyInfo)) {
    const to = keysInBlock === 1 ? typedReplacement(info.name, keyInfo.type, values) : undefined;
    ctx.report({
      ...keyAt,
      message: `${key.name} is of type ${keyInfo.type}, which ${info.name} does not compare: the condition never matches as meant. Use ${familiesForType(keyInfo.type)}.`,
      fixes: to ? renameOperator(ctx.text, op, siblings, spell(parsed, to), `Change "${op.name}" to "${spell(parsed, to)}"`) : undefined,
    });
  }
  if (keyInfo && info.family !== 'Null') {
    // Removing a qualifier renames the whole block, so only offer it when the block has this one key.
    const drop = keysInBlock === 1 ? renameOperator(ctx.text, op, siblings, spell(parsed, info.name, false), 'Remove the set qualifier') : [];
    if (parsed.qualifier === 'ForAllValues' && !multivalued) {
      ctx.report({
        ...keyAt,
        message: s.effect === 'Deny'
          ? `${key.name} is single-valued: ForAllValues is true when the key is absent, so this Deny also fires on requests without it. Drop the qualifier.`
          : `${key.name} is single-valued: ForAllValues is true when the key is absent, so this ${s.effect ?? 'statement'} also applies to requests without it. Drop the qualifier.`,
        fixes: drop,
      });
    } else if (parsed.qualifier === 'ForAnyValue' && !multivalued) {
      ctx.report({
        ...keyAt,
        severity: 'info',
        message: `${key.name} is single-valued: ForAnyValue adds nothing to ${info.name}. Drop the qualifier.`,
        fixes: drop,
      });
    } else if (!parsed.qualifier && multivalued) {
      ctx.report({
        ...keyAt,
        message: `${key.name} is multivalued (${keyInfo.type}): say how the set is compared with ForAllValues: (every value in the request must match) or ForAnyValue: (at least one must).`,
      });
    }
  }
  checkValues(ctx, op, siblings, parsed, key, values, keyInfo?.key, multivalued);
}

function checkValues(ctx: RuleContext, op: Property, siblings: Property[], parsed: ParsedOperator, key: Property, values: Node[], keyName: string | undefined, multivalued: boolean | undefined): void {
  const info = parsed.info!;
  if (info.family === 'Bool' && values.length > 1 && !(parsed.qualifier && multivalued) && key.value) {
    ctx.report({
      offset: key.value.offset,
      length: key.value.length,
      severity: 'error',
      message: `Bool takes one value for ${key.name}: write "true" or "false", not a list.`,
    });
  }
  const scalarTypes = new Set(values.filter((v) => scalarText(v) !== undefined).map((v) => v.type));
  if (scalarTypes.size > 1 && key.value) {
    ctx.report({
      offset: key.value.offset,
      length: key.value.length,
      severity: 'error',
      message: `The values of ${key.name} mix ${[...scalarTypes].join(' and ')} JSON types: IAM Access Analyzer rejects this. Write them all as strings.`,
    });
  }
  for (const v of values) {
    const problem = checkValue(info.family, v);
    if (problem) {
      if (info.family === 'Date' && problem.severity === 'warning' && keyName?.toLowerCase() === 'aws:epochtime' && /^\d+$/.test(scalarText(v) ?? '')) continue;
      ctx.report({
        offset: v.offset,
        length: v.length,
        severity: problem.severity,
        message: problem.message,
        fixes: problem.replacement !== undefined ? [fix(`Change to "${problem.replacement}"`, [replaceNode(v, problem.replacement)], true)] : undefined,
      });
      continue;
    }
    const text = scalarText(v);
    if (text !== undefined && (info.family === 'String' || info.family === 'Arn') && !info.name.includes('Like') && hasValueWildcard(text)) {
      const like = info.likeVariant;
      const fixes = like ? renameOperator(ctx.text, op, siblings, spell(parsed, like), `Change "${op.name}" to "${spell(parsed, like)}"`) : [];
      ctx.report({
        offset: v.offset,
        length: v.length,
        severity: info.family === 'Arn' ? 'info' : 'warning',
        message: info.family === 'Arn'
          ? `ArnEquals honours wildcards like ArnLike, but IAM Access Analyzer flags them here; ${like ? `use ${like}` : 'use a Like operator'} to make the pattern plain.`
          : `${info.name} compares literally: "*" and "?" here match only themselves. ${like ? `Use ${like} for a pattern.` : 'Use StringLike (case-sensitive) for a pattern.'}`,
        fixes,
      });
    }
  }
}
