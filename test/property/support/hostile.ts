/** Documents built to find prototype-pollution and plain-object lookup bugs. */

export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype'];

/** A policy with the three names as keys at every level and as values wherever a string goes. */
export function hostilePolicy(name: string): string {
  const k = JSON.stringify(name);
  return `{
  ${k}: {"polluted": true, "Effect": "Allow"},
  "Version": "2012-10-17",
  "Statement": [
    {
      ${k}: {"Action": "*"},
      "Sid": ${k},
      "Effect": "Allow",
      "Action": [${k}, "connect:${name}", "${name}:*", "${name}:${name}", "*:${name}"],
      "NotAction": "connect:${name}*",
      "Resource": ["arn:aws:connect:eu-west-2:111122223333:instance/${name}", "arn:aws:${name}:eu-west-2:111122223333:${name}/x"],
      "Principal": {${k}: "*", "AWS": ${k}, "Service": "${name}.amazonaws.com"},
      "Condition": {${k}: {${k}: ${k}}, "StringEquals": {${k}: "x", "aws:${name}": "x", "connect:${name}": "x", "aws:ResourceTag/${name}": "x"}, "ForAllValues:${name}": {"aws:TagKeys": [${k}]}}
    },
    ${k}
  ],
  "Id": {${k}: {${k}: {${k}: null}}}
}`;
}

export function hostileTrail(name: string): string {
  const k = JSON.stringify(name);
  return `{"Records": [{${k}: {"polluted": true}, "eventVersion": "1.11", "eventTime": "2026-10-01T09:15:00Z", "eventSource": "connect.amazonaws.com", "eventName": ${k},
    "userIdentity": {${k}: {"type": "Root"}, "type": ${k}, "arn": "arn:aws:iam::111122223333:${name}", "sessionContext": {${k}: 1, "attributes": {${k}: "true", "mfaAuthenticated": ${k}}}},
    "requestParameters": {${k}: {${k}: [${k}]}}, "sourceIPAddress": ${k}, "awsRegion": ${k}, "eventType": ${k}, "eventCategory": ${k}, "eventID": ${k}}, ${k}]}`;
}


/** Wildcards that make backtracking matchers exponential or quadratic. */
export const BLOWUP_PATTERNS = [
  'connect:*a*a*a*a*a*a*a*a*b',
  '*:*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b',
  `connect:${'?'.repeat(10_000)}`,
  `connect:${'*?'.repeat(5_000)}x`,
  `*:${'*a'.repeat(5_000)}b`,
  `${'*'.repeat(10_000)}:${'*'.repeat(10_000)}Z`,
  `connect:${'a'.repeat(100_000)}*`,
  `c*o*n*n*e*c*t*:*${'?*'.repeat(1_000)}`,
];
