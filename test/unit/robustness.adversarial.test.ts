import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { lint, DocumentKind, Finding } from '../../server/src/engine';
import { MAX_NESTING } from '../../server/src/engine/json';
import { lintChecked } from '../property/support/invariants';
import { BLOWUP_PATTERNS } from '../property/support/hostile';

const ENGINE = path.resolve(__dirname, '../../server/src/engine');

/** Lints in a child process with the default stack: a stack overflow kills the child, not mocha. */
function lintInChild(script: string): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, ['-e', `const { lint } = require(${JSON.stringify(ENGINE)});\n${script}`], { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Lints with the time bound (one retry for warm-up) and checks every range. */
function lintTimed(text: string, kind?: DocumentKind): Finding[] {
  return lintChecked(text, { kind }).findings;
}

const policy = (statement: string) => `{"Version":"2012-10-17","Statement":[${statement}]}`;

describe('robustness: adversarial documents', function () {
  this.timeout(120_000);
  before(() => lint('{}'));

  describe('nesting 100,000 levels deep (child process, default stack)', () => {
    const cases: [string, string, string][] = [
      ['arrays', `'['.repeat(100000) + ']'.repeat(100000)`, 'undefined'],
      ['objects', `'{"a":'.repeat(100000) + '1' + '}'.repeat(100000)`, 'undefined'],
      ['unclosed arrays in a policy statement', `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":' + '['.repeat(100000)`, "'identity'"],
      ['inside a CloudTrail record', `'{"Records":[{"eventVersion":"1.11","requestParameters":' + '{"a":['.repeat(50000) + ']}'.repeat(50000) + '}]}'`, "'cloudtrail'"],
      ['inside a JSON Lines CloudTrail record', `'{"eventVersion":"1.11","eventName":"CreateUser"}\\n{"eventVersion":"1.11","x":' + '['.repeat(100000) + ']'.repeat(100000) + '}\\n'`, "'cloudtrail'"],
    ];
    for (const [name, expr, kind] of cases) {
      it(name, () => {
        const r = lintInChild(`const text = ${expr};\nconst res = lint(text, { kind: ${kind} });\nprocess.stdout.write(JSON.stringify(res.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, offset: f.offset, length: f.length }))));`);
        assert.strictEqual(r.signal, null, `child killed by ${r.signal} (timeout?)`);
        assert.strictEqual(r.status, 0, `lint crashed the process:\n${r.stderr.slice(0, 2000)}`);
        const findings = JSON.parse(r.stdout) as Finding[];
        // Policies go through the tree parser, which refuses the depth with a json-syntax
        // error; the CloudTrail fast path uses JSON.parse, which is iterative, so a deep
        // but valid record is simply read.
        if (kind !== "'cloudtrail'") assert.ok(findings.some((f) => f.rule === 'json-syntax' && /Nested more than/.test(f.message)), `no depth finding: ${JSON.stringify(findings).slice(0, 500)}`);
        assert.ok(!findings.some((f) => f.rule === 'internal-error'), `a rule overflowed instead of the engine refusing the depth: ${JSON.stringify(findings.filter((f) => f.rule === 'internal-error'))}`);
      });
    }

    it(`a policy just under the limit (${MAX_NESTING} levels) is still parsed and checked`, () => {
      const deep = '['.repeat(MAX_NESTING - 10) + '"connect:CreateUser"' + ']'.repeat(MAX_NESTING - 10);
      const text = policy(`{"Effect":"Allow","Action":"connect:CreateUser","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/x":${deep}}}}`);
      const findings = lintTimed(text, 'identity');
      assert.ok(!findings.some((f) => /Nested more than/.test(f.message)), 'refused a document under the limit');
    });

    it('the limit message points at the first bracket past the limit', () => {
      const text = '['.repeat(MAX_NESTING + 10) + ']'.repeat(MAX_NESTING + 10);
      const f = lintTimed(text, 'identity').filter((x) => x.rule === 'json-syntax');
      assert.deepStrictEqual(f.map((x) => [x.offset, x.length]), [[MAX_NESTING, 1]]);
      assert.match(f[0].message, /Nested more than 512 levels deep/);
    });

    it('brackets inside strings and comments do not count as nesting', () => {
      const text = policy(`{"Sid":"${'['.repeat(2000)}","Effect":"Allow","Action":"connect:ListUsers","Resource":"*"} /* ${'{'.repeat(2000)} */`);
      assert.ok(!lintTimed(text, 'identity').some((f) => /Nested more than/.test(f.message)));
    });
  });

  describe('sizes', () => {
    it('a 50 MB single string as an action', () => {
      const text = policy(`{"Effect":"Allow","Action":"connect:${'a'.repeat(50 * 1024 * 1024)}","Resource":"*"}`);
      lintTimed(text, 'identity');
    });

    it('a 50 MB single string as a CloudTrail userAgent', () => {
      const text = `{"Records":[{"eventVersion":"1.11","eventTime":"2026-10-01T09:15:00Z","eventSource":"connect.amazonaws.com","eventName":"CreateUser","userIdentity":{"type":"Root"},"userAgent":"${'u'.repeat(50 * 1024 * 1024)}"}]}`;
      lintTimed(text, 'cloudtrail');
    });

    it('a 1,000,000-element array of numbers', () => {
      lintTimed('[' + new Array(1_000_000).fill('1').join(',') + ']');
    });

    it('a 1,000,000-element Action array (duplicates of real actions)', () => {
      const actions = ['connect:CreateUser', 'connect:ListUsers', 'connect:Describe*', 'voiceid:*', 'connect:NoSuchAction'];
      const items = Array.from({ length: 1_000_000 }, (_, i) => `"${actions[i % actions.length]}"`);
      lintTimed(policy(`{"Effect":"Allow","Action":[${items.join(',')}],"Resource":"*"}`), 'identity');
    });

    it('a 1,000,000-element array inside a CloudTrail record', () => {
      const text = `{"Records":[{"eventVersion":"1.11","eventTime":"2026-10-01T09:15:00Z","eventSource":"connect.amazonaws.com","eventName":"CreateUser","requestParameters":{"ids":[${new Array(1_000_000).fill('"x"').join(',')}]}}]}`;
      lintTimed(text, 'cloudtrail');
    });
  });

  describe('text outside what IAM accepts', () => {
    const strings: [string, string][] = [
      ['a lone high surrogate', '\ud800'],
      ['a lone low surrogate', '\udc00'],
      ['a reversed surrogate pair', '\udc00\ud800'],
      ['an astral character (valid pair)', '\u{1f600}'],
      ['escaped lone surrogates', '\\ud800\\udfff\\ud800'],
      ['U+0100 and beyond', '\u0100\u2028\u2029\ufffd'],
      ['a BOM inside a string', '\ufeff'],
      ['escaped NUL and controls', '\\u0000\\u0001\\u001f'],
      ['raw control characters', '\u0001\u0007\u001f'],
    ];
    const places: [string, (s: string) => string][] = [
      ['Sid', (s) => policy(`{"Sid":"${s}","Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}`)],
      ['action', (s) => policy(`{"Effect":"Allow","Action":["connect:List${s}Users","${s}:*"],"Resource":"*"}`)],
      ['resource ARN', (s) => policy(`{"Effect":"Allow","Action":"connect:ListUsers","Resource":"arn:aws:connect:eu-west-2:111122223333:instance/${s}/agent/*"}`)],
      ['condition key', (s) => policy(`{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/${s}":"${s}"}}}`)],
      ['key name', (s) => policy(`{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","${s}":1}`)],
      ['CloudTrail field', (s) => `{"Records":[{"eventVersion":"1.11","eventName":"Create${s}User","eventSource":"connect.amazonaws.com","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/${s}"},"sourceIPAddress":"${s}"}]}`],
    ];
    for (const [what, s] of strings) {
      it(`${what} in every position: no throw, ranges whole and inside the text`, () => {
        for (const [where, make] of places) {
          const text = make(s);
          for (const kind of ['identity', 'resource', 'cloudtrail', undefined] as (DocumentKind | undefined)[]) {
            try {
              lintTimed(text, kind);
            } catch (e) {
              (e as Error).message = `${where}, kind ${kind}: ${(e as Error).message}`;
              throw e;
            }
          }
        }
      });
    }
    it('raw control characters are reported as JSON syntax errors', () => {
      const text = policy('{"Sid":"a\u0001b","Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}');
      const f = lintTimed(text, 'identity').filter((x) => x.rule === 'json-syntax');
      assert.ok(f.length > 0, 'no json-syntax finding for a raw control character');
    });
  });

  // redundant-action compared long patterns in O(|a| x |b|) (about 80 s here) before patternCovers learnt to compare them exactly.
  it('a policy full of wildcards built to blow up matchers lints within its time bound', () => {
    const items = BLOWUP_PATTERNS.map((p) => JSON.stringify(p)).join(',');
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[${items}],"NotResource":[${items}]},{"Effect":"Deny","NotAction":[${items}],"Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":[${items}]}}}]}`;
    lintTimed(text, 'identity');
    lintTimed(text, 'scp');
  });
});
