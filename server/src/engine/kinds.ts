import { DocumentKind, KindSource, ALL_KINDS } from './types';
import { Node, properties, property, stringItems } from './json';

/**
 * File-name conventions (documented in README "Document kinds"). Matched on the base
 * name, case-insensitively; first match wins.
 */
export const FILE_NAME_CONVENTIONS: readonly { pattern: RegExp; kind: DocumentKind; example: string }[] = [
  { pattern: /\.scp\.json$/i, kind: 'scp', example: 'deny-delete.scp.json' },
  { pattern: /\.(vpce|endpoint)\.json$/i, kind: 'endpoint', example: 'voiceid.vpce.json' },
  { pattern: /\.trust\.json$/i, kind: 'trust', example: 'connect-admin.trust.json' },
  { pattern: /\.(resource|kms|key-policy|keypolicy)\.json$/i, kind: 'resource', example: 'voiceid-key.kms.json' },
  { pattern: /\.(identity|iam|boundary)\.json$/i, kind: 'identity', example: 'developer.identity.json' },
  { pattern: /\.(cloudtrail|trail)\.(json|jsonl)$/i, kind: 'cloudtrail', example: 'october.cloudtrail.json' },
  { pattern: /_CloudTrail(-Insight)?_[a-z0-9-]+_\d{8}T\d{4}Z_[A-Za-z0-9]+\.json(\.gz)?$/i, kind: 'cloudtrail', example: '111122223333_CloudTrail_eu-west-2_20261001T0000Z_a1b2c3.json.gz' },
  { pattern: /\.jsonl$/i, kind: 'cloudtrail', example: 'events.jsonl' },
];

export function kindFromFileName(fileName: string): DocumentKind | undefined {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? fileName;
  for (const c of FILE_NAME_CONVENTIONS) if (c.pattern.test(base)) return c.kind;
  return undefined;
}

export function isDocumentKind(s: string): s is DocumentKind {
  return (ALL_KINDS as readonly string[]).includes(s);
}

export interface KindGuess {
  kind: DocumentKind;
  /** Why, in words, for the `document-kind` finding. */
  reason: string;
}

/** Content-based guess. Never certain: a finding says so when it is used. */
export function guessKindFromContent(root: Node | undefined, text: string): KindGuess {
  if (root?.type === 'object') {
    if (property(root, 'Records')) return { kind: 'cloudtrail', reason: 'it has a "Records" array' };
    if (property(root, 'eventVersion') || property(root, 'eventName')) return { kind: 'cloudtrail', reason: 'it looks like a CloudTrail event record' };
    const st = property(root, 'Statement')?.value;
    const statements = st?.type === 'array' ? (st.children ?? []) : st ? [st] : [];
    let principal = false;
    let assumeRole = false;
    for (const s of statements) {
      for (const p of properties(s)) {
        if (p.name === 'Principal' || p.name === 'NotPrincipal') principal = true;
        if (p.name === 'Action') for (const a of stringItems(p.value)) if (/^sts:AssumeRole/i.test(a.value)) assumeRole = true;
      }
    }
    if (principal && assumeRole) return { kind: 'trust', reason: 'its statements name a Principal and allow sts:AssumeRole*' };
    if (principal) return { kind: 'resource', reason: 'its statements name a Principal (a VPC endpoint policy looks the same: name it *.vpce.json)' };
    return { kind: 'identity', reason: 'its statements have no Principal (an SCP looks the same: name it *.scp.json)' };
  }
  if (root?.type === 'array') {
    const first = root.children?.[0];
    if (first?.type === 'object' && (property(first, 'eventVersion') || property(first, 'eventName'))) return { kind: 'cloudtrail', reason: 'it is an array of CloudTrail records' };
  }
  if (!root && /^\s*\{[^\n]*"eventVersion"/.test(text)) return { kind: 'cloudtrail', reason: 'it looks like JSON Lines of CloudTrail records' };
  return { kind: 'identity', reason: 'nothing in it says otherwise' };
}

export interface ResolvedKind {
  kind: DocumentKind;
  source: KindSource;
  reason: string;
}

/**
 * The content guess for CloudTrail without a syntax tree: the first few KB only, and only
 * for layouts the tree-based guess would also call CloudTrail (CloudTrail writes
 * "eventVersion" first, and the delivered files start with "Records").
 */
export function sniffCloudTrail(text: string): KindGuess | undefined {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  if (/^\uFEFF?\s*\{\s*"Records"\s*:\s*\[/.test(head)) return { kind: 'cloudtrail', reason: 'it has a "Records" array' };
  if (/^\uFEFF?\s*\{\s*"eventVersion"\s*:/.test(head)) return { kind: 'cloudtrail', reason: 'it looks like a CloudTrail event record' };
  if (/^\uFEFF?\s*\[\s*\{\s*"eventVersion"\s*:/.test(head)) return { kind: 'cloudtrail', reason: 'it is an array of CloudTrail records' };
  return undefined;
}

/**
 * `resolveKind` without a syntax tree: decided by explicit choice, config, file name, or
 * a CloudTrail sniff; undefined when only the tree-based content guess can tell.
 */
export function resolveKindWithoutTree(opts: { explicit?: DocumentKind; configKind?: DocumentKind; fileName?: string; text: string }): ResolvedKind | undefined {
  if (opts.explicit) return { kind: opts.explicit, source: 'explicit', reason: 'chosen explicitly' };
  if (opts.configKind) return { kind: opts.configKind, source: 'config', reason: 'set by configuration' };
  const byName = opts.fileName ? kindFromFileName(opts.fileName) : undefined;
  if (byName) return { kind: byName, source: 'filename', reason: 'file-name convention' };
  const g = sniffCloudTrail(opts.text);
  return g ? { kind: g.kind, source: 'content', reason: g.reason } : undefined;
}

/** Explicit choice, then config globs, then file-name convention, then content. */
export function resolveKind(opts: {
  explicit?: DocumentKind;
  configKind?: DocumentKind;
  fileName?: string;
  root: Node | undefined;
  text: string;
}): ResolvedKind {
  if (opts.explicit) return { kind: opts.explicit, source: 'explicit', reason: 'chosen explicitly' };
  if (opts.configKind) return { kind: opts.configKind, source: 'config', reason: 'set by configuration' };
  const byName = opts.fileName ? kindFromFileName(opts.fileName) : undefined;
  if (byName) return { kind: byName, source: 'filename', reason: 'file-name convention' };
  const g = guessKindFromContent(opts.root, opts.text);
  return { kind: g.kind, source: 'content', reason: g.reason };
}

/** The kind of document, as the subject of a sentence. */
export const KIND_LABEL: Record<DocumentKind, string> = {
  identity: 'an identity policy',
  scp: 'a service control policy',
  endpoint: 'a VPC endpoint policy',
  resource: 'a resource-based policy',
  trust: 'a role trust policy',
  cloudtrail: 'a CloudTrail log',
};
