// The next version of a cache file, written entry by entry to a temporary file beside it, a chunk
// at a time, with the running SHA-256 of its entries for the trailer; renamed over the cache at
// the end, so that a reader never sees half of it and two runs at once cannot corrupt it.

import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeDir, pruneCacheDir, tempFileFor } from './cache-files.js';
import { headerLine, trailerLine, type CacheEntry, type CorpusSummary, type JsonlFileEntry } from './file-format.js';
import { keepOrRemoved, removeAtExit } from './temp-files.js';

/** Characters of entries gathered before they are written. */
const WRITE_CHUNK = 1 << 20;

/** Writes `head` and then the bytes of the file `from` to the new file `to`, a chunk at a time. */
function prepend(head: string, from: string, to: string): void {
  const chunk = Buffer.allocUnsafe(1 << 20);
  const input = fs.openSync(from, 'r');
  try {
    const output = fs.openSync(to, 'w');
    try {
      fs.writeSync(output, head);
      for (let n; (n = fs.readSync(input, chunk, 0, chunk.length, null)) > 0;) fs.writeSync(output, chunk, 0, n);
    } finally {
      fs.closeSync(output);
    }
  } finally {
    fs.closeSync(input);
  }
}

/** A new temporary file's name beside the cache, removed at exit unless renamed or removed before. */
function tempName(file: string): string {
  const tmp = tempFileFor(file);
  removeAtExit(tmp);
  return tmp;
}

/** Why a write failed, in a word: the error's code when it has one. */
function whyOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/**
 * The writer of the cache file `file`'s next version: {@link begin} starts it, the `put` methods
 * add entries, {@link commit} puts it in place and {@link abandon} drops it. Writing is best
 * effort: when the file cannot be written, nothing is, `onFailure` is told why (once), and the
 * run goes on without a cache.
 */
export class CacheWriter {
  private out: { fd: number; tmp: string; headed: boolean; sha256: Hash } | null = null;
  /** The SHA-256 of the entries of the version last put in place, once one was. */
  committed: string | null = null;
  private failed = false;
  /** Entries encoded, waiting to be written: no long string is built (it would go straight to the old generation). */
  private chunk: Buffer | null = null;
  private chunkLength = 0;

  constructor(
    private readonly file: string,
    private readonly onFailure: (why: string) => void,
  ) {}

  /** Writes nothing from now on, and says why. */
  private fail(why: string): void {
    if (this.failed) return;
    this.failed = true;
    this.onFailure(`cache not written (${why})`);
  }

  /** Writes nothing from now on (the caller said why). */
  disable(): void {
    this.failed = true;
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
      makeDir(path.dirname(this.file));
    } catch (err) {
      this.fail(`cannot create its folder: ${whyOf(err)}`);
      return;
    }
    let tmp: string | null = null;
    let fd: number | null = null;
    try {
      tmp = tempName(this.file);
      fd = fs.openSync(tmp, 'w');
      if (corpus) fs.writeSync(fd, headerLine(corpus));
      this.out = { fd, tmp, headed: corpus !== null, sha256: createHash('sha256') };
    } catch (err) {
      if (fd !== null) fs.closeSync(fd);
      if (tmp !== null) removeTemp(tmp);
      this.fail(whyOf(err));
    }
  }

  /** Writes one entry. */
  put(entry: CacheEntry | JsonlFileEntry): void {
    if (!this.out) return;
    const line = `${JSON.stringify(entry)}\n`;
    if (this.room(Buffer.byteLength(line))) this.chunkLength += (this.chunk as Buffer).write(line, this.chunkLength);
    else this.writeOut(Buffer.from(line));
  }

  /** Writes `bytes[start…end)`: an entry's line as it is stored, its newline included. */
  putBytes(bytes: Buffer, start: number, end: number): void {
    if (!this.out) return;
    if (this.room(end - start)) this.chunkLength += bytes.copy(this.chunk as Buffer, this.chunkLength, start, end);
    else this.writeOut(bytes.subarray(start, end));
  }

  /** Writes entries already encoded as JSON Lines (each line ending in a newline). */
  putLines(lines: Uint8Array): void {
    if (!this.out) return;
    this.flushWrites();
    this.writeOut(lines);
  }

  /** Makes room for `size` bytes in the chunk; false when they are more than a chunk holds. */
  private room(size: number): boolean {
    if (this.chunkLength + size > WRITE_CHUNK) this.flushWrites();
    if (size > WRITE_CHUNK) return false;
    this.chunk ??= Buffer.allocUnsafe(WRITE_CHUNK);
    return true;
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
    } catch (err) {
      this.abandon();
      this.fail(whyOf(err));
    }
  }

  /** Makes the written version the cache, atomically; `corpus` is its header, if not written yet. */
  commit(corpus?: CorpusSummary): void {
    this.flushWrites();
    if (!this.out) return;
    const { fd, tmp, headed, sha256 } = this.out;
    this.out = null;
    let written = tmp;
    const digest = sha256.digest('hex');
    try {
      try {
        fs.writeSync(fd, trailerLine(digest));
      } finally {
        fs.closeSync(fd);
      }
      if (!headed) {
        if (!corpus) throw new Error('a cache needs its header');
        written = tempName(this.file);
        prepend(headerLine(corpus), tmp, written);
        removeTemp(tmp);
      }
      fs.renameSync(written, this.file);
    } catch (err) {
      removeTemp(tmp);
      removeTemp(written);
      this.fail(whyOf(err));
      return;
    }
    keepOrRemoved(written);
    this.committed = digest;
    pruneCacheDir(path.dirname(this.file));
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
    removeTemp(tmp);
  }
}

/** Removes a temporary file, now rather than at exit. */
function removeTemp(tmp: string): void {
  try {
    fs.rmSync(tmp, { force: true });
  } catch {
    /* left for the exit handler, then for pruning */
    return;
  }
  keepOrRemoved(tmp);
}
