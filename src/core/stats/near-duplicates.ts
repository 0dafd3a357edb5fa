// Exact-duplicate groups (same content hash) and near-duplicate groups found by MinHash over
// word 5-shingles with LSH banding: 128 hash values per document, deterministic seeds.

import type { Token } from './tokenize.js';
import { foldTerm, type FoldedTokens, type Folding } from './folded.js';
import { minhashKernel } from '../kernels/minhash-simd.js';
import { fmix32, fnv1a32, FNV_OFFSET, FNV_PRIME } from '../hash.js';

/** The MinHash settings: words per shingle, hash functions, LSH bands × rows, Jaccard threshold. */
export const MINHASH = {
  shingle: 5,
  permutations: 128,
  // 32 bands of 4 rows: a pair with Jaccard 0.8 shares a band with probability 1 − (1 − 0.8⁴)³² ≈
  // 0.99999995, so none is missed; pairs far below (0.3: 23 %) are weeded out by the full estimate.
  bands: 32,
  rows: 4,
  threshold: 0.8,
} as const;

// Hash function p maps a shingle hash x to (A[p]·x + B[p]) mod 2³², A odd so that it permutes:
// one multiply per value where a full mixer costs five. The shingle hashes are already mixed.
// A and B come from a fixed splitmix32 stream: the same signatures on every run.
const [MUL, ADD] = (() => {
  const a = new Uint32Array(MINHASH.permutations);
  const b = new Uint32Array(MINHASH.permutations);
  let x = 0x9e3779b9;
  for (let i = 0; i < a.length; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    a[i] = fmix32(x) | 1;
    x = (x + 0x9e3779b9) >>> 0;
    b[i] = fmix32(x);
  }
  return [a, b];
})();

/** The words compared: word and number tokens, case-folded, elided clitics kept as words. */
function words(tokens: readonly Token[] | readonly string[]): readonly string[] {
  const out: string[] = [];
  for (const t of tokens) out.push(typeof t === 'string' ? foldTerm(t) : foldTerm(t.text));
  return out;
}

/** Hashes of the word shingles of a text (fewer words than a shingle: one shingle of them all). */
export function shingleHashes(
  tokens: readonly Token[] | readonly string[] | FoldedTokens,
  size: number = MINHASH.shingle,
): Uint32Array {
  const w = wordHashes(tokens);
  return shinglesOf(w, w.length, size);
}

/**
 * Hashes of the shingles of `size` words over the first `count` word hashes of `w` (fewer words
 * than a shingle: one shingle of them all; none: an empty array).
 */
export function shinglesOf(w: Uint32Array, count: number, size: number = MINHASH.shingle): Uint32Array {
  if (count === 0) return new Uint32Array(0);
  const n = Math.max(1, count - size + 1);
  const out = new Uint32Array(n);
  // Locals, and `h` kept a 32-bit integer (the array stores its bits): the loop is then as fast
  // as with literals and a module-local mixer (see hash.ts).
  const offset = FNV_OFFSET | 0;
  const prime = FNV_PRIME | 0;
  const mix = fmix32;
  for (let i = 0; i < n; i++) {
    let h = offset;
    const end = Math.min(i + size, count);
    for (let j = i; j < end; j++) h = mix(Math.imul(h ^ (w[j] as number), prime)) | 0;
    out[i] = h;
  }
  return out;
}

/** {@link fnv1a32} of each word, in a typed array (hashes past 2³¹ are no small integers). */
function wordHashes(tokens: readonly Token[] | readonly string[] | FoldedTokens): Uint32Array {
  if (!('folds' in tokens)) return Uint32Array.from(words(tokens), (word) => fnv1a32(word));
  const out = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const f = tokens.folds[i] as Folding;
    out[i] = f.hash ??= fnv1a32(f.term);
  }
  return out;
}

/** The MinHash signature of a text: for each of 128 seeded hash functions, the least shingle hash. */
export function minhash(tokens: readonly Token[] | readonly string[] | FoldedTokens): Uint32Array {
  const sig = new Uint32Array(MINHASH.permutations).fill(0xffffffff);
  const shingles = shingleHashes(tokens);
  if (shingles.length > 0) signatureOf(shingles, sig);
  return sig;
}

const KERNEL = minhashKernel(MUL, ADD);

/**
 * Writes the signature of shingle hashes (at least one) into `out`: with the WebAssembly SIMD
 * kernel where there is one (`simd` false: this loop, which gives the same values).
 */
export function signatureOf(shingles: Uint32Array, out: Uint32Array, simd = KERNEL !== null): void {
  if (simd && KERNEL !== null) {
    KERNEL.signature(shingles, out);
    return;
  }
  const n = shingles.length;
  // Four hash functions per pass over the shingles: a quarter of the loads and loop steps. The
  // values are compared as signed 32-bit integers with the top bit flipped (the same order as
  // unsigned), which keeps the arithmetic in small integers.
  for (let p = 0; p < MINHASH.permutations; p += 4) {
    const a0 = MUL[p] as number,
      a1 = MUL[p + 1] as number,
      a2 = MUL[p + 2] as number,
      a3 = MUL[p + 3] as number;
    const b0 = (ADD[p] as number) ^ SIGN,
      b1 = (ADD[p + 1] as number) ^ SIGN,
      b2 = (ADD[p + 2] as number) ^ SIGN,
      b3 = (ADD[p + 3] as number) ^ SIGN;
    let m0 = 0x7fffffff,
      m1 = 0x7fffffff,
      m2 = 0x7fffffff,
      m3 = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const x = shingles[i] as number;
      const v0 = (Math.imul(x, a0) + b0) | 0;
      const v1 = (Math.imul(x, a1) + b1) | 0;
      const v2 = (Math.imul(x, a2) + b2) | 0;
      const v3 = (Math.imul(x, a3) + b3) | 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    out[p] = m0 ^ SIGN;
    out[p + 1] = m1 ^ SIGN;
    out[p + 2] = m2 ^ SIGN;
    out[p + 3] = m3 ^ SIGN;
  }
}

const SIGN = 0x80000000 | 0;

/** Estimated Jaccard similarity of two signatures: the share of hash functions whose minima agree (±0.035 at 0.8). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/** Exact Jaccard similarity of the shingle sets of two texts, for checking a small group. */
export function exactJaccard(a: readonly Token[] | readonly string[], b: readonly Token[] | readonly string[]): number {
  const sa = new Set(shingleHashes(a));
  const sb = new Set(shingleHashes(b));
  let shared = 0;
  for (const h of sa) if (sb.has(h)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Groups of two or more ids sharing a content hash, in order of first appearance. */
export function exactDuplicateGroups(docs: Iterable<{ id: string; hash: string }>): string[][] {
  const byHash = new Map<string, string[]>();
  for (const { id, hash } of docs) {
    const g = byHash.get(hash);
    if (g === undefined) byHash.set(hash, [id]);
    else g.push(id);
  }
  return [...byHash.values()].filter((g) => g.length > 1);
}

/** A group of near-duplicate documents. */
export interface NearDuplicateGroup {
  /** Document ids, in the order they were added. */
  ids: string[];
  /** The lowest estimated Jaccard similarity among the pairs that joined the group. */
  similarity: number;
  /** The pairs that joined the group, with their estimated Jaccard similarity. */
  pairs: Array<{ a: string; b: string; jaccard: number }>;
}

/** Documents in one band bucket compared pairwise at the most; past it, with their neighbours. */
export const BUCKET_PAIRS_MAX = 256;
/** Documents compared at the most: those added past it are left out. */
const MAX_DOCUMENTS = 2 ** 21;

/** Mixes a band's rows into one 32-bit key (murmur3's finaliser over a running combination). */
export function bandKey(sig: Uint32Array, offset: number, rows: number): number {
  let h = 0x9747b28c;
  for (let r = 0; r < rows; r++) {
    h = Math.imul(h ^ (sig[offset + r] as number), 0xcc9e2d51);
    h = (h << 13) | (h >>> 19);
  }
  return fmix32(h);
}

/**
 * Fills `order` with the indices 0…n−1 sorted by their keys, equal keys in index order: a stable
 * radix sort, 16 bits a pass (a band's buckets, its documents in the order they were added).
 */
function sortByKey(keys: Uint32Array, order: Int32Array): void {
  const low = new Int32Array(keys.length);
  radixPass(keys, null, low, 0);
  radixPass(keys, low, order, 16);
}

/** One stable counting pass on 16 bits of the keys from bit `shift`: the indices `from` (null: 0…n−1) into `to`. */
function radixPass(keys: Uint32Array, from: Int32Array | null, to: Int32Array, shift: number): void {
  const n = keys.length;
  const starts = new Int32Array(0x10001);
  for (let i = 0; i < n; i++) {
    const d = (((keys[i] as number) >>> shift) & 0xffff) + 1;
    starts[d] = (starts[d] as number) + 1;
  }
  for (let d = 1; d <= 0x10000; d++) starts[d] = (starts[d] as number) + (starts[d - 1] as number);
  for (let x = 0; x < n; x++) {
    const i = from === null ? x : (from[x] as number);
    const d = ((keys[i] as number) >>> shift) & 0xffff;
    to[starts[d] as number] = i;
    starts[d] = (starts[d] as number) + 1;
  }
}

/** Documents a block of signatures holds (2 MB a block). */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

/**
 * Streaming near-duplicate finder. {@link NearDuplicates.add} keeps a 128-value signature per
 * document, in blocks of 4,096 documents allocated as needed (512 bytes a document, nothing
 * else: one array grown by doubling held up to twice that, and both copies while it grew);
 * {@link NearDuplicates.groups} computes each band's keys and sorts them to find the documents
 * sharing one, checks each such pair by its estimated Jaccard and joins pairs at or above 0.8
 * into groups (transitively: A≈B and B≈C put A and C together even if they differ more).
 */
export class NearDuplicates {
  private readonly ids: string[] = [];
  private readonly sigs: Uint32Array[] = [];
  private readonly hashes = new Set<string>();

  /**
   * Adds a document. Give its content hash to have exact duplicates of a document already added
   * skipped: those are reported by {@link exactDuplicateGroups}. Empty texts are skipped too.
   */
  add(docId: string, tokens: readonly Token[] | readonly string[], hash?: string): void {
    if (tokens.length === 0) return;
    if (hash !== undefined) {
      if (this.hashes.has(hash)) return;
      this.hashes.add(hash);
    }
    this.push(docId, minhash(tokens));
  }

  /**
   * Adds a non-empty document by its signature, computed elsewhere with {@link minhash}: the
   * same as {@link NearDuplicates.add}. The signature may be null when the document is an exact
   * duplicate of one added before (its hash is then known here, and the document skipped).
   */
  addSignature(docId: string, sig: Uint32Array | null, hash?: string): void {
    if (hash !== undefined) {
      if (this.hashes.has(hash)) return;
      this.hashes.add(hash);
    }
    if (sig === null) throw new Error(`near-duplicates: no signature for ${docId}`);
    this.push(docId, sig);
  }

  private push(docId: string, sig: Uint32Array): void {
    const index = this.ids.length;
    if (index >= MAX_DOCUMENTS) return;
    if ((index & BLOCK_MASK) === 0) this.sigs.push(new Uint32Array(BLOCK * MINHASH.permutations));
    (this.sigs[index >> BLOCK_BITS] as Uint32Array).set(sig, (index & BLOCK_MASK) * MINHASH.permutations);
    this.ids.push(docId);
  }

  /**
   * Forgets the documents added (their signatures: 512 bytes a document), as if none had been:
   * once a run has its groups, before the rest of its results are put together.
   */
  clear(): void {
    this.ids.length = 0;
    this.sigs.length = 0;
    this.hashes.clear();
  }

  /** Near-duplicate groups at or above `threshold` (default 0.8), largest first. */
  groups(threshold: number = MINHASH.threshold): NearDuplicateGroup[] {
    const n = this.ids.length;
    const parent = this.ids.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
      return i;
    };
    // A pair met again in another band is compared again (cheaper than remembering the pairs
    // seen): its repeated edges are dropped below. The comparison stops as soon as the pair has
    // too few equal values left to reach the threshold, which most pairs in a bucket do early.
    const P = MINHASH.permutations;
    let minSame = 0;
    while (minSame <= P && minSame / P < threshold) minSame++;
    const sigs = this.sigs;
    const found: Array<[number, number, number]> = [];
    const compare = (a: number, b: number) => {
      const i = Math.min(a, b);
      const j = Math.max(a, b);
      const si = sigs[i >> BLOCK_BITS] as Uint32Array;
      const sj = sigs[j >> BLOCK_BITS] as Uint32Array;
      let misses = 0;
      for (let k = 0, x = (i & BLOCK_MASK) * P, y = (j & BLOCK_MASK) * P; k < P; k++) {
        if (si[x + k] !== sj[y + k] && ++misses > P - minSame) return;
      }
      // The same value as estimateJaccard's.
      const jac = (P - misses) / P;
      if (jac >= threshold) found.push([i, j, jac]);
    };
    const keys = new Uint32Array(n);
    const order = new Int32Array(n);
    for (let b = 0; b < MINHASH.bands; b++) {
      // A band's keys are computed again from the signatures, not kept: 128 bytes a document less.
      for (let i = 0; i < n; i++)
        keys[i] = bandKey(sigs[i >> BLOCK_BITS] as Uint32Array, (i & BLOCK_MASK) * P + b * MINHASH.rows, MINHASH.rows);
      sortByKey(keys, order);
      for (let start = 0; start < n;) {
        const key = keys[order[start] as number];
        let end = start + 1;
        while (end < n && keys[order[end] as number] === key) end++;
        for (let x = start; x < end; x++) {
          const limit = Math.min(end, x + 1 + BUCKET_PAIRS_MAX);
          for (let y = x + 1; y < limit; y++) compare(order[x] as number, order[y] as number);
        }
        start = end;
      }
    }
    found.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const edges = found.filter((e, k) => k === 0 || e[0] !== found[k - 1]?.[0] || e[1] !== found[k - 1]?.[1]);
    for (const [i, j] of edges) parent[find(j)] = find(i);
    const groups = new Map<number, NearDuplicateGroup>();
    for (const [i, j, jaccard] of edges) {
      const root = find(i);
      let g = groups.get(root);
      if (g === undefined) {
        g = { ids: [], similarity: 1, pairs: [] };
        groups.set(root, g);
      }
      g.pairs.push({ a: this.ids[i] ?? '', b: this.ids[j] ?? '', jaccard });
      g.similarity = Math.min(g.similarity, jaccard);
    }
    for (let i = 0; i < n; i++) groups.get(find(i))?.ids.push(this.ids[i] ?? '');
    return [...groups.values()].sort(
      (a, b) => b.ids.length - a.ids.length || ((a.ids[0] ?? '') < (b.ids[0] ?? '') ? -1 : 1),
    );
  }
}
