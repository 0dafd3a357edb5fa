// The shares of a collocates pass behind one interface: one share in this thread, or one per
// worker thread (workers/collocates-pool.ts).

import type { CollocatesInput, CollocatesShard, CollocatesSpec, ShareCandidates, ShareTotals } from './shard.js';

/** Documents in, candidates and frequencies out. */
export interface Shares {
  add(doc: CollocatesInput): Promise<void>;
  candidates(): Promise<{ candidates: ShareCandidates; totals: ShareTotals }[]>;
  counts(keys: string[]): Promise<Int32Array[]>;
  close(): Promise<void>;
}

type Warn = ((path: string, message: string) => void) | undefined;

/** One share, in this thread. */
export function localShares(shard: CollocatesShard, onWarning: Warn): Shares {
  return {
    add: (doc) => {
      for (const [path, message] of shard.add(doc)) onWarning?.(path, message);
      return Promise.resolve();
    },
    candidates: () => Promise.resolve([{ candidates: shard.candidates(), totals: shard.totals }]),
    counts: (keys) => Promise.resolve([shard.counts(keys)]),
    close: () => Promise.resolve(),
  };
}

/**
 * One share in this thread and one per worker thread, `jobs - 1` of them; only this thread's when
 * the workers are not built (running from the TypeScript sources, as the tests do).
 */
export async function poolShares(jobs: number, spec: CollocatesSpec, onWarning: Warn): Promise<Shares> {
  const { CollocatesPool, collocatesWorkersAvailable } = await import('../workers/collocates-pool.js');
  const { CollocatesShard } = await import('./shard.js');
  const { buildMatcher } = await import('../search/index.js');
  const local = new CollocatesShard(spec, buildMatcher(spec.matcher));
  if (!collocatesWorkersAvailable()) return localShares(local, onWarning);
  return new CollocatesPool(jobs - 1, spec, local, onWarning ?? (() => {}));
}
