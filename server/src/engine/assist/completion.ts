import { IamData } from '../iam/data';
import { OPERATOR_SPELLINGS } from '../iam/conditions';
import { stringItems } from '../json';
import { statementAt } from '../templates/statementAt';
import { cursorContext, stringContentRange } from './cursorContext';

export type CompletionKind = 'service' | 'action' | 'operator' | 'conditionKey' | 'arn';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Text replacing `replace`; a snippet (tab stops) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** Ask the editor to suggest again after inserting (a service prefix, then its actions). */
  retrigger?: boolean;
  replace: { offset: number; length: number };
  sortText?: string;
}

/** Global keys worth offering in any statement (the full list is long and mostly irrelevant to Connect). */
const COMMON_GLOBAL_KEYS = [
  'aws:MultiFactorAuthPresent', 'aws:PrincipalTag/${TagKey}', 'aws:PrincipalOrgID', 'aws:PrincipalAccount', 'aws:PrincipalArn',
  'aws:SourceIp', 'aws:SourceVpce', 'aws:SourceVpc', 'aws:SecureTransport', 'aws:RequestedRegion', 'aws:CalledVia', 'aws:ViaAWSService',
];

/** Completions at `offset` in a policy: service prefixes, actions, operators, condition keys, Connect ARN skeletons. Pure. */
export function completionsAt(text: string, offset: number, iam: IamData): CompletionEntry[] {
  const ctx = cursorContext(text, offset);
  if (ctx.at === 'other') return [];
  const replace = stringContentRange(text, ctx.node, offset);
  const typed = text.slice(replace.offset, Math.max(replace.offset, Math.min(offset, replace.offset + replace.length)));
  if (ctx.at === 'action') {
    const colon = typed.indexOf(':');
    if (colon < 0) {
      return iam.servicePrefixes().map((p) => ({ label: `${p}:`, kind: 'service' as const, detail: iam.serviceName(p), insertText: `${p}:`, retrigger: true, replace, sortText: p.startsWith('connect') ? `0${p}` : `1${p}` }));
    }
    const prefix = typed.slice(0, colon);
    return iam.actionsOf(prefix).map((a) => ({ label: a.fullName, kind: 'action' as const, detail: a.accessLevel, insertText: a.fullName, replace }));
  }
  if (ctx.at === 'operator') {
    return OPERATOR_SPELLINGS.map((o, i) => ({ label: o, kind: 'operator' as const, insertText: o, replace, sortText: String(i).padStart(4, '0') }));
  }
  if (ctx.at === 'conditionKey') return conditionKeyCompletions(text, offset, iam, replace);
  return connectArnCompletions(iam, replace);
}

function conditionKeyCompletions(text: string, offset: number, iam: IamData, replace: CompletionEntry['replace']): CompletionEntry[] {
  const at = statementAt(text, offset);
  const actions = at ? stringItems(at.statement.el.Action?.value).flatMap((i) => iam.expandAction(i.value)) : [];
  const count = new Map<string, number>();
  for (const a of actions) {
    for (const k of new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => r.conditionKeys)])) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const out: CompletionEntry[] = [...count].map(([k, n]) => keyEntry(k, `${n} of ${actions.length} actions`, iam, replace, '0'));
  for (const k of COMMON_GLOBAL_KEYS) if (!count.has(k)) out.push(keyEntry(k, 'global key', iam, replace, '1'));
  return out;
}

/** `aws:ResourceTag/${TagKey}` becomes a snippet with a tab stop for the tag key. */
function keyEntry(key: string, detail: string, iam: IamData, replace: CompletionEntry['replace'], rank: string): CompletionEntry {
  const variable = /\$\{([A-Za-z]+)\}/.exec(key);
  const type = iam.conditionKey(key.replace(/\$\{[A-Za-z]+\}/, 'x'))?.type;
  const label = key;
  const full = `${detail}${type ? `, ${type}` : ''}`;
  if (!variable) return { label, kind: 'conditionKey', detail: full, insertText: key, replace, sortText: `${rank}${key}` };
  return { label, kind: 'conditionKey', detail: full, insertText: key.replace(variable[0], `\${1:${variable[1]}}`), snippet: true, replace, sortText: `${rank}${key}` };
}

function connectArnCompletions(iam: IamData, replace: CompletionEntry['replace']): CompletionEntry[] {
  return iam.resourceTypesOf('connect')
    .filter((r) => !r.name.startsWith('wildcard-'))
    .map((r) => {
      let stop = 0;
      const body = r.arn
        .replace('${Partition}', 'aws')
        .replace(/\$\{[A-Za-z]+\}/g, () => `\${${++stop}:*}`);
      return { label: `Connect ${r.name} ARN`, kind: 'arn' as const, detail: r.arn, insertText: body, snippet: true, replace, sortText: r.name };
    });
}
