import { Rule, ALL_KINDS } from '../../types';

export const internalError: Rule = {
  id: 'CG9002',
  name: 'internal-error',
  defaultSeverity: 'error',
  short: 'A rule failed on this document',
  description:
    'A rule threw an exception while checking this document. The other rules still ran; this finding names the failed rule so that its silence is not mistaken for a clean result. Please report it with the document.',
  kinds: ALL_KINDS,
  tags: ['engine'],
  docs: {
    rationale: 'A linter that silently skips a check gives false assurance. connect-guard contains a failing rule, reports it, and keeps the rest of the results.',
    bad: '(any document that makes a rule fail)',
    good: '(the same document after the rule is fixed)',
    fix: 'Report the problem with the document and the log (CLI: `--debug`; editor: the connect-guard output channel). Disable the named rule meanwhile if it blocks you.',
  },
  check(ctx) {
    void ctx;
  },
};
