/**
 * Amazon Connect family services reachable through an interface VPC endpoint
 * (PrivateLink), per DOMAIN.md. Core `connect` has none, so `connect:` actions in an
 * endpoint policy never meet a request.
 */
export const PRIVATELINK_PREFIXES: readonly string[] = ['voiceid', 'profile', 'cases', 'app-integrations', 'wisdom', 'connect-campaigns'];

/** Connect family prefixes with no VPC endpoint. */
export const NO_PRIVATELINK_PREFIXES: readonly string[] = ['connect'];

export function hasPrivateLink(prefix: string): boolean {
  return PRIVATELINK_PREFIXES.includes(prefix.toLowerCase());
}
