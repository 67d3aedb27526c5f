import * as assert from 'assert';
import { expectFindings, expectNone, at } from '../helpers/lint';
import { record, log, assumedRole } from './cloudtrail.fixtures';
import { ctOpts } from './cloudtrail.settings';

const RULE = 'ct-emergency-access';

describe(RULE, () => {
  it('reports AdminGetEmergencyAccessToken as an error', () => {
    const text = log(record({ eventName: 'AdminGetEmergencyAccessToken', readOnly: false }));
    const [f] = expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"AdminGetEmergencyAccessToken"')]);
    assert.strictEqual(f.data?.eventName, 'AdminGetEmergencyAccessToken');
  });

  it('reports a failed attempt as a warning', () => {
    const text = log(record({ eventName: 'AdminGetEmergencyAccessToken', errorCode: 'AccessDeniedException' }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"AdminGetEmergencyAccessToken"')]);
  });

  it('reports Connect GetFederationToken by a principal outside adminPrincipals, as a warning', () => {
    const opts = ctOpts({ adminPrincipals: ['arn:aws:iam::111122223333:role/ConnectAdmin'] });
    const text = log(record({ eventName: 'GetFederationToken', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') }), record({ eventName: 'GetFederationToken' }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"GetFederationToken"')], opts);
  });

  it('is silent on GetFederationToken when no admins are configured, and on STS GetFederationToken', () => {
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'GetFederationToken', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') })));
    expectNone(RULE, 'cloudtrail', log(record({ eventSource: 'sts.amazonaws.com', eventName: 'GetFederationToken' })), ctOpts({ adminPrincipals: ['arn:aws:iam::111122223333:role/Nobody'] }));
  });
});
