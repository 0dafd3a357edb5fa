// The near duplicates of a run, found as the documents come, in corpus order: a document is a
// near duplicate when one before it shares an LSH band with it and their signatures agree on at
// least 80 % of their values, the test summarise's groups are made by (near-duplicates.ts). So
// `list` can flag each document as it writes its row, as it flags exact duplicates
// (docs/spec.md §3, `near-duplicate`).

import { bandKey, BUCKET_PAIRS_MAX, MINHASH } from './near-duplicates.js';

const P = MINHASH.permutations;
const BANDS = MINHASH.bands;

/** The least number of equal values of two signatures at or above the threshold. */
const MIN_SAME = (() => {
  let n = 0;
  while (n <= P && n / P < MINHASH.threshold) n++;
  return n;
})();
/**
 * The least number of bands two such signatures share: each value that differs spoils one band
 * at the most. A document sharing fewer bands with this one cannot be near it, and is not compared.
 */
const MIN_BANDS = BANDS - (P - MIN_SAME);

/** Documents a block of signatures (and of chains) holds. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/** Entries (document × band) a block of chains holds: CHUNK documents' (BANDS is 32). */
const CHUNK_ENTRY_BITS = CHUNK_BITS + Math.log2(BANDS);
const CHUNK_ENTRY_MASK = (1 << CHUNK_ENTRY_BITS) - 1;

/** The share of the table's slots in use past which it doubles. */
const MAX_LOAD = 0.75;
/** A slot's value: the latest entry with the key plus one, in the low bits; above, how many (up to 31). */
const ENTRY_BITS = 27;
const ENTRY_MASK = (1 << ENTRY_BITS) - 1;
/** Documents indexed at the most (2²⁷ entries of 32 bands); past it, documents are compared but not added. */
const MAX_DOCUMENTS = (ENTRY_MASK >> 5) - 1;

/**
 * The signatures of the documents met so far, and a hash table from each of their bands' keys to
 * the documents that have it: open addressing, each slot the key (mixed with its band) and the
 * latest document with it and their number, side by side, so that a key met for the first time or
 * held by one document, as most are, costs one look into one place of memory. A document is
 * compared only with those sharing enough bands with it to be near. 512 bytes a signature, 4 a
 * band for the chains, and up to 11 bytes a distinct key (about 0.9 KB a document, in typed arrays).
 */
export class NearIndex {
  // As signed integers: compared as such, the values stay small integers in V8.
  // In blocks of CHUNK documents, allocated as needed: an array grown by doubling would hold up
  // to twice what it needs (67 MB instead of 51 at 100,000 documents).
  private readonly sigs: Int32Array[] = [];
  /** Per entry (document × band): the entry before it with the same key, plus one (0: none). */
  private readonly next: Int32Array[] = [];
  /** Per slot: the key as {@link slotKey} mixes it (0: empty), and its value (see ENTRY_BITS). */
  private table = new Int32Array(2 * (1 << 16));
  private keys = 0;
  private docs = 0;
  /** The documents met in this document's buckets, one a band it shares (reused). */
  private met = new Int32Array(BANDS * 16);

  /** Documents added. */
  get size(): number {
    return this.docs;
  }

  /**
   * True when a document added before is a near duplicate of this signature's; the signature is
   * added either way. In each band, the {@link BUCKET_PAIRS_MAX} latest documents that share its
   * key are counted, as summarise compares a bucket's neighbours.
   */
  seen(signature: Uint32Array): boolean {
    const sig = new Int32Array(signature.buffer, signature.byteOffset, P);
    const doc = this.docs;
    this.grow(doc + 1);
    const slots = new Int32Array(BANDS);
    let met = 0;
    for (let b = 0; b < BANDS; b++) {
      const slot = this.slotFor(slotKey(bandKey(signature, b * MINHASH.rows, MINHASH.rows), b));
      slots[b] = slot;
      const value = this.table[slot + 1] as number;
      let e = value & ENTRY_MASK;
      // The number of entries is known up to 31: a bucket of one is not followed further.
      let left = Math.min(value >>> ENTRY_BITS, BUCKET_PAIRS_MAX);
      if (value >>> ENTRY_BITS === 31) left = BUCKET_PAIRS_MAX;
      for (; e !== 0 && left > 0; left--) {
        const entry = e - 1;
        // Two keys of different bands may mix alike: a document counts in its own band only.
        if (entry % BANDS === b) met = this.meet(met, (entry / BANDS) | 0);
        e = left > 1 ? ((this.next[entry >>> CHUNK_ENTRY_BITS] as Int32Array)[entry & CHUNK_ENTRY_MASK] as number) : 0;
      }
    }
    const found = this.nearAmong(sig, met);
    if (doc < MAX_DOCUMENTS) this.add(doc, sig, slots);
    return found;
  }

  /** Notes a document met in a bucket. */
  private meet(met: number, d: number): number {
    if (met === this.met.length) {
      const grown = new Int32Array(met * 2);
      grown.set(this.met);
      this.met = grown;
    }
    this.met[met] = d;
    return met + 1;
  }

  /** True when one of the documents met in at least {@link MIN_BANDS} bands is near the signature. */
  private nearAmong(sig: Int32Array, met: number): boolean {
    if (met < MIN_BANDS) return false;
    const list = this.met.subarray(0, met).sort();
    for (let i = 0; i < met;) {
      let j = i + 1;
      while (j < met && list[j] === list[i]) j++;
      if (j - i >= MIN_BANDS && this.near(sig, list[i] as number)) return true;
      i = j;
    }
    return false;
  }

  private add(doc: number, sig: Int32Array, slots: Int32Array): void {
    (this.sigs[doc >>> CHUNK_BITS] as Int32Array).set(sig, (doc & CHUNK_MASK) * P);
    for (let b = 0; b < BANDS; b++) {
      const slot = slots[b] as number;
      const entry = doc * BANDS + b;
      const value = this.table[slot + 1] as number;
      (this.next[entry >>> CHUNK_ENTRY_BITS] as Int32Array)[entry & CHUNK_ENTRY_MASK] = value & ENTRY_MASK;
      const count = Math.min((value >>> ENTRY_BITS) + 1, 31);
      this.table[slot + 1] = (entry + 1) | (count << ENTRY_BITS);
    }
    this.docs = doc + 1;
  }

  /** The slot (its index in the table) holding the key, or the empty one where it goes (then taken). */
  private slotFor(key: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = table[2 * i] as number;
      if (k === key) return 2 * i;
      if (k === 0) {
        table[2 * i] = key;
        this.keys++;
        return 2 * i;
      }
    }
  }

  /** True when the signature agrees with document `doc`'s on enough values (stopping once it cannot). */
  private near(sig: Int32Array, doc: number): boolean {
    let misses = 0;
    const sigs = this.sigs[doc >>> CHUNK_BITS] as Int32Array;
    for (let k = 0, x = (doc & CHUNK_MASK) * P; k < P; k++)
      if (sigs[x + k] !== sig[k] && ++misses > P - MIN_SAME) return false;
    return true;
  }

  /** Room for `docs` documents, and for their keys in a table at most {@link MAX_LOAD} full. */
  private grow(docs: number): void {
    if (docs > this.sigs.length * CHUNK && docs <= MAX_DOCUMENTS) {
      this.sigs.push(new Int32Array(CHUNK * P));
      this.next.push(new Int32Array(CHUNK * BANDS));
    }
    // The next document may bring a new key in every band.
    if (this.keys + BANDS <= MAX_LOAD * (this.table.length >> 1)) return;
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    const mask = (this.table.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      const key = old[s] as number;
      if (key === 0) continue;
      let i = key & mask;
      while (this.table[2 * i] !== 0) i = (i + 1) & mask;
      this.table[2 * i] = key;
      this.table[2 * i + 1] = old[s + 1] as number;
    }
  }
}

/** A band's key mixed with the band (so that equal keys of two bands part), never 0 (an empty slot). */
function slotKey(key: number, band: number): number {
  let h = Math.imul(key ^ Math.imul(band + 1, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 15;
  return h === 0 ? 1 : h;
}
