import * as assert from 'assert';
import { expectFindings, expectNone, at } from '../helpers/lint';
import { record, log, assumedRole } from './cloudtrail.fixtures';

const RULE = 'ct-access-denied-probing';
const denied = (eventName: string, role = 'FlowDeveloper', session = 'sam.dev', eventSource = 'connect.amazonaws.com') =>
  record({ eventName, eventSource, userIdentity: assumedRole(role, session), errorCode: 'AccessDeniedException', errorMessage: `not authorized to perform: connect:${eventName}` });

describe(RULE, () => {
  it('aggregates per principal: one finding on the first denied call, with the count and a related location for each', () => {
    const text = log(denied('ListUsers'), record({ eventName: 'DescribeUser' }), denied('ListSecurityProfiles'), denied('ListUsers'), denied('ListQueues', 'Other', 'kim'));
    const got = expectFindings(RULE, 'cloudtrail', text, 'warning', [at(text, '"ListUsers"'), at(text, '"ListQueues"')]);
    assert.strictEqual(got[0].data?.count, 3);
    assert.strictEqual(got[0].data?.principal, 'arn:aws:sts::111122223333:assumed-role/FlowDeveloper/sam.dev');
    assert.deepStrictEqual(got[0].related?.map((r) => ({ offset: r.offset, length: r.length })), [at(text, '"ListUsers"'), at(text, '"ListSecurityProfiles"'), at(text, '"ListUsers"', 1)]);
    assert.ok(got[0].message.includes('denied 3 Connect calls on 2 APIs (connect:ListUsers (2), connect:ListSecurityProfiles)'), got[0].message);
    assert.strictEqual(got[1].data?.count, 1);
  });

  it('raises to an error when one principal is denied on five or more APIs (enumeration)', () => {
    const text = log(...['ListUsers', 'ListQueues', 'ListRoutingProfiles', 'ListSecurityProfiles', 'ListPhoneNumbers'].map((n) => denied(n)));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"ListUsers"')]);
  });

  it('is silent for other errors, successful calls and denials outside the Connect family', () => {
    const text = log(
      record({ eventName: 'DescribeUser', errorCode: 'ResourceNotFoundException' }),
      record({ eventName: 'ListUsers' }),
      denied('GetObject', 'FlowDeveloper', 'sam.dev', 's3.amazonaws.com'),
    );
    expectNone(RULE, 'cloudtrail', text);
  });
});
