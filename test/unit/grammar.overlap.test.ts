import * as assert from 'assert';
import { lint, DocumentKind } from '../../server/src/engine';
import { grammarRules } from '../../server/src/engine/rules/grammar';

const GRAMMAR = new Set(grammarRules.map((r) => r.name));
const p = (statement: string, top = '"Version": "2012-10-17", ') => `{${top}"Statement": [${statement}]}`;

/** One problem, one grammar finding: no two grammar rules report the same range. */
const CASES: [string, DocumentKind, string][] = [
  ['missing Effect', 'identity', p('{"Action": "connect:ListUsers", "Resource": "*"}')],
  ['Effect of the wrong type', 'identity', p('{"Effect": 1, "Action": "connect:ListUsers", "Resource": "*"}')],
  ['misspelt Effect', 'identity', p('{"effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}')],
  ['Version of the wrong type', 'identity', p('{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}', '"Version": 2012, ')],
  ['root array', 'identity', '[]'],
  ['root string', 'trust', '"x"'],
  ['Statement string', 'scp', '{"Version": "2012-10-17", "Statement": "x"}'],
  ['empty principal in trust', 'trust', p('{"Effect": "Allow", "Principal": {}, "Action": "sts:AssumeRole"}')],
  ['empty Resource in trust', 'trust', p('{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": []}')],
  ['Principal in identity', 'identity', p('{"Effect": "Allow", "Principal": [], "Action": "connect:ListUsers", "Resource": "*"}')],
  ['NotPrincipal in trust', 'trust', p('{"Effect": "Allow", "NotPrincipal": "*", "Action": "sts:AssumeRole"}')],
  ['Principal of the wrong type', 'resource', p('{"Effect": "Allow", "Principal": 5, "Action": "kms:Decrypt", "Resource": "*"}')],
  ['empty Sid', 'identity', p('{"Sid": "", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}')],
  ['bad Sid repeated', 'identity', p('{"Sid": "a b", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}, {"Sid": "a b", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}')],
];

describe('grammar rules: one finding per problem', () => {
  for (const [what, kind, text] of CASES) {
    it(what, () => {
      const f = lint(text, { kind }).findings.filter((x) => GRAMMAR.has(x.rule));
      assert.ok(f.length > 0, 'some grammar rule reports it');
      const seen = new Map<string, string>();
      for (const x of f) {
        const key = `${x.offset}:${x.length}`;
        // duplicate-sid and invalid-sid report two different problems of one value.
        if (what === 'bad Sid repeated' && (x.rule === 'duplicate-sid' || x.rule === 'invalid-sid')) continue;
        assert.ok(!seen.has(key), `${x.rule} and ${seen.get(key)} both report ${JSON.stringify(text.substr(x.offset, x.length))}`);
        seen.set(key, x.rule);
      }
    });
  }
});
