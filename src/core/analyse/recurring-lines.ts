// Lines that recur across many documents of one corpus (a site's header, footer or tagline)
// are boilerplate wherever they stand. Only a document's edges are looked at — its first and
// last non-empty lines, where such lines live — which keeps the pass over the corpus cheap.

import { FNV_OFFSET, FNV_PRIME } from '../hash.js';
import { splitLines } from '../input/lines.js';

/** Longer lines are body text: quotes repeated by several articles are not boilerplate. */
export const RECURRING_LINE_MAX = 100;
/** Fewest documents a line must stand in, and the share of the corpus, to count as recurring. */
export const RECURRING_MIN_DOCUMENTS = 3;
export const RECURRING_MIN_SHARE = 0.005;
/** How many non-empty lines at the top and at the bottom of a document are its edges. */
export const EDGE_HEAD = 15;
export const EDGE_TAIL = 10;
/** Past this many distinct lines, lines seen in one document are forgotten (lossy counting). */
const CAP = 250_000;

/** The form a line is compared in: trimmed, inner white space folded. */
export function lineKey(line: string): string {
  const trimmed = line.trim();
  return /\s\s|[\t\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/**
 * A short, stable digest of a line key (two 32-bit FNV-1a hashes, base 36): edge lines are
 * counted and cached by digest, so a cache entry stays small whatever the lines hold.
 */
export function lineDigest(key: string): string {
  // The constants as int32 locals: see hash.ts on why a hot loop copies them.
  const prime = FNV_PRIME | 0;
  let a = FNV_OFFSET | 0;
  let b = prime ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, prime);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return digestText(a >>> 0, b >>> 0);
}

/** A digest's text: its first hash in base 36, then its second in seven base-36 digits. */
function digestText(a: number, b: number): string {
  return base36(a, 1) + base36(b, 7);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * An unsigned 32-bit integer in base 36, as `toString(36)` writes it, left-padded with zeros to
 * at least `width` digits: V8 converts a number to another radix by its general algorithm for
 * doubles, several times slower than these divisions.
 */
function base36(n: number, width: number): string {
  let text = '';
  let digits = 0;
  do {
    text = (DIGITS[n % 36] as string) + text;
    n = Math.floor(n / 36);
    digits++;
  } while (n > 0 || digits < width);
  return text;
}

/**
 * The edge lines of a document that could recur: 0-based line index and digest, for the first
 * {@link EDGE_HEAD} and last {@link EDGE_TAIL} non-empty lines no longer than the maximum.
 */
export function edgeLines(lines: readonly string[]): { index: number; key: string }[] {
  const nonEmpty: number[] = [];
  for (let i = 0; i < lines.length; i++) if ((lines[i] as string).trim() !== '') nonEmpty.push(i);
  const picked =
    nonEmpty.length <= EDGE_HEAD + EDGE_TAIL
      ? nonEmpty
      : [...nonEmpty.slice(0, EDGE_HEAD), ...nonEmpty.slice(-EDGE_TAIL)];
  const out: { index: number; key: string }[] = [];
  for (const index of picked) {
    const line = lines[index] as string;
    if (line.length > RECURRING_LINE_MAX * 2) continue;
    const key = lineKey(line);
    if (key !== '' && key.length <= RECURRING_LINE_MAX) out.push({ index, key: lineDigest(key) });
  }
  return out;
}

/** The digests of a document's edge lines, from its text, as its analysis finds them. */
export function edgeKeys(text: string): string[] {
  return edgeLines(splitLines(text.normalize('NFC'))).map((e) => e.key);
}

/** The fewest documents a line must stand in, in a corpus of `documents`, to be recurring. */
export function recurringMinimum(documents: number): number {
  return Math.max(RECURRING_MIN_DOCUMENTS, Math.ceil(documents * RECURRING_MIN_SHARE));
}

const TABLE_BITS = 20;
const TABLE_SIZE = 1 << TABLE_BITS;

/**
 * Counts, over documents, how many hold each edge line; memory bounded by lossy counting. The
 * digests are counted as numbers in flat arrays: as strings in a map, the millions of lines
 * seen once in a big corpus would live long enough to fill the old generation with garbage.
 */
export class RecurringLineCounter {
  private readonly first = new Uint32Array(TABLE_SIZE);
  private readonly second = new Uint32Array(TABLE_SIZE);
  /** Documents holding the line; 0 marks an empty slot. */
  private readonly counts = new Uint32Array(TABLE_SIZE);
  /** The last document that counted the line, numbered from 1 (a document counts a line once). */
  private readonly lastDocument = new Uint32Array(TABLE_SIZE);
  private size = 0;
  private documents = 0;

  /** Adds one document's edge-line digests. */
  add(keys: Iterable<string>): void {
    const document = ++this.documents;
    for (const key of keys) {
      // A digest is `a` in base 36 and `b` in its last seven base-36 digits (see lineDigest).
      const a = parseInt(key.slice(0, -7), 36) >>> 0;
      const b = parseInt(key.slice(-7), 36) >>> 0;
      const slot = this.slotOf(a, b);
      if (this.lastDocument[slot] === document) continue;
      this.lastDocument[slot] = document;
      if (this.counts[slot] === 0) {
        this.first[slot] = a;
        this.second[slot] = b;
        this.size++;
      }
      this.counts[slot] = (this.counts[slot] as number) + 1;
    }
    if (this.size > CAP) this.forgetSingles();
  }

  /** The slot of a digest: where it is, or the empty one where it goes. */
  private slotOf(a: number, b: number): number {
    let slot = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> (32 - TABLE_BITS);
    while (this.counts[slot] !== 0 && (this.first[slot] !== a || this.second[slot] !== b))
      slot = (slot + 1) & (TABLE_SIZE - 1);
    return slot;
  }

  /** Drops the lines seen in one document only, and packs the others again. */
  private forgetSingles(): void {
    const kept: number[] = [];
    for (let slot = 0; slot < TABLE_SIZE; slot++) {
      const n = this.counts[slot] as number;
      if (n >= 2)
        kept.push(this.first[slot] as number, this.second[slot] as number, n, this.lastDocument[slot] as number);
    }
    this.counts.fill(0);
    this.lastDocument.fill(0);
    this.size = 0;
    for (let i = 0; i < kept.length; i += 4) {
      const slot = this.slotOf(kept[i] as number, kept[i + 1] as number);
      this.first[slot] = kept[i] as number;
      this.second[slot] = kept[i + 1] as number;
      this.counts[slot] = kept[i + 2] as number;
      this.lastDocument[slot] = kept[i + 3] as number;
      this.size++;
    }
  }

  /** The documents counted so far. */
  get counted(): number {
    return this.documents;
  }

  /** Each line's digest and how many documents hold it (for a partial count: `--count-lines`). */
  *entries(): Generator<[string, number]> {
    for (let slot = 0; slot < TABLE_SIZE; slot++) {
      const n = this.counts[slot] as number;
      if (n > 0) yield [digestText(this.first[slot] as number, this.second[slot] as number), n];
    }
  }

  /** The lines held by at least {@link RECURRING_MIN_DOCUMENTS} documents and 0.5 % of them. */
  result(): Set<string> {
    const min = recurringMinimum(this.documents);
    const recurring = new Set<string>();
    for (let slot = 0; slot < TABLE_SIZE; slot++) {
      if ((this.counts[slot] as number) >= min)
        recurring.add(digestText(this.first[slot] as number, this.second[slot] as number));
    }
    return recurring;
  }
}
