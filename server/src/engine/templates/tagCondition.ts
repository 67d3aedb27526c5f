import { IamData } from '../iam/data';
import { actionSupportsKey } from '../assist/hover';
import { stringItems } from '../json';
import { setAt } from '../fixes';
import { TextEdit } from '../types';
import { statementAt } from './statementAt';

export type TagConditionResult = { edits: TextEdit[]; conditionKey: string } | { problem: string };

/**
 * Adds `StringEquals { "aws:ResourceTag/<tag>": value }` to the statement at `offset`
 * (`aws:RequestTag/<tag>` when its actions only create resources). The default value
 * `${aws:PrincipalTag/<tag>}` matches the caller's own tag: attribute-based access.
 */
export function tagConditionEdits(text: string, offset: number, iam: IamData, tagKey = 'Role', value?: string): TagConditionResult {
  if (!/^[\p{L}\p{N} _.:/=+\-@]{1,128}$/u.test(tagKey)) return { problem: `"${tagKey}" is not a valid tag key (1-128 letters, digits, spaces and _.:/=+-@)` };
  const at = statementAt(text, offset);
  if (!at) return { problem: 'Place the cursor inside a statement.' };
  const actions = stringItems(at.statement.el.Action?.value).flatMap((i) => iam.expandAction(i.value));
  if (!actions.length) return { problem: 'The statement has no Action this condition could apply to.' };
  const family = actions.some((a) => actionSupportsKey(a, 'aws:ResourceTag/x')) ? 'aws:ResourceTag/' : actions.some((a) => actionSupportsKey(a, 'aws:RequestTag/x')) ? 'aws:RequestTag/' : undefined;
  if (!family) return { problem: 'None of the statement\'s actions supports a tag condition key (aws:ResourceTag or aws:RequestTag).' };
  const conditionKey = `${family}${tagKey}`;
  const edits = setAt(text, [...at.path, 'Condition', 'StringEquals', conditionKey], value ?? `\${aws:PrincipalTag/${tagKey}}`);
  return { edits, conditionKey };
}
