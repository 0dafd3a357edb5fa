// The metadata cache of one corpus, opened: each text file's record and each JSON Lines record's,
// kept between runs, keyed by the file's identity (absolute path, size, modification time), the
// tool's version and the corpus read. The last run's entries are looked up here, in corpus order;
// the next run's are written through a CacheWriter (cache-writer.ts), the unchanged carried over.

import fs from 'node:fs';
import { CachedJsonl } from './cached-jsonl.js';
import { CacheWriter } from './cache-writer.js';
import { checkedEntries, type CacheEntry, type CorpusSummary, type JsonlFileEntry } from './file-format.js';
import { afterStamp, fileStamp, isPathOf, pathOf } from './json-bytes.js';
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

  private constructor(readonly file: string) {
    this.writer = new CacheWriter(file);
  }

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
      const { corpus, lines, first } = checkedEntries(fd, window);
      cache.corpus = corpus;
      cache.lines = lines;
      cache.next = first;
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
    const stamp = fileStamp(size, mtimeMs);
    let records = 0;
    for (let line: Line | null = first; line; line = this.lineAt(line.next)) {
      if (!isPathOf(line, absPath)) return null;
      if (afterStamp(line.bytes, line.start, line.end, stamp) >= 0) {
        const j = fileEntryOf(line);
        if (j === null || j.n !== records) return null;
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
