/** Amazon Connect instance ARN: arn:<partition>:connect:<region>:<account>:instance/<uuid>. */
export const INSTANCE_ARN = /^arn:(aws[a-z-]*):connect:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):instance\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface InstanceArnParts {
  partition: string;
  region: string;
  account: string;
  instanceId: string;
}

export function parseInstanceArn(arn: string): InstanceArnParts | undefined {
  const m = INSTANCE_ARN.exec(arn.trim());
  return m ? { partition: m[1], region: m[2], account: m[3], instanceId: m[4] } : undefined;
}

/** Why a typed value is not an instance ARN, for an input box; undefined when it is one. */
export function instanceArnProblem(value: string): string | undefined {
  const v = value.trim();
  if (parseInstanceArn(v)) return undefined;
  if (!v.startsWith('arn:')) return 'An ARN starts with "arn:", e.g. arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d-1111-2222-3333-444455556666';
  const parts = v.split(':');
  if (parts.length !== 6) return 'An instance ARN has six colon-separated parts: arn:partition:connect:region:account:instance/id';
  if (!/^aws[a-z-]*$/.test(parts[1])) return `Partition "${parts[1]}" is not aws, aws-cn or aws-us-gov`;
  if (parts[2] !== 'connect') return `Service is "${parts[2]}"; an Amazon Connect instance ARN has "connect"`;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(parts[3])) return `Region "${parts[3]}" is not a region code such as eu-west-2`;
  if (!/^\d{12}$/.test(parts[4])) return `Account "${parts[4]}" must be 12 digits`;
  return 'The resource must be instance/<instance id>, the id a lower-case UUID (Amazon Connect console: instance ARN)';
}
