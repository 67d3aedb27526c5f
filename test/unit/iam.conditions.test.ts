import * as assert from 'assert';
import { loadIamData } from '../../server/src/engine';
import {
  parseOperator, canonicalOperatorCase, networkAddress, isIsoDate, isPrivateRange, trueWhenKeyAbsent, canonicalKeySpelling,
  hasValueWildcard, familyFitsKey, OPERATOR_SPELLINGS, knownKeyNames,
} from '../../server/src/engine/iam/conditions';
import { parseCidr } from '../../server/src/engine/cloudtrail/cidr';

describe('iam/conditions helpers', () => {
  it('parses qualifier, operator and IfExists case-sensitively', () => {
    const p = parseOperator('ForAnyValue:StringNotLikeIfExists');
    assert.deepStrictEqual([p.qualifier, p.info?.name, p.ifExists, p.qualifierKnown], ['ForAnyValue', 'StringNotLike', true, true]);
    assert.strictEqual(parseOperator('stringEquals').info, undefined);
    assert.strictEqual(parseOperator('ForAllValue:StringEquals').qualifierKnown, false);
    assert.strictEqual(canonicalOperatorCase('forallvalues:stringequals'), 'ForAllValues:StringEquals');
    assert.strictEqual(canonicalOperatorCase('StringEquals'), undefined);
  });
  it('lists 27 operators, 26 IfExists forms and their qualified spellings', () => {
    assert.strictEqual(OPERATOR_SPELLINGS.length, 27 + 26 + 2 * 52);
    assert.ok(!OPERATOR_SPELLINGS.includes('NullIfExists'));
  });
  it('knows how each operator evaluates when the key is absent', () => {
    assert.strictEqual(trueWhenKeyAbsent(parseOperator('StringEquals')), false);
    assert.strictEqual(trueWhenKeyAbsent(parseOperator('StringNotEquals')), true);
    assert.strictEqual(trueWhenKeyAbsent(parseOperator('ArnLikeIfExists')), true);
    assert.strictEqual(trueWhenKeyAbsent(parseOperator('ForAllValues:StringEquals')), true);
    assert.strictEqual(trueWhenKeyAbsent(parseOperator('ForAnyValue:StringNotEquals')), false);
    assert.strictEqual(trueWhenKeyAbsent(parseOperator('Null')), undefined);
  });
  it('normalises CIDR ranges with host bits set', () => {
    assert.strictEqual(networkAddress(parseCidr('203.0.113.5/24')!), '203.0.113.0/24');
    assert.strictEqual(networkAddress(parseCidr('203.0.113.0/24')!), undefined);
    assert.strictEqual(networkAddress(parseCidr('203.0.113.5')!), undefined);
    assert.strictEqual(networkAddress(parseCidr('2001:db8:0:0:1::5/64')!), '2001:db8::/64');
    assert.strictEqual(networkAddress(parseCidr('2001:db8:a:b:c:d:e:f/112')!), '2001:db8:a:b:c:d:e:0/112');
  });
  it('recognises private ranges only when wholly inside RFC 1918 or fc00::/7', () => {
    assert.ok(isPrivateRange(parseCidr('172.31.0.0/16')!));
    assert.ok(isPrivateRange(parseCidr('fd12::/16')!));
    assert.ok(!isPrivateRange(parseCidr('172.0.0.0/8')!));
    assert.ok(!isPrivateRange(parseCidr('8.8.8.8')!));
  });
  it('accepts the ISO 8601 shapes IAM documents', () => {
    for (const d of ['2026-01-31', '2026-01-31T12:00Z', '2026-01-31T12:00:00Z', '2026-01-31T12:00:00.123+01:00']) assert.ok(isIsoDate(d), d);
    for (const d of ['2026-13-01', '31/01/2026', '2026-01-31T25:00:00Z', '1767225600']) assert.ok(!isIsoDate(d), d);
  });
  it('finds wildcards outside policy variables only', () => {
    assert.ok(hasValueWildcard('Connect*'));
    assert.ok(!hasValueWildcard('star${*}and${?}'));
    assert.ok(hasValueWildcard('${aws:username}-?'));
  });
  it('spells keys canonically, keeping a family\'s variable part', () => {
    const iam = loadIamData();
    assert.strictEqual(canonicalKeySpelling('aws:resourcetag/team', iam.conditionKey('aws:resourcetag/team')!), 'aws:ResourceTag/team');
    assert.strictEqual(canonicalKeySpelling('connect:searchtag/Dept', iam.conditionKey('connect:searchtag/Dept')!), 'connect:SearchTag/Dept');
    assert.strictEqual(canonicalKeySpelling('AWS:SOURCEIP', iam.conditionKey('AWS:SOURCEIP')!), 'aws:SourceIp');
  });
  it('matches operator families to key types', () => {
    const iam = loadIamData();
    assert.ok(familyFitsKey('String', iam.conditionKey('aws:PrincipalArn')!));
    assert.ok(familyFitsKey('Arn', iam.conditionKey('aws:SourceVpcArn')!));
    assert.ok(!familyFitsKey('String', iam.conditionKey('aws:SecureTransport')!));
    assert.ok(familyFitsKey('Numeric', iam.conditionKey('aws:EpochTime')!));
    assert.ok(familyFitsKey('Null', iam.conditionKey('aws:SourceIp')!));
  });
  it('lists the global keys and a service\'s keys for suggestions', () => {
    const iam = loadIamData();
    assert.ok(knownKeyNames(iam, 'aws').includes('aws:SourceIp'));
    assert.ok(knownKeyNames(iam, 'aws').includes('aws:ResourceTag/${TagKey}'));
    assert.ok(knownKeyNames(iam, 'connect').includes('connect:InstanceId'));
  });
});
