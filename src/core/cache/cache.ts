// The metadata cache: each text file's record and each JSON Lines record's, kept between runs,
// keyed by the file's identity (absolute path, size, modification time), the tool's version and
// the corpus read. One JSON Lines file per corpus, written whole to a temporary file and renamed,
// so a reader never sees half of it and two runs at once cannot corrupt it.

import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keepOrRemoved, removeAtExit } from './temp-files.js';
import type { DocumentRecord } from '../types.js';
import { VERSION } from '../version.js';
import { WINDOW, WindowedLines, type Line } from './window-lines.js';

/**
 * What the cache keeps of one text file's document, or of one record of a JSON Lines file: the
 * file's records have one entry each, in the file's order, under the file's path, size and time,
 * and then a {@link JsonlFileEntry}.
 */
export interface CacheEntry {
  /** Absolute path, size in bytes, modification time in ms (of the file holding the document). */
  f: string;
  s: number;
  m: number;
  /** Keys of the edge lines, for the count of lines recurring across the corpus. */
  e: string[];
  /** The edge lines that were boilerplate as recurring when the record was made. */
  h: string[];
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
export interface JsonlFileEntry {
  f: string;
  s: number;
  m: number;
  j: {
    /** Records in the file. */
    n: number;
    /** The numbers of the lines that hold no record (blank, or a warning), in order. */
    skip: number[];
    /** The warnings of those lines, by line number, in order. */
    warn: Array<[number, string]>;
  };
}

const HEADER_KIND = 'corpus-cache';
/**
 * The tool's version and the analysis's: bump the latter whenever a record made from the same
 * file would differ (a new hash, a new field), so that old entries are not served.
 */
const CACHE_VERSION = `${VERSION}+3`;

/**
 * What one pass over the whole corpus found, kept in the cache's header: when the files are
 * the same (same fingerprint of paths, sizes and times), the next run need not count again.
 */
export interface CorpusSummary {
  fingerprint: string;
  documents: number;
  recurring: string[];
}

const FINGERPRINT_BATCH = 1 << 16;

/** A fingerprint of the corpus's files: each one's path, size and modification time, in order. */
export function fingerprintOf(files: Iterable<{ absPath: string; size: number; mtimeMs: number } | undefined>): string {
  const hash = createHash('sha1');
  // Hashed a batch at a time (the same bytes): a call per file costs more than hashing it.
  let batch = '';
  for (const f of files) {
    batch += f ? `${f.absPath}\0${f.size}\0${f.mtimeMs}\n` : '-\n';
    if (batch.length >= FINGERPRINT_BATCH) {
      hash.update(batch);
      batch = '';
    }
  }
  return hash.update(batch).digest('hex');
}

/** The cache file for a corpus: named by the version and everything that changes what is read. */
export function cacheFileFor(dir: string, corpusKey: unknown): string {
  const hash = createHash('sha1')
    .update(JSON.stringify({ version: CACHE_VERSION, corpus: corpusKey }))
    .digest('hex')
    .slice(0, 16);
  return path.join(dir, `corpus-${hash}.jsonl`);
}

/** A cache file's name, and a temporary one's beside it (see `tempName`). */
const CACHE_NAME = /^corpus-[0-9a-f]{16}\.jsonl$/;
const TEMP_NAME = /^corpus-[0-9a-f]{16}\.jsonl\.\d+\.[0-9a-z]*\.tmp$/;
/** The start of a cache file's header, up to its version (JSON.stringify keeps this key order). */
const HEADER_START = /^\{"kind":"corpus-cache","version":("(?:[^"\\]|\\.)*")/;
/** A temporary file older than this was left by a run that was killed: no run writes that long. */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/**
 * Removes from the cache folder what no run of this version reads again: the cache files of
 * other versions (each version keeps its own, so every upgrade would leave a file the size of
 * the corpus's metadata behind, 85 MB for 100,000 documents), and the temporary files of runs
 * killed before they could remove them. Files of this version, of other corpora, and anything
 * not named like the cache's, are left. Best effort: what cannot be read or removed is left.
 * Returns the names removed.
 */
export function pruneCacheDir(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  const head = Buffer.alloc(256);
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      let stale = false;
      if (TEMP_NAME.test(name)) stale = now - fs.statSync(file).mtimeMs > STALE_TEMP_MS;
      else if (CACHE_NAME.test(name)) {
        const fd = fs.openSync(file, 'r');
        let length: number;
        try {
          length = fs.readSync(fd, head, 0, head.length, 0);
        } finally {
          fs.closeSync(fd);
        }
        const version = HEADER_START.exec(head.toString('utf8', 0, length))?.[1];
        stale = version !== undefined && JSON.parse(version) !== CACHE_VERSION;
      }
      if (stale) {
        fs.rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Removed by another run meanwhile, or not ours to read: left as it is.
    }
  }
  return removed;
}

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
/** Characters of entries gathered before they are written. */
const WRITE_CHUNK = 1 << 20;

function headerLine(corpus: CorpusSummary): string {
  return `${JSON.stringify({ kind: HEADER_KIND, version: CACHE_VERSION, corpus })}\n`;
}

/**
 * The last line of a cache file: the SHA-256 of its entries (every byte between the header line
 * and this one). Entries are read lazily, from their bytes, so damage inside one would otherwise
 * be served (or crash the run) instead of being found when the cache is opened.
 */
const TRAILER_KIND = 'corpus-cache-end';
const trailerLine = (sha256: string): string => `${JSON.stringify({ kind: TRAILER_KIND, sha256 })}\n`;

/** Writes `head` and then the bytes of the file `from` to the new file `to`, a chunk at a time. */
function prepend(head: string, from: string, to: string): void {
  const chunk = Buffer.allocUnsafe(1 << 20);
  const input = fs.openSync(from, 'r');
  const output = fs.openSync(to, 'w');
  try {
    fs.writeSync(output, head);
    for (let n; (n = fs.readSync(input, chunk, 0, chunk.length, null)) > 0;) fs.writeSync(output, chunk, 0, n);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}
const KEY_START = '{"f":"';
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

/**
 * An opened cache: entries from the last run, and the next run's entries as they are written.
 * The last run's file is read a window at a time (window-lines.ts), and a line is decoded and
 * parsed only when its file is met, so memory stays near a window's size whatever the corpus.
 * The entries are written in corpus order, so a file's line is looked for first after the line
 * found last; only when it is not there are all the lines indexed by path.
 */
export class CorpusCache {
  private lines: WindowedLines | null = null;
  /** The start of the line after the one found last. */
  private next = 0;
  /** The start of each entry's line by path, once a file was not where expected. */
  private index: Map<string, number> | null = null;
  private out: { fd: number; tmp: string; headed: boolean; sha256: Hash } | null = null;
  private failed = false;
  /** Entries encoded, waiting to be written: no long string is built (it would go straight to the old generation). */
  private chunk: Buffer | null = null;
  private chunkLength = 0;
  /** What the last run found of the corpus as a whole, when the files are still the same. */
  corpus: CorpusSummary | null = null;

  private constructor(readonly file: string) {}

  /**
   * Opens the cache file; a missing file is an empty cache, and a damaged one (a header of
   * another version, no trailer, or entries that do not match the trailer's checksum) is
   * reported through `onDamage` and ignored (the run rebuilds it). An entry that is not laid
   * out for its file's size and time is a miss: the file is analysed again. The file stays open
   * until {@link close}; `window` is the size of what is read of it at once.
   */
  static open(file: string, onDamage: (why: string) => void, window = WINDOW): CorpusCache {
    const cache = new CorpusCache(file);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return cache;
    }
    try {
      const size = fs.fstatSync(fd).size;
      const lines = new WindowedLines(fd, size, window);
      const head = lines.at(0);
      if (!head) throw new Error('truncated');
      const header = JSON.parse(head.bytes.toString('utf8', head.start, head.end)) as {
        kind?: string;
        version?: string;
        corpus?: CorpusSummary;
      };
      if (header.kind !== HEADER_KIND || header.version !== CACHE_VERSION) throw new Error('unknown header');
      const last = lastLine(fd, size);
      if (!last || last.at < head.next) throw new Error('truncated');
      let trailer: { kind?: string; sha256?: string };
      try {
        trailer = JSON.parse(last.text) as typeof trailer;
      } catch {
        throw new Error('truncated');
      }
      if (trailer.kind !== TRAILER_KIND) throw new Error('truncated');
      if (sha256Of(fd, head.next, last.at) !== trailer.sha256) throw new Error('checksum mismatch');
      cache.corpus = header.corpus ?? null;
      cache.lines = new WindowedLines(fd, last.at, window);
      cache.next = head.next;
    } catch (err) {
      fs.closeSync(fd);
      onDamage(`damaged cache ignored and rebuilt (${(err as Error).message})`);
    }
    return cache;
  }

  /** Closes the last run's file: nothing of it can be read after. */
  close(): void {
    this.lines?.close();
    this.lines = null;
    this.index = null;
  }

  /** The line at `at` of the last run's file; null past its entries. */
  private lineAt(at: number): Line | null {
    return this.lines?.at(at) ?? null;
  }

  /** The path a line starts with; null when it does not start as an entry does. */
  private keyOf(line: Line): string | null {
    const { bytes, start, end } = line;
    if (!holdsAt(bytes, start, KEY_START)) return null;
    const open = start + KEY_START.length - 1;
    const close = afterString(bytes, open, end);
    try {
      return close < 0 ? null : stringAt(bytes, open, close);
    } catch {
      return null;
    }
  }

  /** True when the line is the entry of `absPath` (a plain ASCII path is compared as it is stored). */
  private isEntryOf(line: Line, absPath: string): boolean {
    const { bytes, start, end } = line;
    const open = start + KEY_START.length;
    if (!holdsAt(bytes, start, KEY_START) || open + absPath.length >= end || bytes[open + absPath.length] !== QUOTE)
      return this.keyOf(line) === absPath;
    for (let i = 0; i < absPath.length; i++) {
      const c = absPath.charCodeAt(i);
      // Anything JSON escapes, or UTF-8 encodes as more than one byte, is compared decoded.
      if (c < 0x20 || c >= 0x80 || c === QUOTE || c === BACKSLASH) return this.keyOf(line) === absPath;
      if (c !== bytes[open + i]) return false;
    }
    return true;
  }

  /** The line of a file's entry, or null when there is none; `next` is then past it. */
  private find(absPath: string): Line | null {
    let line = this.lineAt(this.next);
    if (!line || !this.isEntryOf(line, absPath)) {
      this.index ??= this.indexLines();
      const at = this.index.get(absPath);
      line = at === undefined ? null : this.lineAt(at);
      if (!line) return null;
    }
    this.next = line.next;
    return line;
  }

  private indexLines(): Map<string, number> {
    const index = new Map<string, number>();
    const first = this.lineAt(0);
    for (let line = first && this.lineAt(first.next); line; line = this.lineAt(line.next)) {
      const key = this.keyOf(line);
      // A JSON Lines file's entries are found from its first.
      if (key !== null && !index.has(key)) index.set(key, line.at);
    }
    return index;
  }

  /**
   * The edge-line keys of a file's entry, when its size and modification time are unchanged:
   * only the head of the line is parsed, which is all the first pass needs.
   */
  edges(absPath: string, size: number, mtimeMs: number): string[] | null {
    return this.get(absPath, size, mtimeMs)?.edges ?? null;
  }

  /**
   * The entry for a file, when its size and modification time are unchanged: its edge lines are
   * parsed now, the rest of its line when asked for.
   */
  get(absPath: string, size: number, mtimeMs: number): StoredEntry | null {
    const line = this.find(absPath);
    return line ? StoredEntry.read(line, size, mtimeMs) : null;
  }

  /**
   * The entries of a JSON Lines file, when its size and modification time are unchanged and
   * every entry is laid out for them, up to the file's own entry; null otherwise.
   */
  jsonl(absPath: string, size: number, mtimeMs: number): CachedJsonl | null {
    const first = this.find(absPath);
    if (!first) return null;
    const stamp = `,"s":${size},"m":${mtimeMs},"j":`;
    let records = 0;
    for (let line: Line | null = first; line; line = this.lineAt(line.next)) {
      if (!this.isEntryOf(line, absPath)) return null;
      const { bytes, start, end } = line;
      const keyEnd = afterString(bytes, start + KEY_START.length - 1, end);
      if (holdsAt(bytes, keyEnd, stamp)) {
        let file: JsonlFileEntry;
        try {
          file = JSON.parse(bytes.toString('utf8', start, end)) as JsonlFileEntry;
        } catch {
          return null;
        }
        const j = file.j;
        if (typeof j !== 'object' || j === null || j.n !== records || !Array.isArray(j.skip) || !Array.isArray(j.warn))
          return null;
        this.next = line.next;
        return new CachedJsonl((at) => this.lineAt(at), first.at, line.at, j, size, mtimeMs);
      }
      if (StoredEntry.read(line, size, mtimeMs)?.recordId() == null) return null;
      records++;
    }
    return null;
  }

  /** True once the next version is being written. */
  get writing(): boolean {
    return this.out !== null;
  }

  /**
   * Starts writing the next version of the cache, entry by entry, after its header. Without a
   * header (it is not known yet), {@link commit} is given it and puts it first.
   */
  begin(corpus: CorpusSummary | null): void {
    if (this.out || this.failed) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = this.tempName();
      const fd = fs.openSync(tmp, 'w');
      if (corpus) fs.writeSync(fd, headerLine(corpus));
      this.out = { fd, tmp, headed: corpus !== null, sha256: createHash('sha256') };
    } catch {
      this.failed = true;
    }
  }

  /** A new temporary file's name beside the cache, removed at exit unless renamed or removed before. */
  private tempName(): string {
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    removeAtExit(tmp);
    return tmp;
  }

  /** Writes one entry of the next version. */
  put(entry: CacheEntry | JsonlFileEntry): void {
    if (!this.out) return;
    const line = `${JSON.stringify(entry)}\n`;
    if (this.room(Buffer.byteLength(line))) this.chunkLength += (this.chunk as Buffer).write(line, this.chunkLength);
    else this.writeOut(Buffer.from(line));
  }

  /** Writes a stored entry's line as it is, from where it starts ({@link StoredEntry.line}). */
  putStored(at: number): void {
    if (!this.out) return;
    const line = this.lineAt(at);
    if (!line) return;
    const { bytes, start } = line;
    const end = line.end + 1;
    if (this.room(end - start)) this.chunkLength += bytes.copy(this.chunk as Buffer, this.chunkLength, start, end);
    else this.writeOut(bytes.subarray(start, end));
  }

  /** Makes room for `size` bytes in the chunk; false when they are more than a chunk holds. */
  private room(size: number): boolean {
    if (this.chunkLength + size > WRITE_CHUNK) this.flushWrites();
    if (size > WRITE_CHUNK) return false;
    this.chunk ??= Buffer.allocUnsafe(WRITE_CHUNK);
    return true;
  }

  /** Writes entries already encoded as JSON Lines (each line ending in a newline). */
  putLines(lines: Uint8Array): void {
    if (!this.out) return;
    this.flushWrites();
    this.writeOut(lines);
  }

  /** Entries are written a chunk at a time: one system call per entry costs more than the entry. */
  private flushWrites(): void {
    if (this.chunk === null || this.chunkLength === 0) return;
    const length = this.chunkLength;
    this.chunkLength = 0;
    this.writeOut(this.chunk.subarray(0, length));
  }

  private writeOut(data: Uint8Array): void {
    if (!this.out) return;
    try {
      this.out.sha256.update(data);
      for (let at = 0; at < data.length;) at += fs.writeSync(this.out.fd, data, at);
    } catch {
      this.abandon();
    }
  }

  /** Makes the written version the cache, atomically; `corpus` is its header, if not written yet. */
  commit(corpus?: CorpusSummary): void {
    this.flushWrites();
    if (!this.out) return;
    const { fd, tmp, headed, sha256 } = this.out;
    this.out = null;
    let written = tmp;
    try {
      fs.writeSync(fd, trailerLine(sha256.digest('hex')));
      fs.closeSync(fd);
      if (!headed) {
        if (!corpus) throw new Error('a cache needs its header');
        written = this.tempName();
        prepend(headerLine(corpus), tmp, written);
        fs.rmSync(tmp, { force: true });
      }
      fs.renameSync(written, this.file);
      pruneCacheDir(path.dirname(this.file));
    } catch {
      fs.rmSync(tmp, { force: true });
      fs.rmSync(written, { force: true });
    } finally {
      keepOrRemoved(tmp);
      keepOrRemoved(written);
    }
  }

  /** Drops what was written (the run did not see the whole corpus). */
  abandon(): void {
    this.chunkLength = 0;
    if (!this.out) return;
    const { fd, tmp } = this.out;
    this.out = null;
    try {
      fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(tmp, { force: true });
    keepOrRemoved(tmp);
  }
}

/** A JSON Lines file's entries in the cache (see {@link CorpusCache.jsonl}). */
export class CachedJsonl {
  constructor(
    /** The line at a place in the cache file. */
    private readonly lineAt: (at: number) => Line | null,
    private readonly first: number,
    /** Where the file's own entry's line starts: {@link CorpusCache.putStored} carries it over. */
    readonly line: number,
    readonly file: JsonlFileEntry['j'],
    private readonly size: number,
    private readonly mtimeMs: number,
  ) {}

  /** Each record's entry, with its line number in the file, in order. */
  *records(): Generator<[number, StoredEntry]> {
    const skip = this.file.skip;
    let lineNo = 0;
    let k = 0;
    for (let at = this.first; at < this.line;) {
      const line = this.lineAt(at) as Line;
      lineNo++;
      while (k < skip.length && skip[k] === lineNo) {
        k++;
        lineNo++;
      }
      yield [lineNo, StoredEntry.read(line, this.size, this.mtimeMs) as StoredEntry];
      at = line.next;
    }
  }

  /** True when every record's analysis holds for a corpus where `recurring` recur (see {@link StoredEntry.hitsAre}). */
  hitsAre(recurring: RecurringKeys): boolean {
    for (const [, stored] of this.records()) if (!stored.hitsAre(recurring)) return false;
    return true;
  }
}

/** Past the JSON string whose opening quote is at `at`, escapes included; -1 when it does not end before `end`. */
function afterString(bytes: Buffer, at: number, end: number): number {
  for (let i = at + 1; i < end; i++) {
    const c = bytes[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/** The JSON string at `open`…`end` (its quotes), decoded; one without escapes is its own text. Throws when it is not valid. */
function stringAt(bytes: Buffer, open: number, end: number): string {
  for (let i = open + 1; i < end - 1; i++)
    if (bytes[i] === BACKSLASH) return JSON.parse(bytes.toString('utf8', open, end)) as string;
  return bytes.toString('utf8', open + 1, end - 1);
}

/**
 * Past the JSON array of strings whose `[` is at `at`, as JSON.stringify writes it (no spaces);
 * -1 when there is none there that ends before `end`.
 */
function afterArray(bytes: Buffer, at: number, end: number): number {
  if (bytes[at] !== 0x5b) return -1;
  if (bytes[at + 1] === 0x5d) return at + 2;
  for (let i = at + 1; i < end; i++) {
    if (bytes[i] !== QUOTE) return -1;
    i = afterString(bytes, i, end);
    if (i < 0) return -1;
    if (bytes[i] === 0x5d) return i + 1;
    if (bytes[i] !== 0x2c) return -1;
  }
  return -1;
}

/** The quote of the string that comes next in an array of strings, from `at` (its `[`, or past a string); -1 at the array's end. */
function nextString(bytes: Buffer, at: number): number {
  return bytes[at] === 0x5d || bytes[at + 1] === 0x5d ? -1 : at + 1;
}

/** True when `bytes` hold, from `start` to `end`, only what a JSON string holds as it is (no escapes, no control characters). */
function plainText(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === BACKSLASH || (bytes[i] as number) < 0x20) return false;
  return true;
}

/** FNV-1a of the code units of an ASCII text, or of its bytes. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function fnvBytes(bytes: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

/**
 * The lines recurring across the corpus, looked up by the bytes of a stored key, without making
 * a string of it: keys are digests in ASCII (see recurring-lines.ts), so their bytes are their
 * code units. Any other key is looked up decoded.
 */
export class RecurringKeys {
  private readonly byHash = new Map<number, string[]>();

  constructor(readonly keys: ReadonlySet<string>) {
    for (const key of keys) {
      const h = fnv(key);
      const same = this.byHash.get(h);
      if (same) same.push(key);
      else this.byHash.set(h, [key]);
    }
  }

  /** True when the JSON string at `open`…`close` (its quotes) is one of the keys. */
  hasAt(bytes: Buffer, open: number, close: number): boolean {
    for (let i = open + 1; i < close - 1; i++)
      if ((bytes[i] as number) >= 0x80) return this.keys.has(stringAt(bytes, open, close));
    const same = this.byHash.get(fnvBytes(bytes, open + 1, close - 1));
    return same !== undefined && same.some((key) => holdsAt(bytes, open + 1, key) && key.length === close - open - 2);
  }
}

/** True when `bytes` hold the ASCII `text` at `at`. */
function holdsAt(bytes: Buffer, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

const QUOTE = 0x22;
const H_KEY = ',"h":';
const L_KEY = ',"l":"';
const R_KEY = ',"r":';
const ID_KEY = '{"id":"';
const PATH_KEY = ',"path":"';
// Looked for as bytes: a string needle would be encoded at every search.
const PARAGRAPHS_KEY = Buffer.from(',"paragraphs":');
const HASH_KEY = Buffer.from(',"hash":"');

/**
 * One stored entry line, `{"f":…,"s":…,"m":…,"e":[…],"h":[…],"l":"…","r":{"id":…,"path":…,…}}`
 * as `JSON.stringify` writes a {@link CacheEntry}, read without parsing all of it: a warm run
 * needs to know that every entry still holds (its edge lines that recur are its hits) and each
 * record's hash, but the rest of an entry only when something looks into it. Its parts are found
 * by reading its structure; the record's `paragraphs` and `hash` are the last such keys in it.
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
    private readonly lStart: number,
    private readonly rStart: number,
    private readonly end: number,
    /** The record's `paragraphs` and `hash`: all that marking duplicates needs. */
    readonly paragraphs: number,
    readonly hash: string,
  ) {
    // Escaped keys (never written for digests) are parsed now, so that a bad one is a miss.
    this.head = plainText(bytes, eStart, lStart) ? null : this.parseHead();
  }

  /** `"e":[…],"h":[…]`, parsed. */
  private parseHead(): Pick<CacheEntry, 'e' | 'h'> {
    return JSON.parse(`{${this.bytes.toString('utf8', this.eStart - 4, this.lStart)}}`) as Pick<CacheEntry, 'e' | 'h'>;
  }

  /** Reads an entry's line when it is for this size and modification time; null otherwise or when it is not laid out so. */
  static read(line: Line, size: number, mtimeMs: number): StoredEntry | null {
    const { bytes, start, end } = line;
    // The numbers are as JSON.stringify writes them.
    const keyEnd = holdsAt(bytes, start, KEY_START) ? afterString(bytes, start + KEY_START.length - 1, end) : -1;
    const stamp = `,"s":${size},"m":${mtimeMs},"e":`;
    if (keyEnd < 0 || !holdsAt(bytes, keyEnd, stamp)) return null;
    const eStart = keyEnd + stamp.length;
    const hKey = afterArray(bytes, eStart, end);
    const lKey = hKey >= 0 && holdsAt(bytes, hKey, H_KEY) ? afterArray(bytes, hKey + H_KEY.length, end) : -1;
    const rKey = lKey >= 0 && holdsAt(bytes, lKey, L_KEY) ? afterString(bytes, lKey + L_KEY.length - 1, end) : -1;
    if (
      rKey < 0 ||
      !holdsAt(bytes, rKey, R_KEY) ||
      !holdsAt(bytes, rKey + R_KEY.length, ID_KEY) ||
      !holdsAt(bytes, end - 2, '}}')
    )
      return null;
    // The last of each in the line is the record's own: only `flags` and `provenance` come after them.
    const paragraphsAt = bytes.lastIndexOf(PARAGRAPHS_KEY, end) + PARAGRAPHS_KEY.length;
    const hashAt = bytes.lastIndexOf(HASH_KEY, end) + HASH_KEY.length - 1;
    const hashEnd = hashAt < rKey ? -1 : afterString(bytes, hashAt, end);
    if (paragraphsAt < rKey || hashEnd < 0) return null;
    let paragraphs = 0;
    let digit = paragraphsAt;
    for (let c = bytes[digit]; c !== undefined && c >= 0x30 && c <= 0x39; c = bytes[++digit])
      paragraphs = paragraphs * 10 + c - 0x30;
    if (digit === paragraphsAt) return null;
    try {
      return new StoredEntry(
        bytes,
        line.at,
        eStart,
        hKey + H_KEY.length,
        lKey,
        rKey,
        end,
        paragraphs,
        stringAt(bytes, hashAt, hashEnd),
      );
    } catch {
      return null;
    }
  }

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
    const { bytes, end } = this;
    let h = this.hStart;
    for (let e = this.eStart, open = nextString(bytes, e); open >= 0; open = nextString(bytes, e)) {
      e = afterString(bytes, open, end);
      if (!recurring.hasAt(bytes, open, e)) continue;
      const hit = nextString(bytes, h);
      if (hit < 0) return false;
      h = afterString(bytes, hit, end);
      if (bytes.compare(bytes, hit, h, open, e) !== 0) return false;
    }
    return nextString(bytes, h) < 0;
  }

  /** The record's `id` (for a JSON Lines record, the id it asks for); null when it is not laid out so. */
  recordId(): string | null {
    const close = this.idEnd();
    try {
      return close < 0 ? null : stringAt(this.bytes, this.idStart, close);
    } catch {
      return null;
    }
  }

  /** Where the record's `id` string starts (its quote), and past its end (-1 when it does not end). */
  private get idStart(): number {
    return this.rStart + R_KEY.length + ID_KEY.length - 1;
  }

  private idEnd(): number {
    return afterString(this.bytes, this.idStart, this.end);
  }

  /** The lede shown for an untitled document. */
  lede(): string {
    return JSON.parse(this.bytes.toString('utf8', this.lStart + L_KEY.length - 1, this.rStart)) as string;
  }

  /** The record, parsed. */
  record(): DocumentRecord {
    return JSON.parse(this.bytes.toString('utf8', this.rStart + R_KEY.length, this.end - 1)) as DocumentRecord;
  }

  /**
   * The record as JSON with another id and path: exactly what `JSON.stringify` gives for the
   * parsed record with them (`id` and `path` are its first fields), built without parsing or
   * writing it again: the text of its head, then the UTF-8 bytes of the rest as stored. Null
   * when the record is not laid out so.
   */
  recordJsonWith(id: string, path: string): readonly [string, Uint8Array] | null {
    const idEnd = this.idEnd();
    if (idEnd < 0 || !holdsAt(this.bytes, idEnd, PATH_KEY)) return null;
    const pathEnd = afterString(this.bytes, idEnd + PATH_KEY.length - 1, this.end);
    if (pathEnd < 0) return null;
    return [`{"id":${JSON.stringify(id)},"path":${JSON.stringify(path)}`, this.bytes.subarray(pathEnd, this.end - 1)];
  }
}
