import { IamData, ResourceTypeInfo, loadIamData } from './data';
import { wildcardMatch } from './wildcard';

/** Partitions an ARN may name. */
export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** `arn:partition:service:region:account:resource`, with where each field starts in the string. */
export interface ArnParts {
  prefix: string;
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon (may itself contain colons). */
  resource: string;
  /** Start index of prefix, partition, service, region, account, resource. */
  starts: [number, number, number, number, number, number];
}

/** Splits at the first five colons outside policy variables; undefined when there are fewer. */
export function parseArn(s: string): ArnParts | undefined {
  const starts: number[] = [0];
  // Colons inside a policy variable (`${aws:PrincipalAccount}`) do not separate fields.
  for (let i = 0; i < s.length && starts.length < 6; i++) {
    const c = s.charCodeAt(i);
    if (c === 36 && s.charCodeAt(i + 1) === 123) {
      const end = s.indexOf('}', i + 2);
      if (end > 0) i = end;
    } else if (c === 58) starts.push(i + 1);
  }
  if (starts.length < 6) return undefined;
  const field = (k: number) => s.slice(starts[k], k < 5 ? starts[k + 1] - 1 : s.length);
  return {
    prefix: field(0), partition: field(1), service: field(2), region: field(3), account: field(4), resource: field(5),
    starts: starts as ArnParts['starts'],
  };
}

// Glob tokens: a char code (>= 0) is a literal; negatives are wildcards.
const ONE = -1; // any single character
const ANY = -2; // any run
const NO_SLASH = -3; // any run without '/'
const NO_COLON = -4; // any run without ':'
type Tokens = Int32Array;

function isRun(t: number): boolean {
  return t <= ANY;
}

function runAccepts(run: number, c: number): boolean {
  if (c === ONE || run === ANY) return true;
  return run === NO_SLASH ? c !== 47 : c !== 58;
}

/**
 * Whether two glob patterns share at least one string: dynamic programming over the
 * product of their positions, O(|a| x |b|), no backtracking.
 */
function intersects(a: Tokens, b: Tokens): boolean {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const reach = new Uint8Array((n + 1) * w);
  reach[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reach[i * w + j]) continue;
      const x = i < n ? a[i] : undefined;
      const y = j < m ? b[j] : undefined;
      if (x !== undefined && isRun(x)) reach[(i + 1) * w + j] = 1;
      if (y !== undefined && isRun(y)) reach[i * w + j + 1] = 1;
      if (x === undefined || y === undefined) continue;
      const rx = isRun(x);
      const ry = isRun(y);
      if (!rx && !ry) {
        if (x === ONE || y === ONE || x === y) reach[(i + 1) * w + j + 1] = 1;
      } else if (rx && !ry) {
        if (runAccepts(x, y)) reach[i * w + j + 1] = 1;
      } else if (!rx && ry) {
        if (runAccepts(y, x)) reach[(i + 1) * w + j] = 1;
      }
    }
  }
  return reach[n * w + m] === 1;
}

const userCache = new Map<string, Tokens>();

/**
 * Tokens of an ARN as a policy writes it: `*` and `?` are IAM wildcards; a policy
 * variable such as `${aws:userid}` is an unknown value; `${*}`, `${?}`, `${$}` are the
 * escaped literal characters.
 */
function userTokens(arn: string): Tokens {
  let hit = userCache.get(arn);
  if (hit) return hit;
  const out: number[] = [];
  for (let i = 0; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    if (c === 42) out.push(ANY);
    else if (c === 63) out.push(ONE);
    else if (c === 36 && arn.charCodeAt(i + 1) === 123) {
      const end = arn.indexOf('}', i + 2);
      if (end < 0) {
        out.push(c);
        continue;
      }
      const inner = arn.slice(i + 2, end);
      if (inner === '*' || inner === '?' || inner === '$') out.push(inner.charCodeAt(0));
      else out.push(ANY);
      i = end;
    } else out.push(c);
  }
  hit = Int32Array.from(out);
  if (userCache.size > 2000) userCache.clear();
  userCache.set(arn, hit);
  return hit;
}

const catalogueCache = new Map<string, Tokens>();

/**
 * Tokens of a catalogue ARN pattern. `${Var}` parts are wildcards: in the Partition,
 * Region and Account fields they never span a colon; in the resource part an id
 * followed by `/` never spans a slash (so `instance/${InstanceId}` is not also
 * `instance/x/agent/y`), and neither does a final id when `terminalSegment` says a
 * sibling type continues the path. Names (paths, object keys) may hold slashes.
 */
function catalogueTokens(pattern: string, terminalSegment: boolean, resourceOnly: boolean): Tokens {
  const key = (terminalSegment ? '1' : '0') + (resourceOnly ? '1' : '0') + pattern;
  let hit = catalogueCache.get(key);
  if (hit) return hit;
  const out: number[] = [];
  let colons = resourceOnly ? 5 : 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    const inHeader = colons < 5;
    if (c === 58) colons++;
    if (c === 36 && pattern.charCodeAt(i + 1) === 123) {
      const end = pattern.indexOf('}', i + 2);
      if (end > 0) {
        const name = pattern.slice(i + 2, end);
        const next = pattern.charCodeAt(end + 1);
        if (inHeader) out.push(NO_COLON);
        else if (/path|uri/i.test(name)) out.push(ANY);
        else if (next === 47 || (end === pattern.length - 1 && terminalSegment)) out.push(NO_SLASH);
        else out.push(ANY);
        i = end;
        continue;
      }
    }
    if (c === 42) out.push(inHeader ? NO_COLON : ANY);
    else out.push(c);
  }
  hit = Int32Array.from(out);
  catalogueCache.set(key, hit);
  return hit;
}

const matchCache = new Map<string, boolean>();

/**
 * Whether the ARN a policy names (IAM wildcards and policy variables allowed) can
 * denote a resource of the catalogue ARN pattern (`${...}` parts are wildcards).
 * Case-sensitive, as IAM compares resource ARNs. Memoised.
 */
export function matchArn(pattern: string, arn: string, terminalSegment = false): boolean {
  return cachedMatch(pattern, arn, terminalSegment, false);
}

function cachedMatch(pattern: string, arn: string, terminalSegment: boolean, resourceOnly: boolean): boolean {
  const key = `${terminalSegment ? 1 : 0}${resourceOnly ? 1 : 0}${pattern}\u0000${arn}`;
  let hit = matchCache.get(key);
  if (hit !== undefined) return hit;
  hit = intersects(catalogueTokens(pattern, terminalSegment, resourceOnly), userTokens(arn));
  if (matchCache.size > 20000) matchCache.clear();
  matchCache.set(key, hit);
  return hit;
}

/** How a resource type's ARN fills the Region or Account field. */
export type FieldRule = { kind: 'none' } | { kind: 'required' } | { kind: 'literal'; value: string };

/** One catalogue resource type, indexed by the service field of its ARN. */
export interface ArnTypeEntry {
  rt: ResourceTypeInfo;
  region: FieldRule;
  account: FieldRule;
  /** The pattern's resource part (after the fifth colon). */
  resource: string;
  /** The final id never spans a slash (another type of the service continues the path). */
  terminalSegment: boolean;
}

function fieldRule(v: string): FieldRule {
  if (v === '') return { kind: 'none' };
  if (v.startsWith('${') || v === '*') return { kind: 'required' };
  return { kind: 'literal', value: v };
}

const indexes = new WeakMap<IamData, Map<string, ArnTypeEntry[]>>();

/**
 * Resource types by the service field of their ARN (`iam` gathers types declared by
 * iam, sts, ec2...). Built once per catalogue.
 */
export function arnIndex(iam: IamData): Map<string, ArnTypeEntry[]> {
  let idx = indexes.get(iam);
  if (idx) return idx;
  idx = new Map();
  const shapes = new Map<string, Set<string>>();
  const all: { seg: string; entry: ArnTypeEntry; shape: string }[] = [];
  for (const svc of iam.servicePrefixes()) {
    for (const rt of iam.resourceTypesOf(svc)) {
      const p = parseArn(rt.arn);
      if (!p) continue;
      const shape = rt.arn.replace(/\$\{[^}]*\}/g, '{}');
      let set = shapes.get(p.service);
      if (!set) shapes.set(p.service, (set = new Set()));
      set.add(shape);
      all.push({ seg: p.service, shape, entry: { rt, region: fieldRule(p.region), account: fieldRule(p.account), resource: p.resource, terminalSegment: false } });
    }
  }
  for (const { seg, shape, entry } of all) {
    if (shape.endsWith('{}')) {
      const child = shape + '/';
      for (const other of shapes.get(seg)!) {
        if (other.startsWith(child)) {
          entry.terminalSegment = true;
          break;
        }
      }
    }
    let list = idx.get(seg);
    if (!list) idx.set(seg, (list = []));
    list.push(entry);
  }
  indexes.set(iam, idx);
  return idx;
}

function entryOf(iam: IamData, rt: ResourceTypeInfo): ArnTypeEntry | undefined {
  const p = parseArn(rt.arn);
  return p ? arnIndex(iam).get(p.service)?.find((e) => e.rt.arn === rt.arn) : undefined;
}

/** Whether a policy ARN can denote a resource of this type. */
export function arnMatchesResourceType(arn: string, rt: ResourceTypeInfo, iam: IamData = loadIamData()): boolean {
  return matchArn(rt.arn, arn, entryOf(iam, rt)?.terminalSegment ?? false);
}

/** Whether a resource part (after the fifth colon) can denote one of this type's. */
export function resourcePartMatches(entry: ArnTypeEntry, resource: string): boolean {
  return cachedMatch(entry.resource, resource, entry.terminalSegment, true);
}

/**
 * The Amazon Connect Administrator Guide's SAML example scopes federation with
 * `instance/<id>/user/${aws:userid}`: not a documented resource type, but AWS's own.
 */
export function isConnectSamlUserArn(arn: string): boolean {
  const p = parseArn(arn);
  return !!p && wildcardMatch(p.service, 'connect') && wildcardMatch('instance/*/user/*', p.resource);
}
