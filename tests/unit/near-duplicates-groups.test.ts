import { describe, expect, test } from 'vitest';
import {
  estimateJaccard,
  MINHASH,
  NearDuplicates,
  type NearDuplicateGroup,
} from '../../src/core/stats/near-duplicates.js';
import { xorshift32 } from '../helpers/random.js';

// A fixed xorshift stream: the same signatures on every run.
const stream = xorshift32;

/**
 * Signatures of unrelated documents, clusters of near copies (each a copy of the cluster's first
 * with some values changed: some pairs above 0.8, some just below), and a crowd sharing their
 * first band (a bucket to compare pairwise) but otherwise unrelated.
 */
function signatures(): { id: string; sig: Uint32Array }[] {
  const next = stream(20261122);
  const random = () => Uint32Array.from({ length: MINHASH.permutations }, next);
  const out: { id: string; sig: Uint32Array }[] = [];
  for (let c = 0; c < 40; c++) {
    const first = random();
    for (let k = 0; k < 6; k++) {
      const sig = first.slice();
      // 0 to 35 values changed: Jaccard estimates from 1 down to 93/128, around the threshold.
      const changes = (c * 7 + k * 11) % 36;
      for (let m = 0; m < changes; m++) sig[next() % MINHASH.permutations] = next();
      out.push({ id: `c${c}-${k}`, sig });
      for (let u = 0; u < 3; u++) out.push({ id: `u${c}-${k}-${u}`, sig: random() });
    }
  }
  const shared = random();
  for (let k = 0; k < 200; k++) {
    const sig = random();
    sig.set(shared.subarray(0, MINHASH.rows));
    out.push({ id: `crowd${k}`, sig });
  }
  return out;
}

/** The groups by brute force: every pair compared, joined when at or above the threshold. */
function bruteForce(docs: { id: string; sig: Uint32Array }[], threshold: number): NearDuplicateGroup[] {
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
  const edges: [number, number, number][] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const jac = estimateJaccard((docs[i] as { sig: Uint32Array }).sig, (docs[j] as { sig: Uint32Array }).sig);
      if (jac >= threshold) {
        edges.push([i, j, jac]);
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, NearDuplicateGroup>();
  for (const [i, j, jaccard] of edges) {
    let g = groups.get(find(i));
    if (g === undefined) groups.set(find(i), (g = { ids: [], similarity: 1, pairs: [] }));
    g.pairs.push({ a: docs[i]?.id ?? '', b: docs[j]?.id ?? '', jaccard });
    g.similarity = Math.min(g.similarity, jaccard);
  }
  docs.forEach((d, i) => groups.get(find(i))?.ids.push(d.id));
  return [...groups.values()].sort(
    (a, b) => b.ids.length - a.ids.length || ((a.ids[0] ?? '') < (b.ids[0] ?? '') ? -1 : 1),
  );
}

describe('near-duplicate groups', () => {
  test('the banded search finds what comparing every pair finds (buckets under the pair limit)', () => {
    const docs = signatures();
    const nd = new NearDuplicates();
    for (const d of docs) nd.addSignature(d.id, d.sig);
    for (const threshold of [MINHASH.threshold, 0.9]) {
      const expected = bruteForce(docs, threshold);
      expect(expected.length).toBeGreaterThan(5);
      expect(nd.groups(threshold)).toEqual(expected);
    }
  });
});
