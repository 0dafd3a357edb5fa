// A document handed out from the cache: its record, lede and edge lines are read from the stored
// entry only when asked for, so that a warm `list` parses little more than it prints.

import { withRunFlag, type RunFlags } from './run-flags.js';
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
 * A document from the cache, given the run's flag (see run-flags.ts): reading it takes only the
 * entry's `paragraphs`, `hash` and signature, not its record.
 */
export function cachedDocument(stored: StoredEntry, id: string, path: string, runFlags: RunFlags): CorpusDocument {
  const flag = runFlags.flagOf({
    id,
    paragraphs: stored.paragraphs,
    hash: stored.hash,
    signature: () => stored.signature(),
  });
  return new CachedDocument(stored, id, path, flag);
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
    /** The flag the run gives it, if any. */
    private readonly runFlag: string | null,
  ) {}

  get record(): DocumentRecord {
    if (this.parsed) return this.parsed;
    const r = this.stored.record();
    this.parsed = { ...r, id: this.id, path: this.path, flags: withRunFlag(r.flags, this.runFlag) };
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

  get signature(): Uint32Array | null {
    return this.stored.signature();
  }

  /** The record as stored, unless this run gives it a flag. */
  recordJsonParts(): readonly [string, Uint8Array] | null {
    return this.runFlag !== null ? null : this.stored.recordJsonWith(this.id, this.path);
  }
}
