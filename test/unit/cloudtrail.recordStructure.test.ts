import { expectFindings, expectNone, at } from '../helpers/lint';
import { record, log, assumedRole, compactLog, jsonLines } from './cloudtrail.fixtures';

const RULE = 'ct-record-structure';
const firstChar = (text: string, needle: string) => ({ offset: at(text, needle).offset, length: 1 });
const valueAfter = (text: string, keyAndColon: string, value: string) => ({ offset: at(text, keyAndColon + value).offset + keyAndColon.length, length: value.length });

describe(RULE, () => {
  it('is silent on well-formed records, unknown extra fields and nulls where AWS writes nulls', () => {
    const text = log(
      record({ requestParameters: null, responseElements: null, additionalEventData: null, errorMessage: null, someFutureField: { nested: [1, 2] } }),
      record({ eventVersion: '1.05', eventCategory: undefined }),
      record({ eventVersion: '1.99' }),
    );
    expectNone(RULE, 'cloudtrail', text);
  });

  it('accepts an Insights event without eventSource, eventName or userIdentity', () => {
    const insight = {
      eventVersion: '1.08', eventTime: '2026-10-01T10:00:00Z', awsRegion: 'eu-west-2', eventID: 'c1d2e3f4-aaaa-bbbb-cccc-EXAMPLEINS01', eventType: 'AwsCloudTrailInsight', recipientAccountId: '111122223333',
      sharedEventID: 'd2e3f4a5-aaaa-bbbb-cccc-EXAMPLEINS02', insightDetails: { state: 'Start', eventSource: 'connect.amazonaws.com', eventName: 'UpdateUserSecurityProfiles', insightType: 'ApiCallRateInsight' }, eventCategory: 'Insight',
    };
    expectNone(RULE, 'cloudtrail', log(insight));
  });

  it('flags a boolean mfaAuthenticated on its value (a string compare would miss it)', () => {
    const ui = assumedRole('ConnectAdmin', 'dana.ops');
    (ui.sessionContext as { attributes: Record<string, unknown> }).attributes.mfaAuthenticated = false;
    const text = log(record({ userIdentity: ui }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [valueAfter(text, '"mfaAuthenticated": ', 'false')]);
  });

  it('flags eventVersion with major version 2 and a non-version string', () => {
    const text = log(record({ eventVersion: '2.0' }), record({ eventVersion: 'v1' }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"2.0"'), at(text, '"v1"')]);
  });

  it('warns on the record\'s opening brace when a required field is missing', () => {
    const text = log(record({ userIdentity: undefined, requestID: undefined }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [firstChar(text, '{\n      "eventVersion"')]);
  });

  it('requires eventCategory from eventVersion 1.08', () => {
    const text = compactLog(record({ eventVersion: '1.11', eventCategory: undefined }));
    expectFindings(RULE, 'cloudtrail', text, 'warning', [firstChar(text, '{"eventVersion"')]);
  });

  it('reports unknown eventType, eventCategory and userIdentity.type as information', () => {
    const text = log(record({ eventType: 'AwsQuantumCall', eventCategory: 'Telepathy', userIdentity: { type: 'Hologram', arn: 'arn:aws:iam::111122223333:user/x' } }));
    expectFindings(RULE, 'cloudtrail', text, 'info', [at(text, '"Hologram"'), at(text, '"AwsQuantumCall"'), at(text, '"Telepathy"')]);
  });

  it('flags wrong types on the value: strings, booleans, objects, time format', () => {
    const text = log(record({ eventName: 42, readOnly: 'true', requestParameters: 'InstanceId=abc', eventTime: '01/10/2026 09:14' }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"01/10/2026 09:14"'), at(text, '42'), at(text, '"InstanceId=abc"'), valueAfter(text, '"readOnly": ', '"true"')]);
  });

  it('flags a record that is not an object, on the whole value', () => {
    const text = `{"Records": [${JSON.stringify(record())}, "not a record", 7]}`;
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"not a record"'), { offset: at(text, '7]').offset, length: 1 }]);
  });

  it('flags "Records" that is not an array', () => {
    const text = '{"Records": "s3://bucket/key"}';
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"s3://bucket/key"')]);
  });

  it('treats eventType "constructor" / "__proto__" as unknown values, not object members', () => {
    for (const v of ['constructor', '__proto__', 'toString']) {
      const text = compactLog(record({ eventType: v }));
      expectFindings(RULE, 'cloudtrail', text, 'info', [at(text, `"${v}"`)]);
    }
  });

  it('checks each JSON Lines record', () => {
    const text = jsonLines(record(), record({ eventVersion: '3.1' }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"3.1"')]);
  });
});
