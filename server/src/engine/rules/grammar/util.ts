import { Node, Property } from '../../json';
import { STATEMENT_ELEMENTS, POLICY_ELEMENTS, Statement, MeantElement } from '../../policy';
import { DocumentKind, TextEdit } from '../../types';
import { didYouMean } from '../../suggest';
import { removeChildren } from '../../fixes';

/** "a number", "an array"... for messages. */
export function typeLabel(node: Node | undefined): string {
  if (!node) return 'nothing';
  switch (node.type) {
    case 'array': return 'an array';
    case 'object': return 'an object';
    case 'null': return 'null';
    default: return `a ${node.type}`;
  }
}

/** The first character of an object or array: where "something is missing" is reported. */
export function openingOf(node: Node): { offset: number; length: number } {
  return { offset: node.offset, length: 1 };
}

/** The element an unknown key most likely meant: same name in another case first, then the nearest spelling. */
export function suggestElement(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase) return sameCase;
  return didYouMean(name, allowed, 1)[0];
}

export const TOP_LEVEL: readonly string[] = POLICY_ELEMENTS;
export const IN_STATEMENT: readonly string[] = STATEMENT_ELEMENTS;

/** Statement elements a kind of policy refuses (principal-not-allowed and principal-shape report them). */
export const NOT_IN_KIND: Partial<Record<DocumentKind, readonly string[]>> = {
  identity: ['Principal', 'NotPrincipal'],
  scp: ['Principal', 'NotPrincipal'],
  trust: ['NotPrincipal', 'Resource', 'NotResource'],
};

/**
 * Statement elements a rename may produce in this kind of document: not one that
 * principal-not-allowed or principal-shape would then ask to remove (Principal in an
 * identity policy, Resource in a role trust policy), which would cost "fix all" a pass.
 */
export function statementElementsFor(kind: DocumentKind): readonly string[] {
  const refused = NOT_IN_KIND[kind] ?? [];
  return IN_STATEMENT.filter((e) => !refused.includes(e));
}

/** The element an unknown key should be renamed to, unless its object already has it. */
export function renameTarget(p: Property, siblings: readonly Property[], allowed: readonly string[]): string | undefined {
  const to = suggestElement(p.name, allowed);
  return to !== undefined && !elementTaken(p, to, siblings, allowed) ? to : undefined;
}

/**
 * Whether another key of the object already is `to`, or is an earlier misspelling of it
 * (`"Actoin"` before `"Actions"`): only the first misspelling is renamed, so that fixing
 * both never makes two keys of the same name.
 */
export function elementTaken(p: Property, to: string, siblings: readonly Property[], allowed: readonly string[]): boolean {
  let earlier = true;
  for (const o of siblings) {
    if (o === p) {
      earlier = false;
      continue;
    }
    if (o.name === to) return true;
    if (earlier && !allowed.includes(o.name) && suggestElement(o.name, allowed) === to) return true;
  }
  return false;
}

/** What unknown-element renames a key to in this kind of document (the policy model reads the key as that element). */
export function meantElement(kind: DocumentKind): MeantElement {
  const inStatement = statementElementsFor(kind);
  return (p, siblings, where) => {
    if (IN_STATEMENT.includes(p.name)) return undefined;
    if (where === 'top') return TOP_LEVEL.includes(p.name) ? undefined : renameTarget(p, siblings, TOP_LEVEL);
    return TOP_LEVEL.includes(p.name) && p.name !== 'Id' ? undefined : renameTarget(p, siblings, inStatement);
  };
}

/**
 * True when an unknown key of the object is a misspelling of one of `targets`: then
 * `unknown-element` already reports it (with a rename fix) and a "missing" rule stays
 * quiet, so one typo gives one finding.
 */
export function misspeltAs(props: readonly Property[], allowed: readonly string[], targets: readonly string[]): boolean {
  for (const p of props) {
    if (allowed.includes(p.name)) continue;
    const s = suggestElement(p.name, allowed);
    if (s && targets.includes(s)) return true;
  }
  return false;
}

/** A statement lacking both elements of a pair, unless a misspelt key explains it. */
export function lacksPair(s: Statement, a: 'Action' | 'Resource' | 'Principal' | 'Effect', b?: string): boolean {
  const names = b ? [a, b] : [a];
  if (s.props.some((p) => names.includes(p.name))) return false;
  return !misspeltAs(s.props, IN_STATEMENT, names);
}

/**
 * Removes a property with its separating comma, keeping the neighbours' layout. Built
 * by hand rather than with `modify`, which re-parses the whole document per fix.
 */
export function removeProperty(prop: Property): TextEdit {
  const obj = prop.node.parent;
  const i = obj?.children?.indexOf(prop.node) ?? -1;
  if (!obj || i < 0) return { offset: prop.node.offset, length: prop.node.length, content: '' };
  return removeChildren(obj, [i])[0];
}

/** Renames a property's key in place. */
export function renameKey(prop: Property, to: string): TextEdit {
  return { offset: prop.key.offset, length: prop.key.length, content: JSON.stringify(to) };
}

/** Range of a node. */
export function rangeOf(node: Node): { offset: number; length: number } {
  return { offset: node.offset, length: node.length };
}

/** `"x"` quoted for messages, shortened when long. */
export function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

/** Capitalises the first letter (statement labels open sentences). */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The kind of document, as the subject of a sentence (one table, in kinds.ts). */
export { KIND_LABEL as KIND_NAMES } from '../../kinds';

/** Removes the property and any repeat of its key in the same object (the repeat would be the next finding). */
export function removeWithRepeats(p: Property): TextEdit[] {
  const obj = p.node.parent;
  const same = (obj?.children ?? []).flatMap((c, i) => (c.children?.[0]?.value === p.name ? [i] : []));
  return obj && same.length > 1 ? removeChildren(obj, same) : [removeProperty(p)];
}
