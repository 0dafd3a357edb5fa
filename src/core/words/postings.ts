// A shard's postings: for each document in turn, its size, its group, and each term's slot with
// its count in it, packed in bytes. Kept so that the dispersion and the per-group counts of the
// few terms a run shows are computed at the end, once the corpus-wide frequencies are known,
// without reading the text again.

/** Bytes a chunk holds: 4 MiB. */
const CHUNK_BITS = 22;
const CHUNK = 1 << CHUNK_BITS;

/** Receives a posting: where it is, its term's slot, its count, and its document's size and group. */
export type PostingVisitor = (at: number, slot: number, v: number, size: number, group: number) => void;

/**
 * A posting is `2 · slot + (count > 1)` as a varint (7 bits a byte, low first), then the count
 * as a varint when above 1: most words occur once in a document, and the frequent ones, met
 * first, have small slots, so a posting takes about two bytes. The bytes are in chunks of
 * {@link CHUNK} (a growing array would copy itself, and hold twice what it needs).
 */
export class Postings {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes written: the position the next posting will have. */
  length = 0;
  private docStart = new Float64Array(1024);
  private docSize = new Int32Array(1024);
  private docGroup = new Int32Array(1024);
  documents = 0;

  /** Starts the next document, of `size` words, in group `group`. */
  startDocument(size: number, group: number): void {
    const d = this.documents++;
    if (d === this.docSize.length) this.growDocs();
    this.docStart[d] = this.length;
    this.docSize[d] = size;
    this.docGroup[d] = group;
  }

  /** Adds a term's posting in the current document: its slot and its count there. */
  add(slot: number, v: number): void {
    this.varint(slot * 2 + (v > 1 ? 1 : 0));
    if (v > 1) this.varint(v);
  }

  /** Every posting in order. */
  forEach(visit: PostingVisitor): void {
    const { chunks, length } = this;
    const mask = CHUNK - 1;
    let d = -1;
    let nextStart = this.documents > 0 ? 0 : Infinity;
    let size = 0;
    let group = 0;
    const read = (): number => {
      let x = 0;
      let scale = 1;
      for (;;) {
        const b = (chunks[p >>> CHUNK_BITS] as Uint8Array)[p & mask] as number;
        p++;
        x += (b & 127) * scale;
        if (b < 128) return x;
        scale *= 128;
      }
    };
    let p = 0;
    while (p < length) {
      // Past the documents that start here (an empty one has no posting).
      while (p >= nextStart) {
        d++;
        size = this.docSize[d] as number;
        group = this.docGroup[d] as number;
        nextStart = d + 1 < this.documents ? (this.docStart[d + 1] as number) : Infinity;
      }
      const at = p;
      const x = read();
      visit(at, Math.floor(x / 2), x % 2 === 1 ? read() : 1, size, group);
    }
  }

  private varint(x: number): void {
    while (x >= 128) {
      this.byte((x % 128) + 128);
      x = Math.floor(x / 128);
    }
    this.byte(x);
  }

  private byte(b: number): void {
    const at = this.length & (CHUNK - 1);
    if (at === 0) this.chunks.push(new Uint8Array(CHUNK));
    (this.chunks[this.chunks.length - 1] as Uint8Array)[at] = b;
    this.length++;
  }

  private growDocs(): void {
    const n = this.docSize.length * 2;
    const start = new Float64Array(n);
    const size = new Int32Array(n);
    const group = new Int32Array(n);
    start.set(this.docStart);
    size.set(this.docSize);
    group.set(this.docGroup);
    this.docStart = start;
    this.docSize = size;
    this.docGroup = group;
  }
}
