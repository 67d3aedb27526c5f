import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadIamData } from '../../server/src/engine';
import {
  connectWriteActions, privilegeChangeActions, taggableConnectResourceTypes, acceptsResourceTag, isInstanceWide, hasPrivateLink,
} from '../../server/src/engine/connect';

/** The raw generated index, read without the engine, as an independent oracle. */
function rawConnectActions(): [string, string][] {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../server/data/iam-index.json'), 'utf8'));
  return Object.values(raw.services.connect.actions as Record<string, [string, string]>).map((a) => [a[0], a[1]]);
}

describe('connect domain module', () => {
  const iam = loadIamData();
  it('counts Connect write actions as Write, Permissions management and Tagging', () => {
    const expected = rawConnectActions().filter(([, level]) => level === 'W' || level === 'P' || level === 'T').length;
    assert.ok(expected > 200, `sanity: ${expected}`);
    assert.strictEqual(connectWriteActions(iam).length, expected);
  });
  it('expands the privilege-change families from the data', () => {
    const names = privilegeChangeActions(iam).map((a) => a.name);
    for (const n of ['CreateUser', 'DeleteUser', 'UpdateUserSecurityProfiles', 'UpdateUserRoutingProfile', 'UpdateUserHierarchy', 'UpdateUserIdentityInfo', 'UpdateUserPhoneConfig', 'CreateSecurityProfile', 'UpdateSecurityProfile', 'DeleteSecurityProfile', 'CreateInstance', 'DeleteInstance', 'CreateIntegrationAssociation', 'DeleteIntegrationAssociation', 'AdminGetEmergencyAccessToken', 'GetFederationToken']) {
      assert.ok(names.includes(n), n);
    }
    const updateUser = rawConnectActions().filter(([n]) => n.startsWith('UpdateUser')).length;
    assert.strictEqual(names.filter((n) => n.startsWith('UpdateUser')).length, updateUser);
    assert.ok(!names.includes('DescribeUser') && !names.includes('ListUsers'));
  });
  it('lists taggable Connect resource types from the data, Connect ARNs only', () => {
    const names = taggableConnectResourceTypes(iam).map((r) => r.name);
    for (const n of ['user', 'queue', 'security-profile', 'routing-profile', 'contact-flow', 'instance']) assert.ok(names.includes(n), n);
    assert.ok(!names.includes('wildcard-queue'), 'wildcard types carry no tag key');
    assert.ok(!names.includes('ai-agent'), 'a wisdom ARN is not a Connect resource');
  });
  it('knows which actions IAM evaluates aws:ResourceTag for', () => {
    assert.strictEqual(acceptsResourceTag(iam.action('connect', 'UpdateUserSecurityProfiles')!), true);
    assert.strictEqual(acceptsResourceTag(iam.action('connect', 'CreateInstance')!), false);
  });
  it('tells instance-wide resources from scoped ones', () => {
    const id = '9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f';
    for (const r of ['*', 'arn:aws:connect:eu-west-2:111122223333:*', 'arn:aws:connect:eu-west-2:111122223333:instance/*', 'arn:aws:connect:*:*:instance/*/agent/*', 'arn:aws:connect:eu-west-2:111122223333:instance/9f3c*/queue/*']) {
      assert.strictEqual(isInstanceWide(r), true, r);
    }
    for (const r of [`arn:aws:connect:eu-west-2:111122223333:instance/${id}`, `arn:aws:connect:eu-west-2:111122223333:instance/${id}/agent/*`, 'arn:aws:connect:eu-west-2:111122223333:phone-number/abc', 'not-an-arn']) {
      assert.strictEqual(isInstanceWide(r), false, r);
    }
  });
  it('knows which Connect-family services have PrivateLink', () => {
    assert.strictEqual(hasPrivateLink('voiceid'), true);
    assert.strictEqual(hasPrivateLink('connect-campaigns'), true);
    assert.strictEqual(hasPrivateLink('connect'), false);
  });
});
