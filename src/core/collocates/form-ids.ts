// The term id of each written form, looked up from its offsets in a text: `collocates` counts
// every token of the corpus, and a form met before must cost one hash and one probe, no string.
// Compact on purpose (typed arrays, no object a form): a share holds every distinct form of the
// corpus, in each worker thread.

import { FNV_OFFSET, FNV_PRIME } from '../hash.js';
import { foldTerm } from '../stats/folded.js';
import { isStopword } from '../stats/stopwords.js';

function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, min: number): T {
  const out = new (array.constructor as new (n: number) => T)(Math.max(array.length * 2, min));
  out.set(array);
  return out;
}

/**
 * Forms (open addressing on their fnv1a32, code units kept in one array) and the terms they
 * count as: the form itself, or with `fold` its {@link foldTerm} (`The` and `the` one term).
 */
export class FormIds {
  /** Per bucket: the form's id + 1 (0: empty). */
  private buckets = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** Per form: its hash, where its code units start in `units`, its length, its term's id. */
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private terms = new Int32Array(1 << 11);
  private units = new Uint16Array(1 << 14);
  private used = 0;
  private forms = 0;
  private readonly termIds = new Map<string, number>();
  /** The terms, by id. */
  readonly names: string[] = [];
  /** Per language, per form: 0 not known yet, 1 a stop word, 2 not one. */
  private readonly stops = new Map<string, Uint8Array>();

  constructor(private readonly fold: boolean) {}

  /** The id of the form written `text[start, end)`, made when new. */
  formAt(text: string, start: number, end: number): number {
    const prime = FNV_PRIME | 0;
    let h = FNV_OFFSET | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
    const length = end - start;
    const { buckets, mask, hashes, lengths, units } = this;
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const slot = buckets[b] as number;
      if (slot === 0) return this.add(text, start, end, h, b);
      const id = slot - 1;
      if (hashes[id] !== h || lengths[id] !== length) continue;
      const from = (this.starts[id] as number) - start;
      let k = start;
      while (k < end && units[from + k] === text.charCodeAt(k)) k++;
      if (k === end) return id;
    }
  }

  /** The term a form counts as. */
  termOf(form: number): number {
    return this.terms[form] as number;
  }

  /** Whether a form is a stop word of `lang` ({@link isStopword} of its folded term), decided once. */
  isStop(form: number, lang: string): boolean {
    let flags = this.stops.get(lang);
    if (flags === undefined || flags.length <= form) {
      flags = grown(flags ?? new Uint8Array(0), this.hashes.length);
      this.stops.set(lang, flags);
    }
    if (flags[form] === 0) flags[form] = isStopword(foldTerm(this.text(form)), lang) ? 1 : 2;
    return flags[form] === 1;
  }

  private text(form: number): string {
    const start = this.starts[form] as number;
    const end = start + (this.lengths[form] as number);
    let out = '';
    // In pieces: a call takes only so many arguments.
    for (let i = start; i < end; i += 4096)
      out += String.fromCharCode(...this.units.subarray(i, Math.min(end, i + 4096)));
    return out;
  }

  private add(text: string, start: number, end: number, h: number, bucket: number): number {
    const id = this.forms++;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, 0);
      this.starts = grown(this.starts, 0);
      this.lengths = grown(this.lengths, 0);
      this.terms = grown(this.terms, 0);
    }
    if (this.used + end - start > this.units.length) this.units = grown(this.units, this.used + end - start);
    this.hashes[id] = h;
    this.starts[id] = this.used;
    this.lengths[id] = end - start;
    for (let k = start; k < end; k++) this.units[this.used++] = text.charCodeAt(k);
    const form = text.slice(start, end);
    const term = this.fold ? foldTerm(form) : form;
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.names.length;
      this.termIds.set(term, termId);
      this.names.push(term);
    }
    this.terms[id] = termId;
    this.buckets[bucket] = id + 1;
    if (this.forms * 2 > this.buckets.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.buckets.length * 2;
    this.buckets = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.forms; id++) {
      let b = (this.hashes[id] as number) & this.mask;
      while (this.buckets[b] !== 0) b = (b + 1) & this.mask;
      this.buckets[b] = id + 1;
    }
  }

  /** The id of a term, or undefined when no form of it was seen. */
  idOf(term: string): number | undefined {
    return this.termIds.get(term);
  }
}
