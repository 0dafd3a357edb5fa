// Greps a corpus in corpus order. Text files are read and searched in worker threads when the
// corpus is big enough (else in this thread, the same way); in the modes that print a number a
// file, a worker walks whole subfolders too, and searches pieces of a big JSON Lines file. This
// thread claims the ids and reports warnings in walk order, and reads the other JSON Lines files,
// so the output never depends on the worker count.

import fs from 'node:fs';
import path from 'node:path';
import type { DocumentSearch } from './grep.js';
import { searchDocument } from './grep.js';
import {
  claimFor,
  claimRecordId,
  fileId,
  IdRegistry,
  JSONL_RECORD_BYTES_GUESS,
  readJsonl,
} from '../input/read-documents.js';
import { formatOf, isGzip } from '../input/file-kinds.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import type { Matcher, MatcherOptions } from './matcher.js';
import type { DocumentRecord, SourceDocument, WarningHandler } from '../types.js';
import { describeError, walkFolder, type FoundFile, type FoundFolder } from '../input/walk.js';
import { GrepPool, grepWorkersAvailable, type GrepWorkerData } from '../workers/grep-pool.js';
import { setUpGrepWorker } from '../workers/grep-prestart.js';
import {
  FileReader,
  maxLines,
  Outcome,
  searchBatch,
  searchFile,
  searchFolder,
  searchJsonlChunk,
  sparseLines,
  type BatchResult,
  type FileResult,
  type FolderResult,
  type FolderWalk,
  type GrepSpec,
  type JsonlChunkRequest,
  type JsonlChunkResult,
} from './grep-task.js';

export type { GrepMode, GrepSpec } from './grep-task.js';

export interface GrepCorpusOptions {
  /** The options the matcher was built from: workers build their own. */
  matcherOptions: MatcherOptions;
  spec: GrepSpec;
  /** Analyse each matching document (its record comes with it). */
  analyse: boolean;
  /** Worker threads (1: all in this thread). */
  jobs: number;
  /** Start workers from this many files on, instead of the default ({@link parallelMinFiles}). */
  minParallelFiles?: number;
  /** How the folders among the items are walked: the corpus's `hidden` and `globs`. */
  walk?: FolderWalk;
  onWarning?: WarningHandler;
  /** Called between batches of files; a promise it returns is awaited first (see CorpusOptions). */
  backpressure?: () => Promise<void> | null;
}

/** A document that matched. */
export interface GrepDocument {
  /**
   * The search: in `count` and `files` mode `hits` may be empty (see `count`) and `lines` is
   * empty; in `lines` mode `lines` holds the hits and their context lines (the others may be
   * missing). `doc.text` is not kept for text files.
   */
  search: DocumentSearch;
  /** Matching lines (capped by -m). */
  count: number;
  /** The document's record, when asked for. */
  record: DocumentRecord | null;
}

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
/** The size of a piece of a big JSON Lines file (then cut after its last `\n`). */
const JSONL_PIECE = 4 << 20;
/** Pieces under way at most: a worker's and the next, and this thread's. */
const JSONL_AHEAD = 4;

type Unit =
  | { kind: 'batch'; files: FoundFile[]; reply?: Promise<BatchResult>; done?: BatchResult }
  | { kind: 'folder'; folder: FoundFolder; reply?: Promise<FolderResult>; done?: FolderResult }
  | { kind: 'jsonl'; file: FoundFile };

/** A file of a folder searched elsewhere, from its path relative to the root. */
function fileOf(folder: FoundFolder, relPath: string): FoundFile {
  const rest = relPath.slice(folder.relPath.length);
  return {
    absPath: folder.absPath + (path.sep === '/' ? rest : rest.split('/').join(path.sep)),
    relPath,
    displayPath: folder.displayHead + relPath,
  };
}

/** Matching documents a JSON Lines file holds back at most before they are yielded. */
const JSONL_BATCH = 256;
/** Records of a JSON Lines file read at most before the matches among them are yielded. */
const JSONL_RECORDS = 1024;

/**
 * Yields the matching documents of the files, in order, in batches: those of a folder or a batch
 * of files together, those of a JSON Lines file a few hundred at a time. Folders (from
 * `walkUnits`) are walked here or, whole, in a worker; either way their files come in walk order.
 * A batch, not a document, at a time: on a big corpus thousands of documents match, and each
 * step of an async generator costs promises and a turn of the microtask queue.
 */
export async function* grepCorpus(
  items: Iterable<FoundFile | FoundFolder>,
  matcher: Matcher,
  options: GrepCorpusOptions,
): AsyncGenerator<GrepDocument[]> {
  const warn = options.onWarning ?? (() => {});
  const { spec } = options;
  const walk: FolderWalk = options.walk ?? {};
  const ids = new IdRegistry(true);
  const analyseDocument = options.analyse ? (await import('../analyse/analyse-document.js')).analyseDocument : null;
  const wholeFolders = searchesFolders(spec, options.analyse);
  const walkHere = (folder: FoundFolder): Iterable<FoundFile> =>
    walkFolder(folder, { cwd: '', ...walk, onWarning: warn });
  const caughtUp = options.backpressure ?? (() => null);

  /**
   * The matching document a file's result stands for, once its id is claimed (or with the id
   * its folder claimed for it); warnings reported.
   */
  const settle = (
    file: FoundFile,
    outcome: Outcome,
    result: FileResult | undefined,
    claimed?: string,
  ): GrepDocument | null => {
    if (outcome === Outcome.Unread) {
      if (result?.error)
        warn(
          file.displayPath,
          describeError(Object.assign(new Error(result.error.message), { code: result.error.code })),
        );
      if (result?.warnings) for (const [where, why] of result.warnings) warn(where, why);
      return null;
    }
    const id = claimed ?? claimFor(ids, fileId(file.relPath), file, warn);
    if (result === undefined) return null;
    if (result.warnings) for (const [where, why] of result.warnings) warn(where, why);
    const m = result.match;
    if (outcome !== Outcome.Match || !m) return null;
    const doc: SourceDocument = {
      id,
      path: file.displayPath,
      absPath: file.absPath,
      format: m.format,
      bytes: m.bytes,
      encoding: m.encoding,
      text: '',
    };
    const lines = spec.mode === 'lines' ? sparseLines(m) : [];
    return {
      search: { doc, lines, hits: m.hits ?? [], count: m.count },
      count: m.count,
      record: m.record ? { ...m.record, id } : null,
    };
  };

  const jsonl = async function* (file: FoundFile): AsyncGenerator<GrepDocument[]> {
    let found: GrepDocument[] = [];
    let records = 0;
    // A record whose bytes cannot match is not searched (its id is claimed all the same).
    for await (const doc of readJsonl(file, ids, warn, undefined, (bytes) => matcher.mayMatchJson(bytes))) {
      const search = searchDocument(doc, matcher, {
        maxCount: maxLines(spec),
        withLines: spec.mode === 'lines',
        onLineError: (line, err) => {
          if (!(err instanceof MatchTimeoutError)) throw err;
          warn(`${doc.path}:${line}`, err.message);
        },
      });
      if (search.hits.length > 0) {
        search.count = search.hits.length;
        found.push({ search, count: search.hits.length, record: analyseDocument ? analyseDocument(doc).record : null });
      }
      // Rare matches in a big file still come out as they are found, near enough.
      const every = ++records % JSONL_RECORDS === 0;
      if (found.length >= JSONL_BATCH || (every && found.length > 0)) {
        yield found;
        found = [];
      }
      if (every) await caughtUp();
    }
    if (found.length > 0) yield found;
  };

  const reader = new FileReader();
  const analyse = analyseDocument ? (doc: SourceDocument) => analyseDocument(doc).record : undefined;

  if (options.jobs <= 1 || !grepWorkersAvailable()) {
    // Files are searched one by one here; their matches go out every BATCH files.
    let found: GrepDocument[] = [];
    let files = 0;
    const one = async function* (file: FoundFile): AsyncGenerator<GrepDocument[]> {
      const format = formatOf(file.relPath);
      if (format === 'jsonl') {
        if (found.length > 0) yield found;
        found = [];
        yield* jsonl(file);
        return;
      }
      const result = searchFile(
        { absPath: file.absPath, displayPath: file.displayPath, format, gzip: isGzip(file.relPath) },
        matcher,
        spec,
        reader,
        { analyse },
      );
      const match = settle(file, result.outcome, result);
      if (match) found.push(match);
      if (++files % BATCH === 0) {
        if (found.length > 0) yield found;
        found = [];
        await caughtUp();
      }
    };
    for (const item of items) {
      if ('folder' in item) for (const file of walkHere(item)) yield* one(file);
      else yield* one(item);
    }
    if (found.length > 0) yield found;
    return;
  }

  // This thread is one of the jobs: it walks, and searches a batch or a folder itself whenever
  // every worker is busy, so `jobs - 1` workers keep the cores full without a thread too many.
  // The workers start once the corpus has shown itself big enough.
  let pool: GrepPool | null = null;
  let seen = 0;
  let foldersHere = 0;
  const workerData: GrepWorkerData = { matcher: options.matcherOptions, spec, analyse: options.analyse, walk };
  // A worker started ahead (grep-prestart.ts) sets up now, on the other core, whether used or not.
  setUpGrepWorker(workerData);
  /** The pool, started once `files` (searched, or guessed to come) reach the size workers pay from. */
  const poolFrom = (folders: boolean, files = seen): GrepPool | null => {
    const min = options.minParallelFiles ?? parallelMinFiles(matcher, spec, options.analyse, folders);
    if (!pool && files >= min) pool = new GrepPool(options.jobs - 1, workerData);
    return pool;
  };

  /**
   * Settles the files of a searched unit from file `from` on, into `found`: up to the end, or
   * up to a JSON Lines file (whose index it returns, for the caller to read), else -1. A plain
   * function, not a generator: it runs once a unit, its loop runs once a file.
   */
  const settleUnit = (
    unit: Unit & { kind: 'batch' | 'folder' },
    done: BatchResult | FolderResult,
    from: number,
    found: GrepDocument[],
  ): number => {
    const { outcomes, details } = done;
    const folder = unit.kind === 'folder' ? (done as FolderResult) : null;
    let relPaths = folder && !folder.distinctIds ? folder.relPaths.split('\0') : [];
    // A folder's walk warnings, where the walk raised them: before file `i`.
    const walkWarnings = folder?.walkWarnings ?? [];
    let w = 0;
    const warnWalk = (i: number): void => {
      for (; w < walkWarnings.length && (walkWarnings[w] as [number, string, string])[0] <= i; w++) {
        const [, where, why] = walkWarnings[w] as [number, string, string];
        if ((walkWarnings[w] as [number, string, string])[0] >= from) warn(where, why);
      }
    };
    if (unit.kind === 'folder' && folder?.distinctIds) {
      // Ids claimed whole (made one by one only if a later id falls under the folder): only
      // the files with something to say are looked at. Such a folder holds no JSON Lines file.
      const joined = folder.relPaths;
      if (ids.claimFolder(`${unit.folder.relPath}/`, () => claimedIds(joined.split('\0'), outcomes))) {
        const paths = details.length > 0 ? joined.split('\0') : [];
        for (const [i, result] of details) {
          warnWalk(i);
          const relPath = paths[i] as string;
          const match = settle(fileOf(unit.folder, relPath), outcomes[i] as Outcome, result, fileId(relPath));
          if (match) found.push(match);
        }
        warnWalk(Infinity);
        return -1;
      }
      relPaths = joined.split('\0');
    }
    let d = 0;
    while (d < details.length && (details[d] as [number, FileResult])[0] < from) d++;
    for (let i = from; i < outcomes.length; i++) {
      warnWalk(i);
      const detail = details[d];
      let result: FileResult | undefined;
      if (detail !== undefined && detail[0] === i) {
        result = detail[1];
        d++;
      }
      if (unit.kind === 'folder' && result === undefined && outcomes[i] === Outcome.NoMatch) {
        // The common case, kept cheap: a file searched with nothing to say claims its id.
        const relPath = relPaths[i] as string;
        claimFor(ids, fileId(relPath), { displayPath: unit.folder.displayHead + relPath }, warn);
        continue;
      }
      if (outcomes[i] === Outcome.Jsonl) return i;
      const file = unit.kind === 'folder' ? fileOf(unit.folder, relPaths[i] as string) : (unit.files[i] as FoundFile);
      const match = settle(file, outcomes[i] as Outcome, result);
      if (match) found.push(match);
    }
    warnWalk(Infinity);
    return -1;
  };

  try {
    const queue: Unit[] = [];
    let batch: FoundFile[] = [];
    let kinds = '';
    const send = (): void => {
      if (batch.length === 0) return;
      seen += batch.length;
      const workers = poolFrom(false);
      if (!workers || workers.allBusy(BUSY))
        queue.push({
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
        queue.push(unit);
      }
      batch = [];
      kinds = '';
    };
    const sendFolder = (folder: FoundFolder): void => {
      // As many files in this folder and those after it as in the folders searched so far.
      const guess = foldersHere === 0 ? seen : seen + (seen / foldersHere) * (1 + (folder.following ?? 0));
      const workers = poolFrom(true, guess);
      // A worker still starting up would keep the folder waiting: this thread takes it.
      if (!workers || !workers.ready || workers.allBusy(BUSY_FOLDERS)) {
        const done = searchFolder(folder, walk, matcher, spec, reader);
        seen += done.outcomes.length;
        foldersHere++;
        queue.push({ kind: 'folder', folder, done });
      } else {
        const unit: Unit = { kind: 'folder', folder, reply: workers.searchFolder(folder) };
        unit.reply?.then(
          (reply) => (unit.done = reply),
          () => {},
        );
        queue.push(unit);
      }
    };
    /**
     * A big JSON Lines file, in the modes that print a number a document: cut into pieces after
     * a `\n`, each searched by a worker or here (see {@link searchJsonlChunk}); the ids are
     * claimed here, in order, with the line numbers only this thread can count.
     */
    const jsonlPieces = async function* (file: FoundFile): AsyncGenerator<GrepDocument[]> {
      const workers = poolFrom(false, Infinity);
      const base = fileId(file.relPath);
      let fd: number;
      try {
        fd = fs.openSync(file.absPath, 'r');
      } catch (err) {
        warn(file.displayPath, describeError(err));
        return;
      }
      let lineBase = 0;
      const settlePiece = (result: JsonlChunkResult): GrepDocument[] => {
        const found: GrepDocument[] = [];
        for (const entry of result.entries) {
          const lineNo = lineBase + entry.at + 1;
          if ('warning' in entry) {
            warn(`${file.displayPath}:${lineNo}`, entry.warning);
            continue;
          }
          const id = claimRecordId(ids, entry.id ?? `${base}#${lineNo}`, file, lineNo, warn);
          if (entry.warnings) for (const [where, why] of entry.warnings) warn(where, why);
          if (entry.count === undefined) continue;
          const doc: SourceDocument = {
            id,
            path: file.displayPath,
            absPath: file.absPath,
            format: 'jsonl',
            bytes: entry.bytes ?? 0,
            encoding: 'utf-8',
            text: '',
            recordLine: lineNo,
          };
          found.push({ search: { doc, lines: [], hits: [], count: entry.count }, count: entry.count, record: null });
        }
        lineBase += result.lines;
        return found;
      };
      const pieces: { reply?: Promise<JsonlChunkResult>; done?: JsonlChunkResult }[] = [];
      let failure: unknown = null;
      try {
        // One buffer for every piece: a piece sent to a worker is copied as it is posted, and one
        // searched here is done with before the next read. What follows a piece's last `\n` is
        // moved to the front, for the next.
        let buf = Buffer.allocUnsafe(JSONL_PIECE);
        let n = 0;
        let first = true;
        for (let eof = false; !eof;) {
          let cut = -1;
          while (cut === -1) {
            if (n === buf.length) {
              // One line longer than the buffer: read on.
              const bigger = Buffer.allocUnsafe(buf.length * 2);
              buf.copy(bigger, 0, 0, n);
              buf = bigger;
            }
            let got = 0;
            try {
              got = fs.readSync(fd, buf, n, buf.length - n, null);
            } catch (err) {
              failure = err;
            }
            n += got;
            if (got === 0) {
              eof = true;
              cut = n;
            } else if (n === buf.length) {
              const lf = buf.lastIndexOf(LF, n - 1);
              if (lf !== -1) cut = lf + 1;
            }
          }
          if (cut > 0) {
            const request: JsonlChunkRequest = { bytes: buf.subarray(0, cut), first, displayPath: file.displayPath };
            first = false;
            if (workers && workers.ready && !workers.allBusy(BUSY_FOLDERS)) {
              const piece: (typeof pieces)[number] = { reply: workers.searchJsonl(request) };
              piece.reply?.then(
                (result) => (piece.done = result),
                () => {},
              );
              pieces.push(piece);
            } else pieces.push({ done: searchJsonlChunk(request, matcher, spec) });
            buf.copyWithin(0, cut, n);
            n -= cut;
            // A turn of the event loop, for the workers' replies to come in.
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
          // Print what is done, in order; wait only when too much is under way.
          while (
            pieces.length > 0 &&
            (eof || pieces.length > JSONL_AHEAD || (pieces[0] as (typeof pieces)[number]).done)
          ) {
            const piece = pieces.shift() as (typeof pieces)[number];
            const found = settlePiece(piece.done ?? (await (piece.reply as Promise<JsonlChunkResult>)));
            if (found.length > 0) yield found;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      if (failure) warn(file.displayPath, describeError(failure));
    };
    // In pieces when its records, guessed from its size, are as many as the files workers pay
    // from (80 MB for a literal: smaller, the pieces cost more than they save).
    const piecesFrom =
      (options.minParallelFiles ?? parallelMinFiles(matcher, spec, options.analyse)) * JSONL_RECORD_BYTES_GUESS;
    const jsonlHere = (file: FoundFile): AsyncGenerator<GrepDocument[]> =>
      wholeFolders && !isGzip(file.relPath) && sizeOf(file) >= piecesFrom ? jsonlPieces(file) : jsonl(file);

    const drain = async function* (unit: Unit): AsyncGenerator<GrepDocument[]> {
      if (unit.kind === 'jsonl') {
        yield* jsonlHere(unit.file);
        return;
      }
      const done = unit.done ?? (await (unit.reply as Promise<BatchResult | FolderResult>));
      for (let from = 0; ;) {
        const found: GrepDocument[] = [];
        const stop = settleUnit(unit, done, from, found);
        if (found.length > 0) yield found;
        if (stop === -1) return;
        // A JSON Lines file found walking a folder: read here, in its place.
        const relPath = (done as FolderResult).relPaths.split('\0')[stop] as string;
        yield* jsonlHere(unit.kind === 'folder' ? fileOf(unit.folder, relPath) : (unit.files[stop] as FoundFile));
        from = stop + 1;
      }
    };
    const ahead = options.jobs * AHEAD_PER_WORKER;
    const add = async (file: FoundFile): Promise<void> => {
      const format = formatOf(file.relPath);
      if (format === 'jsonl') {
        send();
        queue.push({ kind: 'jsonl', file });
        return;
      }
      batch.push(file);
      const kind = format === 'markdown' ? 'm' : 't';
      kinds += isGzip(file.relPath) ? kind.toUpperCase() : kind;
      if (batch.length >= BATCH) {
        send();
        // A turn of the event loop, for the workers' replies to come in.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    for (const item of items) {
      if (!('folder' in item)) await add(item);
      else if (!wholeFolders) for (const file of walkHere(item)) await add(file);
      else {
        send();
        sendFolder(item);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      // Print what is ready without waiting; wait only when too much is under way.
      while (queue.length > 0 && (queue.length > ahead || isDone(queue[0] as Unit))) {
        yield* drain(queue.shift() as Unit);
        await caughtUp();
      }
    }
    send();
    while (queue.length > 0) {
      yield* drain(queue.shift() as Unit);
      await caughtUp();
    }
  } finally {
    await (pool as GrepPool | null)?.close();
  }
}

const LF = 10;

/** A file's size, or 0 when it cannot be told (reading it will say why). */
function sizeOf(file: FoundFile): number {
  try {
    return fs.statSync(file.absPath).size;
  } catch {
    return 0;
  }
}

/** The ids claimed by a folder's files: those read, whatever they held. */
function* claimedIds(relPaths: readonly string[], outcomes: Uint8Array): Generator<string> {
  for (let i = 0; i < relPaths.length; i++)
    if (outcomes[i] === Outcome.NoMatch || outcomes[i] === Outcome.Match) yield fileId(relPaths[i] as string);
}

const isDone = (unit: Unit): boolean => unit.kind === 'jsonl' || unit.done !== undefined;
