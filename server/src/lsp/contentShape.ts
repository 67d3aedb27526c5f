import { createScanner, SyntaxKind } from 'jsonc-parser';

export type ContentShape = 'policy' | 'cloudtrail' | 'other';

/** How far into a file the gate looks for its top-level keys. */
export const CONTENT_SCAN_LIMIT = 256 * 1024;

/**
 * Whether a JSON text is shaped like a policy (a root object with `Statement`, or a
 * `Version` of the IAM language) or CloudTrail (`Records`, or event-record fields at the
 * top of an object, an array of them or JSON Lines). Reads top-level keys with a token
 * scanner, stopping early, so a 20 MB log costs microseconds and package.json,
 * tsconfig.json or data files are left alone.
 */
export function contentShape(text: string): ContentShape {
  const scanner = createScanner(text, true);
  let depth = 0;
  let rootIsArray = false;
  let expectKey = false;
  let lastKey: string | undefined;
  let first = true;
  const keyDepth = () => (rootIsArray ? 2 : 1);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (scanner.getTokenOffset() > CONTENT_SCAN_LIMIT) break;
    if (first) {
      first = false;
      if (kind === SyntaxKind.OpenBracketToken) rootIsArray = true;
      else if (kind !== SyntaxKind.OpenBraceToken) return 'other';
    }
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
        depth++;
        expectKey = depth === keyDepth();
        break;
      case SyntaxKind.OpenBracketToken:
        depth++;
        expectKey = false;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth--;
        expectKey = depth === keyDepth() - 1 ? false : expectKey;
        if (rootIsArray && depth === 1) return 'other'; // first record had no record fields
        break;
      case SyntaxKind.CommaToken:
        expectKey = depth === keyDepth();
        break;
      case SyntaxKind.ColonToken:
        expectKey = false;
        break;
      case SyntaxKind.StringLiteral: {
        const value = scanner.getTokenValue();
        if (expectKey) {
          lastKey = value;
          if (value === 'Statement') return rootIsArray ? 'other' : 'policy';
          if (value === 'Records' && !rootIsArray) return 'cloudtrail';
          if (value === 'eventVersion' || value === 'eventName' || value === 'eventSource') return 'cloudtrail';
        } else if (depth === keyDepth() && lastKey === 'Version' && !rootIsArray && (value === '2012-10-17' || value === '2008-10-17')) {
          return 'policy';
        }
        break;
      }
      default:
        break;
    }
  }
  return 'other';
}
