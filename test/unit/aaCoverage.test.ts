import * as assert from 'assert';
import { lint, DocumentKind } from '../../server/src/engine';
import { RULES } from '../../server/src/engine/registry';

/*
 * The audit behind docs/dev/aa-coverage.md: for each IAM Access Analyzer check, a small policy
 * that should trigger it, and the rule expected to report it (written by hand from
 * ../shared/AA-CHECKS.md and the rule docs; '-' where no rule covers the check).
 */
type Probe = [check: string, kind: DocumentKind, rule: string, text: string, what: string];

const V='"Version":"2012-10-17"';
const P = (...s: string[]) =>`{${V},"Statement":[${s.join(',')}]}`;
const I = (extra?: string) =>`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"${extra||''}}`;
const R = (extra?: string, pr ='{"AWS":"arn:aws:iam::111122223333:root"}')=>`{"Effect":"Allow","Principal":${pr},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"${extra||''}}`;
const T = (pr: string, act ='"sts:AssumeRole"',extra = '') =>P(`{"Effect":"Allow","Principal":${pr},"Action":${act}${extra}}`);
const C = (c: string) =>`,"Condition":${c}`;
const OIDC='{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}';
/** [AA check, document kind, our rule or '-' (not covered), probe text, what the probe holds]. */
export const PROBES: Probe[] = [
['ARN account not allowed','identity','invalid-arn',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3::111122223333:b/*"}`),'s3 ARN with account'],
['ARN Region not allowed','identity','invalid-arn',P(`{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam:eu-west-2:111122223333:role/R"}`),'iam ARN with Region'],
['Data type mismatch','identity','invalid-type',`{"Version":20121017,"Statement":[${I()}]}`,'"Version": number'],
['Duplicate keys with different case','identity','duplicate-key',P(I(C('{"StringEquals":{"aws:PrincipalTag/a":"x","AWS:principaltag/a":"y"}}'))),'aws:PrincipalTag/a twice, case differs'],
['Invalid action','identity','unknown-action',P(`{"Effect":"Allow","Action":"connect:DescribeUsr","Resource":"*"}`),'connect:DescribeUsr'],
['Invalid ARN account','identity','invalid-arn',P(`{"Effect":"Allow","Action":"connect:DescribeInstance","Resource":"arn:aws:connect:eu-west-2:1111:instance/x"}`),'account "1111"'],
['Invalid ARN prefix','identity','invalid-arn',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"aws:s3:::b/*"}`),'"aws:s3:::b/*"'],
['Invalid ARN Region','identity','invalid-arn',P(`{"Effect":"Allow","Action":"connect:DescribeInstance","Resource":"arn:aws:connect:eu-west2:111122223333:instance/x"}`),'Region "eu-west2" (shape only)'],
['Invalid ARN resource','identity','invalid-arn',P(`{"Effect":"Allow","Action":"connect:DescribeInstance","Resource":"arn:aws:connect:eu-west-2:111122223333:bogus/x"}`),'connect resource bogus/x'],
['Invalid ARN service case','identity','invalid-arn',P(`{"Effect":"Allow","Action":"connect:DescribeInstance","Resource":"arn:aws:Connect:eu-west-2:111122223333:instance/x"}`),'service "Connect"'],
['Invalid condition data type','identity','condition-operator',P(I(C('{"DateGreaterThan":{"aws:CurrentTime":true}}'))),'DateGreaterThan aws:CurrentTime true'],
['Invalid condition key format','identity','unknown-condition-key',P(I(C('{"StringEquals":{"nocolon":"x"}}'))),'key "nocolon"'],
['Invalid condition multiple Boolean','identity','condition-operator',P(I(C('{"Bool":{"aws:SecureTransport":["true","false"]}}'))),'Bool with ["true","false"]'],
['Invalid condition operator','identity','condition-operator',P(I(C('{"StringEqual":{"aws:username":"x"}}'))),'StringEqual'],
['Invalid effect','identity','invalid-effect',P(`{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"}`),'Effect "Permit"'],
['Invalid global condition key','identity','unknown-condition-key',P(I(C('{"StringEquals":{"aws:NoSuchKey":"x"}}'))),'aws:NoSuchKey'],
['Invalid partition','identity','invalid-arn',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws-mars:s3:::b/*"}`),'partition aws-mars'],
['Invalid policy element','identity','unknown-element',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Resources":"*"}`),'"Resources"'],
['Invalid principal format','resource','principal-shape',P(R('', '"arn:aws:iam::111122223333:root"')),'Principal bare ARN string'],
['Invalid principal key','resource','principal-shape',P(R('', '{"Aws":"111122223333"}')),'{"Aws": ...}'],
['Invalid Region','scp','condition-region',P(`{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"europe"}}}`),'aws:RequestedRegion "europe"'],
['Invalid service','identity','unknown-service-prefix',P(`{"Effect":"Allow","Action":"nosvc:Get","Resource":"*"}`),'nosvc:Get'],
['Invalid service','identity','unknown-condition-key',P(I(C('{"StringEquals":{"nosvc:Key":"x"}}'))),'condition key nosvc:Key'],
['Invalid service condition key','identity','unknown-condition-key',P(I(C('{"StringEquals":{"connect:NoSuchKey":"x"}}'))),'connect:NoSuchKey'],
['Invalid service in action','identity','unknown-service-prefix',P(`{"Effect":"Allow","Action":"conect:DescribeUser","Resource":"*"}`),'conect:DescribeUser'],
['Invalid variable for operator','identity','policy-variable',P(I(C('{"NumericEquals":{"aws:MultiFactorAuthAge":"${aws:username}"}}'))),'variable under NumericEquals'],
['Invalid version','identity','invalid-version',`{"Version":"2012-10-18","Statement":[${I()}]}`,'"2012-10-18"'],
['Json syntax error','identity','json-syntax','{"Version":"2012-10-17","Statement":[','truncated JSON'],
['Missing action','identity','missing-action',P(`{"Effect":"Allow","Resource":"*"}`),'no Action'],
['Missing ARN field','identity','invalid-arn',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3"}`),'"arn:aws:s3"'],
['Missing ARN Region','identity','invalid-arn',P(`{"Effect":"Allow","Action":"connect:DescribeInstance","Resource":"arn:aws:connect::111122223333:instance/x"}`),'connect ARN, empty Region'],
['Missing effect','identity','invalid-effect',P(`{"Action":"s3:GetObject","Resource":"*"}`),'no Effect'],
['Missing principal','resource','missing-principal',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`),'resource stmt, no Principal'],
['Missing qualifier','identity','condition-operator',P(I(C('{"StringEquals":{"aws:TagKeys":"Team"}}'))),'StringEquals aws:TagKeys'],
['Missing resource','identity','missing-resource',P(`{"Effect":"Allow","Action":"s3:GetObject"}`),'no Resource'],
['Missing statement','identity','missing-statement',`{${V}}`,'no Statement'],
['Null with if exists','identity','condition-operator',P(I(C('{"NullIfExists":{"aws:TokenIssueTime":"true"}}'))),'NullIfExists'],
['Unique Sids required','scp','duplicate-sid',P(`{"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}`,`{"Sid":"A","Effect":"Deny","Action":"ec2:*","Resource":"*"}`),'two Sid "A"'],
['Unsupported element combination','resource','action-and-notaction',P(R(',"NotPrincipal":{"AWS":"111122223333"}')),'Principal + NotPrincipal'],
['Unsupported global condition key','identity','unknown-condition-key',P(I(C('{"ArnEquals":{"aws:ARN":"arn:aws:iam::111122223333:role/R"}}'))),'aws:ARN'],
['Unsupported principal','identity','principal-not-allowed',P(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}`),'Principal in identity policy'],
['Unsupported Sid','identity','invalid-sid',P(`{"Sid":"my-sid","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`),'Sid "my-sid"'],
['Unsupported wildcard in principal','resource','principal-shape',P(R('', '{"AWS":"arn:aws:iam::111122223333:role/*"}')),'role/*'],
['Missing brace in variable','identity','policy-variable',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws:username"}`),'${aws:username'],
['Missing quote in variable','identity','policy-variable',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws:username, none}"}`),'default unquoted'],
['Unsupported space in variable','identity','policy-variable',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws: username}"}`),'space in name'],
['Empty variable','identity','policy-variable',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${}"}`),'${}'],
['Variable unsupported in element','identity','policy-variable',P(`{"Effect":"Allow","Action":"s3:\${aws:username}","Resource":"*"}`),'variable in Action'],
['Variable unsupported in version','identity','policy-variable',`{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws:username}"}]}`,'2008 + variable'],
['Private IP address','identity','condition-private-ip',P(I(C('{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}'))),'SourceIp 10.0.0.0/8'],
['Private NotIpAddress','identity','condition-private-ip',P(`{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}`),'NotIpAddress 10.0.0.0/8'],
['Policy size exceeds SCP quota','scp','policy-size',P(...Array.from({length:60},(_, i) =>`{"Sid":"S${i}","Effect":"Deny","Action":"connect:DeleteInstance","Resource":"arn:aws:connect:eu-west-2:111122223333:instance/${i}"}`)),'60 Deny statements (>5,120 chars)'],
['Invalid service principal format','resource','principal-shape',P(R('', '{"Service":"connect"}')),'Service "connect"'],
['Invalid service principal format','resource','kms-via-service',P(`{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"voiceid"}}}`),'kms:ViaService "voiceid"'],
['Missing tag key in condition','identity','unknown-condition-key',P(I(C('{"StringEquals":{"aws:ResourceTag":"x"}}'))),'aws:ResourceTag'],
['Invalid vpc format','endpoint','condition-vpc-format',P(`{"Effect":"Allow","Principal":"*","Action":"voiceid:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-12"}}}`),'aws:SourceVpc "vpc-12"'],
['Invalid vpce format','scp','condition-vpc-format',P(`{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-xyz"}}}`),'aws:SourceVpce "vpce-xyz"'],
['Federated principal not supported','resource','principal-shape',P(R('', '{"Federated":"cognito-identity.amazonaws.com"}')),'Federated in resource policy'],
['Unsupported action for condition key','identity','condition-key-not-applicable',P(`{"Effect":"Allow","Action":"connect:DescribeInstance","Resource":"*","Condition":{"StringEquals":{"connect:FlowType":"x"}}}`),'connect:FlowType on DescribeInstance'],
['Unsupported condition key for service principal','resource','-',P(`{"Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij","aws:SourceAccount":"111122223333"}}}`),'cloudfront + aws:PrincipalOrgID'],
['Role trust policy syntax error notprincipal','trust','principal-not-allowed',P(`{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}`),'NotPrincipal in trust'],
['Role trust policy unsupported wildcard in principal','trust','principal-shape',T('"*"'),'Principal "*"'],
['Role trust policy syntax error resource','trust','principal-shape',T('{"AWS":"111122223333"}','"sts:AssumeRole"',',"Resource":"*"'),'Resource in trust'],
['Missing action for condition key','trust','-',T('{"AWS":"111122223333"}','"sts:AssumeRole"',C('{"StringEquals":{"sts:SourceIdentity":"alice"}}')),'sts:SourceIdentity without sts:SetSourceIdentity'],
['Invalid federated principal syntax in role trust policy','trust','principal-shape',T('{"Federated":"arn:aws:iam::111122223333:user/x"}','"sts:AssumeRoleWithSAML"'),'Federated user ARN'],
['Mismatched action for principal','trust','principal-shape',T('{"Federated":"arn:aws:iam::111122223333:saml-provider/IdP"}'),'SAML provider + sts:AssumeRole'],
['Allow with NotPrincipal','endpoint','endpoint-open-principal',P(`{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"voiceid:*","Resource":"*"}`),'Allow + NotPrincipal'],
['ForAllValues with single valued key','identity','condition-operator',P(I(C('{"ForAllValues:StringEquals":{"aws:username":"x"}}'))),'ForAllValues aws:username'],
['Pass role with NotResource','identity','passrole-wildcard-resource',P(`{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::111122223333:role/Admin"}`),'PassRole + NotResource'],
['Pass role with star in action and NotResource','identity','passrole-wildcard-resource',P(`{"Effect":"Allow","Action":"iam:*","NotResource":"arn:aws:iam::111122223333:role/Admin"}`),'iam:* + NotResource'],
['Pass role with NotAction and NotResource','identity','passrole-wildcard-resource',P(`{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:iam::111122223333:role/Admin"}`),'NotAction s3:* + NotResource'],
['Pass role with star in resource','identity','passrole-wildcard-resource',P(`{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}`),'PassRole on *'],
['Pass role with star in action and resource','identity','passrole-wildcard-resource',P(`{"Effect":"Allow","Action":"iam:Pass*","Resource":"*"}`),'iam:Pass* on *'],
['Pass role with star in resource and NotAction','identity','passrole-wildcard-resource',P(`{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}`),'NotAction s3:* on *'],
['Missing paired condition keys','identity','condition-paired-keys',P(I(C('{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"}}'))),'aws:VpcSourceIp alone'],
['Deny with unsupported tag condition key for service','identity','condition-key-not-applicable',P(`{"Effect":"Deny","Action":["connect:DescribeUser","connect:ListInstances"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Team":"x"}}}`),'Deny ListInstances on aws:ResourceTag'],
['Deny NotAction with unsupported tag condition key for service','identity','condition-key-not-applicable',P(`{"Effect":"Deny","NotAction":"connect:DescribeUser","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Team":"x"}}}`),'Deny NotAction + aws:ResourceTag'],
['Restrict access to service principal','resource','service-principal-condition',P(R('', '{"Service":"connect.amazonaws.com"}')),'connect.amazonaws.com, no condition'],
['Missing condition key for oidc principal','trust','oidc-trust-condition',T('{"Federated":"arn:aws:iam::111122223333:oidc-provider/oidc.example.com"}','"sts:AssumeRoleWithWebIdentity"'),'OIDC, no condition'],
['Missing github repo condition key','trust','oidc-trust-condition',T(OIDC,'"sts:AssumeRoleWithWebIdentity"',C('{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}')),'GitHub OIDC, aud only'],
['Create SLR with NotResource','identity','service-linked-role-unscoped',P(`{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","NotResource":"arn:aws:iam::111122223333:role/x"}`),'CreateSLR + NotResource'],
['Create SLR with star in action and NotResource','identity','service-linked-role-unscoped',P(`{"Effect":"Allow","Action":"iam:Create*","NotResource":"arn:aws:iam::111122223333:role/x"}`),'iam:Create* + NotResource'],
['Create SLR with NotAction and NotResource','identity','service-linked-role-unscoped',P(`{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:iam::111122223333:role/x"}`),'NotAction + NotResource'],
['Create SLR with star in resource','identity','service-linked-role-unscoped',P(`{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"}`),'CreateSLR on *'],
['Create SLR with star in action and resource','identity','service-linked-role-unscoped',P(`{"Effect":"Allow","Action":"iam:Create*","Resource":"*"}`),'iam:Create* on *'],
['Create SLR with star in resource and NotAction','identity','service-linked-role-unscoped',P(`{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}`),'NotAction on *'],
['Deprecated global condition key','identity','unknown-condition-key',P(I(C('{"ArnEquals":{"aws:ARN":"arn:aws:iam::111122223333:role/R"}}'))),'aws:ARN'],
['Invalid date value','identity','condition-operator',P(I(C('{"DateLessThan":{"aws:CurrentTime":"1700000000"}}'))),'epoch date'],
['Invalid role reference','resource','principal-shape',P(R('', '{"AWS":"AROAABCDEFGHIJKLMNOP"}')),'AROA... id'],
['Invalid user reference','resource','principal-shape',P(R('', '{"AWS":"AIDAABCDEFGHIJKLMNOP"}')),'AIDA... id'],
['Missing version','identity','missing-version',`{"Statement":[${I()}]}`,'no Version'],
['Unique Sids recommended','identity','duplicate-sid',P(`{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`,`{"Sid":"A","Effect":"Allow","Action":"s3:PutObject","Resource":"*"}`),'two Sid "A"'],
['Wildcard without like operator','identity','condition-operator',P(I(C('{"StringEquals":{"aws:username":"a*"}}'))),'StringEquals "a*"'],
['Policy size exceeds identity policy quota','identity','policy-size',P(...Array.from({length:80},(_, i) =>`{"Sid":"S${i}","Effect":"Allow","Action":"connect:DescribeUser","Resource":"arn:aws:connect:eu-west-2:111122223333:instance/${i}/agent/*"}`)),'80 statements (>6,144 chars)'],
['Policy size exceeds resource policy quota','endpoint','policy-size',P(...Array.from({length:250},(_, i) =>`{"Sid":"S${i}","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"voiceid:DescribeDomain","Resource":"arn:aws:voiceid:eu-west-2:111122223333:domain/${i}"}`)),'250 statements (>20,480 chars)'],
['Type mismatch','identity','condition-operator',P(I(C('{"StringEquals":{"aws:MultiFactorAuthPresent":"true"}}'))),'StringEquals on Bool key'],
['Type mismatch Boolean','identity','condition-operator',P(I(C('{"Bool":{"aws:MultiFactorAuthPresent":"yes"}}'))),'Bool "yes"'],
['Type mismatch date','identity','condition-operator',P(I(C('{"DateLessThan":{"aws:CurrentTime":"tomorrow"}}'))),'"tomorrow"'],
['Type mismatch IP range','identity','condition-operator',P(I(C('{"IpAddress":{"aws:SourceIp":"300.1.1.1/8"}}'))),'"300.1.1.1/8"'],
['Type mismatch number','identity','condition-operator',P(I(C('{"NumericLessThan":{"aws:MultiFactorAuthAge":"ten"}}'))),'"ten"'],
['Type mismatch string','identity','condition-operator',P(I(C('{"BinaryEquals":{"aws:username":"%%%"}}'))),'BinaryEquals "%%%"'],
['Specific github repo and branch recommended','trust','oidc-trust-condition',T(OIDC,'"sts:AssumeRoleWithWebIdentity"',C('{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/*"}}')),'sub "repo:org/*"'],
['Policy size exceeds role trust policy quota','trust','policy-size',P(...Array.from({length:30},(_, i) =>`{"Sid":"S${i}","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/R${i}"},"Action":"sts:AssumeRole"}`)),'30 statements (>2,048 chars)'],
['Empty array action','identity','empty-value',P(`{"Effect":"Allow","Action":[],"Resource":"*"}`),'"Action": []'],
['Empty array condition','identity','empty-value',P(I(C('{"StringEquals":{"aws:username":[]}}'))),'key: []'],
['Empty array condition ForAllValues','identity','empty-value',P(I(C('{"ForAllValues:StringEquals":{"aws:TagKeys":[]}}'))),'ForAllValues key: []'],
['Empty array condition ForAnyValue','identity','empty-value',P(I(C('{"ForAnyValue:StringEquals":{"aws:TagKeys":[]}}'))),'ForAnyValue key: []'],
['Empty array condition IfExists','identity','empty-value',P(I(C('{"StringEqualsIfExists":{"aws:username":[]}}'))),'IfExists key: []'],
['Empty array principal','resource','empty-value',P(R('', '[]')),'"Principal": []'],
['Empty array resource','identity','empty-value',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":[]}`),'"Resource": []'],
['Empty object condition','identity','empty-value',P(I(C('{}'))),'"Condition": {}'],
['Empty object principal','resource','empty-value',P(R('', '{}')),'"Principal": {}'],
['Empty Sid value','identity','empty-value',P(`{"Sid":"","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`),'"Sid": ""'],
['Improve IP range','identity','condition-operator',P(I(C('{"IpAddress":{"aws:SourceIp":"203.0.113.5/24"}}'))),'203.0.113.5/24'],
['Null with qualifier','identity','condition-operator',P(I(C('{"ForAllValues:Null":{"aws:TagKeys":"true"}}'))),'ForAllValues:Null'],
['Private IP address subset','identity','condition-private-ip',P(I(C('{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}}'))),'mixed ranges'],
['Private NotIpAddress subset','identity','condition-private-ip',P(`{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}}}`),'mixed under NotIpAddress'],
['Redundant action','identity','redundant-action',P(`{"Effect":"Allow","Action":["connect:Describe*","connect:DescribeUser"],"Resource":"*"}`),'Describe* + DescribeUser'],
['Redundant condition value num','identity','condition-redundant-value',P(I(C('{"NumericLessThan":{"aws:MultiFactorAuthAge":["3600","7200"]}}'))),'NumericLessThan [3600, 7200]'],
['Redundant resource','identity','redundant-resource',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/x"]}`),'b/* + b/x'],
['Redundant statement','identity','redundant-statement',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`,`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`),'same statement twice'],
['Wildcard in service name','identity','wildcard-matches-nothing',P(`{"Effect":"Allow","Action":"connect*:Describe*","Resource":"*"}`),'connect*:Describe*'],
['Wildcard in service name','identity','wildcard-matches-nothing',P(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3*:::b/*"}`),'ARN service s3*'],
['Allow with unsupported tag condition key for service','identity','condition-key-not-applicable',P(`{"Effect":"Allow","Action":["connect:DescribeUser","connect:ListInstances"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Team":"x"}}}`),'Allow ListInstances on aws:ResourceTag'],
['Allow NotAction with unsupported tag condition key for service','identity','condition-key-not-applicable',P(`{"Effect":"Allow","NotAction":"connect:DescribeUser","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Team":"x"}}}`),'Allow NotAction + aws:ResourceTag'],
['Recommended condition key for service principal','resource','service-principal-condition',P(R(C('{"StringLike":{"aws:Referer":"x"}}'), '{"Service":"connect.amazonaws.com"}')),'aws:Referer only'],
['Redundant principal in role trust policy','trust','principal-shape',T('{"AWS":["arn:aws:iam::111122223333:role/R","arn:aws:sts::111122223333:assumed-role/R/s"]}'),'role R + assumed-role/R/s'],
['Confirm audience claim type','trust','oidc-trust-condition',T('{"Federated":"cognito-identity.amazonaws.com"}','"sts:AssumeRoleWithWebIdentity"',C('{"ForAnyValue:StringEquals":{"cognito-identity.amazonaws.com:aud":"eu-west-2:x"}}')),'ForAnyValue on :aud'],
['SCP syntax error action wildcard','scp','-',P(`{"Effect":"Deny","Action":"connect:*Instance","Resource":"*"}`),'connect:*Instance'],
['SCP syntax error allow condition','scp','-',P(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}`),'Allow + Condition'],
['SCP syntax error allow NotAction','scp','-',P(`{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}`),'Allow + NotAction'],
['SCP syntax error allow resource','scp','-',P(`{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b"}`),'Allow + specific Resource'],
['SCP syntax error NotResource','scp','-',P(`{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::b"}`),'NotResource'],
['SCP syntax error principal','scp','principal-not-allowed',P(`{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}`),'Principal in SCP'],
];

describe('Access Analyzer coverage probes (docs/dev/aa-coverage.md)', () => {
  for (const [check, kind, rule, text, what] of PROBES) {
    if (rule === '-') continue;
    it(`${check}: ${rule} reports ${what} (${kind})`, () => {
      const rules = lint(text, { kind }).findings.map((f) => f.rule);
      assert.ok(rules.includes(rule), `${rule} did not fire; got ${JSON.stringify([...new Set(rules)])}`);
    });
  }
  it('every check a rule lists in its accessAnalyzer metadata has a probe that the rule reports', () => {
    const probed = new Set(PROBES.filter((p) => p[2] !== '-').map((p) => `${p[2]}|${p[0]}`));
    const missing = RULES.flatMap((r) => (r.accessAnalyzer ?? []).filter((c) => !probed.has(`${r.name}|${c}`)).map((c) => `${r.name}: ${c}`));
    assert.deepStrictEqual(missing, []);
  });
});
