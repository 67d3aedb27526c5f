import { Rule, ALL_KINDS } from '../../types';

/**
 * Not a check of the policy: says which kind the engine assumed when it had to guess
 * from content, so that no finding silently depends on a guess.
 */
export const documentKind: Rule = {
  id: 'CG9001',
  name: 'document-kind',
  defaultSeverity: 'info',
  short: 'The document kind was guessed from content',
  description:
    'connect-guard applies different rules to identity policies, SCPs, VPC endpoint policies, resource policies, trust policies and CloudTrail logs. ' +
    'When neither an explicit choice, the configuration nor a file-name convention says which one a file is, the kind is guessed from content and this finding says what was assumed.',
  kinds: ALL_KINDS,
  tags: ['engine'],
  docs: {
    rationale: 'An SCP and an identity policy look the same; so do a VPC endpoint policy and a resource policy. Rules such as `missing-resource` or `endpoint-open-principal` depend on the kind, so a reviewer must know which kind was assumed.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}',
    good: '// saved as deny-delete-instance.scp.json\n{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}',
    fix: 'Name the file after its kind (`*.scp.json`, `*.vpce.json`, `*.trust.json`, `*.kms.json`, `*.identity.json`, `*.cloudtrail.json`), map a glob to a kind in `.connectguard.json` (`"kinds"`), or pass `--kind` to the CLI.',
  },
  check(ctx) {
    // Emitted by lint() itself, which knows the reason; the rule object carries metadata.
    void ctx;
  },
};
