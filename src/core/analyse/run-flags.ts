// The flags a run adds to records in corpus order, because they compare a document with those
// before it: `duplicate` (the same body) and `near-duplicate` (a body that shares at least 80 % of
// its word 5-shingles, by MinHash). The cache keeps records without them (docs/spec.md §3); the
// near duplicates a run found are kept beside it (cache/near-file.ts), by position.

import { NearIndex } from '../stats/near-index.js';

/** What a document is compared by: its id, body paragraphs, body hash and signature. */
export interface BodyKey {
  id: string;
  paragraphs: number;
  hash: string;
  /** Read only when the document is no exact duplicate, and near duplicates are looked for. */
  signature(): Uint32Array | null;
}

/** How a run comes by its near duplicates. */
export interface NearDuplicateMode {
  /** Give records the flag. */
  flag: boolean;
  /** The positions (in corpus order) of the near duplicates, as the last run over these files found them. */
  known: ReadonlySet<number> | null;
}

/** The documents of a run so far, in corpus order. */
export class RunFlags {
  /** The hash of each body met, and the first id that had it. */
  private readonly hashes = new Map<string, string>();
  /** The documents' signatures, when near duplicates are looked for (not known). */
  private readonly near: NearIndex | null;
  /** The positions of the near duplicates found so far, when looked for. */
  private readonly found: number[] = [];
  private position = 0;

  /**
   * Near duplicates are looked for unless they are known or the run does without them and has
   * no cache to keep them for (`find` false).
   */
  constructor(
    private readonly mode: NearDuplicateMode = { flag: true, known: null },
    find = true,
  ) {
    this.near = mode.known === null && find ? new NearIndex() : null;
  }

  /** The positions of the near duplicates this run found; null when it did not look for them. */
  get nearFound(): readonly number[] | null {
    return this.near === null ? null : this.found;
  }

  /**
   * The flag the run gives the document: `duplicate` when a body before it had its hash,
   * `near-duplicate` when one before it is that close (when the run flags near duplicates);
   * null otherwise (and for an empty body, which is no one's duplicate). Documents must come in
   * corpus order, each once.
   */
  flagOf(doc: BodyKey): 'duplicate' | 'near-duplicate' | null {
    const at = this.position++;
    if (doc.paragraphs === 0) return null;
    const first = this.hashes.get(doc.hash);
    if (first !== undefined) return first === doc.id ? null : 'duplicate';
    this.hashes.set(doc.hash, doc.id);
    let near: boolean;
    if (this.mode.known !== null) near = this.mode.known.has(at);
    else if (this.near === null) return null;
    else {
      const signature = doc.signature();
      near = signature !== null && this.near.seen(signature);
      if (near) this.found.push(at);
    }
    return near && this.mode.flag ? 'near-duplicate' : null;
  }
}

/** A record's flags with the run's flag added (a copy; the record's own array is not changed). */
export function withRunFlag(flags: readonly string[], flag: string | null): string[] {
  return flag === null || flags.includes(flag) ? [...flags] : [...flags, flag];
}
