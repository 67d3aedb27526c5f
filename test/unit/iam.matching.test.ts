import * as assert from 'assert';
import { loadIamData } from '../../server/src/engine';
import { BoundedMemo, detach } from '../../server/src/engine/boundedMemo';
import { ANY, NO_COLON, NO_SLASH, ONE, Tokens, compileGlob, globsIntersect, intersects } from '../../server/src/engine/iam/glob';
import { arnIndex, arnMatchesResourceType, fittingEntries, matchArn, resourcePartMatches } from '../../server/src/engine/iam/arn';
import { headAdmits } from '../../server/src/engine/iam/wildcard';
import { patternCovers } from '../../server/src/engine/iam/actions';
import { matchCandidates } from '../../server/src/engine/connect';

const iam = loadIamData();

/** Tokens from a compact spelling: `*` ANY, `?` ONE, `%` NO_SLASH, `^` NO_COLON, anything else literal. */
function t(spec: string): Tokens {
  const map: Record<string, number> = { '*': ANY, '?': ONE, '%': NO_SLASH, '^': NO_COLON };
  return Int32Array.from([...spec].map((c) => map[c] ?? c.charCodeAt(0)));
}

describe('glob intersection', () => {
  it('literal strings intersect only when equal', () => {
    assert.ok(intersects(t('abc'), t('abc')));
    assert.ok(!intersects(t('abc'), t('abd')));
    assert.ok(!intersects(t('abc'), t('abcd')));
    assert.ok(intersects(t(''), t('')));
  });
  it('? stands for exactly one character on either side', () => {
    assert.ok(intersects(t('a?c'), t('abc')));
    assert.ok(intersects(t('abc'), t('??c')));
    assert.ok(!intersects(t('a?'), t('abc')));
  });
  it('a run absorbs the other side, wildcards included, within its class', () => {
    assert.ok(intersects(t('instance/%'), t('instance/abc')));
    assert.ok(!intersects(t('instance/%'), t('instance/abc/queue/q')));
    assert.ok(intersects(t('instance/*'), t('instance/abc/queue/q')));
    assert.ok(intersects(t('instance/%/queue/%'), t('instance/*')));
    assert.ok(!intersects(t('instance/%/queue/%'), t('instance/*/agent/*')));
    assert.ok(intersects(t('arn:^:s3'), t('arn:aws:s3')));
    assert.ok(!intersects(t('arn:^:s3'), t('arn:a:b:s3')));
    assert.ok(intersects(t('arn:^:s3'), t('arn:*')));
  });
  it('a run that must take a slash it cannot take fails even when heads and tails agree', () => {
    // Heads ("x/") and tails ("/y") are trimmed; the middle decides.
    assert.ok(!intersects(t('x/%/y'), t('x/a/b/y')));
    assert.ok(intersects(t('x/*/y'), t('x/a/b/y')));
  });
  it('the literal runs of a pattern must appear in order in a wildcard-free string', () => {
    const pattern = compileGlob(t('instance/%/queue/%'));
    assert.deepStrictEqual(pattern.segments, ['instance/', '/queue/']);
    assert.ok(globsIntersect(pattern, compileGlob(t('instance/i-1/queue/q-1'))));
    assert.ok(!globsIntersect(pattern, compileGlob(t('instance/i-1/agent/q-1'))));
    // Out of order: "/queue/" only before "instance/".
    assert.ok(!globsIntersect(compileGlob(t('*/queue/*instance/*')), compileGlob(t('instance/x/queue/y'))));
    // A side with wildcards goes to the table.
    assert.ok(globsIntersect(pattern, compileGlob(t('instance/*'))));
  });
  it('a wildcard-free pattern knows its text; a pattern with ? has no segments', () => {
    assert.strictEqual(compileGlob(t('abc')).text, 'abc');
    assert.strictEqual(compileGlob(t('a*c')).text, undefined);
    assert.strictEqual(compileGlob(t('a?c')).segments, undefined);
  });
  it('very long strings are matched without keeping a table their size', () => {
    const long = 'instance/' + 'a'.repeat(100_000);
    assert.ok(intersects(t('instance/%'), t(long)));
    assert.ok(!intersects(t('instance/%/queue/%'), t(long)));
  });
});

describe('ARN matching against catalogue resource types', () => {
  const types = (arn: string) =>
    iam.resourceTypesOf('connect').filter((rt) => rt.arn.includes(':connect:') && arnMatchesResourceType(arn, rt, iam)).map((rt) => rt.name).sort();

  it('an ARN of one Connect queue is of the queue types only (one queue, and queue/*)', () => {
    assert.deepStrictEqual(types('arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q-1'), ['queue', 'wildcard-queue']);
  });
  it('an agent ARN is of the user type only', () => {
    assert.deepStrictEqual(types('arn:aws:connect:eu-west-2:111122223333:instance/abc/agent/u-1'), ['user']);
  });
  it('a wildcard after the instance reaches the types inside it, not the instance itself', () => {
    const got = types('arn:aws:connect:eu-west-2:111122223333:instance/abc/*');
    for (const name of ['queue', 'user', 'contact-flow', 'routing-profile']) assert.ok(got.includes(name), name);
    assert.ok(!got.includes('instance'));
  });
  it('a star or a variable in the Region can run on into the resource part', () => {
    // The star may stand for "eu-west-2:111122223333:instance/x/agent-state/y:" and the
    // agent-status id at the end of its format for the rest, so more than queues match.
    for (const arn of ['arn:aws:connect:*:111122223333:instance/abc/queue/q-1', 'arn:aws:connect:${aws:RequestedRegion}:111122223333:instance/abc/queue/q-1']) {
      const got = types(arn);
      assert.ok(got.includes('queue') && got.includes('agent-status'), arn);
      assert.ok(!got.includes('instance'), arn);
    }
  });
  it('an empty account fits ${Account}; a wrong service or resource path does not match', () => {
    assert.deepStrictEqual(types('arn:aws:connect:eu-west-2::instance/abc/queue/q-1'), ['queue', 'wildcard-queue']);
    assert.deepStrictEqual(types('arn:aws:voiceid:eu-west-2:111122223333:instance/abc/queue/q-1'), []);
    assert.deepStrictEqual(types('arn:aws:connect:eu-west-2:111122223333:instance/abc/queues/q-1'), []);
  });
  it('asking twice, or in another order, gives the same answers', () => {
    const arn = 'arn:aws:connect:eu-west-2:111122223333:instance/abc/routing-profile/r-1';
    const first = types(arn);
    const queue = iam.resourceType('connect', 'queue')!;
    assert.strictEqual(arnMatchesResourceType(arn, queue, iam), false);
    assert.deepStrictEqual(types(arn), first);
    assert.deepStrictEqual(first, ['routing-profile']);
  });
  it('fittingEntries lists the types a resource part fits, and single questions agree with it afterwards', () => {
    const entries = arnIndex(iam).get('connect')!;
    const names = (resource: string) => fittingEntries(entries, resource).map((e) => e.rt.name).sort();
    assert.deepStrictEqual(names('instance/abc/queue/q-1'), ['queue', 'wildcard-queue']);
    assert.deepStrictEqual(names('instance/abc/agent/u-1'), ['user']);
    assert.deepStrictEqual(names('instance/abc/queues/q-1'), []);
    const queue = entries.find((e) => e.rt.name === 'queue')!;
    const user = entries.find((e) => e.rt.name === 'user')!;
    assert.ok(resourcePartMatches(queue, 'instance/abc/queue/q-1'));
    assert.ok(!resourcePartMatches(user, 'instance/abc/queue/q-1'));
    // The whole ARN reuses the resource part's answers.
    assert.ok(arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q-1', queue.rt, iam));
    assert.ok(!arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q-1', user.rt, iam));
  });
  it('resourcePartMatches and matchArn agree on the instance type', () => {
    const instance = arnIndex(iam).get('connect')!.find((e) => e.rt.name === 'instance' && e.rt.service === 'connect')!;
    assert.ok(resourcePartMatches(instance, 'instance/abc'));
    assert.ok(!resourcePartMatches(instance, 'instance/abc/queue/q'));
    assert.ok(matchArn(instance.rt.arn, 'arn:aws:connect:eu-west-2:111122223333:instance/abc', instance.terminalSegment));
  });
  it('results stay right after the per-ARN memo has been emptied by many other ARNs', () => {
    const queue = iam.resourceType('connect', 'queue')!;
    const arn = 'arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q-1';
    assert.ok(arnMatchesResourceType(arn, queue, iam));
    for (let i = 0; i < 5000; i++) arnMatchesResourceType(`arn:aws:connect:eu-west-2:111122223333:instance/x${i}/agent/a`, queue, iam);
    assert.ok(arnMatchesResourceType(arn, queue, iam));
    assert.ok(!arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/abc/agent/q-1', queue, iam));
    assert.ok(arnMatchesResourceType('arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/*', queue, iam));
  });
});

describe('BoundedMemo', () => {
  it('never holds more than its limit and starts again empty when full', () => {
    const m = new BoundedMemo<string, number>(3);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3);
    assert.strictEqual(m.size, 3);
    assert.strictEqual(m.get('a'), 1);
    m.set('d', 4);
    assert.strictEqual(m.size, 1);
    assert.strictEqual(m.get('a'), undefined);
    assert.strictEqual(m.get('d'), 4);
  });
  it('keeps its own copy of a long string key, found again by the same text', () => {
    const doc = '{"Action": "connect:DescribeUser"}';
    const key = doc.slice(12, 32);
    assert.strictEqual(detach(key), 'connect:DescribeUser');
    assert.strictEqual(detach('short'), 'short');
    const m = new BoundedMemo<string, number>(4);
    m.set(key, 7);
    assert.strictEqual(m.get('connect:DescribeUser'), 7);
  });
  it('set returns the value, for get-or-compute in one expression', () => {
    const m = new BoundedMemo<string, number[]>(2);
    const v = [1];
    assert.strictEqual(m.get('k') ?? m.set('k', v), v);
    assert.strictEqual(m.get('k'), v);
  });
});

describe('action pattern short cuts', () => {
  it('headAdmits rules out a prefix only on the head before the first star', () => {
    assert.ok(!headAdmits('s3:getobject', 'connect:'));
    assert.ok(headAdmits('conn*', 'connect:'));
    assert.ok(headAdmits('c?nnect:*', 'connect:'));
    assert.ok(headAdmits('CONNECT:x', 'connect:'));
    assert.ok(headAdmits('*', 'connect:'));
    assert.ok(headAdmits('con', 'connect:'));
    assert.ok(!headAdmits('cpn*', 'connect:'));
  });
  it('patternCovers: one star covers the middle when the ends agree; two stars go to the table', () => {
    assert.ok(patternCovers('connect:Desc*', 'connect:Describe?ser'));
    assert.ok(patternCovers('connect:Desc*', 'connect:Desc*'));
    assert.ok(patternCovers('connect:*User', 'connect:Describe*User'));
    assert.ok(!patternCovers('connect:*User', 'connect:DescribeUsers'));
    assert.ok(!patternCovers('connect:Desc*r', 'connect:DescribeUse'));
    assert.ok(!patternCovers('connect:?escribe*', 'connect:*escribeUser'));
    assert.ok(patternCovers('c*t:List*', 'connect:ListUsers'));
    assert.ok(!patternCovers('c*t:List*', 'connect:DescribeUser'));
  });
  it('matchCandidates gives nothing for another service and the named action for its own', () => {
    const candidates = iam.actionsOf('connect').filter((a) => a.name === 'CreateUser' || a.name === 'DeleteUser');
    assert.deepStrictEqual(matchCandidates('s3:CreateUser', candidates), []);
    assert.deepStrictEqual(matchCandidates('connect:createuser', candidates).map((a) => a.fullName), ['connect:CreateUser']);
    assert.deepStrictEqual(matchCandidates('*:*User', candidates).map((a) => a.fullName).sort(), ['connect:CreateUser', 'connect:DeleteUser']);
    assert.deepStrictEqual(matchCandidates('conn*:Delete*', candidates).map((a) => a.fullName), ['connect:DeleteUser']);
  });
  it('expandAction looks a literal action up case-insensitively, with or without a wildcard service', () => {
    assert.deepStrictEqual(iam.expandAction('CONNECT:describeuser').map((a) => a.fullName), ['connect:DescribeUser']);
    assert.deepStrictEqual(iam.expandAction('conn*:DescribeUser').map((a) => a.fullName), ['connect:DescribeUser']);
    assert.deepStrictEqual(iam.expandAction('connect:NoSuchAction'), []);
    assert.deepStrictEqual(iam.expandAction('nosuchservice:DescribeUser'), []);
    const any = iam.expandAction('*:DescribeUser').map((a) => a.fullName);
    assert.ok(any.includes('connect:DescribeUser') && any.includes('identitystore:DescribeUser'));
    assert.ok(any.every((n) => n.endsWith(':DescribeUser')));
  });
  it('actionOfItem reads the service prefix case-insensitively and the name as IAM does', () => {
    assert.strictEqual(iam.actionOfItem('Connect:describeUSER')?.fullName, 'connect:DescribeUser');
    assert.strictEqual(iam.actionOfItem('connect:NoSuchAction'), undefined);
    assert.strictEqual(iam.actionOfItem('no-colon'), undefined);
  });
});
