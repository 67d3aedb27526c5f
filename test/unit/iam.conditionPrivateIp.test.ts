import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'condition-private-ip';
const policy = (effect: string, condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "${effect}",\n    "Action": "connect:UpdateSecurityProfile",\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('condition-private-ip', () => {
  it('IpAddress with only private ranges never matches: error at the key, fix to aws:VpcSourceIp', () => {
    const text = policy('Allow', '{ "IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "172.16.4.0/24"] } }');
    const [f] = expectFindings(RULE, 'identity', text, 'error', [at(text, '"aws:SourceIp"')]);
    assert.match(f.message, /never matches/);
    const fixed = expectFixRoundTrip(RULE, 'identity', text);
    assert.ok(fixed.includes('"aws:VpcSourceIp": ["10.0.0.0/8"'), fixed);
  });
  it('NotIpAddress with only private ranges always matches', () => {
    const text = policy('Deny', '{ "NotIpAddress": { "aws:SourceIp": "192.168.1.0/24" } }');
    const [f] = expectFindings(RULE, 'scp', text, 'error', [at(text, '"aws:SourceIp"')]);
    assert.match(f.message, /always matches/);
  });
  it('marks private ranges mixed with public ones, at each private value', () => {
    const text = policy('Allow', '{ "IpAddressIfExists": { "aws:SourceIp": ["203.0.113.0/24", "10.1.0.0/16", "fd00::/8"] } }');
    expectFindings(RULE, 'identity', text, 'info', [at(text, '"10.1.0.0/16"'), at(text, '"fd00::/8"')]);
  });
  it('is silent on public ranges, on aws:VpcSourceIp and on ranges that only overlap private space', () => {
    expectNone(RULE, 'identity', policy('Allow', '{ "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "8.0.0.0/7"], "aws:VpcSourceIp": "10.0.0.0/8" } }'));
  });
});
