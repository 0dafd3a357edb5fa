// The metadata cache of one corpus, opened: each text file's record and each JSON Lines record's,
// kept between runs, keyed by the file's identity (absolute path, size, modification and change
// times, inode), the tool's version and the corpus read. The last run's entries are looked up
// here, in corpus order; the next run's are written through a CacheWriter (cache-writer.ts).

import fs from 'node:fs';
import { CachedJsonl } from './cached-jsonl.js';
import { CacheWriter } from './cache-writer.js';
import {
  checkedEntries,
  type CacheEntry,
  type CorpusSummary,
  type FileKey,
  type JsonlFileEntry,
} from './file-format.js';
import { isFileEntry, isPathOf, pathOf, stampOf } from './json-bytes.js';
import { StoredEntry } from './stored-entry.js';
import { WINDOW, type Line, type WindowedLines } from './window-lines.js';

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
  private readonly writer: CacheWriter;
  /** What the last run found of the corpus as a whole, when the files are still the same. */
  corpus: CorpusSummary | null = null;
  /** The SHA-256 of the opened file's entries (its trailer's); null when none was read. */
  sha256: string | null = null;
  /** What was reported of this cache (each thing once). */
  readonly reported: string[] = [];

  private constructor(
    readonly file: string,
    private readonly onProblem: (why: string) => void,
  ) {
    this.writer = new CacheWriter(file, (why) => this.report(why));
  }

  private report(why: string): void {
    if (this.reported.includes(why)) return;
    this.reported.push(why);
    this.onProblem(why);
  }

  /**
   * Opens the cache file; a missing file is an empty cache, and a damaged one (a header of
   * another version, no trailer, entries that do not match the trailer's checksum, not a file)
   * is reported through `onProblem` and ignored (the run rebuilds it). A folder in its place is
   * removed when empty; else it is reported, and the run neither reads nor writes a cache. So is
   * a cache that cannot be written (its folder cannot be made, the disk is full). An entry
   * that is not laid out for its file's key is a miss: the file is analysed again. The file stays
   * open until {@link close}; `window` is the size of what is read of it at once.
   */
  static open(file: string, onProblem: (why: string) => void, window = WINDOW): CorpusCache {
    const cache = new CorpusCache(file, onProblem);
    let fd: number;
    try {
      // Not blocking: a FIFO put in its place must not hang the run.
      fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch {
      // Missing (or unreadable: then writing it says why).
      return cache;
    }
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) {
        fs.closeSync(fd);
        cache.notAFile(stat.isDirectory());
        return cache;
      }
      const { corpus, lines, first, sha256 } = checkedEntries(fd, window);
      cache.corpus = corpus;
      cache.sha256 = sha256;
      cache.lines = lines;
      cache.next = first;
    } catch (err) {
      fs.closeSync(fd);
      cache.report(`damaged cache ignored and rebuilt (${(err as Error).message})`);
    }
    return cache;
  }

  /**
   * Something else in the cache file's place (a folder, a FIFO): replaced when the cache is
   * written. A folder cannot be renamed over, so it is removed first; one that is not empty is
   * not ours to remove, and then the run goes without a cache, saying why.
   */
  private notAFile(folder: boolean): void {
    if (folder) {
      try {
        fs.rmdirSync(this.file);
      } catch {
        this.writer.disable();
        this.report('the cache file is a folder, not empty: no cache is read or written until it is removed');
        return;
      }
    }
    this.report(`damaged cache ignored and rebuilt (${folder ? 'a folder, removed' : 'not a file'})`);
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

  /** The line of a file's entry, or null when there is none; `next` is then past it. */
  private find(absPath: string): Line | null {
    let line = this.lineAt(this.next);
    if (!line || !isPathOf(line, absPath)) {
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
      const key = pathOf(line);
      // A JSON Lines file's entries are found from its first.
      if (key !== null && !index.has(key)) index.set(key, line.at);
    }
    return index;
  }

  /**
   * The edge-line keys of a file's entry, when its key is unchanged: only the head of the line
   * is parsed, which is all the first pass needs.
   */
  edges(key: FileKey): string[] | null {
    return this.get(key)?.edges ?? null;
  }

  /**
   * The entry for a file, when its key (size, times, inode) is unchanged: its edge lines are
   * parsed now, the rest of its line when asked for.
   */
  get(key: FileKey): StoredEntry | null {
    const line = this.find(key.absPath);
    return line ? StoredEntry.read(line, stampOf(key)) : null;
  }

  /**
   * The entries of a JSON Lines file, when its key is unchanged and every entry is laid out for
   * it, up to the file's own entry; null otherwise.
   */
  jsonl(key: FileKey): CachedJsonl | null {
    const first = this.find(key.absPath);
    if (!first) return null;
    const stamp = stampOf(key);
    let records = 0;
    for (let line: Line | null = first; line; line = this.lineAt(line.next)) {
      if (!isPathOf(line, key.absPath)) return null;
      if (isFileEntry(line, stamp)) {
        const j = fileEntryOf(line);
        if (j === null || j.n !== records) return null;
        this.next = line.next;
        return new CachedJsonl((at) => this.lineAt(at), first.at, line.at, j, stamp);
      }
      if (StoredEntry.read(line, stamp)?.recordId() == null) return null;
      records++;
    }
    return null;
  }

  /** True once the next version is being written. */
  get writing(): boolean {
    return this.writer.writing;
  }

  /**
   * Starts writing the next version of the cache, entry by entry, after its header. Without a
   * header (it is not known yet), {@link commit} is given it and puts it first.
   */
  begin(corpus: CorpusSummary | null): void {
    this.writer.begin(corpus);
  }

  /** Writes one entry of the next version. */
  put(entry: CacheEntry | JsonlFileEntry): void {
    this.writer.put(entry);
  }

  /** Writes a stored entry's line as it is, from where it starts ({@link StoredEntry.line}). */
  putStored(at: number): void {
    if (!this.writer.writing) return;
    const line = this.lineAt(at);
    if (line) this.writer.putBytes(line.bytes, line.start, line.end + 1);
  }

  /** Writes entries already encoded as JSON Lines (each line ending in a newline). */
  putLines(lines: Uint8Array): void {
    this.writer.putLines(lines);
  }

  /** Makes the written version the cache, atomically; `corpus` is its header, if not written yet. */
  commit(corpus?: CorpusSummary): void {
    this.writer.commit(corpus);
  }

  /**
   * The SHA-256 of the entries of the cache as this run leaves it: the version it put in place,
   * else the one it opened; null when there is none.
   */
  get current(): string | null {
    return this.writer.committed ?? (this.writer.writing ? null : this.sha256);
  }

  /** Drops what was written (the run did not see the whole corpus). */
  abandon(): void {
    this.writer.abandon();
  }
}

/** What a JSON Lines file's own entry says of it; null when that is not laid out as it should be. */
function fileEntryOf(line: Line): JsonlFileEntry['j'] | null {
  let file: JsonlFileEntry;
  try {
    file = JSON.parse(line.bytes.toString('utf8', line.start, line.end)) as JsonlFileEntry;
  } catch {
    return null;
  }
  const j = file.j;
  if (typeof j !== 'object' || j === null || !Array.isArray(j.skip) || !Array.isArray(j.warn)) return null;
  return j;
}
