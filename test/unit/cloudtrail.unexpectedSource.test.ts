import * as assert from 'assert';
import { expectFindings, expectNone, at } from '../helpers/lint';
import { parseCidr, parseIp, cidrContains } from '../../server/src/engine/cloudtrail';
import { record, log } from './cloudtrail.fixtures';
import { ctOpts } from './cloudtrail.settings';

const RULE = 'ct-unexpected-source';
const nets = ctOpts({ allowedCidrs: ['10.0.0.0/8', '198.51.100.0/24', '2001:db8:1200::/40'], allowedVpcEndpoints: ['vpce-0a1b2c3d4e5f60718'] });

describe(RULE, () => {
  it('reports Connect calls from addresses outside the configured IPv4 and IPv6 ranges', () => {
    const text = log(record({ eventName: 'UpdateUserRoutingProfile', sourceIPAddress: '203.0.113.50' }), record({ eventName: 'ListUsers', sourceIPAddress: '2001:db8:ff00::7' }));
    const got = expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"UpdateUserRoutingProfile"'), at(text, '"ListUsers"')], nets);
    assert.strictEqual(got[0].data?.sourceIPAddress, '203.0.113.50');
  });

  it('is silent inside the ranges, through an allowed endpoint, for AWS service sources, and when nothing is configured', () => {
    const text = log(
      record({ sourceIPAddress: '10.20.30.40' }),
      record({ sourceIPAddress: '2001:db8:1234::1' }),
      record({ eventSource: 'voiceid.amazonaws.com', eventName: 'DescribeDomain', sourceIPAddress: '203.0.113.50', vpcEndpointId: 'vpce-0a1b2c3d4e5f60718' }),
      record({ sourceIPAddress: 'connect.amazonaws.com' }),
      record({ sourceIPAddress: 'AWS Internal' }),
      record({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', sourceIPAddress: '203.0.113.50' }),
    );
    expectNone(RULE, 'cloudtrail', text, nets);
    expectNone(RULE, 'cloudtrail', log(record({ sourceIPAddress: '203.0.113.50' })));
  });

  it('reports a call through an endpoint that is not allowed', () => {
    const text = log(record({ eventSource: 'voiceid.amazonaws.com', eventName: 'DescribeDomain', sourceIPAddress: '203.0.113.50', vpcEndpointId: 'vpce-0fffffffffffffff0' }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"DescribeDomain"')], ctOpts({ allowedVpcEndpoints: ['vpce-0a1b2c3d4e5f60718'] }));
  });

  it('parses and matches CIDRs of both families', () => {
    const c = (cidr: string, ip: string) => cidrContains(parseCidr(cidr)!, parseIp(ip)!);
    assert.strictEqual(c('10.0.0.0/8', '10.255.1.2'), true);
    assert.strictEqual(c('10.0.0.0/8', '11.0.0.1'), false);
    assert.strictEqual(c('198.51.100.0/25', '198.51.100.127'), true);
    assert.strictEqual(c('198.51.100.0/25', '198.51.100.128'), false);
    assert.strictEqual(c('0.0.0.0/0', '203.0.113.1'), true);
    assert.strictEqual(c('0.0.0.0/0', '2001:db8::1'), false, 'an IPv4 range never holds an IPv6 address');
    assert.strictEqual(c('2001:db8::/32', '2001:db8:ffff::1'), true);
    assert.strictEqual(c('2001:db8::/32', '2001:db9::1'), false);
    assert.strictEqual(c('::ffff:0:0/96', '192.0.2.1'), true);
    assert.strictEqual(c('2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'), true);
    assert.strictEqual(c('::/0', '::1'), true);
    assert.strictEqual(c('2001:db8::/64', '2001:db8::192.0.2.1'), true);
    for (const bad of ['connect.amazonaws.com', 'AWS Internal', '1.2.3', '256.1.1.1', '1::2::3', '2001:db8::g', '', '1:2:3:4:5:6:7:8:9']) assert.strictEqual(parseIp(bad), undefined, bad);
    for (const bad of ['10.0.0.0/33', '10.0.0.0/x', '2001:db8::/129']) assert.strictEqual(parseCidr(bad), undefined, bad);
  });
});
