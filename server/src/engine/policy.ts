import { Node, Property, properties, property } from './json';
import type { ActionElement } from './iam/actions';

/** Elements IAM accepts inside a statement. */
export const STATEMENT_ELEMENTS = [
  'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
] as const;
export type StatementElement = (typeof STATEMENT_ELEMENTS)[number];
/** Elements IAM accepts at the top level of a policy. */
export const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

export interface Statement {
  /** The statement object node. */
  node: Node;
  /** Index in the Statement array (0 when Statement is a single object). */
  index: number;
  /** Every property, in document order (unknown ones included). */
  props: Property[];
  /** Known elements by exact name (first occurrence). */
  el: Partial<Record<StatementElement, Property>>;
  effect: 'Allow' | 'Deny' | undefined;
  /**
   * Per-lint analysis shared by rules, made on first use: read them through
   * `actionElement(s)` and `conditionEntries(s)`. Fields, not side tables: rules ask on
   * every statement, and a property read costs less than a WeakMap lookup.
   */
  actionElement?: ActionElement | null;
  conditionEntries?: ConditionEntry[];
}

export interface PolicyDocument {
  /** The root object, when the document is one. */
  root: Node | undefined;
  props: Property[];
  version: Property | undefined;
  statementProp: Property | undefined;
  statements: Statement[];
}

const EMPTY: PolicyDocument = { root: undefined, props: [], version: undefined, statementProp: undefined, statements: [] };

/**
 * The element a misspelt key stands for (the one unknown-element renames it to), or undefined.
 * `where` says whether the key is at the top level or in a statement.
 */
export type MeantElement = (p: Property, siblings: readonly Property[], where: 'top' | 'statement') => string | undefined;

/**
 * Reads the policy. With `meant`, a misspelt key stands for the element it will be renamed
 * to ("Statemen", "Actions", "effect"), so the rules check its value in the same lint and
 * "fix all" corrects key and value in one pass (otherwise the rename reveals the value's
 * findings and each typo costs a pass). Evaluation (activity) reads policies as written.
 */
export function readPolicy(root: Node | undefined, meant?: MeantElement): PolicyDocument {
  if (!root || root.type !== 'object') return { ...EMPTY, root };
  const props = properties(root);
  const statementProp = property(root, 'Statement') ?? (meant && props.find((p) => meant(p, props, 'top') === 'Statement'));
  const statements: Statement[] = [];
  const sv = statementProp?.value;
  if (sv?.type === 'object') statements.push(readStatement(sv, 0, meant));
  else if (sv?.type === 'array' && sv.children) {
    sv.children.forEach((c, i) => {
      if (c.type === 'object') statements.push(readStatement(c, i, meant));
    });
  }
  const version = property(root, 'Version') ?? (meant && props.find((p) => meant(p, props, 'top') === 'Version'));
  return { root, props, version, statementProp, statements };
}

function readStatement(node: Node, index: number, meant: MeantElement | undefined): Statement {
  const props = properties(node);
  const el: Partial<Record<StatementElement, Property>> = {};
  let unknown = false;
  for (const p of props) {
    if (!(STATEMENT_ELEMENTS as readonly string[]).includes(p.name)) unknown = true;
    else if (!el[p.name as StatementElement]) el[p.name as StatementElement] = p;
  }
  if (meant && unknown) {
    for (const p of props) {
      if ((STATEMENT_ELEMENTS as readonly string[]).includes(p.name)) continue;
      const to = meant(p, props, 'statement') as StatementElement | undefined;
      if (to && !el[to]) el[to] = p;
    }
  }
  const ev = el.Effect?.value;
  const effect = ev?.type === 'string' && (ev.value === 'Allow' || ev.value === 'Deny') ? (ev.value as 'Allow' | 'Deny') : undefined;
  return { node, index, props, el, effect, actionElement: undefined, conditionEntries: undefined };
}

/** A short label for messages: `Sid "AllowX"` or `statement 2`. */
export function statementLabel(s: Statement): string {
  const sid = s.el.Sid?.value;
  if (sid?.type === 'string' && sid.value) return `statement "${sid.value as string}"`;
  return `statement ${s.index + 1}`;
}

/** Condition blocks: operator -> key -> values. */
export interface ConditionEntry {
  operator: Property;
  key: Property;
  /** Value nodes (a single value is a one-element list). */
  values: Node[];
}

/**
 * The statement's condition entries, in document order. A dozen rules read them in one
 * lint: built once per statement, shared by every caller (do not modify the list).
 */
export function conditionEntries(s: Statement): ConditionEntry[] {
  return (s.conditionEntries ??= readConditionEntries(s));
}

function readConditionEntries(s: Statement): ConditionEntry[] {
  const cond = s.el.Condition?.value;
  const out: ConditionEntry[] = [];
  for (const op of properties(cond)) {
    for (const key of properties(op.value)) {
      const v = key.value;
      const values = !v ? [] : v.type === 'array' ? (v.children ?? []) : [v];
      out.push({ operator: op, key, values });
    }
  }
  return out;
}
