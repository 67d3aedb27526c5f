import * as assert from 'assert';
import { applyEdits, lint, loadIamData, SEVERITY_ORDER } from '../../server/src/engine';
import { instanceArnProblem, parseInstanceArn, scopeToInstanceEdits, tagConditionEdits } from '../../server/src/engine/templates';

const iam = loadIamData();
const ARN = 'arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d-1111-2222-3333-444455556666';
const errors = (text: string) => lint(text, { kind: 'identity' }).findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.error).map((f) => f.message);

describe('templates: instance ARN', () => {
  it('parses a valid instance ARN, in other partitions too', () => {
    assert.deepStrictEqual(parseInstanceArn(ARN), { partition: 'aws', region: 'eu-west-2', account: '111122223333', instanceId: '1a2b3c4d-1111-2222-3333-444455556666' });
    assert.ok(parseInstanceArn('arn:aws-us-gov:connect:us-gov-west-1:111122223333:instance/1a2b3c4d-1111-2222-3333-444455556666'));
    assert.strictEqual(instanceArnProblem(` ${ARN} `), undefined);
  });

  it('says what is wrong with what the user typed', () => {
    assert.match(instanceArnProblem('1a2b3c4d')!, /starts with "arn:"/);
    assert.match(instanceArnProblem('arn:aws:connect:eu-west-2:111122223333')!, /six colon-separated parts/);
    assert.match(instanceArnProblem('arn:aws:iam:eu-west-2:111122223333:instance/x')!, /Service is "iam"/);
    assert.match(instanceArnProblem('arn:aws:connect:london:111122223333:instance/x')!, /Region "london"/);
    assert.match(instanceArnProblem('arn:aws:connect:eu-west-2:1111:instance/x')!, /Account "1111" must be 12 digits/);
    assert.match(instanceArnProblem('arn:aws:connect:eu-west-2:111122223333:instance/NOT-A-UUID')!, /lower-case UUID/);
  });
});

describe('templates: scope to Connect instance', () => {
  it('scopes Resource to the ARNs the actions accept, and moves actions without a resource type to a companion statement with the same condition', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Users",\n      "Effect": "Allow",\n      "Action": ["connect:DescribeUser", "connect:ListInstances"],\n      "Resource": "*",\n      "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } }\n    }\n  ]\n}';
    const r = scopeToInstanceEdits(text, text.indexOf('DescribeUser'), ARN, iam);
    assert.ok('edits' in r, JSON.stringify(r));
    assert.deepStrictEqual(r.resources, [`${ARN}/agent/*`]);
    assert.deepStrictEqual(r.unscoped, ['connect:ListInstances']);
    const out = applyEdits(text, r.edits);
    assert.strictEqual(out, `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Users",
      "Effect": "Allow",
      "Action": "connect:DescribeUser",
      "Resource": "${ARN}/agent/*",
      "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } }
    },
    {
      "Sid": "UsersAnyResource",
      "Effect": "Allow",
      "Action": "connect:ListInstances",
      "Resource": "*",
      "Condition": {
        "Bool": {
          "aws:MultiFactorAuthPresent": "true"
        }
      }
    }
  ]
}`);
    assert.deepStrictEqual(errors(out), []);
  });

  it('writes instance/<id>/* when the actions reach many child resource types, and keeps a wildcard that needs both', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:List*", "Resource": "*"}]}';
    const r = scopeToInstanceEdits(text, text.indexOf('List'), ARN, iam);
    assert.ok('edits' in r);
    assert.deepStrictEqual(r.resources.slice(0, 2), [ARN, `${ARN}/*`]);
    assert.ok(r.unscoped.includes('connect:ListInstances'));
    const parsed = JSON.parse(applyEdits(text, r.edits)) as { Statement: { Action: string | string[] }[] };
    assert.strictEqual(parsed.Statement[0].Action, 'connect:List*');
    assert.strictEqual(parsed.Statement.length, 2);
  });

  it('turns a single Statement object into an array when a companion statement is needed', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["connect:DescribeQueue", "connect:ListInstances"], "Resource": "*"}}';
    const r = scopeToInstanceEdits(text, text.indexOf('DescribeQueue'), ARN, iam);
    assert.ok('edits' in r);
    assert.deepStrictEqual(JSON.parse(applyEdits(text, r.edits)).Statement, [
      { Effect: 'Allow', Action: 'connect:DescribeQueue', Resource: `${ARN}/queue/*` },
      { Effect: 'Allow', Action: 'connect:ListInstances', Resource: '*' },
    ]);
  });

  it('refuses a Deny (narrowing it weakens it), NotAction, a bad ARN and a cursor outside statements', () => {
    const deny = '{"Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}';
    assert.deepStrictEqual(scopeToInstanceEdits(deny, deny.indexOf('Delete'), ARN, iam), { problem: 'Only Allow statements are scoped: narrowing a Deny weakens it.' });
    const notAction = '{"Statement": [{"Effect": "Allow", "NotAction": "connect:DeleteInstance", "Resource": "*"}]}';
    assert.match((scopeToInstanceEdits(notAction, notAction.indexOf('Delete'), ARN, iam) as { problem: string }).problem, /Action \(not NotAction\)/);
    assert.match((scopeToInstanceEdits(deny, deny.indexOf('Delete'), 'arn:aws:connect:x', iam) as { problem: string }).problem, /not an Amazon Connect instance ARN/);
    assert.deepStrictEqual(scopeToInstanceEdits(deny, 0, ARN, iam), { problem: 'Place the cursor inside a statement.' });
  });

  it('refuses a statement whose actions accept no Connect resource', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": "cloudtrail:LookupEvents", "Resource": "*"}]}';
    assert.deepStrictEqual(scopeToInstanceEdits(text, text.indexOf('Lookup'), ARN, iam), { problem: 'None of the statement\'s actions accepts an Amazon Connect instance resource ARN.' });
  });
});

describe('templates: tag-based access condition', () => {
  it('adds aws:ResourceTag/<key> matching the caller\'s tag, keeping the Condition already there', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "connect:UpdateContactFlowContent",\n      "Resource": "*",\n      "Condition": {\n        "Bool": { "aws:MultiFactorAuthPresent": "true" }\n      }\n    }\n  ]\n}';
    const r = tagConditionEdits(text, text.indexOf('UpdateContactFlowContent'), iam);
    assert.ok('edits' in r);
    assert.strictEqual(r.conditionKey, 'aws:ResourceTag/Role');
    // jsonc-parser re-indents the Condition object it edits.
    assert.strictEqual(applyEdits(text, r.edits), text.replace('"Bool": { "aws:MultiFactorAuthPresent": "true" }\n', '"Bool": {\n          "aws:MultiFactorAuthPresent": "true"\n        },\n        "StringEquals": {\n          "aws:ResourceTag/Role": "${aws:PrincipalTag/Role}"\n        }\n'));
  });

  it('uses aws:RequestTag when the actions only create resources', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:CreateContactFlow", "Resource": "*"}]}';
    const r = tagConditionEdits(text, text.indexOf('Create'), iam, 'Team');
    assert.ok('edits' in r);
    assert.strictEqual(r.conditionKey, 'aws:RequestTag/Team');
    const parsed = JSON.parse(applyEdits(text, r.edits)) as { Statement: { Condition: unknown }[] };
    assert.deepStrictEqual(parsed.Statement[0].Condition, { StringEquals: { 'aws:RequestTag/Team': '${aws:PrincipalTag/Team}' } });
  });

  it('refuses actions without tag keys, and invalid tag keys', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": "cloudtrail:LookupEvents", "Resource": "*"}]}';
    assert.match((tagConditionEdits(text, text.indexOf('Lookup'), iam) as { problem: string }).problem, /supports a tag condition key/);
    assert.match((tagConditionEdits(text, text.indexOf('Lookup'), iam, 'bad"key') as { problem: string }).problem, /not a valid tag key/);
  });
});
