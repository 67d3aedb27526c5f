import * as assert from 'assert';
import { isRegionCode } from '../../server/src/engine/rules/iam/arnProblems';

describe('arnProblems: isRegionCode', () => {
  it('accepts letters, letter groups and a 1- or 2-digit number', () => {
    for (const r of ['eu-west-2', 'us-gov-west-1', 'eusc-de-east-1', 'ap-southeast-12', 'il-central-1']) assert.strictEqual(isRegionCode(r), true, r);
  });
  it('refuses everything else', () => {
    for (const r of ['', 'eu', 'eu-2', 'eu-west', 'eu-west-', '-west-2', 'e-west-2', 'abcde-west-2', 'eu--2', 'eu-west-123', 'eu-west-2a', 'EU-west-2', 'eu-West-2', 'eu-w3st-2', 'eu-west-2\n', 'eu_west-2', 'eu-west-٢'])
      assert.strictEqual(isRegionCode(r), false, JSON.stringify(r));
  });
});
