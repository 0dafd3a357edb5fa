// The cache file's format: a header line (kind, version, what the last run found of the corpus),
// one JSON line per entry, and a trailer line holding the SHA-256 of the entries, checked when the
// file is opened. What an entry holds is declared here; how its bytes are read, in json-bytes.ts.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DocumentRecord } from '../types.js';
import { VERSION } from '../version.js';
import { WindowedLines } from './window-lines.js';

/**
 * What a cache entry is keyed by: the file's absolute path, size, modification time, change time
 * and inode. The change time is there because the modification time can be set back (`touch -d`)
 * after an edit that keeps the size, which sets the change time to now; the inode, because a file
 * replaced by another (`mv`) may have the same size and times.
 */
export interface FileKey {
  absPath: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The key's fields of an entry, in the order they are written (see json-bytes.ts `stampOf`). */
interface KeyFields {
  /** Absolute path, size in bytes, modification and change times in ms, inode (of the file holding the document). */
  f: string;
  s: number;
  m: number;
  c: number;
  i: number;
}

/**
 * What the cache keeps of one text file's document, or of one record of a JSON Lines file: the
 * file's records have one entry each, in the file's order, under the file's key, and then a
 * {@link JsonlFileEntry}.
 */
export interface CacheEntry extends KeyFields {
  /** Keys of the edge lines, for the count of lines recurring across the corpus. */
  e: string[];
  /** The edge lines that were boilerplate as recurring when the record was made. */
  h: string[];
  /**
   * The body's MinHash signature, its 128 values as little-endian bytes in base64; '' when the
   * body has no word (stats/body-signature.ts). The run's `near-duplicate` flag compares them.
   */
  n: string;
  /** The lede shown for an untitled document. */
  l: string;
  /**
   * The record, without the run's `duplicate` flag. A JSON Lines record's `id` is the one it
   * asks for (see `askedRecordId`): the run claims its id again, as a text file's.
   */
  r: DocumentRecord;
}

/**
 * What the cache keeps of a JSON Lines file as a whole, on the line after its records' entries:
 * how many there are, and the lines that hold none, with their warnings, so that a run can give
 * the file's records and warnings without reading it. A file that could not be read to its end
 * has none: its entries are then not served.
 */
export interface JsonlFileEntry extends KeyFields {
  j: {
    /** Records in the file. */
    n: number;
    /**
     * The numbers of the lines that hold no record (blank, a warning, a CSV row's header or later
     * lines), in order; a negative number `-k` after one stands for the `k` lines after it.
     */
    skip: number[];
    /** The warnings of those lines, by line number, in order. */
    warn: Array<[number, string]>;
  };
}

/**
 * What one pass over the whole corpus found, kept in the cache's header: when the files are
 * the same (same fingerprint of their keys), the next run need not count again.
 */
export interface CorpusSummary {
  fingerprint: string;
  documents: number;
  recurring: string[];
}

const HEADER_KIND = 'corpus-cache';
/**
 * The tool's version and the analysis's: bump the latter whenever a record made from the same
 * file would differ (a new hash, a new field), so that old entries are not served.
 */
export const CACHE_VERSION = `${VERSION}+11`;
/** The start of a cache file's header, up to its version (JSON.stringify keeps this key order). */
const HEADER_START = /^\{"kind":"corpus-cache","version":("(?:[^"\\]|\\.)*")/;

/** The header line of a cache file whose entries were made from `corpus`. */
export function headerLine(corpus: CorpusSummary): string {
  return `${JSON.stringify({ kind: HEADER_KIND, version: CACHE_VERSION, corpus })}\n`;
}

/** The version a cache file's first bytes say it is of; undefined when they do not start a header. */
export function headerVersion(head: string): string | undefined {
  const version = HEADER_START.exec(head)?.[1];
  return version === undefined ? undefined : (JSON.parse(version) as string);
}

/**
 * The last line of a cache file: the SHA-256 of its entries (every byte between the header line
 * and this one). Entries are read lazily, from their bytes, so damage inside one would otherwise
 * be served (or crash the run) instead of being found when the cache is opened.
 */
const TRAILER_KIND = 'corpus-cache-end';

/** The trailer line of a cache file whose entries' bytes hash to `sha256` (hex). */
export function trailerLine(sha256: string): string {
  return `${JSON.stringify({ kind: TRAILER_KIND, sha256 })}\n`;
}

const NEWLINE = 0x0a;
/** Bytes of the entries hashed at once when the cache is opened. */
const CHECK_CHUNK = 1 << 20;

/** The SHA-256 of the file's bytes `from…to`, read a chunk at a time. */
function sha256Of(fd: number, from: number, to: number): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(Math.min(CHECK_CHUNK, Math.max(to - from, 1)));
  for (let at = from; at < to;) {
    const got = fs.readSync(fd, chunk, 0, Math.min(chunk.length, to - at), at);
    if (got === 0) throw new Error('truncated');
    hash.update(chunk.subarray(0, got));
    at += got;
  }
  return hash.digest('hex');
}

/** The last line of the file, up to `size` bytes, and where it starts; null when the file does not end in a newline. */
function lastLine(fd: number, size: number): { text: string; at: number } | null {
  const tail = Buffer.allocUnsafe(Math.min(size, 4096));
  const got = fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  if (got !== tail.length || tail[tail.length - 1] !== NEWLINE) return null;
  const start = tail.lastIndexOf(NEWLINE, tail.length - 2) + 1;
  // A trailer is a short line: one that fills the tail is not one.
  if (start === 0 && size > tail.length) return { text: '', at: size };
  return { text: tail.toString('utf8', start), at: size - tail.length + start };
}

/** A cache file's entries, once its header and trailer were checked. */
export interface CheckedEntries {
  /** What the header says of the corpus; null when it says nothing. */
  corpus: CorpusSummary | null;
  /** The file's lines up to its trailer, read `window` bytes at a time. */
  lines: WindowedLines;
  /** Where the first entry starts (past the header). */
  first: number;
  /** The SHA-256 of the entries, as the trailer holds it: what the file is, for files kept beside it. */
  sha256: string;
}

/**
 * Checks the open cache file `fd` and gives its entries. Throws, with why, when the file is
 * damaged: a header of another version ('unknown header'), no trailer ('truncated'), or entries
 * that do not match the trailer's checksum ('checksum mismatch').
 */
export function checkedEntries(fd: number, window: number): CheckedEntries {
  const size = fs.fstatSync(fd).size;
  const head = new WindowedLines(fd, size, window).at(0);
  if (!head) throw new Error('truncated');
  // JSON.parse's own message would quote the damaged bytes, control characters and all.
  let header: { kind?: string; version?: string; corpus?: CorpusSummary } | null;
  try {
    header = JSON.parse(head.bytes.toString('utf8', head.start, head.end)) as typeof header;
  } catch {
    throw new Error('unknown header');
  }
  if (header?.kind !== HEADER_KIND || header.version !== CACHE_VERSION) throw new Error('unknown header');
  const last = lastLine(fd, size);
  if (!last || last.at < head.next) throw new Error('truncated');
  let trailer: { kind?: string; sha256?: string } | null;
  try {
    trailer = JSON.parse(last.text) as typeof trailer;
  } catch {
    throw new Error('truncated');
  }
  if (trailer?.kind !== TRAILER_KIND) throw new Error('truncated');
  if (sha256Of(fd, head.next, last.at) !== trailer.sha256) throw new Error('checksum mismatch');
  return {
    corpus: header.corpus ?? null,
    lines: new WindowedLines(fd, last.at, window),
    first: head.next,
    sha256: trailer.sha256,
  };
}

const FINGERPRINT_BATCH = 1 << 16;

/** The fields of an entry that key it, from the file's key, in the order they are written. */
export function keyFields(key: FileKey): KeyFields {
  return { f: key.absPath, s: key.size, m: key.mtimeMs, c: key.ctimeMs, i: key.ino };
}

/** A fingerprint of the corpus's files: each one's key (path, size, times, inode), in order. */
export function fingerprintOf(files: Iterable<FileKey | undefined>): string {
  const hash = createHash('sha1');
  // Hashed a batch at a time (the same bytes): a call per file costs more than hashing it.
  let batch = '';
  for (const f of files) {
    batch += f ? `${f.absPath}\0${f.size}\0${f.mtimeMs}\0${f.ctimeMs}\0${f.ino}\n` : '-\n';
    if (batch.length >= FINGERPRINT_BATCH) {
      hash.update(batch);
      batch = '';
    }
  }
  return hash.update(batch).digest('hex');
}
