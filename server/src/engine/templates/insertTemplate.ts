import { parseJson } from '../json';
import { readPolicy, PolicyDocument } from '../policy';
import { applyEdits as apply, detectFormatting, insertAt, setAt } from '../fixes';
import { TextEdit } from '../types';
import { PersonaTemplate, PolicyStatementObject } from './personas';

/** The template as a whole document, indented like `like` (or two spaces). */
export function templateText(template: PersonaTemplate, like = ''): string {
  const f = detectFormatting(like);
  const indent = f.insertSpaces ? (f.tabSize ?? 2) : '\t';
  return JSON.stringify(template.policy, null, indent).split('\n').join(f.eol ?? '\n') + (f.eol ?? '\n');
}

/**
 * Edits that put a template into a document: the whole policy when the document is
 * empty, otherwise its statements appended to `Statement` (Sids made unique, Version
 * added when missing). Undefined when the document is not a JSON object.
 */
export function templateEdits(text: string, template: PersonaTemplate): TextEdit[] | undefined {
  if (text.trim() === '') return [{ offset: 0, length: text.length, content: templateText(template) }];
  const json = parseJson(text);
  if (json.root?.type !== 'object') return undefined;
  const policy = readPolicy(json.root);
  const statements = uniqueSids(policy, template.policy.Statement);
  const sv = policy.statementProp?.value;
  if (sv?.type === 'array') return insertSequentially(text, statements);
  if (sv?.type === 'object') return setAt(text, ['Statement'], [jsonValue(text, sv.offset, sv.length), ...statements]);
  const out = setAt(text, ['Statement'], statements);
  if (!policy.version) return combine(text, out, (t) => setAt(t, ['Version'], '2012-10-17', { first: true }));
  return out;
}

/**
 * jsonc-parser computes each insertion against its input text, so insertions are applied
 * one after another and returned as one replacement of the changed span.
 */
function insertSequentially(text: string, statements: PolicyStatementObject[]): TextEdit[] {
  let cur = text;
  for (const s of statements) cur = apply(cur, insertAt(cur, ['Statement'], -1, s));
  return [minimalEdit(text, cur)];
}

function combine(text: string, first: TextEdit[], then: (t: string) => TextEdit[]): TextEdit[] {
  const mid = apply(text, first);
  return [minimalEdit(text, apply(mid, then(mid)))];
}

/** One edit replacing only the span where `before` and `after` differ (keeps cursor and undo tidy). */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { offset: start, length: endB - start, content: after.slice(start, endA) };
}

function jsonValue(text: string, offset: number, length: number): unknown {
  try {
    return JSON.parse(text.slice(offset, offset + length));
  } catch {
    return {};
  }
}

function uniqueSids(policy: PolicyDocument, statements: readonly PolicyStatementObject[]): PolicyStatementObject[] {
  const taken = new Set<string>();
  for (const s of policy.statements) {
    const v = s.el.Sid?.value;
    if (v?.type === 'string') taken.add(String(v.value));
  }
  return statements.map((s) => {
    let sid = s.Sid;
    for (let n = 2; taken.has(sid); n++) sid = `${s.Sid}${n}`;
    taken.add(sid);
    return sid === s.Sid ? s : { ...s, Sid: sid };
  });
}
