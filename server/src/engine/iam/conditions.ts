import type { Node } from '../json';
import type { ConditionKeyInfo, IamData } from './data';
import { Cidr, parseCidr } from '../cloudtrail/cidr';

/** Operator families: which key types and value shapes an operator accepts. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface OperatorInfo {
  /** Canonical spelling without qualifier or IfExists, e.g. "StringNotLike". */
  name: string;
  family: OperatorFamily;
  /** True when the operator matches when the values differ (StringNotEquals, NotIpAddress...). */
  negated: boolean;
  /** The Like variant to use when an exact operator is given wildcards. */
  likeVariant?: string;
}

const TABLE: OperatorInfo[] = [
  { name: 'StringEquals', family: 'String', negated: false, likeVariant: 'StringLike' },
  { name: 'StringNotEquals', family: 'String', negated: true, likeVariant: 'StringNotLike' },
  { name: 'StringEqualsIgnoreCase', family: 'String', negated: false },
  { name: 'StringNotEqualsIgnoreCase', family: 'String', negated: true },
  { name: 'StringLike', family: 'String', negated: false },
  { name: 'StringNotLike', family: 'String', negated: true },
  { name: 'NumericEquals', family: 'Numeric', negated: false },
  { name: 'NumericNotEquals', family: 'Numeric', negated: true },
  { name: 'NumericLessThan', family: 'Numeric', negated: false },
  { name: 'NumericLessThanEquals', family: 'Numeric', negated: false },
  { name: 'NumericGreaterThan', family: 'Numeric', negated: false },
  { name: 'NumericGreaterThanEquals', family: 'Numeric', negated: false },
  { name: 'DateEquals', family: 'Date', negated: false },
  { name: 'DateNotEquals', family: 'Date', negated: true },
  { name: 'DateLessThan', family: 'Date', negated: false },
  { name: 'DateLessThanEquals', family: 'Date', negated: false },
  { name: 'DateGreaterThan', family: 'Date', negated: false },
  { name: 'DateGreaterThanEquals', family: 'Date', negated: false },
  { name: 'Bool', family: 'Bool', negated: false },
  { name: 'BinaryEquals', family: 'Binary', negated: false },
  { name: 'IpAddress', family: 'IpAddress', negated: false },
  { name: 'NotIpAddress', family: 'IpAddress', negated: true },
  { name: 'ArnEquals', family: 'Arn', negated: false, likeVariant: 'ArnLike' },
  { name: 'ArnLike', family: 'Arn', negated: false },
  { name: 'ArnNotEquals', family: 'Arn', negated: true, likeVariant: 'ArnNotLike' },
  { name: 'ArnNotLike', family: 'Arn', negated: true },
  { name: 'Null', family: 'Null', negated: false },
];

const BY_NAME = new Map(TABLE.map((o) => [o.name, o]));
export const QUALIFIERS = ['ForAllValues', 'ForAnyValue'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Every spelling IAM accepts for an operator key, for did-you-mean suggestions. */
export const OPERATOR_SPELLINGS: readonly string[] = (() => {
  const bases = TABLE.flatMap((o) => (o.family === 'Null' ? [o.name] : [o.name, `${o.name}IfExists`]));
  return [...bases, ...QUALIFIERS.flatMap((q) => bases.filter((b) => b !== 'Null').map((b) => `${q}:${b}`))];
})();
const SPELLING_BY_LOWER = new Map(OPERATOR_SPELLINGS.map((s) => [s.toLowerCase(), s]));

export interface ParsedOperator {
  raw: string;
  qualifier?: Qualifier;
  /** Undefined when the base name is not an operator as spelt. */
  info?: OperatorInfo;
  ifExists: boolean;
  /** The qualifier is spelt as IAM spells it (or absent). */
  qualifierKnown: boolean;
}

/** Splits `ForAllValues:StringLikeIfExists` into qualifier, operator and IfExists; case-sensitive. */
export function parseOperator(raw: string): ParsedOperator {
  const colon = raw.indexOf(':');
  const q = colon >= 0 ? raw.slice(0, colon) : undefined;
  let base = colon >= 0 ? raw.slice(colon + 1) : raw;
  const qualifier = (QUALIFIERS as readonly string[]).includes(q ?? '') ? (q as Qualifier) : undefined;
  const ifExists = base.endsWith('IfExists') && base !== 'IfExists';
  if (ifExists) base = base.slice(0, -'IfExists'.length);
  return { raw, qualifier, info: BY_NAME.get(base), ifExists, qualifierKnown: q === undefined || qualifier !== undefined };
}

/** The canonical spelling of an operator written in another case (`stringequals`), if any. */
export function canonicalOperatorCase(raw: string): string | undefined {
  const hit = SPELLING_BY_LOWER.get(raw.toLowerCase());
  return hit && hit !== raw ? hit : undefined;
}

/** `ArrayOfString` -> `String`. */
export function elementType(type: string): string {
  return type.startsWith('ArrayOf') ? type.slice('ArrayOf'.length) : type;
}

export function isMultivalued(type: string): boolean {
  return type.startsWith('ArrayOf');
}

/** Key types each operator family may be used with (Null goes with every key). */
const FAMILY_TYPES: Record<OperatorFamily, readonly string[]> = {
  String: ['String', 'ARN'],
  Arn: ['ARN'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  Binary: ['Binary'],
  IpAddress: ['IPAddress'],
  Null: [],
};

/**
 * Whether the operator family fits the key's element type. Keys typed String whose name
 * ends in "Arn" hold ARNs in practice (aws:SourceVpcArn), so Arn operators are accepted
 * there; aws:EpochTime is documented as Date and Numeric.
 */
export function familyFitsKey(family: OperatorFamily, info: ConditionKeyInfo): boolean {
  if (family === 'Null') return true;
  const t = elementType(info.type);
  if (FAMILY_TYPES[family].includes(t)) return true;
  if (family === 'Arn' && t === 'String' && /arn$/i.test(info.key)) return true;
  if (family === 'Numeric' && info.key.toLowerCase() === 'aws:epochtime') return true;
  return false;
}

/** Operator families suited to a key type, for messages. */
export function familiesForType(type: string): string {
  switch (elementType(type)) {
    case 'String': return 'String operators (StringEquals, StringLike...)';
    case 'ARN': return 'ARN operators (ArnEquals, ArnLike...) or String operators';
    case 'Numeric': return 'Numeric operators (NumericEquals, NumericLessThan...)';
    case 'Date': return 'Date operators (DateGreaterThan, DateLessThan...)';
    case 'Bool': return 'Bool';
    case 'IPAddress': return 'IpAddress or NotIpAddress';
    case 'Binary': return 'BinaryEquals';
    default: return 'operators of its type';
  }
}

/** A policy variable (`${aws:username}`) makes the value unknown until request time. */
export function hasPolicyVariable(s: string): boolean {
  return s.includes('${');
}

/** `*` or `?` outside policy variables (`${*}` is a literal asterisk). */
export function hasValueWildcard(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (depth === 0 && (c === '*' || c === '?')) return true;
  }
  return false;
}

/** The value as IAM reads it: strings, numbers and booleans are all compared as text. */
export function scalarText(node: Node): string | undefined {
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  return undefined;
}

/** Problems with one value under an operator family. */
export interface ValueProblem {
  message: string;
  /** AA class: 'warning' for type mismatches and epoch dates, 'info' (AA suggestion) for improvable ranges. */
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** A replacement value when the correction is mechanical. */
  replacement?: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// ISO 8601 as IAM documents it: a date, optionally a time with optional seconds, fraction and zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (m[4] && (Number(m[5]) > 23 || Number(m[6]) > 59 || (m[8] !== undefined && Number(m[8]) > 59))) return false;
  return true;
}

/**
 * Checks one value's shape for the operator family. Values with policy variables are
 * resolved at request time and are not checked.
 */
export function checkValue(family: OperatorFamily, node: Node): ValueProblem | undefined {
  const text = scalarText(node);
  if (text === undefined) return { message: 'A condition value must be a string, number or boolean: IAM rejects objects, arrays and null here.', severity: 'error' };
  if (hasPolicyVariable(text)) return undefined;
  switch (family) {
    case 'Bool':
    case 'Null':
      if (text === 'true' || text === 'false') return undefined;
      if (text.toLowerCase() === 'true' || text.toLowerCase() === 'false') return undefined;
      return { message: `${family} takes "true" or "false", not "${text}": any other value never matches.`, severity: 'warning' };
    case 'Numeric':
      if (NUMBER.test(text)) return undefined;
      return { message: `Numeric operators take a number, not "${text}": the condition never matches.`, severity: 'warning' };
    case 'Date':
      if (isIsoDate(text)) return undefined;
      if (/^\d+$/.test(text)) {
        return { message: `"${text}" is epoch time: IAM accepts it, but it may not resolve to the date you mean. Write an ISO 8601 date (e.g. 2026-01-31T00:00:00Z).`, severity: 'warning' };
      }
      return { message: `Date operators take an ISO 8601 date (e.g. 2026-01-31T00:00:00Z), not "${text}": the condition never matches.`, severity: 'warning' };
    case 'Binary':
      if (text.length % 4 === 0 && BASE64.test(text)) return undefined;
      return { message: `BinaryEquals takes base64-encoded bytes; "${text}" is not base64.`, severity: 'warning' };
    case 'IpAddress': {
      const c = parseCidr(text);
      if (!c) return { message: `IP operators take an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24), not "${text}": the condition never matches.`, severity: 'warning' };
      const net = networkAddress(c);
      if (net !== undefined) {
        return { message: `"${text}" has bits set after the /${prefixLength(c)} mask; IAM reads it as ${net}. Write the network address.`, severity: 'info', replacement: net };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function isV4(c: Cidr): boolean {
  return !c.text.includes(':');
}

function prefixLength(c: Cidr): number {
  return isV4(c) ? c.bits - 96 : c.bits;
}

/** The range written as its network address when host bits are set; undefined otherwise. */
export function networkAddress(c: Cidr): string | undefined {
  if (!c.text.includes('/')) return undefined;
  const masked = new Uint8Array(c.bytes);
  let bits = c.bits;
  let changed = false;
  for (let i = 0; i < 16; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : bits > 0 ? (0xff << (8 - bits)) & 0xff : 0;
    if ((masked[i] & mask) !== masked[i]) changed = true;
    masked[i] &= mask;
  }
  if (!changed) return undefined;
  const len = prefixLength(c);
  if (isV4(c)) return `${masked[12]}.${masked[13]}.${masked[14]}.${masked[15]}/${len}`;
  return `${formatV6(masked)}/${len}`;
}

/** RFC 5952 text: lower case, longest run of zero groups (two or more) as `::`. */
function formatV6(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((b[i * 2] << 8) | b[i * 2 + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map((r) => parseCidr(r)!);

/** Whether the whole range lies in RFC 1918 (IPv4) or unique-local (IPv6) space. */
export function isPrivateRange(c: Cidr): boolean {
  return PRIVATE_RANGES.some((p) => c.bits >= p.bits && prefixMatches(p, c.bytes));
}

function prefixMatches(p: Cidr, bytes: Uint8Array): boolean {
  let bits = p.bits;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((p.bytes[i] & mask) !== (bytes[i] & mask)) return false;
  }
  return true;
}

/** How a condition entry evaluates for a request whose context lacks the key. */
export function trueWhenKeyAbsent(op: ParsedOperator): boolean | undefined {
  if (!op.info || op.info.family === 'Null') return undefined;
  if (op.qualifier === 'ForAllValues') return true;
  if (op.qualifier === 'ForAnyValue') return false;
  return op.ifExists || op.info.negated;
}

/**
 * Canonical spelling of a key IAM knows: the catalogue's case for the fixed part, the
 * user's text for a family's variable part (`aws:resourcetag/Team` -> `aws:ResourceTag/Team`).
 */
export function canonicalKeySpelling(typed: string, info: ConditionKeyInfo): string {
  const pattern = info.key;
  const cut = variablePartStart(pattern);
  if (cut < 0) return pattern.length === typed.length ? pattern : typed;
  return pattern.slice(0, cut) + typed.slice(cut);
}

/** Where a key family's variable part begins (`aws:ResourceTag/tag-key` -> after `/`), or -1. */
export function variablePartStart(pattern: string): number {
  const v = pattern.indexOf('${');
  if (v >= 0) return v;
  if (pattern.startsWith('aws:')) {
    const slash = pattern.indexOf('/');
    if (slash >= 0) return slash + 1;
  }
  return -1;
}

const KEY_NAMES = new WeakMap<IamData, Map<string, string[]>>();

/**
 * Key names a prefix defines, canonical case, families shown with their variable part,
 * for did-you-mean. Service keys come from the actions and resource types that use
 * them; global keys from the catalogue's global list.
 */
export function knownKeyNames(iam: IamData, prefix: string): string[] {
  let byPrefix = KEY_NAMES.get(iam);
  if (!byPrefix) {
    byPrefix = new Map();
    KEY_NAMES.set(iam, byPrefix);
  }
  const p = prefix.toLowerCase();
  let hit = byPrefix.get(p);
  if (hit) return hit;
  const names = new Set<string>();
  if (p === 'aws') {
    // IamData keeps its global list private; read it through the raw index it was built from.
    const raw = (iam as unknown as { raw?: { globalKeys?: [string, string, string][] } }).raw;
    for (const [k] of raw?.globalKeys ?? []) if (k.toLowerCase().startsWith('aws:')) names.add(k.replace('/tag-key', '/${TagKey}'));
  } else if (iam.hasService(p)) {
    for (const a of iam.actionsOf(p)) for (const k of a.conditionKeys) if (k.toLowerCase().startsWith(p + ':')) names.add(k);
    for (const r of iam.resourceTypesOf(p)) for (const k of r.conditionKeys) if (k.toLowerCase().startsWith(p + ':')) names.add(k);
  }
  hit = [...names];
  byPrefix.set(p, hit);
  return hit;
}
