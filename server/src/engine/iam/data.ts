import * as fs from 'fs';
import * as path from 'path';
import { compileWildcard, hasWildcard } from './wildcard';
import { BoundedMemo } from '../boundedMemo';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';
const LEVELS: Record<string, AccessLevel> = { L: 'List', R: 'Read', W: 'Write', P: 'Permissions management', T: 'Tagging' };

export interface ActionResourceType {
  name: string;
  required: boolean;
  conditionKeys: string[];
}

export interface ActionInfo {
  service: string;
  /** Canonical case, e.g. "CreateUser". */
  name: string;
  /** "connect:CreateUser". */
  fullName: string;
  accessLevel: AccessLevel;
  resourceTypes: ActionResourceType[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ResourceTypeInfo {
  service: string;
  name: string;
  arn: string;
  conditionKeys: string[];
}

export type ConditionKeyType =
  | 'String' | 'ARN' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress' | 'Binary'
  | 'ArrayOfString' | 'ArrayOfARN' | 'ArrayOfBool' | 'ArrayOfNumeric' | 'ArrayOfDate';

export interface ConditionKeyInfo {
  key: string;
  type: ConditionKeyType | string;
  service: string;
  /** Global (aws:) key category, when global. */
  category?: string;
}

interface RawIndex {
  dataVersion: string;
  updatedAt: string | null;
  services: Record<string, {
    name: string;
    actions: Record<string, [string, string, [string, number, string[]][], string[], string[]]>;
    resourceTypes: Record<string, [string, string[]]>;
    conditionKeys: Record<string, [string, string]>;
  }>;
  globalKeys: [string, string, string][];
}

/** A condition key pattern such as `aws:ResourceTag/${TagKey}` compiled for matching. */
interface KeyPattern {
  prefixLower: string;
  info: ConditionKeyInfo;
}

/**
 * Read-only view of the IAM catalogue. Built once per process; every lookup is a map
 * access or a scan of precomputed arrays.
 */
export class IamData {
  readonly dataVersion: string;
  readonly updatedAt: string | null;
  private readonly raw: RawIndex;
  /**
   * Known actions, one object each for the catalogue's lifetime (sets of actions compare by
   * identity, so these are never evicted; at most the catalogue's ~22,000). Names that are
   * not actions (typed one keystroke at a time) go to a bounded table instead.
   */
  private readonly actionCache = new Map<string, ActionInfo>();
  private readonly unknownActions = new BoundedMemo<string, true>(4096);
  /** `actionOfItem` results by item text (at most 4,096). */
  private readonly itemActions = new BoundedMemo<string, ActionInfo | null>(4096);
  private serviceActionsCache = new Map<string, ActionInfo[]>();
  private allActionsCache: ActionInfo[] | undefined;
  /** Keys are copied (BoundedMemo), so patterns cut from a document do not keep it alive. */
  private readonly expandCache = new BoundedMemo<string, ActionInfo[]>(5000);
  private readonly actionTypesCache = new WeakMap<ActionInfo, ResourceTypeInfo[]>();
  private prefixCache: string[] | undefined;
  private readonly globalKeys = new Map<string, ConditionKeyInfo>();
  private readonly globalPatterns: KeyPattern[] = [];
  private readonly servicePatterns = new Map<string, KeyPattern[]>();

  constructor(raw: RawIndex) {
    this.raw = raw;
    this.dataVersion = raw.dataVersion;
    this.updatedAt = raw.updatedAt;
    for (const [key, type, category] of raw.globalKeys) {
      // The data spells tag families "aws:ResourceTag/tag-key"; IAM writes "${TagKey}".
      const slash = key.indexOf('/');
      const info: ConditionKeyInfo = { key, type, service: 'aws', category };
      if (slash > 0) this.globalPatterns.push({ prefixLower: key.slice(0, slash + 1).toLowerCase(), info });
      else this.globalKeys.set(key.toLowerCase(), info);
    }
  }

  get serviceCount(): number {
    return Object.keys(this.raw.services).length;
  }

  servicePrefixes(): string[] {
    return Object.keys(this.raw.services);
  }

  /** `servicePrefixes()` for internal scans (not handed out, so never modified). */
  private get prefixList(): readonly string[] {
    return (this.prefixCache ??= Object.keys(this.raw.services));
  }

  hasService(prefix: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.raw.services, prefix);
  }

  serviceName(prefix: string): string | undefined {
    return this.hasService(prefix) ? this.raw.services[prefix].name : undefined;
  }

  /** Looks up `service:Action` (action name case-insensitive). */
  action(service: string, name: string): ActionInfo | undefined {
    const id = `${service}:${name.toLowerCase()}`;
    const hit = this.actionCache.get(id);
    if (hit || this.unknownActions.get(id)) return hit;
    const svc = this.hasService(service) ? this.raw.services[service] : undefined;
    const a = svc && Object.prototype.hasOwnProperty.call(svc.actions, name.toLowerCase()) ? svc.actions[name.toLowerCase()] : undefined;
    if (!a) {
      this.unknownActions.set(id, true);
      return undefined;
    }
    const info = this.toAction(service, a);
    this.actionCache.set(id, info);
    return info;
  }

  /**
   * The action an Action item names (`connect:DescribeUser`, service prefix
   * case-insensitive, like `action`), memoised by the item text: the rules of one lint
   * ask about the same item strings, and a string caches its hash.
   */
  actionOfItem(item: string): ActionInfo | undefined {
    const known = this.itemActions.get(item);
    if (known !== undefined) return known ?? undefined;
    const colon = item.indexOf(':');
    const hit = colon < 0 ? undefined : this.action(item.slice(0, colon).toLowerCase(), item.slice(colon + 1));
    this.itemActions.set(item, hit ?? null);
    return hit;
  }

  private toAction(service: string, a: RawIndex['services'][string]['actions'][string]): ActionInfo {
    return {
      service,
      name: a[0],
      fullName: `${service}:${a[0]}`,
      accessLevel: LEVELS[a[1]] ?? 'Write',
      resourceTypes: a[2].map(([name, req, keys]) => ({ name, required: req === 1, conditionKeys: keys })),
      conditionKeys: a[3],
      dependentActions: a[4],
    };
  }

  actionsOf(service: string): ActionInfo[] {
    let list = this.serviceActionsCache.get(service);
    if (!list) {
      list = [];
      if (this.hasService(service)) {
        for (const key of Object.keys(this.raw.services[service].actions)) list.push(this.action(service, key)!);
      }
      this.serviceActionsCache.set(service, list);
    }
    return list;
  }

  allActions(): ActionInfo[] {
    if (!this.allActionsCache) this.allActionsCache = this.servicePrefixes().flatMap((s) => this.actionsOf(s));
    return this.allActionsCache;
  }

  /**
   * Every action an action pattern grants: `connect:*`, `connect:Get*`, `*`,
   * `connect*:Create*` (wildcards in the service part too). Memoised.
   */
  expandAction(pattern: string): ActionInfo[] {
    const key = pattern.toLowerCase();
    let hit = this.expandCache.get(key);
    if (hit) return hit;
    if (key === '*') hit = this.allActions();
    else {
      const colon = key.indexOf(':');
      if (colon < 0) hit = [];
      else {
        const svcPat = key.slice(0, colon);
        const namePat = key.slice(colon + 1);
        // Prefixes and action keys are lower-case ASCII, so a pattern without wildcards
        // (lower-cased above) matches by equality: a lookup instead of a scan.
        const services = hasWildcard(svcPat) ? this.prefixList.filter(compileWildcard(svcPat)) : this.hasService(svcPat) ? [svcPat] : [];
        hit = [];
        if (!hasWildcard(namePat)) {
          for (const svc of services) {
            const a = this.action(svc, namePat);
            if (a) hit.push(a);
          }
        } else {
          const nameMatch = compileWildcard(namePat);
          for (const svc of services) for (const a of this.actionsOf(svc)) if (nameMatch(a.name)) hit.push(a);
        }
      }
    }
    return this.expandCache.set(key, hit);
  }

  resourceType(service: string, name: string): ResourceTypeInfo | undefined {
    const svc = this.hasService(service) ? this.raw.services[service] : undefined;
    // Own properties only: "constructor" or "__proto__" would otherwise find Object.prototype's.
    const r = svc && Object.prototype.hasOwnProperty.call(svc.resourceTypes, name) ? svc.resourceTypes[name] : undefined;
    return r ? { service, name, arn: r[0], conditionKeys: r[1] } : undefined;
  }

  /** The resource types an action's row names that its service defines, in row order. Memoised. */
  resourceTypesOfAction(a: ActionInfo): ResourceTypeInfo[] {
    let hit = this.actionTypesCache.get(a);
    if (!hit) {
      hit = a.resourceTypes.map((r) => this.resourceType(a.service, r.name)).filter((t): t is ResourceTypeInfo => !!t);
      this.actionTypesCache.set(a, hit);
    }
    return hit;
  }

  resourceTypesOf(service: string): ResourceTypeInfo[] {
    const svc = this.hasService(service) ? this.raw.services[service] : undefined;
    if (!svc) return [];
    return Object.entries(svc.resourceTypes).map(([name, r]) => ({ service, name, arn: r[0], conditionKeys: r[1] }));
  }

  /**
   * Looks up a condition key, case-insensitively, including families written with a
   * variable part (`aws:ResourceTag/Team`, `connect:SearchTag/Dept`).
   */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    const colon = lower.indexOf(':');
    if (colon <= 0) return undefined;
    const prefix = lower.slice(0, colon);
    if (prefix === 'aws') {
      const g = this.globalKeys.get(lower);
      if (g) return g;
      for (const p of this.globalPatterns) if (lower.startsWith(p.prefixLower) && lower.length > p.prefixLower.length) return p.info;
      return undefined;
    }
    const svc = this.hasService(prefix) ? this.raw.services[prefix] : undefined;
    if (!svc) {
      // Some non-aws global keys (ec2:SourceInstanceArn...) live in the global list.
      return this.globalKeys.get(lower);
    }
    const direct = Object.prototype.hasOwnProperty.call(svc.conditionKeys, lower) ? svc.conditionKeys[lower] : undefined;
    if (direct) return { key: direct[0], type: direct[1], service: prefix };
    for (const p of this.patternsOf(prefix)) if (lower.startsWith(p.prefixLower) && lower.length > p.prefixLower.length) return p.info;
    return this.globalKeys.get(lower);
  }

  private patternsOf(prefix: string): KeyPattern[] {
    let list = this.servicePatterns.get(prefix);
    if (!list) {
      list = [];
      for (const [lower, [key, type]] of Object.entries(this.raw.services[prefix].conditionKeys)) {
        const i = lower.indexOf('${');
        const slash = lower.indexOf('/');
        const cut = i >= 0 ? i : slash >= 0 ? slash + 1 : -1;
        if (cut > 0) list.push({ prefixLower: lower.slice(0, cut), info: { key, type, service: prefix } });
      }
      this.servicePatterns.set(prefix, list);
    }
    return list;
  }

  /** Whether a key is a family pattern like `aws:ResourceTag/` that needs a tag key. */
  isKeyFamilyWithoutSuffix(key: string): boolean {
    const lower = key.toLowerCase();
    return this.globalPatterns.some((p) => lower === p.prefixLower || lower === p.prefixLower.slice(0, -1));
  }

  isGlobalKey(key: string): boolean {
    return key.toLowerCase().startsWith('aws:') && this.conditionKey(key) !== undefined;
  }
}

let shared: IamData | undefined;

/** Where the generated index may be: beside the bundle, or in the source tree. */
function candidatePaths(): string[] {
  const out: string[] = [];
  if (process.env.CONNECT_GUARD_IAM_INDEX) out.push(process.env.CONNECT_GUARD_IAM_INDEX);
  out.push(path.join(__dirname, 'iam-index.json'));
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    out.push(path.join(dir, 'server', 'data', 'iam-index.json'));
    dir = path.dirname(dir);
  }
  return out;
}

/** The process-wide catalogue, loaded on first use. */
export function loadIamData(): IamData {
  if (shared) return shared;
  for (const p of candidatePaths()) {
    if (fs.existsSync(p)) {
      shared = new IamData(JSON.parse(fs.readFileSync(p, 'utf8')) as RawIndex);
      return shared;
    }
  }
  throw new Error('IAM data index not found (iam-index.json). Run `npm run build` to generate it.');
}
