import { IamData, ActionInfo } from '../iam/data';
import { hasWildcard } from '../iam/wildcard';
import { privilegeChangeActions } from '../connect';
import { prefixOfSource } from '../activity/eventAction';
import { stringItems } from '../json';
import { statementAt } from '../templates/statementAt';
import { cursorContext } from './cursorContext';

export interface HoverContent {
  offset: number;
  length: number;
  markdown: string;
}

const LIST_LIMIT = 25;

/** Hover for an action (or wildcard) in Action/NotAction, a condition key, or a CloudTrail record's eventName. Pure. */
export function hoverAt(text: string, offset: number, iam: IamData): HoverContent | undefined {
  const ctx = cursorContext(text, offset);
  if (ctx.at === 'other' && !ctx.node) {
    // JSON Lines: the parser sees only the first record, so read the record on the cursor's line.
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    if (start === 0) return undefined;
    const h = hoverAt(text.slice(start, end < 0 ? text.length : end), offset - start, iam);
    return h && { ...h, offset: h.offset + start };
  }
  if (ctx.at === 'action') {
    const md = actionMarkdown(String(ctx.node.value), iam);
    return md ? { offset: ctx.node.offset, length: ctx.node.length, markdown: md } : undefined;
  }
  if (ctx.at === 'eventName') {
    const action = `${prefixOfSource(ctx.eventSource)}:${String(ctx.node.value)}`;
    const md = actionMarkdown(action, iam);
    return md ? { offset: ctx.node.offset, length: ctx.node.length, markdown: `IAM action of this call:\n\n${md}` } : undefined;
  }
  if (ctx.at === 'conditionKey') {
    const md = conditionKeyMarkdown(ctx.key, text, offset, iam);
    return md ? { offset: ctx.node.offset, length: ctx.node.length, markdown: md } : undefined;
  }
  return undefined;
}

function list(names: string[]): string {
  const shown = names.slice(0, LIST_LIMIT).map((n) => `\`${n}\``).join(', ');
  return names.length > LIST_LIMIT ? `${shown} and ${names.length - LIST_LIMIT} more` : shown;
}

export function actionMarkdown(pattern: string, iam: IamData): string | undefined {
  if (pattern === '*' || hasWildcard(pattern)) {
    const all = iam.expandAction(pattern);
    const writes = all.filter((a) => a.accessLevel !== 'Read' && a.accessLevel !== 'List');
    const privileged = all.filter((a) => privilegeChangeActions(iam).includes(a));
    const lines = [`**${pattern}** matches ${all.length} action${all.length === 1 ? '' : 's'}, ${writes.length} of them write (Write, Tagging or Permissions management).`];
    if (writes.length) lines.push('', `Write actions: ${list(writes.map((a) => a.fullName))}`);
    if (privileged.length) lines.push('', `**Changes privileges in Amazon Connect:** ${list(privileged.map((a) => a.fullName))}`);
    return lines.join('\n');
  }
  const colon = pattern.indexOf(':');
  if (colon < 0) return undefined;
  const a = iam.action(pattern.slice(0, colon), pattern.slice(colon + 1));
  if (!a) return undefined;
  return describeAction(a, iam);
}

function describeAction(a: ActionInfo, iam: IamData): string {
  const lines = [`**${a.fullName}** (${iam.serviceName(a.service) ?? a.service})`, '', `Access level: **${a.accessLevel}**`];
  lines.push('', a.resourceTypes.length
    ? `Resource types: ${a.resourceTypes.map((r) => `\`${r.name}\`${r.required ? ' (required)' : ''}`).join(', ')}`
    : 'Resource types: none (only `"Resource": "*"` applies)');
  const keys = [...new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => r.conditionKeys)])];
  lines.push('', keys.length ? `Condition keys: ${list(keys)}` : 'Condition keys: global keys only');
  if (privilegeChangeActions(iam).includes(a)) {
    lines.push('', '**Changes privileges in Amazon Connect**: it changes who can do what in the instance, although no Connect action is classed "Permissions management". Scope it to one instance and protect it with MFA and tag conditions.');
  }
  if (a.dependentActions.length) lines.push('', `Also needs: ${list(a.dependentActions)}`);
  return lines.join('\n');
}

/** Whether an action (or one of its resource types) lists the key; tag families match by prefix. */
export function actionSupportsKey(a: ActionInfo, key: string): boolean {
  const lower = key.toLowerCase();
  const slash = lower.indexOf('/');
  const family = slash > 0 ? lower.slice(0, slash + 1) : undefined;
  const match = (k: string) => (family ? k.toLowerCase().startsWith(family) : k.toLowerCase() === lower);
  return a.conditionKeys.some(match) || a.resourceTypes.some((r) => r.conditionKeys.some(match));
}

export function conditionKeyMarkdown(key: string, text: string, offset: number, iam: IamData): string | undefined {
  const info = iam.conditionKey(key);
  if (!info) return undefined;
  const lines = [`**${key}**: type \`${info.type}\``];
  if (info.service === 'aws') {
    lines.push('', 'Global condition key: present in the request context of every action where AWS sets it.');
    if (!/^aws:(ResourceTag|RequestTag|TagKeys)/i.test(key)) return lines.join('\n');
  }
  const at = statementAt(text, offset);
  const actions = at ? stringItems(at.statement.el.Action?.value).flatMap((i) => iam.expandAction(i.value)) : [];
  if (!actions.length) return lines.join('\n');
  const supports = (a: ActionInfo) => actionSupportsKey(a, key);
  const yes = actions.filter(supports).map((a) => a.fullName);
  const no = actions.filter((a) => !supports(a)).map((a) => a.fullName);
  lines.push('', yes.length ? `Supported by ${yes.length} of the statement's ${actions.length} actions: ${list(yes)}` : 'Supported by none of the statement\'s actions: the condition never matches for them.');
  if (yes.length && no.length) lines.push('', `Not supported by: ${list(no)}`);
  return lines.join('\n');
}
