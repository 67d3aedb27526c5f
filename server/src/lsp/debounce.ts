/** Timer functions, injectable so the rules below can be tested without waiting. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * One pending run per document. A request replaces the pending run (typing restarts the
 * pause) unless that run is for the same version and due no later: didOpen is followed by
 * a content change for the same version, whose debounce (800 ms for a big log) must not
 * push back the immediate run the open asked for.
 */
export class Debouncer {
  private readonly pending = new Map<string, { handle: unknown; version: number; due: number }>();
  constructor(private readonly clock: Clock = SYSTEM_CLOCK) {}

  schedule(key: string, version: number, wait: number, run: () => void): void {
    const due = this.clock.now() + wait;
    const p = this.pending.get(key);
    if (p && p.version === version && p.due <= due) return;
    if (p) this.clock.clearTimeout(p.handle);
    const handle = this.clock.setTimeout(() => {
      this.pending.delete(key);
      run();
    }, wait);
    this.pending.set(key, { handle, version, due });
  }

  cancel(key: string): void {
    const p = this.pending.get(key);
    if (p) this.clock.clearTimeout(p.handle);
    this.pending.delete(key);
  }
}
