// Greps a corpus with worker threads, once it has shown itself big enough for them to pay: text
// files go out in batches and, in the modes that print a number a file, subfolders go out whole
// (walked there) and big JSON Lines files in pieces. This thread walks, searches a batch or a
// folder itself whenever every worker is busy, and settles every result in walk order.

import fs from 'node:fs';
import { JSONL_RECORD_BYTES_GUESS } from '../input/formats/jsonl.js';
import { formatOf, isCompressed } from '../input/file-kinds.js';
import type { Matcher } from './matcher.js';
import { mergeSkipped, type SkippedFiles } from '../input/skipped-files.js';
import type { FoundFile, FoundFolder } from '../input/walk.js';
import { GrepPool } from '../workers/grep-pool.js';
import type { GrepWorkerData } from '../workers/grep-messages.js';
import { setUpGrepWorker } from '../workers/grep-prestart.js';
import { readsAsUtf8 } from '../input/stream-decode.js';
import { batchKind, searchBatch, searchFolder, type BatchResult, type FolderResult } from './grep-batch.js';
import { Outcome, type GrepSpec } from './grep-task.js';
import { grepFileHere } from './grep-parts.js';
import { nextTurn, type GrepContext } from './grep-context.js';
import { grepJsonlPieces } from './grep-jsonl.js';
import { grepRecordFile } from './grep-records.js';
import { holdsRecords } from '../input/formats/index.js';
import { fileOf, type GrepDocument } from './grep-settle.js';

/**
 * Fewer files than this are searched in this thread: starting a worker (about 0.1 s of CPU)
 * costs more than it saves. Analysing each match is slow, so workers pay early; counting a
 * literal on the raw bytes is so cheap that they pay only on a big corpus, less big when they
 * take whole folders (one message each way, not one a batch of files). With folders, the files
 * still to come are guessed from the folders searched so far and those left beside them, so the
 * workers start after the first folder of a big corpus; no folder goes to a worker before it is
 * ready, so this thread never waits on its start.
 */
export function parallelMinFiles(matcher: Matcher, spec: GrepSpec, analyse: boolean, folders = false): number {
  if (analyse) return 200;
  if (matcher.lineLiterals && spec.mode !== 'lines') return folders ? 4000 : 20000;
  return 2000;
}

/**
 * True when a whole folder can go to a worker (walked there, and searched, with one reply): when
 * each file's result is a number, so a folder's results stay small whatever its size.
 */
export function searchesFolders(spec: GrepSpec, analyse: boolean): boolean {
  return spec.mode !== 'lines' && !analyse;
}

/** Files sent to a worker at once. */
const BATCH = 64;
/** Batches under way per job, so workers stay busy while this thread prints. */
const AHEAD_PER_WORKER = 16;
/** Batches a worker may have under way before this thread searches the next batch itself. */
const BUSY = 4;
/** The same for folders: the one being searched, and the next. */
const BUSY_FOLDERS = 2;

type Unit =
  | { kind: 'batch'; files: FoundFile[]; reply?: Promise<BatchResult>; done?: BatchResult }
  | { kind: 'folder'; folder: FoundFolder; reply?: Promise<FolderResult>; done?: FolderResult }
  | { kind: 'jsonl'; file: FoundFile };

const isDone = (unit: Unit): boolean => unit.kind === 'jsonl' || unit.done !== undefined;

/**
 * The search with workers. This thread is one of the jobs: it walks, and searches a batch or a
 * folder itself whenever every worker is busy, so `jobs - 1` workers keep the cores full without
 * a thread too many. The workers start once the corpus has shown itself big enough.
 */
export class WorkerSearch {
  private pool: GrepPool | null = null;
  /** Files searched, or sent to be. */
  private seen = 0;
  /** Folders this thread has searched itself. */
  private foldersHere = 0;
  private readonly workerData: GrepWorkerData;
  /** Batches, folders and JSON Lines files in walk order, searched or under way. */
  private readonly queue: Unit[] = [];
  /** The batch being filled, and its files' kinds (see BatchRequest). */
  private batch: FoundFile[] = [];
  private kinds = '';
  /** True when folders go out whole (see {@link searchesFolders}). */
  private readonly wholeFolders: boolean;
  /**
   * A JSON Lines file is searched in pieces from this size on: when its records, guessed from its
   * size, are as many as the files workers pay from (80 MB for a literal: smaller, the pieces
   * cost more than they save).
   */
  private readonly piecesFrom: number;

  constructor(private readonly context: GrepContext) {
    const { matcher, spec, options, walk } = context;
    this.workerData = { matcher: options.matcherOptions, spec, analyse: options.analyse, walk };
    this.wholeFolders = searchesFolders(spec, options.analyse);
    this.piecesFrom =
      (options.minParallelFiles ?? parallelMinFiles(matcher, spec, options.analyse)) * JSONL_RECORD_BYTES_GUESS;
    // A worker started ahead (grep-prestart.ts) sets up now, on the other core, whether used or not.
    setUpGrepWorker(this.workerData);
  }

  /** Yields the matching documents of the items, in order, in batches (see grepCorpus). */
  async *run(items: Iterable<FoundFile | FoundFolder>): AsyncGenerator<GrepDocument[]> {
    const { queue } = this;
    const { caughtUp, walkHere } = this.context;
    const ahead = this.context.options.jobs * AHEAD_PER_WORKER;
    try {
      for (const item of items) {
        if (!('folder' in item)) await this.add(item);
        else if (!this.wholeFolders) for (const file of walkHere(item)) await this.add(file);
        else {
          this.send();
          this.sendFolder(item);
          await nextTurn();
        }
        // Print what is ready without waiting; wait only when too much is under way.
        while (queue.length > 0 && (queue.length > ahead || isDone(queue[0] as Unit))) {
          yield* this.drain(queue.shift() as Unit);
          await caughtUp();
        }
      }
      this.send();
      while (queue.length > 0) {
        yield* this.drain(queue.shift() as Unit);
        await caughtUp();
      }
    } finally {
      await this.pool?.close();
    }
  }

  /** The pool, started once `files` (searched, or guessed to come) reach the size workers pay from. */
  private poolFrom(folders: boolean, files = this.seen): GrepPool | null {
    const { matcher, spec, options } = this.context;
    const min = options.minParallelFiles ?? parallelMinFiles(matcher, spec, options.analyse, folders);
    if (!this.pool && files >= min) this.pool = new GrepPool(options.jobs - 1, this.workerData);
    return this.pool;
  }

  /** Adds a file to the batch being filled, which goes out once full; a JSON Lines file waits in the queue. */
  private async add(file: FoundFile): Promise<void> {
    const format = formatOf(file.relPath);
    if (holdsRecords(format)) {
      this.send();
      this.queue.push({ kind: 'jsonl', file });
      return;
    }
    this.batch.push(file);
    this.kinds += batchKind(format, isCompressed(file.relPath));
    if (this.batch.length >= BATCH) {
      this.send();
      await nextTurn();
    }
  }

  /** Sends the batch being filled to a worker, or searches it here when every worker is busy. */
  private send(): void {
    const { batch, kinds } = this;
    if (batch.length === 0) return;
    const { matcher, spec, reader, analyse } = this.context;
    this.seen += batch.length;
    const workers = this.poolFrom(false);
    if (!workers || workers.allBusy(BUSY))
      this.queue.push({
        kind: 'batch',
        files: batch,
        done: searchBatch(batch, kinds, matcher, spec, reader, { analyse }),
      });
    else {
      const request = {
        kind: 'batch' as const,
        absPaths: batch.map((f) => f.absPath).join('\0'),
        displayPaths: batch.map((f) => f.displayPath).join('\0'),
        kinds,
      };
      const unit: Unit = { kind: 'batch', files: batch, reply: workers.search(request) };
      // Handled when its turn comes; a failure meanwhile must not count as unhandled.
      unit.reply?.then(
        (reply) => (unit.done = reply),
        () => {},
      );
      this.queue.push(unit);
    }
    this.batch = [];
    this.kinds = '';
  }

  /** Sends a folder to a worker to walk and search, or does it here when no worker is free. */
  private sendFolder(folder: FoundFolder): void {
    const { seen, foldersHere } = this;
    // As many files in this folder and those after it as in the folders searched so far.
    const guess = foldersHere === 0 ? seen : seen + (seen / foldersHere) * (1 + (folder.following ?? 0));
    const workers = this.poolFrom(true, guess);
    // A worker still starting up would keep the folder waiting: this thread takes it.
    if (!workers || !workers.ready || workers.allBusy(BUSY_FOLDERS)) {
      const { matcher, spec, reader, walk } = this.context;
      const done = searchFolder(folder, walk, matcher, spec, reader);
      this.seen += done.outcomes.length;
      this.foldersHere++;
      this.queue.push({ kind: 'folder', folder, done });
    } else {
      const unit: Unit = { kind: 'folder', folder, reply: workers.searchFolder(folder) };
      unit.reply?.then(
        (reply) => (unit.done = reply),
        () => {},
      );
      this.queue.push(unit);
    }
  }

  /** Yields the matching documents of the unit first in the queue, waiting for it if need be. */
  private async *drain(unit: Unit): AsyncGenerator<GrepDocument[]> {
    if (unit.kind === 'jsonl') {
      yield* this.jsonl(unit.file);
      return;
    }
    const done = unit.done ?? (await (unit.reply as Promise<BatchResult | FolderResult>));
    const { skipped } = this.context.options;
    if (unit.kind === 'folder' && skipped && (done as FolderResult).skipped)
      mergeSkipped(skipped, (done as FolderResult).skipped as SkippedFiles);
    for (let from = 0; ;) {
      const found: GrepDocument[] = [];
      const stop = this.context.settler.unit(unit, done, from, found);
      if (found.length > 0) yield found;
      if (stop === -1) return;
      // A JSON Lines file found walking a folder, or a document with many matching lines:
      // read here, in its place (the latter a part at a time).
      const file =
        unit.kind === 'folder'
          ? fileOf(unit.folder, (done as FolderResult).relPaths.split('\0')[stop] as string)
          : (unit.files[stop] as FoundFile);
      yield* done.outcomes[stop] === Outcome.Large ? grepFileHere(file, this.context) : this.jsonl(file);
      from = stop + 1;
    }
  }

  /**
   * A file of records: JSON Lines in pieces when big, in the modes that print a number a document;
   * else whole, here (CSV, TSV and JSON always: their records are found by parsing the stream).
   */
  private jsonl(file: FoundFile): AsyncGenerator<GrepDocument[]> {
    const format = formatOf(file.relPath);
    // Pieces are cut from the raw bytes: only for a file read as it is, UTF-8 (see stream-decode.ts).
    const inPieces =
      format === 'jsonl' &&
      this.wholeFolders &&
      !isCompressed(file.relPath) &&
      sizeOf(file) >= this.piecesFrom &&
      readsAsUtf8(file.absPath);
    return inPieces
      ? grepJsonlPieces(file, this.context, this.poolFrom(false, Infinity))
      : grepRecordFile(file, format, this.context);
  }
}

/** A file's size, or 0 when it cannot be told (reading it will say why). */
function sizeOf(file: FoundFile): number {
  try {
    return fs.statSync(file.absPath).size;
  } catch {
    return 0;
  }
}
