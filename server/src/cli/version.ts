/** Replaced at bundle time by esbuild's `define`; the fallback serves tests. */
declare const __CONNECT_GUARD_VERSION__: string | undefined;
export const VERSION: string = typeof __CONNECT_GUARD_VERSION__ === 'string' ? __CONNECT_GUARD_VERSION__ : '0.0.0-dev';
