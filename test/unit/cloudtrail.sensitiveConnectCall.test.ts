import * as assert from 'assert';
import { expectFindings, expectNone, at, findingsOf } from '../helpers/lint';
import { isSensitive, sensitiveApi } from '../../server/src/engine/cloudtrail';
import { record, log, iamUser } from './cloudtrail.fixtures';

const RULE = 'ct-sensitive-connect-call';

describe(RULE, () => {
  it('reports DeleteInstance as an error on its eventName value, with caller data and related userIdentity', () => {
    const text = log(record({ eventName: 'DescribeInstance' }), record({ eventName: 'DeleteInstance', sourceIPAddress: '203.0.113.9', eventTime: '2026-10-02T22:01:40Z' }));
    const [f] = expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"DeleteInstance"')]);
    assert.deepStrictEqual(
      { principal: f.data?.principal, eventName: f.data?.eventName, eventSource: f.data?.eventSource, eventTime: f.data?.eventTime, sourceIPAddress: f.data?.sourceIPAddress, role: f.data?.role },
      { principal: 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/dana.ops', eventName: 'DeleteInstance', eventSource: 'connect.amazonaws.com', eventTime: '2026-10-02T22:01:40Z', sourceIPAddress: '203.0.113.9', role: 'arn:aws:iam::111122223333:role/ConnectAdmin' },
    );
    assert.ok(/DeleteInstance by arn:aws:sts::111122223333:assumed-role\/ConnectAdmin\/dana\.ops at 2026-10-02T22:01:40Z from 203\.0\.113\.9/.test(f.message), f.message);
    const ui = JSON.stringify(record().userIdentity, null, 2).replace(/\n/g, '\n      ');
    assert.deepStrictEqual(f.related?.map((r) => ({ offset: r.offset, length: r.length })), [at(text, ui, 1)]);
  });

  it('reports UpdateUser* and security profile changes as warnings', () => {
    const text = log(record({ eventName: 'UpdateUserSecurityProfiles' }), record({ eventName: 'UpdateUserRoutingProfile' }), record({ eventName: 'UpdateSecurityProfile' }), record({ eventName: 'CreateIntegrationAssociation' }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"UpdateUserSecurityProfiles"'), at(text, '"UpdateUserRoutingProfile"'), at(text, '"UpdateSecurityProfile"'), at(text, '"CreateIntegrationAssociation"')]);
  });

  it('does not report IAM\'s CreateUser or UpdateUser (same names, other service)', () => {
    const text = log(
      record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', userIdentity: iamUser('pat.admin'), requestParameters: { userName: 'new.agent' } }),
      record({ eventSource: 'iam.amazonaws.com', eventName: 'UpdateUser' }),
      record({ eventSource: 'sts.amazonaws.com', eventName: 'GetFederationToken' }),
    );
    expectNone(RULE, 'cloudtrail', text);
    assert.strictEqual(isSensitive('iam.amazonaws.com', 'CreateUser'), false);
    assert.strictEqual(isSensitive('connect.amazonaws.com', 'CreateUser'), true);
  });

  it('reports Voice ID DeleteDomain as an error and knows wisdom and qconnect', () => {
    const text = log(record({ eventSource: 'voiceid.amazonaws.com', eventName: 'DeleteDomain' }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"DeleteDomain"')]);
    const q = log(record({ eventSource: 'qconnect.amazonaws.com', eventName: 'DeleteKnowledgeBase' }));
    expectFindings(RULE, 'cloudtrail', q, 'warning', [at(q, '"DeleteKnowledgeBase"')]);
    assert.strictEqual(findingsOf(RULE, 'cloudtrail', log(record({ eventSource: 'wisdom.amazonaws.com', eventName: 'DeleteAssistant' }))).length, 1);
    assert.strictEqual(sensitiveApi('wisdom.amazonaws.com', 'DeleteKnowledgeBase')?.severity, 'warning');
  });

  it('lowers a failed DeleteInstance to a warning and says it failed', () => {
    const text = log(record({ eventName: 'DeleteInstance', errorCode: 'AccessDeniedException', errorMessage: 'not authorized' }));
    const [f] = expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"DeleteInstance"')]);
    assert.ok(f.message.includes('failed with AccessDeniedException'), f.message);
  });

  it('is silent on read calls to Connect', () => {
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'DescribeUser' }), record({ eventName: 'ListSecurityProfiles' })));
  });

  it('respects a severity override from settings', () => {
    const text = log(record({ eventName: 'CreateUser' }));
    expectFindings(RULE, 'cloudtrail', text, 'info', [at(text, '"CreateUser"')], { settings: { rules: { [RULE]: 'info' }, cloudtrail: { adminPrincipals: [], allowedCidrs: [], allowedVpcEndpoints: [] } } });
  });
});
