// The flags a run adds to records in corpus order, because they compare a document with those
// before it: `duplicate` (the same body) and `near-duplicate` (a body that shares at least 80 % of
// its word 5-shingles, by MinHash). The cache keeps records without them (docs/spec.md §3).

import { NearIndex } from '../stats/near-index.js';

/** What a document is compared by: its id, body paragraphs, body hash and signature. */
export interface BodyKey {
  id: string;
  paragraphs: number;
  hash: string;
  /** Read only when the document is no exact duplicate. */
  signature(): Uint32Array | null;
}

/** The documents of a run so far, in corpus order. */
export class RunFlags {
  /** The hash of each body met, and the first id that had it. */
  private readonly hashes = new Map<string, string>();
  /** Null when the run is not asked for near duplicates. */
  private readonly near: NearIndex | null;

  constructor(nearDuplicates = true) {
    this.near = nearDuplicates ? new NearIndex() : null;
  }

  /**
   * The flag the run gives the document: `duplicate` when a body before it had its hash,
   * `near-duplicate` when one before it is that close (when the run is asked for near duplicates);
   * null otherwise (and for an empty body, which is no one's duplicate). Documents must come in corpus order, each once.
   */
  flagOf(doc: BodyKey): 'duplicate' | 'near-duplicate' | null {
    if (doc.paragraphs === 0) return null;
    const first = this.hashes.get(doc.hash);
    if (first !== undefined) return first === doc.id ? null : 'duplicate';
    this.hashes.set(doc.hash, doc.id);
    if (this.near === null) return null;
    const signature = doc.signature();
    return signature !== null && this.near.seen(signature) ? 'near-duplicate' : null;
  }
}

/** A record's flags with the run's flag added (a copy; the record's own array is not changed). */
export function withRunFlag(flags: readonly string[], flag: string | null): string[] {
  return flag === null || flags.includes(flag) ? [...flags] : [...flags, flag];
}
