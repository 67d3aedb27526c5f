import { at, expectFindings, expectNone } from '../helpers/lint';

const RULE = 'condition-paired-keys';
const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('condition-paired-keys', () => {
  it('warns at aws:VpcSourceIp when the statement names no VPC or endpoint', () => {
    const text = policy('{ "NotIpAddressIfExists": { "aws:VpcSourceIp": "10.0.0.0/8" } }');
    expectFindings(RULE, 'scp', text, 'warning', [at(text, '"aws:VpcSourceIp"')]);
  });
  it('is silent when aws:SourceVpc or aws:SourceVpce is in the same statement, and for Null', () => {
    expectNone(RULE, 'scp', policy('{ "NotIpAddressIfExists": { "aws:VpcSourceIp": "10.0.0.0/8" }, "StringNotEqualsIfExists": { "aws:sourcevpce": "vpce-0a1b2c3d4e5f60718" } }'));
    expectNone(RULE, 'scp', policy('{ "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/8" }, "StringEquals": { "aws:SourceVpc": "vpc-0a1b2c3d" } }'));
    expectNone(RULE, 'scp', policy('{ "Null": { "aws:VpcSourceIp": "true" } }'));
  });
});
