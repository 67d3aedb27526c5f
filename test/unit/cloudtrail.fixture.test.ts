import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/engine';

const DIR = path.join(__dirname, '../../../test/fixtures/cloudtrail');
const DELIVERED = '111122223333_CloudTrail_eu-west-2_20261001T1005Z_Qx7Lm2Np9Rt4Vw8Y.json';

/** A morning in a Connect account (written for these tests): what an auditor must be shown, and nothing else. */
const EXPECTED = [
  'ct-sensitive-connect-call warning CreateUser',
  'ct-no-mfa warning UpdateUserSecurityProfiles',
  'ct-sensitive-connect-call warning UpdateUserSecurityProfiles',
  'ct-access-denied-probing error ListUsers',
  'ct-root-activity error ListInstances',
  'ct-emergency-access error AdminGetEmergencyAccessToken',
  'ct-sensitive-connect-call error AdminGetEmergencyAccessToken',
  'ct-sensitive-connect-call warning UpdateDomain',
];

function summary(file: string): string[] {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const { findings, kind } = lint(text, { fileName: path.join(DIR, file) });
  assert.strictEqual(kind, 'cloudtrail');
  for (const f of findings) assert.strictEqual(text.substr(f.offset, f.length), JSON.stringify(f.data?.eventName), `${f.rule} points at the eventName value`);
  return findings.map((f) => `${f.rule} ${f.severity} ${f.data?.eventName}`);
}

describe('CloudTrail fixture: a morning in a Connect account', () => {
  it('the delivered file: sign-in, IAM CreateUser, Insights and service events raise nothing; the rest is reported on its eventName', () => {
    assert.deepStrictEqual(summary(DELIVERED), EXPECTED);
  });

  it('the same records as JSON Lines give the same findings', () => {
    assert.deepStrictEqual(summary('connect-admin-day.jsonl'), EXPECTED);
  });
});
