import * as fc from 'fast-check';

/**
 * One fixed seed for the whole property suite, so a red run is reproducible on any
 * machine. Override to explore: CG_PROPERTY_SEED=123 CG_PROPERTY_SCALE=10 npm run test:property
 */
export const SEED = Number(process.env.CG_PROPERTY_SEED ?? 20261125);
const SCALE = Number(process.env.CG_PROPERTY_SCALE ?? 1);

/** Runs a property with the suite's seed and a run count scaled by CG_PROPERTY_SCALE. */
export function check<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) });
  } catch (e) {
    const err = e as Error;
    err.message = `[property seed ${SEED}; rerun with CG_PROPERTY_SEED=${SEED}]\n${err.message}`;
    throw err;
  }
}

/** `check` for async properties. */
export async function checkAsync<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) });
  } catch (e) {
    const err = e as Error;
    err.message = `[property seed ${SEED}; rerun with CG_PROPERTY_SEED=${SEED}]\n${err.message}`;
    throw err;
  }
}

/**
 * CPU time a lint may take on `length` characters: 50 ms + 5 ms per KiB. Measured on this
 * engine (about 60 rules): the examples/ documents take 0.04-1.9 ms each, so the constant is
 * 25x the worst of them and absorbs a GC pause or a deopt; large documents cost 0.03 ms/KiB
 * (one long string), 0.06 ms/KiB (CloudTrail fast path) and 0.6-1.2 ms/KiB (a policy
 * listing thousands of actions, each reaching several rules), so the per-KiB term leaves at
 * least 4x. It is still linear: a rule that is quadratic in the document, or a regex that
 * backtracks exponentially, misses it by orders of magnitude on the large adversarial inputs.
 */
export function timeBoundMs(length: number): number {
  return 50 + (5 * length) / 1024;
}

/**
 * CPU milliseconds (user + system) spent running `f`, with its result. CPU time, not
 * wall time: CI machines and this one run other jobs on the same two cores (load 10 is
 * common), and a test that fails because a neighbour was busy teaches nothing. The engine
 * is synchronous, so its CPU time is the time the editor would wait.
 */
export function timed<T>(f: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(start);
  return { ms: (d.user + d.system) / 1000, value };
}
