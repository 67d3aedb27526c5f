/**
 * A matcher for the subset of Amazon EventBridge event patterns that connect-guard
 * exports: exact values in arrays, `prefix`, `anything-but` (value or list), `exists`,
 * `equals-ignore-case`, nested objects, and `$or`. Written from the EventBridge user
 * guide's pattern semantics: every field in the pattern must match; a list matches when
 * any element matches; an array in the event matches when any of its elements does.
 */
export function matchesPattern(pattern: unknown, event: unknown): boolean {
  if (!isObject(pattern)) throw new Error('pattern must be an object');
  for (const [key, sub] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(sub) || !sub.some((alt) => matchesPattern(alt, event))) return false;
      continue;
    }
    const value = isObject(event) ? (event as Record<string, unknown>)[key] : undefined;
    if (isObject(sub)) {
      if (!matchesPattern(sub, value)) return false;
    } else if (Array.isArray(sub)) {
      if (!matchesList(sub, value)) return false;
    } else throw new Error(`pattern field ${key} must be an object or an array`);
  }
  return true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function matchesList(list: unknown[], value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return list.some((m) => {
    if (isObject(m)) {
      if ('exists' in m) return (value !== undefined) === m.exists;
      if ('prefix' in m) return values.some((v) => typeof v === 'string' && v.startsWith(String(m.prefix)));
      if ('equals-ignore-case' in m) return values.some((v) => typeof v === 'string' && v.toLowerCase() === String(m['equals-ignore-case']).toLowerCase());
      if ('anything-but' in m) {
        const ab = m['anything-but'];
        const banned = Array.isArray(ab) ? ab : [ab];
        return value !== undefined && values.every((v) => !banned.includes(v));
      }
      throw new Error(`unsupported matcher ${JSON.stringify(m)}`);
    }
    return values.some((v) => v === m);
  });
}
