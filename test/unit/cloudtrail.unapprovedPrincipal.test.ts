import * as assert from 'assert';
import { expectFindings, expectNone, at } from '../helpers/lint';
import { principalMatcher, principalOf, roleArnOf, sessionNameOf } from '../../server/src/engine/cloudtrail';
import { record, log, assumedRole, iamUser, root } from './cloudtrail.fixtures';
import { ctOpts } from './cloudtrail.settings';

const RULE = 'ct-unapproved-principal';
const admins = ctOpts({ adminPrincipals: ['arn:aws:iam::111122223333:role/ConnectAdmin', 'break-glass-*'] });

describe(RULE, () => {
  it('reports a sensitive call by a role that is not an admin, as an error on eventName', () => {
    const text = log(record({ eventName: 'CreateUser', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') }));
    const [f] = expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"CreateUser"')], admins);
    assert.strictEqual(f.data?.principal, 'arn:aws:sts::111122223333:assumed-role/FlowDeveloper/sam.dev');
  });

  it('matches an assumed-role session against a pattern written for the role (also with a role path)', () => {
    const text = log(record({ eventName: 'DeleteUser', userIdentity: assumedRole('ConnectAdmin', 'dana.ops') }), record({ eventName: 'DeleteUser', userIdentity: assumedRole('ConnectAdmin', 'lee.ops', 'true', 'ops/') }));
    expectNone(RULE, 'cloudtrail', text, admins);
  });

  it('matches role session names with wildcards, and ARN patterns with wildcards', () => {
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'CreateInstance', userIdentity: assumedRole('Emergency', 'break-glass-0042') })), admins);
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'CreateInstance', userIdentity: iamUser('connect-admin-pat') })), ctOpts({ adminPrincipals: ['arn:aws:iam::111122223333:user/connect-admin-*'] }));
    const text = log(record({ eventName: 'CreateInstance', userIdentity: iamUser('pat') }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"CreateInstance"')], ctOpts({ adminPrincipals: ['arn:aws:iam::111122223333:user/connect-admin-*'] }));
  });

  it('is silent when no admin principals are configured, and on calls that are not sensitive', () => {
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'CreateUser', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') })));
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'DescribeUser', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') })), admins);
    expectNone(RULE, 'cloudtrail', log(record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') })), admins);
  });

  it('principal helpers read each identity type', () => {
    const r = record({ userIdentity: assumedRole('ConnectAdmin', 'dana.ops', 'true', 'ops/') });
    assert.strictEqual(principalOf(r), 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/dana.ops');
    assert.strictEqual(roleArnOf(r), 'arn:aws:iam::111122223333:role/ops/ConnectAdmin');
    assert.strictEqual(sessionNameOf(r), 'dana.ops');
    assert.strictEqual(principalOf(record({ userIdentity: root() })), 'arn:aws:iam::111122223333:root');
    assert.strictEqual(principalOf(record({ userIdentity: { type: 'AWSService', invokedBy: 'connect.amazonaws.com' } })), 'connect.amazonaws.com');
    assert.strictEqual(principalOf(record({ userIdentity: null })), 'unknown');
    assert.strictEqual(principalOf(7), 'unknown');
    const m = principalMatcher(['arn:aws:iam::111122223333:role/ConnectAdmin']);
    assert.strictEqual(m(record({ userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/x' } })), true);
    assert.strictEqual(m(record({ userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/ConnectAdminX/x' } })), false);
    assert.strictEqual(m(record({ userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/connectadmin/x' } })), false, 'ARNs compare case-sensitively');
  });
});
