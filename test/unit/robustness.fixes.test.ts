/**
 * Quick-fixes and "fix all" on hostile input: each test is a bug the fix properties
 * (test/property/fixes.property.test.ts) found, reduced to a minimal input, with the
 * expected text written by hand.
 */
import * as assert from 'assert';
import { lint, applyFix, DocumentKind, Finding } from '../../server/src/engine';
import { fixAllText } from '../../server/src/engine/assist/fixAll';
import { fixAll } from '../../server/src/cli/commands/lint';
import { findingsOf } from '../helpers/lint';

/** Runs fix all, counting lints: at most two passes that change the text, then one that finds nothing. */
function fixAllCounted(text: string, kind: DocumentKind): { out: string; lints: number } {
  let lints = 0;
  const out = fixAllText(text, (t) => {
    lints++;
    return lint(t, { kind }).findings;
  });
  return { out, lints };
}

function preferred(f: Finding) {
  return f.fixes?.find((x) => x.preferred);
}

describe('robustness: fixes on hostile input', () => {
  it('the CLI --fix and the editor run the same fix-all function', () => {
    assert.strictEqual(fixAll, fixAllText);
  });

  it('fix all: "Version" inserted where "statement" is renamed goes in the same pass, and so does the fix for what the list holds (it is read as the list)', () => {
    const text = '{\n  "statement": [{"Effect":"Allow","Action":"connect:*","Resource":"*"}]\n}';
    const { out, lints } = fixAllCounted(text, 'identity');
    assert.strictEqual(
      out,
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect":"Allow","Action":"connect:*","Resource":"*"}, {"Sid": "DenyEmergencyAccessToken", "Effect": "Deny", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "*"}]\n}',
    );
    assert.strictEqual(lints, 2);
  });

  it('fix all: a fix removing two far-apart items leaves room for a fix between them', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["connect:*","connect:ListUsers","conect:CreateUser","connect:ListQueues"],"Resource":"*"}]}';
    // Pass 1 removes the two listed actions and corrects "conect"; pass 2 removes the action that correction made redundant.
    const { out, lints } = fixAllCounted(text, 'scp');
    assert.strictEqual(out, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["connect:*"],"Resource":"*"}]}');
    assert.strictEqual(lints, 3);
  });

  it('fix all: two rules removing neighbouring properties, the last one included, go in one pass (the two removals shared a comma)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*","Condition":{}}]}';
    const { out, lints } = fixAllCounted(text, 'trust');
    assert.strictEqual(out, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole"}]}');
    assert.strictEqual(lints, 2);
  });

  it('missing-version stays quiet when "Versions" is there to be renamed (fix all made two "Version" keys)', () => {
    const text = '{"Versions":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';
    assert.deepStrictEqual(findingsOf('missing-version', 'identity', text), []);
    assert.strictEqual(fixAllCounted(text, 'identity').out, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}');
  });

  it('empty-value: empty operator blocks go in one fix, with "Condition" when nothing else is left in it', () => {
    const only = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"StringEquals":{},"Bool":{}}}]}';
    const fixes = findingsOf('empty-value', 'identity', only).map((f) => preferred(f)!);
    assert.deepStrictEqual(fixes.map((f) => f.title), ['Remove "Condition"', 'Remove "Condition"']);
    assert.strictEqual(applyFix(only, fixes[0]), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}');
    const mixed = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"StringEquals":{},"Bool":{"aws:SecureTransport":"true"},"NumericLessThan":{}}}]}';
    const [f] = findingsOf('empty-value', 'identity', mixed);
    assert.strictEqual(preferred(f)!.title, 'Remove the 2 empty operator blocks');
    assert.strictEqual(applyFix(mixed, preferred(f)!), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}');
  });

  it('empty-value: every empty item of a list goes in one fix (one each overlapped at the end of the list)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["","connect:ListUsers",""],"Resource":"*"}]}';
    const [f] = findingsOf('empty-value', 'identity', text);
    assert.strictEqual(preferred(f)!.title, 'Remove the 2 empty items');
    assert.strictEqual(applyFix(text, preferred(f)!), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["connect:ListUsers"],"Resource":"*"}]}');
  });

  it('duplicate-sid renumbers an invalid Sid into a valid one (it proposed "deny-x2", which invalid-sid then rejected)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"deny-x","Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"},{"Sid":"deny-x","Effect":"Deny","Action":"connect:DeleteUser","Resource":"*"}]}';
    const [f] = findingsOf('duplicate-sid', 'identity', text);
    assert.strictEqual(preferred(f)!.title, 'Change to "DenyX2"');
    assert.strictEqual(fixAllCounted(text, 'identity').out, text.replace('"deny-x"', '"DenyX"').replace('"deny-x"', '"DenyX2"'));
  });

  it('invalid-type quotes a numeric Sid as a valid Sid ("1.5" was then an invalid-sid finding)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":1.5,"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';
    const [f] = findingsOf('invalid-type', 'identity', text);
    assert.strictEqual(preferred(f)!.title, 'Change to "15"');
    assert.strictEqual(applyFix(text, preferred(f)!), text.replace('1.5', '"15"'));
    const whole = '{"Version":"2012-10-17","Statement":[{"Sid":7,"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';
    assert.strictEqual(preferred(findingsOf('invalid-type', 'identity', whole)[0])!.title, 'Quote the Sid');
  });

  it('unknown-element: a misspelt statement list is read as the list, so its statements\' misspelt keys are renamed in the same pass', () => {
    const text = '{"Version":"2012-10-17","statement":[{"effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';
    assert.deepStrictEqual(findingsOf('unknown-element', 'identity', text).map((f) => preferred(f)!.title), ['Rename to "Statement"', 'Rename to "Effect"']);
    const { out, lints } = fixAllCounted(text, 'identity');
    assert.strictEqual(out, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}');
    assert.strictEqual(lints, 2);
  });

  it('unknown-element never renames to an element the kind refuses ("source" to "Resource" in a trust policy, which principal-shape then removed)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole","source":"*"}]}';
    const [f] = findingsOf('unknown-element', 'trust', text);
    assert.strictEqual(f.fixes, undefined);
    assert.ok(!/Resource/.test(f.message), f.message);
  });

  it('principal-not-allowed removes a repeated "Principal" with the first (the repeat became the same finding)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Principal":"*","Effect":"Deny","Principal":"*","Action":"connect:DeleteInstance","Resource":"*"}]}';
    const [f] = findingsOf('principal-not-allowed', 'scp', text);
    assert.strictEqual(applyFix(text, preferred(f)!), '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"}]}');
  });

  it('json-syntax: a run of commas before a bracket is one finding and one fix', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["connect:ListUsers",,],"Resource":"*"}]}';
    const comma = text.indexOf(',,');
    const [f] = findingsOf('json-syntax', 'identity', text).filter((x) => x.message.startsWith('Trailing comma'));
    assert.deepStrictEqual([f.offset, f.length], [comma, 2]);
    assert.strictEqual(applyFix(text, preferred(f)!), text.replace(',,]', ']'));
  });

  it('json-syntax: a comma before a bracket of the wrong kind is no trailing comma (removing it fixed nothing)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers",]}]}';
    const findings = findingsOf('json-syntax', 'identity', text);
    assert.ok(findings.length > 0);
    assert.deepStrictEqual(findings.filter((f) => f.message.startsWith('Trailing comma')), []);
    const array = '{"Records":[{"eventVersion":"1.11"},]}';
    assert.deepStrictEqual(findingsOf('json-syntax', 'cloudtrail', array).map((f) => [f.offset, f.message.slice(0, 14)]), [[array.indexOf(',]'), 'Trailing comma']]);
  });

  it('json-syntax: a comment that commented out a bracket gets no removal fix; one that did not, does', () => {
    const cut = '{\n  "Version": "2012-10-17",\n  // "Statement": [\n    {"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}\n  ]\n}';
    const [c] = findingsOf('json-syntax', 'identity', cut).filter((f) => f.message.startsWith('Comments'));
    assert.strictEqual(c.fixes, undefined);
    const note = '{\n  "Version": "2012-10-17", // keep [this] note\n  "Statement": []\n}';
    const [n] = findingsOf('json-syntax', 'identity', note).filter((f) => f.message.startsWith('Comments'));
    assert.strictEqual(applyFix(note, preferred(n)!), '{\n  "Version": "2012-10-17", \n  "Statement": []\n}');
  });

  it('json-syntax: a text of only comments is empty as well (removing the comment turned one finding into another)', () => {
    const text = '\ufeff// nothing yet';
    assert.deepStrictEqual(findingsOf('json-syntax', 'cloudtrail', text).map((f) => [f.offset, f.length, f.message.slice(0, 22)]), [
      [0, 0, 'The document is empty:'],
      [1, 14, 'Comments are not allowe'.slice(0, 22)],
    ]);
  });

  it('redundant-action removes every copy of a covered action, and prefers removing all redundant items at once', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*:*","ds:*","ds:*"],"Resource":"*"}]}';
    const [first] = findingsOf('redundant-action', 'identity', text);
    assert.deepStrictEqual(first.fixes!.map((x) => [x.title, !!x.preferred]), [['Remove the 2 redundant items', true], ['Remove "ds:*"', false]]);
    const once = text.replace(',"ds:*","ds:*"', '');
    assert.strictEqual(applyFix(text, first.fixes![0]), once);
    assert.strictEqual(applyFix(text, first.fixes![1]), once);
  });

  it('redundant-resource shares the fixes: the preferred one removes every redundant ARN of the list', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:DescribeUser","Resource":["arn:aws:connect:eu-west-2:111122223333:instance/i-1/*","arn:aws:connect:eu-west-2:111122223333:instance/i-1/agent/a","arn:aws:connect:eu-west-2:111122223333:instance/i-1/agent/b"]}]}';
    const findings = findingsOf('redundant-resource', 'identity', text);
    assert.strictEqual(findings.length, 2);
    assert.strictEqual(preferred(findings[1])!.title, 'Remove the 2 redundant items');
    assert.strictEqual(applyFix(text, preferred(findings[1])!), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:DescribeUser","Resource":["arn:aws:connect:eu-west-2:111122223333:instance/i-1/*"]}]}');
  });

  it('endpoint-connect-no-privatelink removes every copy of the action (only the first copy is reported)', () => {
    const text = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":["connect:ListUsers","kms:Decrypt","connect:ListUsers"],"Resource":"*"}]}';
    const [f] = findingsOf('endpoint-connect-no-privatelink', 'endpoint', text);
    assert.strictEqual(applyFix(text, preferred(f)!), text.replace('"connect:ListUsers","kms:Decrypt","connect:ListUsers"', '"kms:Decrypt"'));
  });

  it('no structural fix inside a broken object or array (appending after "[[nu" landed inside the broken value)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":[[nu';
    for (const f of lint(text, { kind: 'endpoint' }).findings) {
      if (f.rule === 'json-syntax') continue;
      assert.strictEqual(f.fixes, undefined, `${f.rule} offers ${JSON.stringify(f.fixes)}`);
    }
    assert.ok(findingsOf('endpoint-open-principal', 'endpoint', text).length > 0);
    // A rename is one string for another, safe whatever surrounds it.
    const renamed = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actoin":"connect:ListUsers","Resource":"*"}, {]}';
    const [u] = findingsOf('unknown-element', 'identity', renamed);
    assert.strictEqual(applyFix(renamed, preferred(u)!), renamed.replace('"Actoin"', '"Action"'));
  });

  it('condition-operator: a misspelt String operator over wildcard values becomes the Like operator in one fix', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"StringEqual":{"aws:PrincipalTag/team":"ops-*"}}}]}';
    const [f] = findingsOf('condition-operator', 'identity', text);
    assert.strictEqual(applyFix(text, preferred(f)!), text.replace('"StringEqual"', '"StringLike"'));
  });

  it('condition-operator: a misspelt String operator on a typed key becomes the typed operator in one fix', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:*","Resource":"*","Condition":{"StringEqual":{"aws:SourceIp":"203.0.113.0/24"}}}]}';
    const [f] = findingsOf('condition-operator', 'identity', text);
    assert.strictEqual(applyFix(text, preferred(f)!), text.replace('"StringEqual"', '"IpAddress"'));
  });

  it('unknown-service-prefix: the preferred fix also corrects an action name that is wrong under the new prefix', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"conect:DeleteInstances","Resource":"*"}]}';
    const [f] = findingsOf('unknown-service-prefix', 'scp', text);
    assert.strictEqual(preferred(f)!.title, 'Change to "connect:DeleteInstance"');
    assert.strictEqual(applyFix(text, preferred(f)!), text.replace('conect:DeleteInstances', 'connect:DeleteInstance'));
  });

  it('invalid-characters: a backslash before an astral character does not split it (the fix deleted half of the pair)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"a\\\u{10000}b","Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';
    const pair = text.indexOf('\u{10000}');
    const [f] = findingsOf('invalid-characters', 'identity', text);
    assert.deepStrictEqual([f.offset, f.length, f.fixes![0].edits], [pair, 2, [{ offset: pair, length: 2, content: '' }]]);
  });

  it('fix all: a misspelt key is read as the element it will be renamed to, so its value is corrected in the same pass (statements made equal then go in the second)', () => {
    // "Actions" hid the unknown action until renamed: rename, then the action, then the repeated statement took three passes.
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"},{"Effect":"Deny","Actions":"connect:DeleteInstances","Resource":"*"}]}';
    assert.deepStrictEqual(findingsOf('unknown-action', 'scp', text).map((f) => preferred(f)!.title), ['Change to "DeleteInstance"']);
    const { out, lints } = fixAllCounted(text, 'scp');
    assert.strictEqual(out, '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"}]}');
    assert.strictEqual(lints, 3);
    // The same through a misspelt statement list.
    const list = '{"Version":"2012-10-17","Statemen":[{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"},{"Effect":"Deny","Action":"connect:DeleteInstances","Resource":"*"}]}';
    const viaList = fixAllCounted(list, 'scp');
    assert.strictEqual(viaList.out, '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"}]}');
    assert.strictEqual(viaList.lints, 3);
  });

  it('fix all: a misspelt "principal" and the misspelt principal type inside it are fixed with the SAML action in one pass', () => {
    // Was: rename "principal", then "federated", then the action the SAML provider needs.
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","principal":{"federated":"arn:aws:iam::111122223333:saml-provider/Corp"},"Action":"sts:AssumeRole"}]}';
    const { out, lints } = fixAllCounted(text, 'trust');
    assert.strictEqual(out, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/Corp"},"Action":"sts:AssumeRoleWithSAML"}]}');
    assert.strictEqual(lints, 2);
  });

  it('fix all: a condition operator renamed to a taken name replaces an empty block of that name or moves its keys into it', () => {
    // Was: "StringLike" taken by the empty block until empty-value removed it, and "StringEquals" until that block became StringLike.
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"stringequals":{"aws:PrincipalTag/Team":"a"},"StringLike":{},"StringEquals":{"aws:ResourceTag/Team":"b*"}}}]}';
    const titles = findingsOf('condition-operator', 'identity', text).map((f) => preferred(f)!.title);
    assert.deepStrictEqual(titles, ['Move the keys of "stringequals" into "StringEquals"', 'Change "StringEquals" to "StringLike"']);
    const { out, lints } = fixAllCounted(text, 'identity');
    assert.strictEqual(out, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*","Condition":{"StringLike":{"aws:ResourceTag/Team":"b*","aws:PrincipalTag/Team":"a"}}}]}');
    assert.strictEqual(lints, 2);
  });

  it('principal-shape removes a repeated "Resource" of a trust policy with the first (the repeat became the same finding)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"e","Resource":"*"}]}';
    const [f] = findingsOf('principal-shape', 'trust', text);
    assert.strictEqual(applyFix(text, preferred(f)!), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole"}]}');
  });

  it('json-syntax on CloudTrail: removing a comment that holds an unterminated string reduces the syntax findings (the scanner let the string run past "}" when it re-scanned the object)', () => {
    const text = '{"a": {\n// "x\n},\n"b": "c"\n]\n}';
    // The object is one malformed record up to "]" (brackets are not matched by type), "}" another.
    const found = (t: string) => findingsOf('json-syntax', 'cloudtrail', t).map((f) => [f.offset, f.length, f.message]);
    assert.deepStrictEqual(found(text), [
      [8, 5, 'Comments are not allowed: IAM rejects JSON with comments.'],
      [26, 1, 'Comma expected.'],
      [27, 0, 'Value expected.'],
      [28, 1, 'Value expected.'],
    ]);
    const [comment] = findingsOf('json-syntax', 'cloudtrail', text);
    const fixed = applyFix(text, preferred(comment)!);
    assert.strictEqual(fixed, '{"a": {\n\n},\n"b": "c"\n]\n}');
    assert.deepStrictEqual(found(fixed), [[21, 1, 'Comma expected.'], [22, 0, 'Value expected.'], [23, 1, 'Value expected.']]);
  });
});
