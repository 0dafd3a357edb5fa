// The fuzzing harness's settings, shared by every tests/fuzz/*.test.ts: a fixed seed and about
// 10,000 cases in all under `npm test`; `npm run fuzz` sets FUZZ_RUNS and FUZZ_SEED=random for
// a long run whose seed is printed, so that a failure can be replayed with FUZZ_SEED=<seed>.
import type { Parameters } from 'fast-check';

/** The cases all properties run together by default (their `base` counts add up to this). */
export const DEFAULT_TOTAL_RUNS = 10_000;
/** The seed of `npm test`: a CI run checks the same cases every time. */
const FIXED_SEED = 23;

/** The run's seed: FUZZ_SEED as a number, a new one for `random`, else the fixed one. */
function seedOf(value: string | undefined): number {
  if (value === undefined || value === '') return FIXED_SEED;
  if (value === 'random') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const seed = Number(value);
  if (!Number.isInteger(seed))
    throw new Error(`FUZZ_SEED must be an integer or "random", not ${JSON.stringify(value)}`);
  return seed;
}

/** The cases of the whole run: FUZZ_RUNS, else {@link DEFAULT_TOTAL_RUNS}. */
function totalOf(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_TOTAL_RUNS;
  const total = Number(value);
  if (!Number.isInteger(total) || total < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not ${value}`);
  return total;
}

export const seed = seedOf(process.env.FUZZ_SEED);
const total = totalOf(process.env.FUZZ_RUNS);
/** How many times the default run this one is (10 for `npm run fuzz`). */
export const scale = total / DEFAULT_TOTAL_RUNS;
/** The time a test gets: a minute for the default run, more for a longer one. */
export const testTimeout = Math.max(60_000, Math.ceil(60_000 * scale));

if (scale !== 1 || seed !== FIXED_SEED) {
  // Printed so that a failure of a random run can be replayed (fast-check prints it too).
  console.log(`fuzz: seed ${seed}, ${total} cases; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${total}`);
}

/**
 * The fast-check parameters of one property that runs `base` of the default run's cases, scaled
 * to this run. Every property of a file shares the run's seed, each with its own cases.
 */
export function fuzzParameters<T>(base: number, extra: Parameters<T> = {}): Parameters<T> {
  return { seed, numRuns: Math.max(1, Math.round(base * scale)), ...extra };
}

/** Milliseconds since `start` (from `performance.now()`). */
export const since = (start: number): number => performance.now() - start;
