// One cache entry of the last run, read from its line's bytes only as far as it is asked about:
// a warm run needs each entry's hits and its record's hash, the rest only when something looks.

import type { DocumentRecord } from '../types.js';
import { decodeSignature } from '../stats/body-signature.js';
import type { CacheEntry } from './file-format.js';
import {
  afterRecordPath,
  headJson,
  keptStringsAre,
  ledeJson,
  plainText,
  recordId,
  recordJson,
  scanEntry,
  signatureText,
  type EntryMaker,
} from './json-bytes.js';
import type { RecurringKeys } from './recurring-keys.js';
import type { Line } from './window-lines.js';

/**
 * One stored entry line, `{"f":…,"s":…,"m":…,"c":…,"i":…,"e":[…],"h":[…],"n":"…","l":"…","r":{"id":…,…}}`
 * as `JSON.stringify` writes a {@link CacheEntry}, read without parsing all of it: a warm run
 * needs to know that every entry still holds (its edge lines that recur are its hits) and each
 * record's hash, but the rest of an entry only when something looks into it. Its parts are found
 * by reading its structure (json-bytes.ts).
 */
export class StoredEntry {
  private head: Pick<CacheEntry, 'e' | 'h'> | null;

  private constructor(
    private readonly bytes: Buffer,
    /** Where its line starts in the cache file: {@link CorpusCache.putStored} carries it over. */
    readonly line: number,
    /** Where the edge lines' array starts (its `[`), and the hits' array. */
    private readonly eStart: number,
    private readonly hStart: number,
    /** Where the signature's key starts, the lede's, and the record's. */
    private readonly nStart: number,
    private readonly lStart: number,
    private readonly rStart: number,
    private readonly end: number,
    /** The record's `paragraphs` and `hash`: all that marking duplicates needs. */
    readonly paragraphs: number,
    readonly hash: string,
  ) {
    // Escaped keys (never written for digests) are parsed now, so that a bad one is a miss.
    this.head = plainText(bytes, eStart, nStart) ? null : this.parseHead();
  }

  /** `"e":[…],"h":[…]`, parsed. */
  private parseHead(): Pick<CacheEntry, 'e' | 'h'> {
    return JSON.parse(headJson(this.bytes, this.eStart, this.nStart)) as Pick<CacheEntry, 'e' | 'h'>;
  }

  /**
   * Reads an entry's line when it is for a file of this stamp (`stampOf` in json-bytes.ts: its
   * size, times and inode); null otherwise or when it is not laid out so.
   */
  static read(line: Line, stamp: string): StoredEntry | null {
    try {
      return scanEntry(line, stamp, StoredEntry.make);
    } catch {
      // Edge lines escaped as JSON does not allow (see the constructor).
      return null;
    }
  }

  /** A stored entry from its parts, as {@link scanEntry} finds them: one function, made once. */
  private static readonly make: EntryMaker<StoredEntry> = (
    bytes,
    at,
    edges,
    hits,
    signatureKey,
    ledeKey,
    recordKey,
    end,
    paragraphs,
    hash,
  ) => new StoredEntry(bytes, at, edges, hits, signatureKey, ledeKey, recordKey, end, paragraphs, hash);

  /** Keys of the edge lines, and those that were boilerplate as recurring (see {@link CacheEntry}). */
  get edges(): string[] {
    return (this.head ??= this.parseHead()).e;
  }

  get hits(): string[] {
    return (this.head ??= this.parseHead()).h;
  }

  /**
   * True when the entry's hits are exactly its edge lines that are among `recurring`, in order:
   * its analysis then holds for a corpus where those lines recur. Read from the bytes.
   */
  hitsAre(recurring: RecurringKeys): boolean {
    if (this.head) {
      const { e, h } = this.head;
      const recurs = e.filter((key) => recurring.keys.has(key));
      return recurs.length === h.length && recurs.every((key, i) => key === h[i]);
    }
    return keptStringsAre(this.bytes, this.eStart, this.hStart, this.end, recurring);
  }

  /** The record's `id` (for a JSON Lines record, the id it asks for); null when it is not laid out so. */
  recordId(): string | null {
    return recordId(this.bytes, this.rStart, this.end);
  }

  /** The body's MinHash signature; null when the body has no word. */
  signature(): Uint32Array | null {
    return decodeSignature(signatureText(this.bytes, this.nStart, this.lStart));
  }

  /** The lede shown for an untitled document. */
  lede(): string {
    return JSON.parse(ledeJson(this.bytes, this.lStart, this.rStart)) as string;
  }

  /** The record, parsed. */
  record(): DocumentRecord {
    return JSON.parse(recordJson(this.bytes, this.rStart, this.end)) as DocumentRecord;
  }

  /**
   * The record as JSON with another id and path: exactly what `JSON.stringify` gives for the
   * parsed record with them (`id` and `path` are its first fields), built without parsing or
   * writing it again: the text of its head, then the UTF-8 bytes of the rest as stored. Null
   * when the record is not laid out so.
   */
  recordJsonWith(id: string, path: string): readonly [string, Uint8Array] | null {
    const pathEnd = afterRecordPath(this.bytes, this.rStart, this.end);
    if (pathEnd < 0) return null;
    return [`{"id":${JSON.stringify(id)},"path":${JSON.stringify(path)}`, this.bytes.subarray(pathEnd, this.end - 1)];
  }
}
