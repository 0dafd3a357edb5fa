// The counts of one shard's terms (words or n-grams), in a bounded table: up to `capacity`
// distinct terms every count is exact; past it the table is a Space-Saving summary (Metwally,
// Agrawal & El Abbadi 2005): a new term takes the slot of the least counted one and inherits its
// count as its error. Every count then overestimates the true one by at most its error, and no
// error exceeds N / capacity (N: the occurrences added), so a term occurring more than that is
// never lost. Slots are numbered, so that the shard's postings (term, count per document) can
// name them; `since` says from which posting a slot's present term holds it.

/** The most a slot counts (an occurrence count) before it saturates: beyond any real corpus. */
const GROWTH = 2;

/** A term's entry as the table reports it. */
export interface TermEntry {
  key: string;
  /** The count as the table holds it: the true count, or at most `error` more. */
  count: number;
  /** What the count may exceed the true count by (0: exact). */
  error: number;
  /** Documents the term was counted in since it took its slot. */
  docs: number;
}

export class TermTable {
  private readonly slots = new Map<string, number>();
  private keys: string[] = [];
  counts: Float64Array;
  errors: Float64Array;
  docs: Int32Array;
  /** Per slot: the first posting of its present term (postings before it were another term's). */
  since: Float64Array;
  /** Min-heap of slots by count, built once the table is full (Space-Saving's least counted). */
  private heap: Int32Array | null = null;
  private heapPos: Int32Array | null = null;
  /** Occurrences added. */
  total = 0;
  /** Whether a term was ever evicted: counts may then be estimates. */
  evicted = false;

  constructor(readonly capacity: number) {
    const initial = Math.min(capacity, 1024);
    this.counts = new Float64Array(initial);
    this.errors = new Float64Array(initial);
    this.docs = new Int32Array(initial);
    this.since = new Float64Array(initial);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The slot of a term, or -1. */
  slotOf(key: string): number {
    return this.slots.get(key) ?? -1;
  }

  keyOf(slot: number): string {
    return this.keys[slot] as string;
  }

  /**
   * Counts `v` occurrences of `key` in one document (call once a document per term); `posting`
   * is the index the shard's posting for it will have. Returns the term's slot.
   */
  add(key: string, v: number, posting: number): number {
    this.total += v;
    let slot = this.slots.get(key);
    if (slot !== undefined) {
      this.counts[slot] = (this.counts[slot] as number) + v;
      (this.docs[slot] as number)++;
      if (this.heap !== null) this.siftDown((this.heapPos as Int32Array)[slot] as number);
      return slot;
    }
    if (this.keys.length < this.capacity) {
      slot = this.keys.length;
      if (slot === this.counts.length) this.grow();
      this.keys.push(key);
      this.slots.set(key, slot);
      this.counts[slot] = v;
      this.errors[slot] = 0;
      this.docs[slot] = 1;
      this.since[slot] = posting;
      return slot;
    }
    // Full: the least counted term gives its slot up; the newcomer inherits its count as error.
    if (this.heap === null) this.buildHeap();
    const heap = this.heap as Int32Array;
    slot = heap[0] as number;
    this.evicted = true;
    this.slots.delete(this.keys[slot] as string);
    this.keys[slot] = key;
    this.slots.set(key, slot);
    const floor = this.counts[slot] as number;
    this.errors[slot] = floor;
    this.counts[slot] = floor + v;
    this.docs[slot] = 1;
    this.since[slot] = posting;
    this.siftDown(0);
    return slot;
  }

  /**
   * The slot of a term, made with a count of 0 if the table has room; -1 when it is full and
   * lacks the term. A slot so made is the term's for good while the table has room: callers may
   * remember it (and count with {@link bump}) until {@link full}.
   */
  intern(key: string): number {
    const known = this.slots.get(key);
    if (known !== undefined) return known;
    if (this.keys.length >= this.capacity) return -1;
    const slot = this.keys.length;
    if (slot === this.counts.length) this.grow();
    this.keys.push(key);
    this.slots.set(key, slot);
    this.counts[slot] = 0;
    this.errors[slot] = 0;
    this.docs[slot] = 0;
    this.since[slot] = 0;
    return slot;
  }

  /** Whether every slot is taken: from then on a new term takes another's slot. */
  get full(): boolean {
    return this.keys.length >= this.capacity;
  }

  /** Counts `v` occurrences, in one document, of the term in `slot` (from {@link intern}). */
  bump(slot: number, v: number): void {
    this.total += v;
    this.counts[slot] = (this.counts[slot] as number) + v;
    (this.docs[slot] as number)++;
    if (this.heap !== null) this.siftDown((this.heapPos as Int32Array)[slot] as number);
  }

  /** The least count in a full table (what a term not in it may have had), else 0. */
  floor(): number {
    if (this.keys.length < this.capacity || this.keys.length === 0) return 0;
    if (this.heap === null) this.buildHeap();
    return this.counts[(this.heap as Int32Array)[0] as number] as number;
  }

  /** Every entry, in slot order. */
  entries(): TermEntry[] {
    return this.keys.map((key, slot) => ({
      key,
      count: this.counts[slot] as number,
      error: this.errors[slot] as number,
      docs: this.docs[slot] as number,
    }));
  }

  private grow(): void {
    const n = Math.min(this.capacity, this.counts.length * GROWTH);
    const counts = new Float64Array(n);
    const errors = new Float64Array(n);
    const docs = new Int32Array(n);
    const since = new Float64Array(n);
    counts.set(this.counts);
    errors.set(this.errors);
    docs.set(this.docs);
    since.set(this.since);
    this.counts = counts;
    this.errors = errors;
    this.docs = docs;
    this.since = since;
  }

  private buildHeap(): void {
    const n = this.keys.length;
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.heap[i] = i;
      this.heapPos[i] = i;
    }
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Moves the slot at heap position `i` down past smaller counts (a count only grows). */
  private siftDown(i: number): void {
    const heap = this.heap as Int32Array;
    const pos = this.heapPos as Int32Array;
    const counts = this.counts;
    const n = heap.length;
    const slot = heap[i] as number;
    const c = counts[slot] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (counts[heap[right] as number] as number) < (counts[heap[child] as number] as number))
        child = right;
      const childSlot = heap[child] as number;
      if ((counts[childSlot] as number) >= c) break;
      heap[i] = childSlot;
      pos[childSlot] = i;
      i = child;
    }
    heap[i] = slot;
    pos[slot] = i;
  }
}
