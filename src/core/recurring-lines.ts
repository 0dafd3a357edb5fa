// Lines that recur across many documents of one corpus (a site's header, footer or tagline)
// are boilerplate wherever they stand. Only a document's edges are looked at — its first and
// last non-empty lines, where such lines live — which keeps the pass over the corpus cheap.

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
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36).padStart(7, '0');
}

/**
 * The edge lines of a document that could recur: 0-based line index and digest, for the first
 * {@link EDGE_HEAD} and last {@link EDGE_TAIL} non-empty lines no longer than the maximum.
 */
export function edgeLines(lines: readonly string[]): { index: number; key: string }[] {
  const nonEmpty: number[] = [];
  for (let i = 0; i < lines.length; i++) if ((lines[i] as string).trim() !== '') nonEmpty.push(i);
  const picked = nonEmpty.length <= EDGE_HEAD + EDGE_TAIL ? nonEmpty : [...nonEmpty.slice(0, EDGE_HEAD), ...nonEmpty.slice(-EDGE_TAIL)];
  const out: { index: number; key: string }[] = [];
  for (const index of picked) {
    const line = lines[index] as string;
    if (line.length > RECURRING_LINE_MAX * 2) continue;
    const key = lineKey(line);
    if (key !== '' && key.length <= RECURRING_LINE_MAX) out.push({ index, key: lineDigest(key) });
  }
  return out;
}

/** Counts, over documents, how many hold each edge line; memory bounded by lossy counting. */
export class RecurringLineCounter {
  private readonly counts = new Map<string, number>();
  private documents = 0;

  /** Adds one document's edge-line digests. */
  add(keys: Iterable<string>): void {
    this.documents++;
    for (const key of new Set(keys)) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.counts.size > CAP) for (const [k, n] of this.counts) if (n < 2) this.counts.delete(k);
  }

  /** The lines held by at least {@link RECURRING_MIN_DOCUMENTS} documents and 0.5 % of them. */
  result(): Set<string> {
    const min = Math.max(RECURRING_MIN_DOCUMENTS, Math.ceil(this.documents * RECURRING_MIN_SHARE));
    const recurring = new Set<string>();
    for (const [k, n] of this.counts) if (n >= min) recurring.add(k);
    return recurring;
  }
}
