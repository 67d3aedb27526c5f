import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

const RULE = 'oidc-trust-condition';
const GITHUB = '"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"';
const trust = (federated: string, condition?: string, effect = 'Allow') =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "${effect}",\n    "Principal": { "Federated": ${federated} },\n    "Action": "sts:AssumeRoleWithWebIdentity"${condition ? `,\n    "Condition": ${condition}` : ''}\n  }]\n}`;

describe('oidc-trust-condition', () => {
  it('warns at an OIDC provider with no condition on its claims (ARN and domain forms)', () => {
    const text = trust('["arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/ABC", "cognito-identity.amazonaws.com"]');
    const f = expectFindings(RULE, 'trust', text, 'warning', [
      at(text, '"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/ABC"'),
      at(text, '"cognito-identity.amazonaws.com"'),
    ]);
    assert.match(f[0].message, /oidc\.eks\.eu-west-2\.amazonaws\.com\/id\/ABC:aud/);
  });
  it('does not count negated, Null or ForAllValues conditions, or another provider\'s claims, as pinning', () => {
    const text = trust('"cognito-identity.amazonaws.com"', '{ "StringNotEquals": { "cognito-identity.amazonaws.com:aud": "x" }, "Null": { "cognito-identity.amazonaws.com:sub": "false" }, "ForAllValues:StringEquals": { "cognito-identity.amazonaws.com:amr": "authenticated" }, "StringEquals": { "accounts.google.com:aud": "x" } }');
    expectFindings(RULE, 'trust', text, 'warning', [at(text, '"cognito-identity.amazonaws.com"')]);
  });
  it('is silent when a claim of the provider is pinned (key case ignored), for SAML providers and for Deny', () => {
    expectNone(RULE, 'trust', trust('"cognito-identity.amazonaws.com"', '{ "StringEquals": { "Cognito-Identity.amazonaws.com:aud": "eu-west-2:1111" } }'));
    expectNone(RULE, 'trust', trust('"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/ABC"', '{ "StringEquals": { "oidc.eks.eu-west-2.amazonaws.com/id/ABC:sub": "system:serviceaccount:ns:app" } }'));
    expectNone(RULE, 'trust', trust('"arn:aws:iam::111122223333:saml-provider/CorpIdP"'));
    expectNone(RULE, 'trust', trust('"cognito-identity.amazonaws.com"', undefined, 'Deny'));
  });
  it('warns when the GitHub provider has no sub condition, even with aud pinned', () => {
    const text = trust(GITHUB, '{ "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }');
    const [f] = expectFindings(RULE, 'trust', text, 'warning', [at(text, GITHUB)]);
    assert.match(f.message, /any GitHub repository/);
    const none = trust(GITHUB);
    expectFindings(RULE, 'trust', none, 'warning', [at(none, GITHUB)]);
  });
  it('warns at each wildcard value of the GitHub sub claim', () => {
    const text = trust(GITHUB, '{ "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": ["repo:example-org/*", "repo:example-org/flows:ref:refs/heads/main", "repo:example-org/app:ref:refs/heads/release-?"] } }');
    expectFindings(RULE, 'trust', text, 'warning', [at(text, '"repo:example-org/*"'), at(text, '"repo:example-org/app:ref:refs/heads/release-?"')]);
  });
  it('is silent for a GitHub sub pinned exactly', () => {
    expectNone(RULE, 'trust', trust(GITHUB, '{ "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:example-org/flows:ref:refs/heads/main" } }'));
  });
  it('reports a set qualifier on the aud claim as information, at the operator', () => {
    const text = trust('"cognito-identity.amazonaws.com"', '{ "ForAnyValue:StringEquals": { "cognito-identity.amazonaws.com:aud": "eu-west-2:1111" }, "ForAllValues:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } }');
    const [f] = expectFindings(RULE, 'trust', text, 'info', [at(text, '"ForAnyValue:StringEquals"')]);
    assert.match(f.message, /Confirm that this provider sends "aud" as a list/);
    expectNone(RULE, 'trust', trust('"cognito-identity.amazonaws.com"', '{ "StringEquals": { "cognito-identity.amazonaws.com:aud": "eu-west-2:1111" } }'));
  });
});
