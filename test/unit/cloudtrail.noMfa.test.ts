import * as assert from 'assert';
import { expectFindings, expectNone, at } from '../helpers/lint';
import { record, log, assumedRole, iamUser } from './cloudtrail.fixtures';

const RULE = 'ct-no-mfa';

describe(RULE, () => {
  it('reports a sensitive call from a session with mfaAuthenticated "false"', () => {
    const text = log(record({ eventName: 'UpdateUserSecurityProfiles', userIdentity: assumedRole('ConnectAdmin', 'dana.ops', 'false') }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"UpdateUserSecurityProfiles"')]);
  });

  it('names a console session without MFA', () => {
    const ui = { ...iamUser('pat.admin', 'ASIAEXAMPLECONSOLE'), sessionContext: { attributes: { creationDate: '2026-10-01T08:00:00Z', mfaAuthenticated: 'false' } } };
    const text = log(record({ eventName: 'DeleteUser', userIdentity: ui, sessionCredentialFromConsole: 'true' }));
    const [f] = expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"DeleteUser"')]);
    assert.ok(f.message.startsWith('Sensitive call from a console session without MFA'), f.message);
  });

  it('reports an IAM user\'s long-term access key on a sensitive call', () => {
    const text = log(record({ eventName: 'CreateUser', userIdentity: iamUser('pat.admin', 'AKIAEXAMPLELONGTERM') }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"CreateUser"')]);
  });

  it('is silent with MFA, on read calls, and on IAM calls with the same name', () => {
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'CreateUser', userIdentity: assumedRole('ConnectAdmin', 'dana.ops', 'true') })));
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'DescribeUser', userIdentity: assumedRole('ConnectAdmin', 'dana.ops', 'false') })));
    expectNone(RULE, 'cloudtrail', log(record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', userIdentity: assumedRole('ConnectAdmin', 'dana.ops', 'false') })));
  });

  it('does not treat a boolean false as the string CloudTrail writes (ct-record-structure reports it)', () => {
    const ui = assumedRole('ConnectAdmin', 'dana.ops');
    (ui.sessionContext as { attributes: Record<string, unknown> }).attributes.mfaAuthenticated = false;
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'CreateUser', userIdentity: ui })));
  });
});
