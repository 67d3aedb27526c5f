import { IamData, ResourceTypeInfo, loadIamData } from './data';
import { wildcardMatch } from './wildcard';
import { ANY, Glob, NO_COLON, NO_SLASH, ONE, Tokens, compileGlob, globsIntersect } from './glob';
import { BoundedMemo, detach } from '../boundedMemo';

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

interface UserArn {
  glob: Glob;
  /** Results against catalogue patterns (at most MATCHED_LIMIT); made on the first. */
  matched?: Map<Glob, boolean>;
  /** As a resource part: which of one service's entries it fits (1) or not (0). */
  fits?: { list: readonly ArnTypeEntry[]; ok: Uint8Array };
  /** Fields and resource part, when the first five fields are plain text; null otherwise; unset until asked. */
  split?: { fields: string[]; resource: UserArn } | null;
}

// By ARN text; rules ask about the same ARNs against many types, and again on each
// keystroke. Text longer than an ARN can be (2,048 characters) is not kept: a pasted blob
// would hold 4 bytes a character. So the memo holds at most 2,000 x 2,048 tokens (16 MB),
// a few hundred KB for real policies.
const userArns = new BoundedMemo<string, UserArn>(2000);
const USER_ARN_KEEP = 2048;
const MATCHED_LIMIT = 256;

/**
 * Tokens of an ARN as a policy writes it: `*` and `?` are IAM wildcards; a policy
 * variable such as `${aws:userid}` is an unknown value; `${*}`, `${?}`, `${$}` are the
 * escaped literal characters.
 */
function userArn(arn: string): UserArn {
  const hit = userArns.get(arn);
  if (hit) return hit;
  const out = new Int32Array(arn.length);
  let k = 0;
  let plain = true;
  for (let i = 0; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    if (c === 42) out[k++] = ANY;
    else if (c === 63) out[k++] = ONE;
    else if (c === 36 && arn.charCodeAt(i + 1) === 123) {
      const end = arn.indexOf('}', i + 2);
      if (end < 0) {
        out[k++] = c;
        continue;
      }
      plain = false;
      const inner = arn.slice(i + 2, end);
      if (inner === '*' || inner === '?' || inner === '$') out[k++] = inner.charCodeAt(0);
      else out[k++] = ANY;
      i = end;
    } else out[k++] = c;
  }
  const tokens = k === out.length ? out : out.slice(0, k);
  const u: UserArn = { glob: compileGlob(tokens, plain ? detach(arn) : undefined, false) };
  return arn.length > USER_ARN_KEEP ? u : userArns.set(arn, u);
}

// Catalogue entries carry their tokens; this serves `matchArn` callers with a bare pattern.
const patternGlobs = new BoundedMemo<string, Glob>(4096);

/**
 * Tokens of a catalogue ARN pattern. `${Var}` parts are wildcards: in the Partition,
 * Region and Account fields they never span a colon; in the resource part an id
 * followed by `/` never spans a slash (so `instance/${InstanceId}` is not also
 * `instance/x/agent/y`), and neither does a final id when `terminalSegment` says a
 * sibling type continues the path. Names (paths, object keys) may hold slashes.
 */
function catalogueTokens(pattern: string, terminalSegment: boolean, resourceOnly: boolean): Tokens {
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
  return Int32Array.from(out);
}

/**
 * A policy ARN whose first five fields hold no wildcard or variable has its first five
 * colons exactly there, and so does every string of a catalogue format (fields of a
 * format never produce a colon): the two share a string exactly when each field is in
 * the format's field and the resource parts share one. Fields are a few characters and
 * the resource part's results are shared with `resourcePartMatches`, so this is much
 * cheaper than matching whole ARNs.
 */
function splitPlain(u: UserArn, arn: string): UserArn['split'] {
  if (u.split !== undefined) return u.split;
  const p = parseArn(detach(arn));
  const header = p ? arn.slice(0, p.starts[5]) : '';
  const plain = !!p && !header.includes('*') && !header.includes('?') && !header.includes('${');
  return (u.split = plain ? { fields: [p.prefix, p.partition, p.service, p.region, p.account], resource: userArn(p.resource) } : null);
}

/** A plain field (no colon, no wildcard) against a format's field: most are one variable or plain text. */
function fieldMatches(field: HeaderField, value: string): boolean {
  if (field === ANY_FIELD) return true;
  if (typeof field === 'string') return field === value;
  return matchGlob(field, value);
}

function entryMatches(entry: ArnTypeEntry, arn: string, u = userArn(arn)): boolean {
  let hit = u.matched?.get(entry.arnGlob);
  if (hit !== undefined) return hit;
  const split = splitPlain(u, arn);
  if (split) {
    hit = true;
    for (let k = 0; k < 5 && hit; k++) hit = fieldMatches(entry.header[k], split.fields[k]);
    hit &&= resourceFits(entry, split.resource);
  } else hit = globsIntersect(entry.arnGlob, u.glob);
  remember(u, entry.arnGlob, hit);
  return hit;
}

/** Whether the policy's ARN text can denote a string of the catalogue pattern. Memoised per ARN. */
function matchGlob(pattern: Glob, arn: string): boolean {
  return matchUser(pattern, userArn(arn));
}

function matchUser(pattern: Glob, u: UserArn): boolean {
  let hit = u.matched?.get(pattern);
  if (hit === undefined) remember(u, pattern, (hit = globsIntersect(pattern, u.glob)));
  return hit;
}

function remember(u: UserArn, pattern: Glob, hit: boolean): void {
  const m = (u.matched ??= new Map());
  if (m.size >= MATCHED_LIMIT) m.clear();
  m.set(pattern, hit);
}

/**
 * Whether the ARN a policy names (IAM wildcards and policy variables allowed) can
 * denote a resource of the catalogue ARN pattern (`${...}` parts are wildcards).
 * Case-sensitive, as IAM compares resource ARNs. Memoised.
 */
export function matchArn(pattern: string, arn: string, terminalSegment = false): boolean {
  const key = (terminalSegment ? '1' : '0') + pattern;
  const glob = patternGlobs.get(key) ?? patternGlobs.set(key, compileGlob(catalogueTokens(pattern, terminalSegment, false)));
  return matchGlob(glob, arn);
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
  /** The entries of the same ARN service, and this one's place among them. */
  siblings: readonly ArnTypeEntry[];
  index: number;
  /** The whole pattern, its first five fields and its resource part, compiled for matching. */
  arnGlob: Glob;
  header: HeaderField[];
  resourceGlob: Glob;
}

/** One of the first five fields of a format: any colon-free text, this text, or a pattern. */
type HeaderField = typeof ANY_FIELD | string | Glob;
const ANY_FIELD = Symbol('any field');

function headerField(field: string): HeaderField {
  const g = compileGlob(catalogueTokens(field, false, false));
  if (g.text !== undefined) return g.text;
  return g.tokens.length > 0 && g.tokens.every((t) => t === NO_COLON) ? ANY_FIELD : g;
}

function fieldRule(v: string): FieldRule {
  if (v === '') return { kind: 'none' };
  if (v.startsWith('${') || v === '*') return { kind: 'required' };
  return { kind: 'literal', value: v };
}

interface ArnCatalogue {
  byService: Map<string, ArnTypeEntry[]>;
  /** The first entry of each catalogue ARN pattern (types sharing a pattern match alike). */
  byPattern: Map<string, ArnTypeEntry>;
}

const catalogues = new WeakMap<IamData, ArnCatalogue>();

function arnCatalogue(iam: IamData): ArnCatalogue {
  let cat = catalogues.get(iam);
  if (cat) return cat;
  const byService = new Map<string, ArnTypeEntry[]>();
  const byPattern = new Map<string, ArnTypeEntry>();
  const shapes = new Map<string, Set<string>>();
  const all: { seg: string; rt: ResourceTypeInfo; p: ArnParts; shape: string }[] = [];
  for (const svc of iam.servicePrefixes()) {
    for (const rt of iam.resourceTypesOf(svc)) {
      const p = parseArn(rt.arn);
      if (!p) continue;
      const shape = rt.arn.replace(/\$\{[^}]*\}/g, '{}');
      let set = shapes.get(p.service);
      if (!set) shapes.set(p.service, (set = new Set()));
      set.add(shape);
      all.push({ seg: p.service, rt, p, shape });
    }
  }
  for (const { seg, rt, p, shape } of all) {
    let terminalSegment = false;
    if (shape.endsWith('{}')) {
      const child = shape + '/';
      for (const other of shapes.get(seg)!) {
        if (other.startsWith(child)) {
          terminalSegment = true;
          break;
        }
      }
    }
    const entry: ArnTypeEntry = {
      rt, region: fieldRule(p.region), account: fieldRule(p.account), resource: p.resource, terminalSegment, siblings: [], index: 0,
      arnGlob: compileGlob(catalogueTokens(rt.arn, terminalSegment, false)),
      header: [p.prefix, p.partition, p.service, p.region, p.account].map(headerField),
      resourceGlob: compileGlob(catalogueTokens(p.resource, terminalSegment, true)),
    };
    let list = byService.get(seg);
    if (!list) byService.set(seg, (list = []));
    entry.siblings = list;
    entry.index = list.length;
    list.push(entry);
    if (!byPattern.has(rt.arn)) byPattern.set(rt.arn, entry);
  }
  cat = { byService, byPattern };
  catalogues.set(iam, cat);
  return cat;
}

/**
 * Resource types by the service field of their ARN (`iam` gathers types declared by
 * iam, sts, ec2...). Built once per catalogue.
 */
export function arnIndex(iam: IamData): Map<string, ArnTypeEntry[]> {
  return arnCatalogue(iam).byService;
}

/** Whether a policy ARN can denote a resource of this type. */
export function arnMatchesResourceType(arn: string, rt: ResourceTypeInfo, iam: IamData = loadIamData()): boolean {
  const entry = arnCatalogue(iam).byPattern.get(rt.arn);
  return entry ? entryMatches(entry, arn) : matchArn(rt.arn, arn, false);
}

/**
 * `arnMatchesResourceType` for one ARN asked about many types (a statement's actions):
 * the ARN's compiled form is looked up once, not once a type. Keep it no longer than the
 * lint that made it.
 */
export function resourceTypeMatcher(arn: string, iam: IamData = loadIamData()): (rt: ResourceTypeInfo) => boolean {
  const byPattern = arnCatalogue(iam).byPattern;
  let u: UserArn | undefined;
  return (rt) => {
    const entry = byPattern.get(rt.arn);
    return entry ? entryMatches(entry, arn, (u ??= userArn(arn))) : matchArn(rt.arn, arn, false);
  };
}

/** Whether a resource part (after the fifth colon) can denote one of this type's. */
export function resourcePartMatches(entry: ArnTypeEntry, resource: string): boolean {
  return resourceFits(entry, userArn(resource));
}

function resourceFits(entry: ArnTypeEntry, u: UserArn): boolean {
  return u.fits?.list === entry.siblings ? u.fits.ok[entry.index] === 1 : matchUser(entry.resourceGlob, u);
}

interface Heads {
  /** Indices of the entries whose resource part starts with this character. */
  byFirst: Map<number, number[]>;
  /** Indices of the others (starting with a variable, or empty). */
  open: number[];
}

const NONE: readonly number[] = [];
// Per catalogue list of one service (a fixed set, built with the catalogue).
const headsByList = new WeakMap<readonly ArnTypeEntry[], Heads>();

function headsOf(entries: readonly ArnTypeEntry[]): Heads {
  let hit = headsByList.get(entries);
  if (hit) return hit;
  hit = { byFirst: new Map(), open: [] };
  for (let i = 0; i < entries.length; i++) {
    const tokens = entries[i].resourceGlob.tokens;
    const c = tokens.length ? tokens[0] : -1;
    if (c < 0) hit.open.push(i);
    else {
      const list = hit.byFirst.get(c);
      if (list) list.push(i);
      else hit.byFirst.set(c, [i]);
    }
  }
  headsByList.set(entries, hit);
  return hit;
}

/**
 * The entries (one service's, from `arnIndex`) whose resource part can denote this
 * one, decided for all of them at once and kept with the ARN text: `invalid-arn` asks
 * for the whole list, `resource-type-mismatch` then for single types of it.
 */
export function fittingEntries(entries: readonly ArnTypeEntry[], resource: string): ArnTypeEntry[] {
  const u = userArn(resource);
  if (u.fits?.list !== entries) {
    const ok = new Uint8Array(entries.length);
    const first = u.glob.tokens.length ? u.glob.tokens[0] : -1;
    if (first < 0) {
      for (let i = 0; i < entries.length; i++) ok[i] = globsIntersect(entries[i].resourceGlob, u.glob) ? 1 : 0;
    } else {
      // Two literal first characters that differ share no string: only formats that start
      // with this character, or with a variable, need the full comparison.
      const heads = headsOf(entries);
      for (const i of heads.byFirst.get(first) ?? NONE) ok[i] = globsIntersect(entries[i].resourceGlob, u.glob) ? 1 : 0;
      for (const i of heads.open) ok[i] = globsIntersect(entries[i].resourceGlob, u.glob) ? 1 : 0;
    }
    u.fits = { list: entries, ok };
  }
  const ok = u.fits.ok;
  const out: ArnTypeEntry[] = [];
  for (let i = 0; i < entries.length; i++) if (ok[i] === 1) out.push(entries[i]);
  return out;
}

/**
 * The Amazon Connect Administrator Guide's SAML example scopes federation with
 * `instance/<id>/user/${aws:userid}`: not a documented resource type, but AWS's own.
 */
export function isConnectSamlUserArn(arn: string): boolean {
  const p = parseArn(arn);
  return !!p && wildcardMatch(p.service, 'connect') && wildcardMatch('instance/*/user/*', p.resource);
}
