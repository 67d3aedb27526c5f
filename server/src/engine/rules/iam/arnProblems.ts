import { IamData } from '../../iam/data';
import { ArnTypeEntry, PARTITIONS, arnIndex, fittingEntries, isConnectSamlUserArn, parseArn, resourcePartMatches } from '../../iam/arn';
import { hasWildcard, wildcardMatch } from '../../iam/wildcard';
import { Severity } from '../../types';
import { BoundedMemo } from '../../boundedMemo';

/** One thing wrong with an ARN string: indices into the string value. */
export interface ArnProblem {
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  /** A mechanical replacement of [start, end). */
  replace?: { title: string; content: string };
}

const DOC_ACCOUNT = '123456789012';
/**
 * Services whose resource parts are checked against the documented formats: the Amazon
 * Connect family, where the data has been reviewed. Elsewhere the data has gaps (it files
 * `assumed-role` under iam, not sts), so a miss would be noise.
 */
const CHECKED_FORMATS = new Set(['connect', 'voiceid', 'wisdom', 'profile', 'cases', 'app-integrations', 'connect-campaigns']);
const FIELD_NAMES = ['prefix', 'partition', 'service', 'Region', 'account', 'resource'];
const LOWER_PLACEHOLDERS: Record<number, readonly string[]> = {
  1: ['partition'],
  3: ['region', 'region-name', 'your-region', 'aws-region'],
  4: ['account', 'account-id', 'accountid', 'account_id', 'aws-account-id', 'your-account-id', 'accountnumber', 'account-number'],
};
const UPPER_WORDS = new Set(['REGION', 'ACCOUNT', 'ACCOUNTID', 'PARTITION', 'INSTANCEID', 'USERID', 'ID', 'NAME', 'ARN']);
const UPPER_SUFFIXES = ['_ID', '_NAME', '_ARN', '_NUMBER', '_KEY', '_REGION', '_ACCOUNT'];

function isPolicyVariable(inner: string): boolean {
  return inner === '*' || inner === '?' || inner === '$' || (inner.includes(':') && !inner.includes('::'));
}

function hasVariable(s: string): boolean {
  return s.includes('${');
}

/** Shared by every field without problems: callers only read it. */
const NO_PROBLEMS: ArnProblem[] = [];

/** Placeholders copied from documentation or templates: `<id>`, `${InstanceId}`, `INSTANCE_ID`, `xxxx`. */
function placeholders(field: string, fieldIndex: number, start: number): ArnProblem[] {
  // Made on the first placeholder: most fields have none.
  let out: ArnProblem[] | undefined;
  const say = (s: number, e: number, what: string) =>
    (out ??= []).push({ start: start + s, end: start + e, message: `Placeholder ${what} left in the ARN: replace it with the real value (or a policy variable such as \${aws:userid}).` });
  const lower = LOWER_PLACEHOLDERS[fieldIndex];
  if (lower?.includes(field.toLowerCase()) && field !== field.toUpperCase()) {
    say(0, field.length, `"${field}"`);
    return out!;
  }
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i);
    if (code !== 60 /* < */ && code !== 36 /* $ */) continue;
    const c = field[i];
    if (c === '<') {
      const e = field.indexOf('>', i + 1);
      if (e > 0) {
        say(i, e + 1, `"${field.slice(i, e + 1)}"`);
        i = e;
      }
    } else if (c === '$' && field[i + 1] === '{') {
      const e = field.indexOf('}', i + 2);
      if (e < 0) continue;
      const inner = field.slice(i + 2, e);
      if (!isPolicyVariable(inner)) say(i, e + 1, inner.includes('::') ? `"${field.slice(i, e + 1)}" (a CloudFormation substitution, not a policy variable)` : `"${field.slice(i, e + 1)}" (a documentation variable, not a policy variable)`);
      i = e;
    }
  }
  if (out) return out;
  // Words: split on separators that never belong to a placeholder word.
  let s = 0;
  for (let i = 0; i <= field.length; i++) {
    const c = field.charCodeAt(i);
    if (i < field.length && c !== 47 /* / */ && c !== 58 /* : */ && c !== 45 /* - */ && c !== 46 /* . */) continue;
    // Both kinds of placeholder word start with x, X or another capital letter.
    const first = field.charCodeAt(s);
    if (i > s && ((first >= 65 && first <= 90) || first === 120)) {
      const word = field.slice(s, i);
      if (/^x{4,}$/i.test(word) || isUpperPlaceholder(word)) say(s, i, `"${word}"`);
    }
    s = i + 1;
  }
  return out ?? NO_PROBLEMS;
}

/**
 * `eu-west-2`, `us-gov-west-1`, `eusc-de-east-1`: 2 to 4 letters, one or more letter
 * groups, a number of 1 or 2 digits, joined by hyphens (lower-case ASCII). One pass, no
 * split: every ARN asks.
 */
export function isRegionCode(r: string): boolean {
  let part = 0;
  let len = 0;
  let letters = true;
  let digits = true;
  for (let i = 0; i <= r.length; i++) {
    const c = i < r.length ? r.charCodeAt(i) : -1;
    if (c === -1) return part >= 2 && digits && len >= 1 && len <= 2;
    if (c === 45 /* - */) {
      if (!letters || len < (part === 0 ? 2 : 1) || (part === 0 && len > 4)) return false;
      part++;
      len = 0;
      letters = true;
      digits = true;
      continue;
    }
    len++;
    if (c < 97 || c > 122) letters = false;
    if (c < 48 || c > 57) digits = false;
  }
  return false;
}

function isUpperPlaceholder(word: string): boolean {
  if (!/^[A-Z][A-Z0-9_]*$/.test(word)) return false;
  if (UPPER_WORDS.has(word)) return true;
  return word.includes('_') && UPPER_SUFFIXES.some((x) => word.endsWith(x));
}

const accountsOf = new WeakMap<ArnTypeEntry[], ReadonlySet<string>>();

/** Account values the catalogue writes literally (`aws`, `cloudfront`...) in a service's ARN formats. */
function literalAccounts(entries: ArnTypeEntry[]): ReadonlySet<string> {
  let hit = accountsOf.get(entries);
  if (!hit) accountsOf.set(entries, (hit = new Set(entries.flatMap((e) => (e.account.kind === 'literal' ? [e.account.value] : [])))));
  return hit;
}

const memo = new WeakMap<IamData, BoundedMemo<string, ArnProblem[]>>();

/** `arnProblems`, memoised per catalogue: the same ARNs are checked on every keystroke. */
export function arnProblemsCached(iam: IamData, v: string): ArnProblem[] {
  let cache = memo.get(iam);
  if (!cache) memo.set(iam, (cache = new BoundedMemo(5000)));
  return cache.get(v) ?? cache.set(v, arnProblems(iam, v));
}

/** Every problem of one Resource/NotResource string, most fundamental first. */
export function arnProblems(iam: IamData, v: string): ArnProblem[] {
  if (/^\*+$/.test(v)) return [];
  // Spaces inside a policy variable (`${aws:username, 'default'}`) are IAM syntax, not part of the ARN.
  // White space inside a policy variable is the variable's problem; replacing keeps indices.
  const ws = /\s/.exec(v.includes('${') ? v.replace(/\$\{[^}]*\}/g, (m) => m.replace(/\s/g, '_')) : v);
  if (ws) {
    let e = ws.index;
    while (e < v.length && /\s/.test(v[e])) e++;
    return [{ start: ws.index, end: e, message: 'The ARN contains white space: IAM compares ARNs character by character, so it matches no resource. Remove the space.' }];
  }
  // A value that starts "arn:" is never one placeholder from end to end (its first word is "arn").
  const whole = v.startsWith('arn:') ? [] : placeholders(v, -1, 0);
  if (whole.length && whole[0].start === 0 && whole[0].end === v.length) return whole;
  if (!v.startsWith('arn:')) {
    if (v.toLowerCase().startsWith('arn:')) return [{ start: 0, end: 3, message: 'The ARN prefix must be lower-case "arn".', replace: { title: 'Change to "arn"', content: 'arn' } }];
    return [{ start: 0, end: v.length, message: `"${v}" is not an ARN: a resource is "*" or starts with "arn:" (arn:partition:service:region:account:resource).` }];
  }
  const p = parseArn(v);
  if (!p) {
    const fields = v.split(':').length;
    return [{ start: 0, end: v.length, message: `The ARN has ${fields} of the 6 colon-separated fields (arn:partition:service:region:account:resource), so it matches no resource.` }];
  }
  const out: ArnProblem[] = [];
  const fields = [p.prefix, p.partition, p.service, p.region, p.account, p.resource];
  // Fields with placeholders, as bits (1 << k).
  let marked = 0;
  for (let k = 1; k < 6; k++) {
    const found = placeholders(fields[k], k, p.starts[k]);
    if (found.length) {
      marked |= 1 << k;
      out.push(...found);
    }
  }
  const at = (k: number) => ({ start: p.starts[k], end: p.starts[k] + fields[k].length });
  const isMarked = (k: number) => (marked & (1 << k)) !== 0;
  const free = (k: number) => !isMarked(k) && !hasWildcard(fields[k]) && !hasVariable(fields[k]);

  if (!isMarked(1)) {
    const part = p.partition;
    const ok = hasVariable(part) || (hasWildcard(part) ? PARTITIONS.some((x) => wildcardMatch(part, x, false)) : PARTITIONS.includes(part));
    if (!ok) {
      const lower = part.toLowerCase();
      out.push({
        ...at(1),
        message: `Unknown partition "${part}": use one of ${PARTITIONS.join(', ')}.`,
        ...(PARTITIONS.includes(lower) ? { replace: { title: `Change to "${lower}"`, content: lower } } : {}),
      });
    }
  }

  let entries: ArnTypeEntry[] | undefined;
  const svc = p.service;
  if (svc === '') out.push({ start: p.starts[2] - 1, end: p.starts[2] + 1, message: 'The ARN has no service: write the service between the partition and the Region (arn:aws:connect:...).' });
  else if (free(2)) {
    if (svc !== svc.toLowerCase()) {
      out.push({ ...at(2), message: `The ARN service "${svc}" must be lower case.`, replace: { title: `Change to "${svc.toLowerCase()}"`, content: svc.toLowerCase() } });
    } else {
      entries = arnIndex(iam).get(svc);
      if (!entries) out.push({ ...at(2), severity: 'warning', message: `No resource type in the IAM data (version ${iam.dataVersion}) has ARNs with service "${svc}". Check the service name in the ARN (it is not always the action prefix).` });
    }
  }

  if (free(3) && p.region !== '' && !isRegionCode(p.region)) {
    out.push({ ...at(3), message: `"${p.region}" is not a Region code (such as eu-west-2 or us-gov-west-1).` });
  }

  if (free(4) && p.account !== '' && !/^\d{12}$/.test(p.account) && !(entries && literalAccounts(entries).has(p.account))) {
    out.push({ ...at(4), message: `The account "${p.account}" is not a 12-digit AWS account ID.` });
  } else if (p.account === DOC_ACCOUNT) {
    out.push({ ...at(4), severity: 'warning', message: `${DOC_ACCOUNT} is the example account of the AWS documentation: replace it with your account ID.` });
  }

  if (p.resource === '') {
    out.push({ start: 0, end: v.length, message: 'The ARN has an empty resource part after the account, so it matches no resource.' });
    return out;
  }
  if (!entries || isMarked(5)) return out;

  const fitting = fittingEntries(entries, p.resource);
  if (!fitting.length && !hasVariable(p.resource) && CHECKED_FORMATS.has(svc) && !isConnectSamlUserArn(v)) {
    const alias = svc === 'connect' ? connectAlias(entries, p.resource) : undefined;
    if (alias) {
      const start = p.starts[5] + alias.start;
      out.push({
        start, end: start + alias.from.length, severity: 'warning',
        message: `Amazon Connect ARNs name this resource "${alias.to}", not "${alias.from}": "${p.resource}" fits no documented format, so the ARN matches nothing.`,
        replace: { title: `Change to "${alias.to}"`, content: alias.to },
      });
      return out;
    }
    const examples = entries.slice(0, 3).map((e) => e.resource).join(', ');
    out.push({
      start: p.starts[5], end: v.length, severity: 'warning',
      message: `The resource part "${p.resource}" fits none of the ${entries.length} documented "${svc}" ARN formats (such as ${examples}) in the IAM data (version ${iam.dataVersion}).`,
    });
  }
  const cands = fitting.length ? fitting : entries;
  fieldPresence(out, p.region, 3, cands.map((e) => e.region), p.starts[3], svc, isMarked(3));
  fieldPresence(out, p.account, 4, cands.map((e) => e.account), p.starts[4], svc, isMarked(4));
  return out;
}

/**
 * Names people write for Connect resources that the ARNs spell differently (the API
 * says "user", "hierarchy group", "quick connect"; the ARN says agent, agent-group,
 * transfer-destination).
 */
const CONNECT_ALIASES: Record<string, string> = {
  // Not "user": instance/<id>/user/<id> is the documented SAML pattern (isConnectSamlUserArn).
  users: 'agent', agents: 'agent',
  'hierarchy-group': 'agent-group', 'user-hierarchy-group': 'agent-group',
  'quick-connect': 'transfer-destination',
  'contact-flow-module': 'flow-module', flow: 'contact-flow', flows: 'contact-flow', 'contact-flows': 'contact-flow',
  'hours-of-operation': 'operating-hours',
  'agent-status': 'agent-state',
  queues: 'queue', 'routing-profiles': 'routing-profile', 'security-profiles': 'security-profile', instances: 'instance',
};

/** The first path step that is a known alias and whose replacement makes the resource part fit. */
function connectAlias(entries: ArnTypeEntry[], resource: string): { start: number; from: string; to: string } | undefined {
  let start = 0;
  for (const step of resource.split('/')) {
    const to = Object.prototype.hasOwnProperty.call(CONNECT_ALIASES, step) ? CONNECT_ALIASES[step] : undefined;
    if (to) {
      const fixed = resource.slice(0, start) + to + resource.slice(start + step.length);
      if (entries.some((e) => resourcePartMatches(e, fixed))) return { start, from: step, to };
    }
    start += step.length + 1;
  }
  return undefined;
}

/** Region/account given where the service's ARNs have none, or missing where all have one. */
function fieldPresence(out: ArnProblem[], value: string, k: number, rules: { kind: string }[], start: number, svc: string, marked: boolean): void {
  if (!rules.length || marked) return;
  const name = FIELD_NAMES[k];
  if (value !== '' && !/^[*]+$/.test(value) && !hasVariable(value) && rules.every((r) => r.kind === 'none')) {
    out.push({
      start, end: start + value.length,
      message: `${svc} ARNs of this kind have no ${name}: "${value}" makes the ARN match nothing. Leave the ${name} field empty.`,
      replace: { title: `Remove the ${name}`, content: '' },
    });
  } else if (value === '' && rules.every((r) => r.kind !== 'none')) {
    out.push({ start: start - 1, end: start + 1, message: `${svc} ARNs of this kind need the ${name}: fill it in (or use * for any).` });
  }
}
