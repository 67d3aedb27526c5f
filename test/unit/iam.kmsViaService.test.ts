import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'kms-via-service';
const DOMAIN = 'arn:aws:voiceid:eu-west-2:111122223333:domain/UrXhGpC6GHWJdDmtXYPCuF';
const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "AWS": "arn:aws:iam::111122223333:role/ConnectAdmin" },\n    "Action": ["kms:Decrypt", "kms:GenerateDataKey"],\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('kms-via-service', () => {
  it('reports a service principal without Region, and inserts the Region the policy names', () => {
    const text = policy(`{ "StringEquals": { "kms:ViaService": "voiceid.amazonaws.com", "kms:EncryptionContext:aws:voiceid:domain:arn": "${DOMAIN}" } }`);
    const [f] = expectFindings(RULE, 'resource', text, 'error', [at(text, '"voiceid.amazonaws.com"')]);
    assert.match(f.message, /voiceid\.<region>\.amazonaws\.com/);
    const fixed = expectFixRoundTrip(RULE, 'resource', text);
    assert.ok(fixed.includes('"kms:ViaService": "voiceid.eu-west-2.amazonaws.com"'), fixed);
  });
  it('offers no fix when no single Region is named', () => {
    const text = policy('{ "StringEquals": { "kms:ViaService": "voiceid.amazonaws.com" } }');
    const [f] = expectFindings(RULE, 'resource', text, 'error', [at(text, '"voiceid.amazonaws.com"')]);
    assert.strictEqual(f.fixes, undefined);
  });
  it('reports other shapes and an encryption context value that is not a domain ARN', () => {
    const text = policy('{ "StringEquals": { "kms:ViaService": ["voiceid", "voiceid.eu-west-2.amazon.com"], "kms:EncryptionContext:aws:voiceid:domain:arn": "arn:aws:voiceid:eu-west-2:111122223333:UrXhGpC6GHWJdDmtXYPCuF" } }');
    expectFindings(RULE, 'resource', text, 'error', [at(text, '"voiceid"'), at(text, '"voiceid.eu-west-2.amazon.com"'), at(text, '"arn:aws:voiceid:eu-west-2:111122223333:UrXhGpC6GHWJdDmtXYPCuF"')]);
  });
  it('checks identity policies too', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:eu-west-2:111122223333:key/k","Condition":{"StringEquals":{"kms:ViaService":"voiceid.amazonaws.com"}}}]}';
    expectFindings(RULE, 'identity', text, 'error', [at(text, '"voiceid.amazonaws.com"')]);
    const fixed = expectFixRoundTrip(RULE, 'identity', text);
    assert.ok(fixed.includes('"voiceid.eu-west-2.amazonaws.com"'), fixed);
  });
  it('is silent on Regional endpoints, China endpoints, wildcards and domain ARNs', () => {
    expectNone(RULE, 'resource', policy(`{ "StringEquals": { "kms:ViaService": ["voiceid.eu-west-2.amazonaws.com", "connect.cn-north-1.amazonaws.com.cn"], "kms:EncryptionContext:aws:voiceid:domain:arn": "${DOMAIN}" }, "StringLike": { "kms:ViaService": "voiceid.*.amazonaws.com" } }`));
  });
});
