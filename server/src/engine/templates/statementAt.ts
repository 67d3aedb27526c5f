import { JSONPath } from 'jsonc-parser';
import { parseJson } from '../json';
import { readPolicy, PolicyDocument, Statement } from '../policy';

export interface StatementAt {
  policy: PolicyDocument;
  statement: Statement;
  /** JSON path of the statement object, for jsonc-parser edits. */
  path: JSONPath;
}

/** The statement whose object contains `offset` (the innermost, by range). */
export function statementAt(text: string, offset: number): StatementAt | undefined {
  const policy = readPolicy(parseJson(text).root);
  const statement = policy.statements.find((s) => offset >= s.node.offset && offset <= s.node.offset + s.node.length);
  if (!statement) return undefined;
  const path: JSONPath = policy.statementProp?.value?.type === 'array' ? ['Statement', statement.index] : ['Statement'];
  return { policy, statement, path };
}
