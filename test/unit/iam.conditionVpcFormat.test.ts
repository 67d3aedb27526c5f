import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'condition-vpc-format';
const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('condition-vpc-format', () => {
  it('reports malformed VPC and endpoint IDs at the value', () => {
    const text = policy('{ "StringNotEquals": { "aws:SourceVpc": ["vpc-1234", "vpc-0a1b2c3d"], "aws:SourceVpce": "vpce-0a1b2c3d4e5f607" } }');
    const got = expectFindings(RULE, 'scp', text, 'error', [at(text, '"vpc-1234"'), at(text, '"vpce-0a1b2c3d4e5f607"')]);
    assert.match(got[0].message, /not a VPC ID/);
  });
  it('lower-cases an ID written with capitals', () => {
    const text = policy('{ "StringNotEquals": { "aws:SourceVpce": "vpce-0A1B2C3D4E5F60718" } }');
    expectFindings(RULE, 'scp', text, 'error', [at(text, '"vpce-0A1B2C3D4E5F60718"')]);
    const fixed = expectFixRoundTrip(RULE, 'scp', text);
    assert.ok(fixed.includes('"vpce-0a1b2c3d4e5f60718"'), fixed);
  });
  it('moves an endpoint ID written under aws:SourceVpc to aws:SourceVpce', () => {
    const text = policy('{ "StringNotEquals": { "aws:SourceVpc": "vpce-0a1b2c3d4e5f60718" } }');
    const [f] = expectFindings(RULE, 'scp', text, 'error', [at(text, '"vpce-0a1b2c3d4e5f60718"')]);
    assert.match(f.message, /use aws:SourceVpce/);
    const fixed = expectFixRoundTrip(RULE, 'scp', text);
    assert.ok(fixed.includes('"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"'), fixed);
  });
  it('is silent on valid IDs, wildcards, variables and Null', () => {
    expectNone(RULE, 'scp', policy('{ "StringNotEquals": { "aws:SourceVpc": ["vpc-0a1b2c3d", "vpc-0a1b2c3d4e5f60718"], "aws:SourceVpce": "vpce-0a1b2c3d" }, "StringLike": { "aws:SourceVpce": "vpce-*" }, "Null": { "aws:SourceVpc": "true" } }'));
  });
});
