import { wildcardMatch } from '../iam/wildcard';
import { parseAssumedRoleArn, roleArnOf, sessionNameOf, str, userIdentityOf } from './model';

/**
 * Matches records against configured principals: ARN patterns with IAM wildcards
 * (`arn:aws:iam::111122223333:role/ConnectAdmin*`) or role session names
 * (`alice@example.com`, `break-glass-*`). A session of a role matches the role's
 * patterns: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` is also tried as
 * `arn:aws:iam::ACCOUNT:role/ROLE` (and with the role's path, from sessionIssuer).
 * ARNs compare case-sensitively, as IAM's ArnLike does.
 */
export function principalMatcher(patterns: readonly string[]): (record: unknown) => boolean {
  const arnPatterns = patterns.filter((p) => p.startsWith('arn:'));
  const sessionPatterns = patterns.filter((p) => !p.startsWith('arn:'));
  return (record) => {
    const ui = userIdentityOf(record);
    const arns: string[] = [];
    const arn = str(ui, 'arn');
    if (arn) {
      arns.push(arn);
      const ar = parseAssumedRoleArn(arn);
      if (ar) arns.push(ar.roleArn);
    }
    const role = roleArnOf(record);
    if (role) arns.push(role);
    if (str(ui, 'type') === 'Root' && !arn && str(ui, 'accountId')) arns.push(`arn:aws:iam::${str(ui, 'accountId')}:root`);
    for (const p of arnPatterns) for (const a of arns) if (wildcardMatch(p, a, false)) return true;
    const session = sessionNameOf(record);
    if (session !== undefined) for (const p of sessionPatterns) if (wildcardMatch(p, session, false)) return true;
    return false;
  };
}
