// The metadata cache: each text file's record, kept between runs, keyed by the file's identity
// (absolute path, size, modification time), the tool's version and the corpus read. One JSON
// Lines file per corpus, written whole to a temporary file and renamed, so a reader never sees
// half of it and two runs at once cannot corrupt it.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentRecord } from './types.js';
import { VERSION } from './version.js';

/** What the cache keeps of one text file's document. */
export interface CacheEntry {
  /** Absolute path, size in bytes, modification time in ms. */
  f: string;
  s: number;
  m: number;
  /** Keys of the edge lines, for the count of lines recurring across the corpus. */
  e: string[];
  /** The edge lines that were boilerplate as recurring when the record was made. */
  h: string[];
  /** The lede shown for an untitled document. */
  l: string;
  /** The record, without the run's `duplicate` flag. */
  r: DocumentRecord;
}

const HEADER_KIND = 'corpus-cache';
/**
 * The tool's version and the analysis's: bump the latter whenever a record made from the same
 * file would differ (a new hash, a new field), so that old entries are not served.
 */
const CACHE_VERSION = `${VERSION}+2`;

/**
 * What one pass over the whole corpus found, kept in the cache's header: when the files are
 * the same (same fingerprint of paths, sizes and times), the next run need not count again.
 */
export interface CorpusSummary {
  fingerprint: string;
  documents: number;
  recurring: string[];
}

/** A fingerprint of the corpus's files: each one's path, size and modification time, in order. */
export function fingerprintOf(files: Iterable<{ absPath: string; size: number; mtimeMs: number } | undefined>): string {
  const hash = createHash('sha1');
  for (const f of files) hash.update(f ? `${f.absPath}\0${f.size}\0${f.mtimeMs}\n` : '-\n');
  return hash.digest('hex');
}

/** The cache folder: `$XDG_CACHE_HOME/corpus`, else `~/.cache/corpus`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'corpus');
}

/** The cache file for a corpus: named by the version and everything that changes what is read. */
export function cacheFileFor(dir: string, corpusKey: unknown): string {
  const hash = createHash('sha1').update(JSON.stringify({ version: CACHE_VERSION, corpus: corpusKey })).digest('hex').slice(0, 16);
  return path.join(dir, `corpus-${hash}.jsonl`);
}

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
/** Characters of entries gathered before they are written. */
const WRITE_CHUNK = 1 << 20;

function headerLine(corpus: CorpusSummary): string {
  return `${JSON.stringify({ kind: HEADER_KIND, version: CACHE_VERSION, corpus })}\n`;
}

/** Writes `head` and then the bytes of the file `from` to the new file `to`, a chunk at a time. */
function prepend(head: string, from: string, to: string): void {
  const chunk = Buffer.allocUnsafe(1 << 20);
  const input = fs.openSync(from, 'r');
  const output = fs.openSync(to, 'w');
  try {
    fs.writeSync(output, head);
    for (let n; (n = fs.readSync(input, chunk, 0, chunk.length, null)) > 0; ) fs.writeSync(output, chunk, 0, n);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}
const KEY_END = Buffer.from('","s":');
const KEY_START = Buffer.from('{"f":"');

/**
 * An opened cache: entries from the last run, and the next run's entries as they are written.
 * The last run's file is kept as bytes, with the offset of each file's line: a line is decoded
 * and parsed only when its file is met, so memory stays near the size of the file on disk.
 */
export class CorpusCache {
  private bytes: Buffer = Buffer.alloc(0);
  private readonly lines = new Map<string, number>();
  private starts = new Uint32Array(0);
  private ends = new Uint32Array(0);
  private out: { fd: number; tmp: string; headed: boolean } | null = null;
  private failed = false;
  /** Entries encoded, waiting to be written: no long string is built (it would go straight to the old generation). */
  private chunk: Buffer | null = null;
  private chunkLength = 0;
  /** What the last run found of the corpus as a whole, when the files are still the same. */
  corpus: CorpusSummary | null = null;

  private constructor(readonly file: string) {}

  /**
   * Opens the cache file; a missing file is an empty cache, and a damaged one is reported
   * through `onDamage` and ignored (the run rebuilds it).
   */
  static open(file: string, onDamage: (why: string) => void): CorpusCache {
    const cache = new CorpusCache(file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return cache;
    }
    try {
      const headerEnd = bytes.indexOf(NEWLINE);
      const header = JSON.parse(bytes.toString('utf8', 0, headerEnd < 0 ? bytes.length : headerEnd)) as {
        kind?: string;
        version?: string;
        corpus?: CorpusSummary;
      };
      if (header.kind !== HEADER_KIND || header.version !== CACHE_VERSION) throw new Error('unknown header');
      cache.corpus = header.corpus ?? null;
      if (bytes[bytes.length - 1] !== NEWLINE) throw new Error('truncated');
      const starts: number[] = [];
      const ends: number[] = [];
      for (let start = headerEnd + 1; start < bytes.length; ) {
        let end = bytes.indexOf(NEWLINE, start);
        if (end < 0) end = bytes.length;
        if (end > start) {
          // Only the key is read now; an entry is parsed when its file is met.
          const keyEnd = bytes.indexOf(KEY_END, start);
          if (bytes.compare(KEY_START, 0, KEY_START.length, start, start + KEY_START.length) !== 0 || keyEnd < 0 || keyEnd > end) {
            throw new Error(`entry ${starts.length + 1}`);
          }
          // A path without escapes is its own JSON string: no need to parse it.
          let escaped = false;
          for (let i = start + KEY_START.length; i < keyEnd && !escaped; i++) escaped = bytes[i] === BACKSLASH;
          const key = escaped
            ? (JSON.parse(bytes.toString('utf8', start + 5, keyEnd + 1)) as string)
            : bytes.toString('utf8', start + KEY_START.length, keyEnd);
          cache.lines.set(key, starts.length);
          starts.push(start);
          ends.push(end);
        }
        start = end + 1;
      }
      cache.bytes = bytes;
      cache.starts = Uint32Array.from(starts);
      cache.ends = Uint32Array.from(ends);
    } catch (err) {
      cache.lines.clear();
      cache.corpus = null;
      onDamage(`damaged cache ignored and rebuilt (${(err as Error).message})`);
    }
    return cache;
  }

  /** The stored line of a file's entry, as it is (to carry it into the next version unparsed). */
  raw(absPath: string): string | undefined {
    const i = this.lines.get(absPath);
    return i === undefined ? undefined : this.bytes.toString('utf8', this.starts[i], this.ends[i]);
  }

  /**
   * The edge-line keys of a file's entry, when its size and modification time are unchanged:
   * only the head of the line is parsed, which is all the first pass needs.
   */
  edges(absPath: string, size: number, mtimeMs: number): string[] | null {
    const i = this.lines.get(absPath);
    if (i === undefined) return null;
    const end = this.bytes.indexOf(',"h":', this.starts[i]);
    if (end < 0 || end > (this.ends[i] as number)) return null;
    try {
      const head = JSON.parse(`${this.bytes.toString('utf8', this.starts[i], end)}}`) as Pick<CacheEntry, 's' | 'm' | 'e'>;
      return head.s === size && head.m === mtimeMs ? head.e : null;
    } catch {
      return null;
    }
  }

  /** The entry for a file, with its line as stored, when its size and modification time are unchanged. */
  get(absPath: string, size: number, mtimeMs: number): { entry: CacheEntry; line: string } | null {
    const line = this.raw(absPath);
    if (line === undefined) return null;
    try {
      const entry = JSON.parse(line) as CacheEntry;
      return entry.s === size && entry.m === mtimeMs ? { entry, line } : null;
    } catch {
      return null;
    }
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
      this.out = { fd, tmp, headed: corpus !== null };
    } catch {
      this.failed = true;
    }
  }

  private tempName(): string {
    return `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  }

  /** Writes one entry of the next version (an object, or a stored line carried over). */
  put(entry: CacheEntry | string): void {
    if (!this.out) return;
    const line = typeof entry === 'string' ? entry : JSON.stringify(entry);
    const size = Buffer.byteLength(line) + 1;
    if (this.chunkLength + size > WRITE_CHUNK) this.flushWrites();
    if (size > WRITE_CHUNK) {
      this.writeOut(Buffer.from(`${line}\n`));
      return;
    }
    this.chunk ??= Buffer.allocUnsafe(WRITE_CHUNK);
    this.chunkLength += this.chunk.write(line, this.chunkLength);
    this.chunk[this.chunkLength++] = NEWLINE;
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
      for (let at = 0; at < data.length; ) at += fs.writeSync(this.out.fd, data, at);
    } catch {
      this.abandon();
    }
  }

  /** Makes the written version the cache, atomically; `corpus` is its header, if not written yet. */
  commit(corpus?: CorpusSummary): void {
    this.flushWrites();
    if (!this.out) return;
    const { fd, tmp, headed } = this.out;
    this.out = null;
    let written = tmp;
    try {
      fs.closeSync(fd);
      if (!headed) {
        if (!corpus) throw new Error('a cache needs its header');
        written = this.tempName();
        prepend(headerLine(corpus), tmp, written);
        fs.rmSync(tmp, { force: true });
      }
      fs.renameSync(written, this.file);
    } catch {
      fs.rmSync(tmp, { force: true });
      fs.rmSync(written, { force: true });
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
  }
}

/** Past the JSON string that opens at `at` (a quote), escapes included. */
function afterString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/**
 * The record of a stored entry line as JSON, with another id and path: exactly what
 * `JSON.stringify` gives for the parsed record with them (the record is the entry's last field,
 * written by `JSON.stringify` with `id` and `path` first), built without parsing or writing it
 * again. Null when the line is not laid out so.
 */
export function recordJsonWith(line: string, id: string, path: string): string | null {
  const at = line.indexOf(',"r":{"id":"');
  if (at < 0 || !line.endsWith('}}')) return null;
  const idEnd = afterString(line, at + 11);
  if (idEnd < 0 || !line.startsWith(',"path":"', idEnd)) return null;
  const pathEnd = afterString(line, idEnd + 8);
  if (pathEnd < 0) return null;
  return `{"id":${JSON.stringify(id)},"path":${JSON.stringify(path)}${line.slice(pathEnd, -1)}`;
}
