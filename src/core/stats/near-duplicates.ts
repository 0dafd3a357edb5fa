// Exact-duplicate groups (same content hash) and near-duplicate groups found by MinHash over
// word 5-shingles with LSH banding: 128 hash values per document, deterministic seeds.

import type { Token } from './tokenize.js';
import { foldTerm, type FoldedTokens, type Folding } from './folded.js';
import { minhashKernel } from '../kernels/minhash-simd.js';
import { fmix32, fnv1a32, FNV_OFFSET, FNV_PRIME } from '../hash.js';
import { ContentHashes, IdSpill, SpillFile } from './signature-spill.js';

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

/** Documents whose signatures stay in memory by default: one block (2 MB), a small corpus's all. */
const MEMORY_DOCUMENTS = 4096;
const P = MINHASH.permutations;
const EMPTY: Uint32Array = new Uint32Array(0);

/** Options of {@link NearDuplicates}. */
export interface NearDuplicatesOptions {
  /**
   * Documents per block (default 4,096, whose signatures take 2 MB): the first block stays in
   * memory, the later ones are written to the run's scratch folder a block at a time.
   */
  memoryDocuments?: number;
}

/** A Uint32Array's bytes (the same memory). */
function bytesOf(a: Uint32Array, start = 0, end = a.length): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset + start * 4, (end - start) * 4);
}

/** Documents of a bucket held at a time while comparing: one and the next ones it is compared with. */
const WINDOW = BUCKET_PAIRS_MAX + 1;

/** Blocks of spilled signatures read ahead at the most (16 MB by default): the others are read as their buckets come. */
const HELD_BLOCKS = 8;
/** Signatures read at a time when reading ahead (1 MB). */
const CHUNK = 2048;

/**
 * The signatures {@link NearDuplicates.groups} compares: those of the documents of a bucket from
 * one to the farthest it is compared with, in a ring of 257 slots (document x of the bucket in
 * slot x mod 257). The first block and the block being filled are used where they are, in memory.
 * Of the others, in the spill file, those of the documents sharing a band with another (the only
 * ones compared) are read ahead in one pass over the file, up to 8 blocks of them (16 MB); past
 * that, they are read as their buckets come, through a cache of one block (document p past the
 * first block in slot p mod its size), which keeps a document shared by several bands from being
 * read again for each (the ring 128 KB, the cache 512 bytes a slot).
 */
class SignatureReader {
  /** The array holding each slot's signature, and the signature's offset in it. */
  readonly arrays: Uint32Array[] = new Array<Uint32Array>(WINDOW).fill(EMPTY);
  readonly offsets = new Int32Array(WINDOW);
  private readonly ring: Uint32Array;
  private readonly cache: Uint32Array;
  private readonly tags: Int32Array;
  /** The signatures read ahead, and the slot of each spilled document there (−1: not read ahead). */
  private held: Uint32Array = EMPTY;
  private slotOf = new Int32Array(0);

  constructor(
    private readonly block: number,
    private readonly head: Uint32Array,
    private readonly tail: Uint32Array,
    private readonly file: SpillFile,
    /** Documents past the first block whose signatures are in the file (not in `tail`). */
    private readonly spilled: number,
  ) {
    const slots = spilled === 0 ? 0 : block;
    this.ring = new Uint32Array(spilled === 0 ? 0 : WINDOW * P);
    this.cache = new Uint32Array(slots * P);
    this.tags = new Int32Array(slots).fill(-1);
  }

  /**
   * Reads ahead the spilled signatures of the documents `marked` (indices past the first block),
   * the first 8 blocks of them: a chunk of the file at a time, where the chunk holds many of them,
   * or one by one (4 bytes a spilled document for their slots).
   */
  hold(marked: Uint8Array): void {
    const slotOf = new Int32Array(this.spilled).fill(-1);
    let count = 0;
    for (let p = 0; p < this.spilled && count < HELD_BLOCKS * this.block; p++)
      if (marked[this.block + p] === 1) slotOf[p] = count++;
    const held = new Uint32Array(count * P);
    const chunk = new Uint32Array(CHUNK * P);
    for (let start = 0; start < this.spilled; start += CHUNK) {
      const end = Math.min(this.spilled, start + CHUNK);
      let first = -1;
      let last = -1;
      let inside = 0;
      for (let p = start; p < end; p++) {
        if ((slotOf[p] as number) < 0) continue;
        if (first < 0) first = p;
        last = p;
        inside++;
      }
      if (inside === 0) continue;
      const span = inside * 8 >= last + 1 - first;
      if (span) this.file.read(bytesOf(chunk, 0, (last + 1 - first) * P), first * P * 4);
      for (let p = first; p <= last; p++) {
        const h = slotOf[p] as number;
        if (h < 0) continue;
        if (span) held.set(chunk.subarray((p - first) * P, (p - first + 1) * P), h * P);
        else this.file.read(bytesOf(held, h * P, (h + 1) * P), p * P * 4);
      }
    }
    this.held = held;
    this.slotOf = slotOf;
  }

  /** Makes ring slot `s` hold document i's signature. */
  load(s: number, i: number): void {
    if (i < this.block) {
      this.arrays[s] = this.head;
      this.offsets[s] = i * P;
      return;
    }
    const p = i - this.block;
    if (p >= this.spilled) {
      this.arrays[s] = this.tail;
      this.offsets[s] = (p - this.spilled) * P;
      return;
    }
    const h = this.slotOf[p] ?? -1;
    if (h >= 0) {
      this.arrays[s] = this.held;
      this.offsets[s] = h * P;
      return;
    }
    const c = p % this.block;
    if (this.tags[c] !== p) {
      this.file.read(bytesOf(this.cache, c * P, (c + 1) * P), p * P * 4);
      this.tags[c] = p;
    }
    this.ring.set(this.cache.subarray(c * P, (c + 1) * P), s * P);
    this.arrays[s] = this.ring;
    this.offsets[s] = s * P;
  }
}

/**
 * Calls `compare` on the pairs of each run of equal keys in `order` (each document with the next
 * 256 at the most), with their positions in `order`; `load` first on each position, once, before
 * the pairs that need it.
 */
function bucketPairs(
  keys: Uint32Array,
  order: Int32Array,
  load: (x: number) => void,
  compare: (x: number, y: number) => void,
): void {
  const n = keys.length;
  for (let start = 0; start < n;) {
    const key = keys[order[start] as number];
    let end = start + 1;
    while (end < n && keys[order[end] as number] === key) end++;
    let loaded = end - start > 1 ? start : end;
    for (let x = start; x < end; x++) {
      const limit = Math.min(end, x + 1 + BUCKET_PAIRS_MAX);
      while (loaded < limit) load(loaded++);
      for (let y = x + 1; y < limit; y++) compare(x, y);
    }
    start = end;
  }
}

/**
 * Streaming near-duplicate finder. {@link NearDuplicates.add} keeps a 128-value signature and the
 * 32 band keys of each document. The first block of 4,096 documents stays in memory (2 MB of
 * signatures, 512 KB of keys: a small corpus never touches the disk); past it, the block being
 * filled is in memory and the full ones are written to files in the run's scratch folder:
 * signatures, keys band by band, ids. So memory does not grow with the corpus but for the content
 * hashes (some 16 bytes a document, see {@link ContentHashes}).
 * {@link NearDuplicates.groups} reads each band's keys (4 bytes a document) and sorts them to find
 * the documents sharing one, checks each such pair by its estimated Jaccard (reading the
 * signatures of the documents in a shared bucket only) and joins pairs at or above 0.8 into
 * groups (transitively: A≈B and B≈C put A and C together even if they differ more).
 */
export class NearDuplicates {
  private readonly block: number;
  private count = 0;
  /** The signatures of the first block (P values a document). */
  private head: Uint32Array | null = null;
  private readonly headIds: string[] = [];
  /** Past the first block, the signatures and ids of the block being filled. */
  private tail: Uint32Array | null = null;
  private tailIds: string[] = [];
  /** The keys of the block being filled, band after band: `block` keys a band. */
  private keys: Uint32Array | null = null;
  /** The full blocks past the first: their signatures one after the other, 512 bytes each. */
  private readonly sigFile = new SpillFile('signatures.bin');
  /** The keys of the full blocks, the first one included: one segment a block, its bands one after the other. */
  private readonly keyFile = new SpillFile('band-keys.bin');
  private readonly idFile = new IdSpill();
  private hashes = new ContentHashes();

  constructor(options: NearDuplicatesOptions = {}) {
    const block = options.memoryDocuments ?? MEMORY_DOCUMENTS;
    if (!Number.isSafeInteger(block) || block < 1) throw new Error(`near-duplicates: bad block size ${block}`);
    this.block = block;
  }

  /**
   * Adds a document. Give its content hash to have exact duplicates of a document already added
   * skipped: those are reported by {@link exactDuplicateGroups}. Empty texts are skipped too.
   */
  add(docId: string, tokens: readonly Token[] | readonly string[], hash?: string): void {
    if (tokens.length === 0) return;
    if (hash !== undefined && this.hashes.seen(hash)) return;
    this.push(docId, minhash(tokens));
  }

  /**
   * Adds a non-empty document by its signature, computed elsewhere with {@link minhash}: the
   * same as {@link NearDuplicates.add}. The signature may be null when the document is an exact
   * duplicate of one added before (its hash is then known here, and the document skipped).
   */
  addSignature(docId: string, sig: Uint32Array | null, hash?: string): void {
    if (hash !== undefined && this.hashes.seen(hash)) return;
    if (sig === null) throw new Error(`near-duplicates: no signature for ${docId}`);
    this.push(docId, sig);
  }

  private push(docId: string, sig: Uint32Array): void {
    const index = this.count;
    if (index >= MAX_DOCUMENTS) return;
    const M = this.block;
    const slot = index % M;
    if (slot === 0 && index > 0) this.flush(index);
    let sigs: Uint32Array;
    if (index < M) {
      sigs = this.head ??= new Uint32Array(M * P);
      this.headIds.push(docId);
    } else {
      sigs = this.tail ??= new Uint32Array(M * P);
      this.tailIds.push(docId);
    }
    sigs.set(sig, slot * P);
    const keys = (this.keys ??= new Uint32Array(MINHASH.bands * M));
    for (let b = 0; b < MINHASH.bands; b++)
      keys[b * M + slot] = bandKey(sigs, slot * P + b * MINHASH.rows, MINHASH.rows);
    this.count++;
  }

  /** A block is full (`index` is the first document past it): it goes to the files, but the first block's signatures and ids. */
  private flush(index: number): void {
    this.keyFile.append(bytesOf(this.keys as Uint32Array));
    if (index === this.block) return;
    this.sigFile.append(bytesOf(this.tail as Uint32Array));
    this.idFile.append(this.tailIds);
    this.tailIds = [];
  }

  /**
   * Forgets the documents added (their signatures, keys, ids and files), as if none had been:
   * once a run has its groups, before the rest of its results are put together.
   */
  clear(): void {
    this.count = 0;
    this.head = this.tail = this.keys = null;
    this.headIds.length = 0;
    this.tailIds = [];
    this.sigFile.remove();
    this.keyFile.remove();
    this.idFile.remove();
    this.hashes = new ContentHashes();
  }

  /** The scratch files written so far (for tests). */
  spillFiles(): string[] {
    return [this.sigFile.path, this.keyFile.path, this.idFile.path].filter((p): p is string => p !== null);
  }

  /** Near-duplicate groups at or above `threshold` (default 0.8), largest first. */
  groups(threshold: number = MINHASH.threshold): NearDuplicateGroup[] {
    const edges = this.edges(threshold);
    const n = this.count;
    // 4 bytes a document; of the ids, only those of the documents grouped are read back.
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    for (const [i, j] of edges) parent[find(j)] = find(i);
    const id = this.idsOf(edges);
    const groups = new Map<number, NearDuplicateGroup>();
    for (const [i, j, jaccard] of edges) {
      const root = find(i);
      let g = groups.get(root);
      if (g === undefined) {
        g = { ids: [], similarity: 1, pairs: [] };
        groups.set(root, g);
      }
      g.pairs.push({ a: id(i), b: id(j), jaccard });
      g.similarity = Math.min(g.similarity, jaccard);
    }
    for (let i = 0; i < n; i++) groups.get(find(i))?.ids.push(id(i));
    return [...groups.values()].sort(
      (a, b) => b.ids.length - a.ids.length || ((a.ids[0] ?? '') < (b.ids[0] ?? '') ? -1 : 1),
    );
  }

  /** The pairs at or above `threshold` sharing a band, by their documents' indices, once each, in order. */
  private edges(threshold: number): Array<[number, number, number]> {
    const n = this.count;
    // A pair met again in another band is compared again (cheaper than remembering the pairs
    // seen): its repeated edges are dropped below. The comparison stops as soon as the pair has
    // too few equal values left to reach the threshold, which most pairs in a bucket do early.
    let minSame = 0;
    while (minSame <= P && minSame / P < threshold) minSame++;
    const spilled = this.sigFile.size / (P * 4);
    const reader = new SignatureReader(this.block, this.head ?? EMPTY, this.tail ?? EMPTY, this.sigFile, spilled);
    const found: Array<[number, number, number]> = [];
    // 8 bytes a document, and 4 more while sorting.
    const keys = new Uint32Array(n);
    const order = new Int32Array(n);
    const { arrays, offsets } = reader;
    const load = (x: number) => reader.load(x % WINDOW, order[x] as number);
    // Positions x < y in a bucket, of documents i < j.
    const compare = (x: number, y: number) => {
      const i = Math.min(order[x] as number, order[y] as number);
      const j = Math.max(order[x] as number, order[y] as number);
      const si = arrays[x % WINDOW] as Uint32Array;
      const sj = arrays[y % WINDOW] as Uint32Array;
      let misses = 0;
      for (let k = 0, u = offsets[x % WINDOW] as number, v = offsets[y % WINDOW] as number; k < P; k++) {
        if (si[u + k] !== sj[v + k] && ++misses > P - minSame) return;
      }
      // The same value as estimateJaccard's.
      const jac = (P - misses) / P;
      if (jac >= threshold) found.push([i, j, jac]);
    };
    if (spilled > 0) reader.hold(this.shared(keys, order));
    for (let b = 0; b < MINHASH.bands; b++) {
      this.bandKeys(b, keys);
      sortByKey(keys, order);
      bucketPairs(keys, order, load, compare);
    }
    found.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return found.filter((e, k) => k === 0 || e[0] !== found[k - 1]?.[0] || e[1] !== found[k - 1]?.[1]);
  }

  /**
   * The documents sharing a band's key with another (1) and the others (0): a first pass over
   * the bands, which lets the signatures compared be read in one pass over their file rather than
   * one by one, band after band (1 byte a document).
   */
  private shared(keys: Uint32Array, order: Int32Array): Uint8Array {
    const n = this.count;
    const marked = new Uint8Array(n);
    for (let b = 0; b < MINHASH.bands; b++) {
      this.bandKeys(b, keys);
      sortByKey(keys, order);
      for (let start = 0; start < n;) {
        const key = keys[order[start] as number];
        let end = start + 1;
        while (end < n && keys[order[end] as number] === key) end++;
        if (end - start > 1) for (let x = start; x < end; x++) marked[order[x] as number] = 1;
        start = end;
      }
    }
    return marked;
  }

  /** Fills `keys` with band b's key of each document: from the key file, one read a block, and the block being filled. */
  private bandKeys(b: number, keys: Uint32Array): void {
    const M = this.block;
    const segment = MINHASH.bands * M * 4;
    const full = this.keyFile.size / segment;
    for (let s = 0; s < full; s++) this.keyFile.read(bytesOf(keys, s * M, (s + 1) * M), s * segment + b * M * 4);
    const rest = this.count - full * M;
    if (rest > 0) keys.set((this.keys as Uint32Array).subarray(b * M, b * M + rest), full * M);
  }

  /** The id of each document of the edges (those written to the id file read in one pass), by index. */
  private idsOf(edges: ReadonlyArray<[number, number, number]>): (i: number) => string {
    const M = this.block;
    const written = this.idFile.count;
    const wanted = new Set<number>();
    for (const [i, j] of edges) {
      if (i >= M && i - M < written) wanted.add(i - M);
      if (j >= M && j - M < written) wanted.add(j - M);
    }
    const spilled = this.idFile.lines([...wanted].sort((p, q) => p - q));
    return (i) => {
      if (i < M) return this.headIds[i] ?? '';
      const p = i - M;
      return (p < written ? spilled.get(p) : this.tailIds[p - written]) ?? '';
    };
  }
}
