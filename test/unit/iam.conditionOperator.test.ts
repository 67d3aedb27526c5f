import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const policy = (condition: string, effect = 'Allow') =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "${effect}",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;
const RULE = 'condition-operator';

describe('condition-operator', () => {
  describe('operator names', () => {
    it('reports an unknown operator at the operator key with a did-you-mean fix', () => {
      const text = policy('{ "StringEqualz": { "aws:PrincipalAccount": "111122223333" } }');
      expectFindings(RULE, 'identity', text, 'error', [at(text, '"StringEqualz"')]);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"StringEquals": {'), fixed);
    });
    it('treats a wrong-case operator as unknown and fixes the case', () => {
      const text = policy('{ "forAnyValue:stringLike": { "aws:TagKeys": "Team*" } }');
      const [f] = expectFindings(RULE, 'identity', text, 'error', [at(text, '"forAnyValue:stringLike"')]);
      assert.match(f.message, /"ForAnyValue:StringLike"/);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"ForAnyValue:StringLike"'), fixed);
    });
    it('reports IfExists on Null as an error, and fixes it', () => {
      const text = policy('{ "NullIfExists": { "aws:RequestTag/Team": "true" } }');
      expectFindings(RULE, 'identity', text, 'error', [at(text, '"NullIfExists"')]);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"Null": {'), fixed);
    });
    it('suggests dropping a set qualifier on Null', () => {
      const text = policy('{ "ForAllValues:Null": { "aws:TagKeys": "false" } }');
      expectFindings(RULE, 'identity', text, 'info', [at(text, '"ForAllValues:Null"')]);
      expectFixRoundTrip(RULE, 'identity', text);
    });
    it('moves the keys into an existing block of the new name instead of duplicating it', () => {
      const text = policy('{ "Null": { "aws:TagKeys": "false" }, "NullIfExists": { "aws:RequestTag/Team": "true" } }');
      const [f] = expectFindings(RULE, 'identity', text, 'error', [at(text, '"NullIfExists"')]);
      assert.deepStrictEqual(f.fixes!.map((x) => x.title), ['Move the keys of "NullIfExists" into "Null"']);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.strictEqual(fixed, policy('{ "Null": { "aws:TagKeys": "false", "aws:RequestTag/Team": "true" } }'));
    });

    it('does not offer a rename that would duplicate a key of the existing block', () => {
      const text = policy('{ "Null": { "aws:TagKeys": "false" }, "NullIfExists": { "aws:tagkeys": "true" } }');
      const [f] = expectFindings(RULE, 'identity', text, 'error', [at(text, '"NullIfExists"')]);
      assert.strictEqual(f.fixes, undefined);
    });
  });

  describe('qualifiers and key types', () => {
    it('flags ForAllValues on a single-valued key as a security warning in an Allow', () => {
      const text = policy('{ "ForAllValues:StringEquals": { "aws:ResourceTag/Role": "Admin" } }');
      const [f] = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"aws:ResourceTag/Role"')]);
      assert.match(f.message, /true when the key is absent, so this Allow also applies/);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"StringEquals": { "aws:ResourceTag/Role"'), fixed);
    });
    it('says what ForAllValues does in a Deny', () => {
      const text = policy('{ "ForAllValues:StringEquals": { "aws:PrincipalAccount": "111122223333" } }', 'Deny');
      const [f] = expectFindings(RULE, 'scp', text, 'warning', [at(text, '"aws:PrincipalAccount"')]);
      assert.match(f.message, /this Deny also fires on requests without it/);
    });
    it('marks ForAnyValue on a single-valued key as information', () => {
      const text = policy('{ "ForAnyValue:StringEquals": { "aws:PrincipalAccount": "111122223333" } }');
      expectFindings(RULE, 'identity', text, 'info', [at(text, '"aws:PrincipalAccount"')]);
    });
    it('asks for a qualifier on a multivalued key', () => {
      const text = policy('{ "StringEquals": { "aws:TagKeys": ["Team", "Role"] } }');
      expectFindings(RULE, 'identity', text, 'warning', [at(text, '"aws:TagKeys"')]);
    });
    it('reports an operator family that does not fit the key type, at the key', () => {
      const text = policy('{ "StringEquals": { "aws:MultiFactorAuthPresent": "true" }, "NumericLessThan": { "aws:SourceIp": "1" } }');
      const got = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"aws:MultiFactorAuthPresent"'), at(text, '"aws:SourceIp"')]);
      assert.match(got[0].message, /type Bool.*Use Bool/);
    });
    it('switches an exact String operator to the key\'s own family when the values fit', () => {
      const text = policy('{ "StringEquals": { "aws:MultiFactorAuthPresent": "true" }, "StringNotEqualsIfExists": { "aws:MultiFactorAuthAge": "3600" } }');
      const got = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"aws:MultiFactorAuthPresent"'), at(text, '"aws:MultiFactorAuthAge"')]);
      assert.deepStrictEqual(got.map((f) => f.fixes?.[0]?.title), ['Change "StringEquals" to "Bool"', 'Change "StringNotEqualsIfExists" to "NumericNotEqualsIfExists"']);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"Bool": { "aws:MultiFactorAuthPresent": "true" }'), fixed);
      const noFix = policy('{ "StringEquals": { "aws:MultiFactorAuthAge": "one hour" } }');
      assert.strictEqual(expectFindings(RULE, 'identity', noFix, 'warning', [at(noFix, '"aws:MultiFactorAuthAge"')])[0].fixes, undefined);
    });
    it('accepts String operators on ARN keys and ARN operators on ARN keys', () => {
      expectNone(RULE, 'identity', policy('{ "StringLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/Connect*" }, "ArnLike": { "aws:SourceArn": "arn:aws:connect:*:111122223333:instance/*" } }'));
    });
  });

  describe('values', () => {
    it('reports Bool, Numeric, Date, IP and Binary values of the wrong shape at the value', () => {
      const text = policy('{ "Bool": { "aws:SecureTransport": "yes" }, "NumericLessThan": { "aws:MultiFactorAuthAge": "1h" }, "DateGreaterThan": { "aws:CurrentTime": "tomorrow" }, "IpAddress": { "aws:SourceIp": "203.0.113.300/24" }, "BinaryEquals": { "aws:UserAgent": "not base64!" } }');
      const got = findingsOf(RULE, 'identity', text).filter((f) => f.severity === 'warning' && f.message.includes('"'));
      assert.deepStrictEqual(
        got.filter((f) => !f.message.includes('of type')).map((f) => ({ offset: f.offset, length: f.length })),
        [at(text, '"yes"'), at(text, '"1h"'), at(text, '"tomorrow"'), at(text, '"203.0.113.300/24"'), at(text, '"not base64!"')],
      );
    });
    it('warns that an epoch date may not resolve as meant, but not for aws:EpochTime', () => {
      const text = policy('{ "DateLessThan": { "aws:CurrentTime": "1767225600", "aws:EpochTime": "1767225600" } }');
      const [f] = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"1767225600"')]);
      assert.match(f.message, /ISO 8601/);
    });
    it('rejects several values for Bool', () => {
      const text = policy('{ "Bool": { "aws:SecureTransport": ["true", "false"] } }');
      expectFindings(RULE, 'identity', text, 'error', [at(text, '["true", "false"]')]);
    });
    it('suggests (info) a CIDR with host bits set and fixes it to the network address (IPv4 and IPv6)', () => {
      const text = policy('{ "IpAddress": { "aws:SourceIp": ["203.0.113.5/24", "2001:db8::1/32"] } }');
      const got = expectFindings(RULE, 'identity', text, 'info', [at(text, '"203.0.113.5/24"'), at(text, '"2001:db8::1/32"')]);
      assert.match(got[1].message, /2001:db8::\/32/);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('["203.0.113.0/24", "2001:db8::1/32"]'), fixed);
    });
    it('warns about wildcards under StringEquals and fixes to StringLike', () => {
      const text = policy('{ "StringEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Connect*" } }');
      const [f] = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"arn:aws:iam::111122223333:role/Connect*"')]);
      assert.match(f.message, /compares literally/);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"StringLike": {'), fixed);
    });
    it('keeps the qualifier and IfExists when switching to the Like operator', () => {
      const text = policy('{ "ForAnyValue:StringNotEqualsIfExists": { "aws:TagKeys": "Team?" } }');
      expectFindings(RULE, 'identity', text, 'warning', [at(text, '"Team?"')]);
      const fixed = expectFixRoundTrip(RULE, 'identity', text);
      assert.ok(fixed.includes('"ForAnyValue:StringNotLikeIfExists"'), fixed);
    });
    it('notes wildcards under ArnEquals as information', () => {
      const text = policy('{ "ArnEquals": { "aws:SourceArn": "arn:aws:connect:eu-west-2:111122223333:instance/*" } }');
      expectFindings(RULE, 'identity', text, 'info', [at(text, '"arn:aws:connect:eu-west-2:111122223333:instance/*"')]);
      expectFixRoundTrip(RULE, 'identity', text);
    });
    it('rejects values of one key that mix JSON types', () => {
      const text = policy('{ "NumericLessThan": { "aws:MultiFactorAuthAge": [3600, "7200"] } }');
      expectFindings(RULE, 'identity', text, 'error', [at(text, '[3600, "7200"]')]);
    });
    it('rejects objects as condition values', () => {
      const text = policy('{ "StringEquals": { "aws:PrincipalAccount": { "a": 1 } } }');
      expectFindings(RULE, 'identity', text, 'error', [at(text, '{ "a": 1 }')]);
    });
    it('is silent on a correct policy, policy variables and the literal ${*}', () => {
      const text = policy(`{
      "Bool": { "aws:MultiFactorAuthPresent": true, "aws:SecureTransport": "true" },
      "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 },
      "DateGreaterThan": { "aws:CurrentTime": "2026-01-31T00:00:00Z" },
      "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"] },
      "StringEquals": { "aws:ResourceTag/Owner": "\${aws:username}", "aws:PrincipalTag/Note": "star\${*}" },
      "ForAllValues:StringEquals": { "aws:TagKeys": ["Team", "Role"] },
      "Null": { "aws:RequestTag/Team": "false" },
      "StringLikeIfExists": { "connect:InstanceId": "abc*" }
    }`);
      expectNone(RULE, 'identity', text);
    });
  });
});
