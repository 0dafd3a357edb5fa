// A document handed out from the cache: its record, lede and edge lines are read from the stored
// entry only when asked for, so that a warm `list` parses little more than it prints.

import { markDuplicate } from './body.js';
import type { CorpusDocument } from './corpus-document.js';
import type { StoredEntry } from '../cache/index.js';
import type { FoundFile } from '../input/walk.js';
import type { DocumentRecord } from '../types.js';

/** The views of a document read without its text (frozen: shared by every such document). */
export const NO_VIEWS = Object.freeze({
  lines: Object.freeze([]) as unknown as string[],
  paragraphs: Object.freeze([]) as unknown as string[],
});

/**
 * A document from the cache, marked a duplicate when its hash is in `hashes` (which it joins
 * otherwise): marking reads only the entry's `paragraphs` and `hash`, not its record.
 */
export function cachedDocument(
  stored: StoredEntry,
  id: string,
  path: string,
  hashes: Map<string, string>,
): CorpusDocument {
  const probe = { id, paragraphs: stored.paragraphs, hash: stored.hash, flags: [] as string[] };
  markDuplicate(probe as DocumentRecord, hashes);
  return new CachedDocument(stored, id, path, probe.flags.length > 0 ? hashes : null);
}

/**
 * A document from the cache, its record parsed when asked for (a class, not an object with
 * getters of its own: there are 100,000 of them).
 */
class CachedDocument implements CorpusDocument {
  text = '';
  lines = NO_VIEWS.lines;
  paragraphs = NO_VIEWS.paragraphs;
  file?: FoundFile;
  private parsed: DocumentRecord | undefined;

  constructor(
    private readonly stored: StoredEntry,
    private readonly id: string,
    private readonly path: string,
    /** Set when it duplicates a document before it: the hashes met so far. */
    private readonly duplicateOf: Map<string, string> | null,
  ) {}

  get record(): DocumentRecord {
    if (this.parsed) return this.parsed;
    const r = this.stored.record();
    this.parsed = { ...r, id: this.id, path: this.path, flags: [...r.flags] };
    // Marked on the record itself as on any other, to the same effect: the first holder of its hash is known.
    if (this.duplicateOf) markDuplicate(this.parsed, this.duplicateOf);
    return this.parsed;
  }

  get lede(): string {
    return this.stored.lede();
  }

  get edges(): string[] {
    return this.stored.edges;
  }

  get recurringHits(): string[] {
    return this.stored.hits;
  }

  /** The record as stored, unless this run marks it a duplicate. */
  recordJsonParts(): readonly [string, Uint8Array] | null {
    return this.duplicateOf ? null : this.stored.recordJsonWith(this.id, this.path);
  }
}
