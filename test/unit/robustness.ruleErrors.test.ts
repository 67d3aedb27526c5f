import * as assert from 'assert';
import { lint, RULES, Rule, Finding, DocumentKind, ALL_KINDS } from '../../server/src/engine';

/** A rule that fails the way real bugs do. */
function throwing(name: string, how: (ctx: Parameters<Rule['check']>[0]) => void): Rule {
  return {
    id: 'CG9999',
    name,
    defaultSeverity: 'error',
    short: 'throws',
    description: 'test rule',
    kinds: ALL_KINDS,
    tags: ['test'],
    docs: { rationale: '', bad: '', good: '', fix: '' },
    check: how,
  };
}

function recurse(n: number): number {
  return recurse(n + 1) + 1;
}

const FAILURES: [string, (ctx: Parameters<Rule['check']>[0]) => void][] = [
  ['an Error', () => {
    throw new Error('boom');
  }],
  ['a TypeError from reading a property of undefined', (ctx) => {
    void (ctx.policy.statements[99] as unknown as { el: { Action: unknown } }).el.Action;
  }],
  ['a stack overflow', () => void recurse(0)],
  ['a string, not an Error', () => {
    throw 'plain string';
  }],
  ['undefined', () => {
    throw undefined;
  }],
  ['an Error after reporting a finding', (ctx) => {
    ctx.report({ message: 'partial', offset: 0, length: 1 });
    throw new Error('late');
  }],
];

const DOCS: [DocumentKind, string][] = [
  ['identity', '{\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:*", "connect:NoSuch"], "Resource": "*" }]\n}'],
  ['cloudtrail', '{"Records":[{"eventVersion":"1.11","eventTime":"2026-10-01T09:15:00Z","eventSource":"connect.amazonaws.com","eventName":"DeleteInstance","userIdentity":{"type":"Root","arn":"arn:aws:iam::111122223333:root"},"awsRegion":"eu-west-2","sourceIPAddress":"203.0.113.1","eventID":"e","requestID":"r","eventType":"AwsApiCall","eventCategory":"Management","requestParameters":{},"responseElements":null}]}'],
];

const others = (fs: Finding[], name: string) => fs.filter((f) => f.rule !== 'internal-error' && f.rule !== name);

describe('robustness: an exception in a rule is contained', () => {
  for (const [what, how] of FAILURES) {
    for (const [kind, text] of DOCS) {
      it(`${what} (${kind}): the other rules' findings arrive, one internal-error names the rule`, () => {
        const name = 'test-throwing-rule';
        const baseline = lint(text, { kind }).findings;
        assert.ok(baseline.length > 0, 'the document should have findings of its own');
        const errors: [string, unknown][] = [];
        const r = lint(text, { kind, rules: [...RULES, throwing(name, how)], onRuleError: (rule, e) => errors.push([rule.name, e]) });
        assert.deepStrictEqual(others(r.findings, name), others(baseline, name), 'the other rules\' findings changed');
        const internal = r.findings.filter((f) => f.rule === 'internal-error');
        assert.strictEqual(internal.length, 1, JSON.stringify(internal));
        assert.ok(internal[0].message.includes(name), `message does not name the rule: ${internal[0].message}`);
        assert.strictEqual(internal[0].data?.failedRule, name);
        assert.strictEqual(internal[0].severity, 'error');
        assert.deepStrictEqual(errors.map(([n]) => n), [name], 'onRuleError (the log) was not told once');
        if (errors[0][1] instanceof Error) assert.ok((errors[0][1] as Error).stack, 'the logged error has no stack');
      });
    }
  }

  it('two failing rules give two internal-error findings, one each', () => {
    const [kind, text] = DOCS[0];
    const r = lint(text, { kind, rules: [...RULES, throwing('fails-a', FAILURES[0][1]), { ...throwing('fails-b', FAILURES[1][1]), id: 'CG9998' }] });
    assert.deepStrictEqual(r.findings.filter((f) => f.rule === 'internal-error').map((f) => f.data?.failedRule).sort(), ['fails-a', 'fails-b']);
  });

  it('a failing rule configured off never runs', () => {
    const [kind, text] = DOCS[0];
    const r = lint(text, { kind, rules: [...RULES, throwing('fails-off', FAILURES[0][1])], settings: { rules: { 'fails-off': 'off' }, cloudtrail: { adminPrincipals: [], allowedCidrs: [], allowedVpcEndpoints: [] } } });
    assert.ok(!r.findings.some((f) => f.rule === 'internal-error'));
  });
});
