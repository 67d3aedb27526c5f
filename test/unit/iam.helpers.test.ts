import * as assert from 'assert';
import { loadIamData, readPolicy, parseJson } from '../../server/src/engine';
import { expandStatementActions, expandPatterns, grantsAction, patternCovers, splitAction } from '../../server/src/engine/iam/actions';
import { arnIndex, arnMatchesResourceType, isConnectSamlUserArn, matchArn, parseArn, resourceTypeMatcher } from '../../server/src/engine/iam/arn';
import { rangeInString } from '../../server/src/engine/rules/iam/stringRange';

const iam = loadIamData();
const statement = (json: string) => readPolicy(parseJson(`{"Statement": ${json}}`).root).statements[0];

describe('iam helpers: actions', () => {
  it('splitAction splits at the first colon', () => {
    assert.deepStrictEqual(splitAction('connect:List*'), { service: 'connect', name: 'List*', colon: 7 });
    assert.strictEqual(splitAction('connect'), undefined);
  });
  it('expandStatementActions expands Action patterns', () => {
    const got = expandStatementActions(iam, statement('{"Effect": "Allow", "Action": ["connect:ListUsers", "connect:DescribeUser"], "Resource": "*"}'));
    assert.deepStrictEqual([...got].map((a) => a.fullName).sort(), ['connect:DescribeUser', 'connect:ListUsers']);
  });
  it('NotAction grants every catalogue action but the matched ones, and is memoised', () => {
    const s = statement('{"Effect": "Allow", "NotAction": "connect:*", "Resource": "*"}');
    const got = expandStatementActions(iam, s);
    assert.strictEqual(got.size, iam.allActions().length - iam.actionsOf('connect').length);
    assert.ok(![...got].some((a) => a.service === 'connect'));
    assert.strictEqual(expandStatementActions(iam, s), got);
    assert.strictEqual(expandPatterns(iam, ['CONNECT:*'], true), got);
    assert.strictEqual(expandPatterns(iam, ['connect:*', 'Connect:*'], true), got);
  });
  it('grantsAction tells explicit, wildcard and NotAction grants apart', () => {
    assert.strictEqual(grantsAction(statement('{"Action": "iam:passrole"}'), 'iam:PassRole')?.via, 'explicit');
    assert.strictEqual(grantsAction(statement('{"Action": ["s3:*", "iam:Pass*"]}'), 'iam:PassRole')?.item?.value, 'iam:Pass*');
    assert.strictEqual(grantsAction(statement('{"NotAction": "s3:*"}'), 'iam:PassRole')?.via, 'not-action');
    assert.strictEqual(grantsAction(statement('{"NotAction": "iam:*"}'), 'iam:PassRole'), undefined);
    assert.strictEqual(grantsAction(statement('{"Action": "iam:GetRole"}'), 'iam:PassRole'), undefined);
  });
  it('patternCovers is sound for wildcards on both sides', () => {
    assert.ok(patternCovers('connect:List*', 'connect:ListUsers'));
    assert.ok(patternCovers('connect:*', 'connect:List*'));
    assert.ok(patternCovers('*', 'connect:Get?'));
    assert.ok(!patternCovers('connect:Get*', 'connect:G*'));
    assert.ok(!patternCovers('connect:Get?', 'connect:Get*'));
    assert.ok(!patternCovers('connect:List*', 'connect:DescribeUser'));
  });
});

describe('iam helpers: arn', () => {
  it('parseArn keeps colons of the resource part and of policy variables', () => {
    const p = parseArn('arn:aws:logs:eu-west-2:${aws:PrincipalAccount}:log-group:/x:*')!;
    assert.deepStrictEqual([p.partition, p.service, p.region, p.account, p.resource], ['aws', 'logs', 'eu-west-2', '${aws:PrincipalAccount}', 'log-group:/x:*']);
    assert.strictEqual(p.starts[5], 'arn:aws:logs:eu-west-2:${aws:PrincipalAccount}:'.length);
    assert.strictEqual(parseArn('arn:aws:connect:eu-west-2'), undefined);
  });
  it('matchArn treats ${...} as wildcards that never span a field or, before a slash, a path step', () => {
    const user = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}';
    assert.ok(matchArn(user, 'arn:aws:connect:eu-west-2:111122223333:instance/abc/agent/def'));
    assert.ok(matchArn(user, 'arn:aws:connect:*:*:instance/*/agent/*'));
    assert.ok(matchArn(user, 'arn:aws:connect:eu-west-2:111122223333:instance/abc/agent/${aws:userid}'));
    assert.ok(!matchArn(user, 'arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/def'));
    assert.ok(!matchArn(user, 'arn:aws:connect:eu-west-2:111122223333:instance/abc/user/${aws:userid}'));
    assert.ok(matchArn('arn:${Partition}:s3:::${BucketName}/${ObjectName}', 'arn:aws:s3:::bucket/a/b/c.txt'));
    assert.ok(!matchArn('arn:${Partition}:s3:::${BucketName}', 'arn:aws:s3:::bucket/key', true));
  });
  it('arnMatchesResourceType knows that an instance id never continues into a child path', () => {
    const instance = iam.resourceType('connect', 'instance')!;
    assert.ok(arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/abc', instance, iam));
    assert.ok(arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/*', instance, iam));
    assert.ok(!arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q', instance, iam));
    const role = iam.resourceType('iam', 'role')!;
    assert.ok(arnMatchesResourceType('arn:aws:iam::111122223333:role/service-role/connect-x', role, iam));
  });
  it('resourceTypeMatcher answers like arnMatchesResourceType for one ARN and many types', () => {
    const instance = iam.resourceType('connect', 'instance')!;
    const queue = iam.resourceType('connect', 'queue')!;
    const role = iam.resourceType('iam', 'role')!;
    const q = resourceTypeMatcher('arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q', iam);
    assert.deepStrictEqual([q(instance), q(queue), q(role), q(queue)], [false, true, false, true]);
    const any = resourceTypeMatcher('arn:aws:connect:eu-west-2:111122223333:instance/*', iam);
    assert.deepStrictEqual([any(instance), any(queue), any(role)], [true, true, false]);
  });
  it('arnIndex groups resource types by the service field of their ARN', () => {
    const types = arnIndex(iam).get('wisdom')!.map((e) => e.rt.service);
    assert.ok(types.includes('wisdom') && types.includes('connect'));
    const bucket = arnIndex(iam).get('s3')!.find((e) => e.rt.name === 'bucket')!;
    assert.deepStrictEqual([bucket.region.kind, bucket.account.kind, bucket.terminalSegment], ['none', 'none', true]);
  });
  it('recognises the Connect SAML federation pattern', () => {
    assert.ok(isConnectSamlUserArn('arn:aws:connect:eu-west-2:111122223333:instance/abc/user/${aws:userid}'));
    assert.ok(!isConnectSamlUserArn('arn:aws:connect:eu-west-2:111122223333:instance/abc/agent/${aws:userid}'));
  });
});

describe('iam helpers: rangeInString', () => {
  const nodeOf = (text: string) => parseJson(text).root!;
  it('maps value indices straight when the string has no escapes', () => {
    const text = '"connect:ListUsers"';
    assert.deepStrictEqual(rangeInString(text, nodeOf(text), 8, 17), { offset: 9, length: 9 });
  });
  it('maps value indices through \\/ and \\u escapes', () => {
    const text = '"a\\/b\\u0063:Xy"';
    // value: a/bc:Xy ; "c" is the 6-character escape
    assert.strictEqual(JSON.parse(text), 'a/bc:Xy');
    assert.deepStrictEqual(rangeInString(text, nodeOf(text), 0, 4), { offset: 1, length: text.indexOf(':') - 1 });
    assert.deepStrictEqual(rangeInString(text, nodeOf(text), 5, 7), { offset: text.indexOf('Xy'), length: 2 });
  });
});
