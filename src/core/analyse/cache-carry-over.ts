// The next version of the cache, written as the second pass hands the documents out. It is
// written only once something in it changes: until the first document analysed afresh, the
// entries handed out are kept as where their lines start, then carried over as they are stored.

import type { AnalysedDocument } from './analyse-document.js';
import type { Slot } from './document-slots.js';
import {
  keyFields,
  type CacheEntry,
  type CorpusCache,
  type CorpusSummary,
  type JsonlFileEntry,
  type StoredEntry,
} from '../cache/index.js';
import type { WorkerResult } from '../workers/analysis-pool.js';
import { encodeSignature } from '../stats/body-signature.js';

/** The cache's next version, entry by entry, in corpus order. */
export class CacheCarryOver {
  /** Where the lines of the entries handed out before the cache is written start in it. */
  private readonly carried: number[] = [];

  constructor(
    private readonly cache: CorpusCache,
    private readonly summary: CorpusSummary,
  ) {
    // A corpus whose files changed gets a new header even when no record did.
    if (cache.corpus?.fingerprint !== summary.fingerprint) cache.begin(summary);
  }

  /** Adds a slot's entry: as the cache stores it, or a new one from its analysis (`result`). */
  add(slot: Slot, result: AnalysedDocument | WorkerResult | null): void {
    const end = slot.end;
    if (end !== undefined) {
      if (typeof end === 'number') this.keep(end);
      else this.put(end);
    } else if (result === null) this.keep((slot.stored as StoredEntry).line);
    else {
      const stat = slot.stat as NonNullable<Slot['stat']>;
      const record = slot.asked === undefined ? result.record : { ...result.record, id: slot.asked };
      this.put({
        ...keyFields(stat),
        e: result.edges,
        h: result.recurringHits,
        n: encodeSignature(result.signature),
        l: result.lede,
        r: record,
      });
    }
  }

  /** Makes the version written the cache: the run saw the whole corpus. */
  commit(): void {
    this.cache.commit();
  }

  /** Drops the version written: the run stopped before the end of the corpus. */
  abandon(): void {
    this.cache.abandon();
  }

  /** An entry as the cache stores it, from where its line starts. */
  private keep(line: number): void {
    if (this.cache.writing) this.cache.putStored(line);
    else this.carried.push(line);
  }

  /** A new entry: the cache is written from now on, the entries carried before it first. */
  private put(entry: CacheEntry | JsonlFileEntry): void {
    if (!this.cache.writing) {
      this.cache.begin(this.summary);
      for (const at of this.carried.splice(0)) this.cache.putStored(at);
    }
    this.cache.put(entry);
  }
}
