import { DocumentKind, Severity } from './types';

export type RuleSetting = Severity | 'off';

/** CloudTrail analysis options (used by the ct-* rules). */
export interface CloudTrailSettings {
  /** ARN patterns (IAM wildcards) or role session names of approved administrators. */
  adminPrincipals: string[];
  /** CIDR ranges calls are expected from (IPv4/IPv6). Empty: not checked. */
  allowedCidrs: string[];
  /** VPC endpoint ids calls are expected through. Empty: not checked. */
  allowedVpcEndpoints: string[];
}

/** Everything a lint run may be told; the engine never reads settings from anywhere else. */
export interface EngineSettings {
  /** Per-rule severity or off, by rule name. */
  rules: Record<string, RuleSetting>;
  cloudtrail: CloudTrailSettings;
  /** Role trust policy length quota (default 2,048; can be raised to 4,096). */
  trustPolicyQuota?: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  rules: {},
  cloudtrail: { adminPrincipals: [], allowedCidrs: [], allowedVpcEndpoints: [] },
};

/** The `.connectguard.json` file (schema: schemas/connectguard.schema.json). */
export interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  /** Glob (relative to the config file) -> kind. */
  kinds?: Record<string, DocumentKind>;
  ignore?: string[];
  cloudtrail?: Partial<CloudTrailSettings>;
  trustPolicyQuota?: number;
}

export function mergeSettings(base: EngineSettings, file: ConfigFile | undefined): EngineSettings {
  if (!file) return base;
  return {
    rules: { ...base.rules, ...(file.rules ?? {}) },
    cloudtrail: { ...base.cloudtrail, ...(file.cloudtrail ?? {}) },
    trustPolicyQuota: file.trustPolicyQuota ?? base.trustPolicyQuota,
  };
}
