// The corpus as a stream of analysed documents: walk, read, analyse and filter, in corpus order.
// Two passes: the first counts the lines recurring across the corpus (from the cache where it
// can), the second analyses each document — from the cache, in worker threads, or in this one.
// With workers and no cache to count from, the first pass analyses every document as it counts
// and fills the cache, and the second is a warm run over it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalysedDocument } from './analyse-document.js';
import { documentViews, markDuplicate, splitLines } from './body.js';
import {
  cacheFileFor,
  CorpusCache,
  fingerprintOf,
  RecurringKeys,
  type CachedJsonl,
  type CorpusSummary,
  type JsonlFileEntry,
  type StoredEntry,
} from '../cache/cache.js';
import { AnalysisPool, workersAvailable, type WorkerResult } from '../workers/analysis-pool.js';
import {
  askedRecordId,
  claimFor,
  claimRecordId,
  fileId,
  IdRegistry,
  JSONL_RECORD_BYTES_GUESS,
  readJsonl,
  readTextFile,
  type JsonlTrack,
  type ReadOptions,
} from '../input/read-documents.js';
import { formatOf, isGzip } from '../input/file-kinds.js';
import { edgeLines, RecurringLineCounter } from './recurring-lines.js';
import { corpusFiles, effectiveInputs, type CorpusInputs, type CorpusRun } from '../input/corpus-files.js';
import { keepOrRemoved, removeAtExit } from '../cache/temp-files.js';
import type { FoundFile } from '../input/walk.js';
import type { DocumentRecord, SourceDocument, WarningHandler } from '../types.js';

export { corpusFiles, effectiveInputs, SEEDS_DIR, type CorpusInputs, type CorpusRun } from '../input/corpus-files.js';

/** A document of the corpus as the reader hands it out. */
export interface CorpusDocument extends AnalysedDocument {
  /**
   * The record as `JSON.stringify` writes it, when it can be had without writing it (a record
   * from the cache that the run did not change): as text and then UTF-8 bytes, to write one after
   * the other; null or absent otherwise.
   */
  recordJsonParts?: () => readonly [string, Uint8Array] | null;
}

export interface CorpusOptions extends CorpusInputs, ReadOptions {
  /** Keeps a document when true. */
  filter?: ((record: DocumentRecord) => boolean) | null;
  /** The cache folder; without it, nothing is cached. */
  cacheDir?: string | null;
  /** Worker threads for the analysis (1: all in this thread, the default). */
  jobs?: number;
  /** Load each document's text, lines and paragraphs (default true); `list` needs none. */
  withText?: boolean;
  /**
   * Without `withText`, still give each record of a JSON Lines file its text (default true): it
   * has no file of its own to be read again from (see {@link AnalysedDocument.file}). False lets
   * a JSON Lines file held in the cache go unread.
   */
  withRecordText?: boolean;
  /** Called as documents are done, with the number of documents in the corpus. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called before each document is handed out; a promise it returns is awaited first. The CLI
   * gives one while stderr has warnings it could not write yet (see `Io`'s `drained`).
   */
  backpressure?: () => Promise<void> | null;
}

/** Fewer documents than this are analysed in this thread: starting workers costs more. */
const PARALLEL_MIN_DOCUMENTS = 200;
/**
 * Bigger documents are analysed in this thread, not sent to a worker: a worker's heap is kept
 * small (see workers/analysis-pool.ts), and one huge document must not exhaust it.
 */
const WORKER_MAX_BYTES = 1024 * 1024;
/** Documents read ahead of the one being handed out, so workers stay busy. */
const IN_FLIGHT = 256;
const noWarnings = () => {};
/** The views of a document read without its text (frozen: shared by every such document). */
const NO_VIEWS = Object.freeze({
  lines: Object.freeze([]) as unknown as string[],
  paragraphs: Object.freeze([]) as unknown as string[],
});
/** The first pass with workers refines its guess at the recurring lines at 64, 128, 256… documents, */
const FIRST_GUESS = 64;
/** …and then every so many documents. */
const GUESS_EVERY = 4096;

interface Slot {
  id: string;
  path: string;
  /** The document as read; null when only the cached record is needed. */
  doc: SourceDocument | null;
  /** Null when it came from the cache: see `stored`. */
  result: AnalysedDocument | WorkerResult | Promise<WorkerResult> | null;
  /** Set for a text file: what the cache keeps of it. */
  stat?: { absPath: string; size: number; mtimeMs: number };
  /** The cache's entry for it, when it came from the cache. */
  stored?: StoredEntry;
  /** The file the document is, for a text file (not for a record of a JSON Lines file). */
  file?: FoundFile;
  /** For a record of a JSON Lines file analysed afresh: the id it asks for, which its entry keeps. */
  asked?: string;
  /**
   * Set on the slot after a JSON Lines file's records: the file's own entry, to write after
   * theirs (where its line starts in the cache, or a new one). Such a slot is no document.
   */
  end?: number | JsonlFileEntry;
}

/** What a read of a JSON Lines file tells of the lines that hold no record (see {@link JsonlFileEntry}). */
class JsonlTracker implements JsonlTrack {
  readonly skip: number[] = [];
  readonly warn: Array<[number, string]> = [];
  broken = false;

  skipped(lineNo: number, why: string | null): void {
    this.skip.push(lineNo);
    if (why !== null) this.warn.push([lineNo, why]);
  }

  failed(): void {
    this.broken = true;
  }

  /** The file's entry, for `records` records; null when the file was not read to its end. */
  entry(stat: { absPath: string; size: number; mtimeMs: number }, records: number): JsonlFileEntry | null {
    return this.broken
      ? null
      : { f: stat.absPath, s: stat.size, m: stat.mtimeMs, j: { n: records, skip: this.skip, warn: this.warn } };
  }
}

/**
 * Gives the warnings and claims the ids of a JSON Lines file held in the cache, without reading
 * it, as reading it would (see `readJsonl`): each record's id and line number with its entry.
 */
function* replayJsonl(
  held: CachedJsonl,
  file: FoundFile,
  ids: IdRegistry,
  warn: WarningHandler,
): Generator<[string, StoredEntry]> {
  const warnings = held.file.warn;
  let w = 0;
  const warnUpTo = (lineNo: number) => {
    for (; w < warnings.length && (warnings[w] as [number, string])[0] < lineNo; w++) {
      const [at, message] = warnings[w] as [number, string];
      warn(`${file.displayPath}:${at}`, message);
    }
  };
  for (const [lineNo, stored] of held.records()) {
    warnUpTo(lineNo);
    yield [claimRecordId(ids, stored.recordId() as string, file, lineNo, warn), stored];
  }
  warnUpTo(Infinity);
}

function statOf(file: FoundFile): { absPath: string; size: number; mtimeMs: number } | undefined {
  try {
    const st = fs.statSync(file.absPath);
    return { absPath: file.absPath, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** About how many documents the files hold: one a text file, a guess from its size for JSON Lines. */
function documentsGuess(files: readonly FoundFile[], stats: Map<FoundFile, ReturnType<typeof statOf>>): number {
  let n = 0;
  for (const file of files)
    n += formatOf(file.relPath) === 'jsonl' ? Math.ceil((stats.get(file)?.size ?? 0) / JSONL_RECORD_BYTES_GUESS) : 1;
  return n;
}

function edgeKeys(text: string): string[] {
  return edgeLines(splitLines(text.normalize('NFC'))).map((e) => e.key);
}

/**
 * A document from the cache: its record, lede and edge lines are read from the stored entry when
 * asked for (a class, not an object with getters of its own: there are 100,000 of them).
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
    /** Set when it duplicates a document before it: the hashes met so far. */
    private readonly duplicateOf: Map<string, string> | null,
  ) {}

  get record(): DocumentRecord {
    if (this.parsed) return this.parsed;
    const r = this.stored.record();
    this.parsed = { ...r, id: this.id, path: this.path, flags: [...r.flags] };
    // Marked on the record itself as on any other, to the same effect: the first holder of its hash is known.
    if (this.duplicateOf) markDuplicate(this.parsed, this.duplicateOf);
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

  /** The record as stored, unless this run marks it a duplicate. */
  recordJsonParts(): readonly [string, Uint8Array] | null {
    return this.duplicateOf ? null : this.stored.recordJsonWith(this.id, this.path);
  }
}

/** Yields each document of the corpus, analysed, that passes the filter, in corpus order. */
export async function* analyseCorpus(
  options: CorpusOptions,
  run: CorpusRun = { missing: [] },
): AsyncGenerator<CorpusDocument> {
  const warn = options.onWarning ?? noWarnings;
  const withText = options.withText !== false;
  const files = [...corpusFiles(options, run)];
  const cacheFile = options.cacheDir ? cacheFileFor(options.cacheDir, corpusKey(options)) : null;
  const onDamage = (file: string) => (why: string) => warn(file, why);
  let opened = cacheFile ? CorpusCache.open(cacheFile, onDamage(cacheFile)) : null;
  const stats = new Map<FoundFile, ReturnType<typeof statOf>>();
  for (const file of files) stats.set(file, statOf(file));
  const jobs = options.jobs ?? 1;
  const parallel = jobs > 1 && documentsGuess(files, stats) >= PARALLEL_MIN_DOCUMENTS && workersAvailable();
  let pool: AnalysisPool | null = null;
  let scratch: string | null = null;
  let speculated = false;

  // Pass one: the lines at the documents' edges, counted across the corpus — unless the cache
  // holds the count from a run over exactly these files.
  const fingerprint = fingerprintOf(stats.values());
  let recurring: Set<string>;
  let total = 0;
  let jsonlLeft = false;
  if (opened?.corpus && opened.corpus.fingerprint === fingerprint) {
    recurring = new Set(opened.corpus.recurring);
    total = opened.corpus.documents;
  } else if (parallel && !options.wantId) {
    // With workers, the first pass analyses every document while it counts, and fills the
    // cache (a scratch one under --no-cache); the second pass is then a warm run.
    if (!cacheFile) {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
      removeAtExit(scratch);
    }
    const target = cacheFile ?? path.join(scratch as string, 'cache.jsonl');
    const guess = new Set(opened?.corpus?.recurring ?? []);
    pool = new AnalysisPool(jobs, guess);
    const last = opened ?? CorpusCache.open(target, noWarnings);
    try {
      ({ recurring, total, jsonlLeft } = await fillCache(
        files,
        stats,
        last,
        pool,
        guess,
        fingerprint,
        options.onProgress,
      ));
    } catch (err) {
      await pool.close();
      if (scratch) removeScratch(scratch);
      throw err;
    } finally {
      last.close();
    }
    // The workers' memory is given back before the cache is loaded: the few documents whose
    // guess was wrong are analysed again in this thread. The records of JSON Lines files not in
    // the cache are analysed in the second pass, so for them the workers stay.
    if (jsonlLeft) pool.setRecurring(recurring);
    else {
      await pool.close();
      pool = null;
    }
    speculated = true;
    opened = CorpusCache.open(target, onDamage(target));
  } else {
    const counter = new RecurringLineCounter();
    for (const file of files) {
      const st = stats.get(file);
      if (formatOf(file.relPath) === 'jsonl') {
        const held = st && opened?.jsonl(st.absPath, st.size, st.mtimeMs);
        if (held) {
          for (const [, stored] of held.records()) counter.add(stored.edges);
          total += held.file.n;
        } else {
          for await (const doc of readJsonl(file, new IdRegistry(), noWarnings)) {
            counter.add(edgeKeys(doc.text));
            total++;
          }
        }
        continue;
      }
      const edges = st && opened?.edges(st.absPath, st.size, st.mtimeMs);
      if (edges) counter.add(edges);
      else {
        const read = readTextFile(file, noWarnings);
        if (read === null || read === 'skipped') continue;
        counter.add(edgeKeys(read.text));
      }
      total++;
    }
    recurring = counter.result();
  }
  const cache = opened;
  const corpusSummary: CorpusSummary = { fingerprint, documents: total, recurring: [...recurring].sort() };
  const recurringKeys = new RecurringKeys(recurring);

  // Pass two: each document analysed, handed out in corpus order.
  // The cache is rewritten only when something in it changes: at the first document analysed
  // afresh, the entries handed out before it (kept as where their lines start) are carried over as stored.
  const writeCache = cache !== null && !options.wantId && scratch === null;
  /** Where the lines of those entries start in the cache file. */
  const carried: number[] = [];
  // A corpus whose files changed gets a new header even when no record did.
  if (writeCache && cache.corpus?.fingerprint !== fingerprint) cache.begin(corpusSummary);
  const ids = new IdRegistry();
  const hashes = new Map<string, string>();
  const queue: Slot[] = [];
  let done = 0;
  let complete = false;

  // The analysis (workers, or the module in this thread) is set up at the first document that
  // needs it: a warm run needs none.
  let analyseDocument: typeof import('./analyse-document.js').analyseDocument | undefined;
  const ready = async (doc: SourceDocument): Promise<void> => {
    if (!pool && parallel && !speculated && total >= PARALLEL_MIN_DOCUMENTS) pool = new AnalysisPool(jobs, recurring);
    if (!analyseDocument && (!pool || doc.bytes > WORKER_MAX_BYTES))
      analyseDocument = (await import('./analyse-document.js')).analyseDocument;
  };
  // Without workers nothing is gained by reading ahead: each document is handed out at once, so
  // what it holds dies young (read ahead, records outlive the young generation and the heap
  // fills with them until a full collection).
  const inFlight = (): number => (pool ? IN_FLIGHT : 0);
  const analyse = (doc: SourceDocument): Slot['result'] =>
    pool && doc.bytes <= WORKER_MAX_BYTES
      ? pool.analyse(doc)
      : (analyseDocument as NonNullable<typeof analyseDocument>)(doc, recurring);

  /**
   * A document from the cache: marking duplicates reads only its record's `paragraphs` and
   * `hash`, so the record is parsed only when something asks for it.
   */
  const fromCache = (slot: Slot, stored: StoredEntry): CorpusDocument => {
    const probe = { id: slot.id, paragraphs: stored.paragraphs, hash: stored.hash, flags: [] as string[] };
    markDuplicate(probe as DocumentRecord, hashes);
    return new CachedDocument(stored, slot.id, slot.path, probe.flags.length > 0 ? hashes : null);
  };

  const settle = async (slot: Slot): Promise<CorpusDocument | null> => {
    const waiting = options.backpressure?.();
    if (waiting) await waiting;
    let result = slot.result;
    if (result instanceof Promise) {
      pool?.flushIfIdle();
      result = await result;
    }
    if (slot.stat && writeCache) {
      // A line carried over as it is stored, or a new entry.
      const line =
        slot.end === undefined
          ? result
            ? undefined
            : (slot.stored as StoredEntry).line
          : typeof slot.end === 'number'
            ? slot.end
            : undefined;
      if (line !== undefined && !cache.writing) carried.push(line);
      else {
        if (!cache.writing) {
          cache.begin(corpusSummary);
          for (const at of carried.splice(0)) cache.putStored(at);
        }
        if (line !== undefined) cache.putStored(line);
        else if (result) {
          const record = slot.asked === undefined ? result.record : { ...result.record, id: slot.asked };
          cache.put({
            f: slot.stat.absPath,
            s: slot.stat.size,
            m: slot.stat.mtimeMs,
            e: result.edges,
            h: result.recurringHits,
            l: result.lede,
            r: record,
          });
        } else cache.put(slot.end as JsonlFileEntry);
      }
    }
    if (slot.end !== undefined) return null;
    let analysed: CorpusDocument;
    if (result) {
      const record: DocumentRecord = {
        ...result.record,
        id: slot.id,
        path: slot.path,
        flags: [...result.record.flags],
      };
      markDuplicate(record, hashes);
      const views = 'lines' in result ? result : NO_VIEWS;
      analysed = {
        record,
        lede: result.lede,
        text: '',
        lines: views.lines,
        paragraphs: views.paragraphs,
        edges: result.edges,
        recurringHits: result.recurringHits,
      };
    } else analysed = fromCache(slot, slot.stored as StoredEntry);
    done++;
    options.onProgress?.(done, total);
    if (options.filter && !options.filter(analysed.record)) return null;
    if (slot.doc) {
      analysed.text = slot.doc.text;
      if (withText && analysed.lines === NO_VIEWS.lines)
        ({ lines: analysed.lines, paragraphs: analysed.paragraphs } = documentViews(slot.doc.text, analysed.record));
    }
    if (slot.file) analysed.file = slot.file;
    return analysed;
  };

  try {
    for (const file of files) {
      if (formatOf(file.relPath) === 'jsonl') {
        const stat = stats.get(file);
        const held = stat && cache?.jsonl(stat.absPath, stat.size, stat.mtimeMs);
        if (held && !withText && options.withRecordText === false && held.hitsAre(recurringKeys)) {
          // Every record as the cache holds it: the file is not read.
          for (const [id, stored] of replayJsonl(held, file, ids, warn)) {
            if (options.wantId && !options.wantId(id, file)) continue;
            queue.push({ id, path: file.displayPath, doc: null, stat, stored, result: null });
            while (queue.length > inFlight()) {
              const d = await settle(queue.shift() as Slot);
              if (d) yield d;
            }
          }
          queue.push({ id: '', path: file.displayPath, doc: null, stat, result: null, end: held.line });
          continue;
        }
        // Read, each record's entry taken from the cache when it holds.
        const records = held ? held.records() : null;
        let next = records?.next();
        const track = new JsonlTracker();
        let n = 0;
        for await (const doc of readJsonl(file, ids, warn, options.wantId, undefined, track)) {
          n++;
          const lineNo = doc.recordLine as number;
          while (next && !next.done && next.value[0] < lineNo) next = records?.next();
          const stored =
            next && !next.done && next.value[0] === lineNo && next.value[1].hitsAre(recurringKeys)
              ? next.value[1]
              : undefined;
          if (stored) queue.push({ id: doc.id, path: doc.path, doc, stat, stored, result: null });
          else {
            await ready(doc);
            queue.push({
              id: doc.id,
              path: doc.path,
              doc,
              stat,
              asked: askedRecordId(file, doc.fields, lineNo),
              result: analyse(doc),
            });
          }
          while (queue.length > inFlight()) {
            const d = await settle(queue.shift() as Slot);
            if (d) yield d;
          }
        }
        const end = held && n === held.file.n && !track.broken ? held.line : stat && track.entry(stat, n);
        if (end) queue.push({ id: '', path: file.displayPath, doc: null, stat, result: null, end });
        continue;
      }
      const wantedId = fileId(file.relPath);
      if (options.wantId && !options.wantId(ids.peek(wantedId), file)) {
        ids.claim(wantedId);
        continue;
      }
      const stat = stats.get(file);
      const stored = stat && cache?.get(stat.absPath, stat.size, stat.mtimeMs);
      if (stored?.hitsAre(recurringKeys)) {
        let doc: SourceDocument | null = null;
        if (withText) {
          const read = readTextFile(file, warn);
          if (read === null || read === 'skipped') continue;
          doc = { id: '', path: file.displayPath, absPath: file.absPath, format: formatOf(file.relPath), ...read };
        }
        const id = claimFor(ids, wantedId, file, warn);
        if (doc) doc.id = id;
        queue.push({ id, path: file.displayPath, doc, stat, file, stored, result: null });
      } else {
        const read = readTextFile(file, warn);
        if (read === null || read === 'skipped') continue;
        const id = claimFor(ids, wantedId, file, warn);
        const doc: SourceDocument = {
          id,
          path: file.displayPath,
          absPath: file.absPath,
          format: formatOf(file.relPath),
          ...read,
        };
        await ready(doc);
        queue.push({ id, path: file.displayPath, doc, stat, file, result: analyse(doc) });
      }
      while (queue.length > inFlight()) {
        const d = await settle(queue.shift() as Slot);
        if (d) yield d;
      }
    }
    while (queue.length > 0) {
      const d = await settle(queue.shift() as Slot);
      if (d) yield d;
    }
    complete = true;
  } finally {
    if (writeCache) {
      if (complete) cache.commit();
      else cache.abandon();
    }
    cache?.close();
    await pool?.close();
    if (scratch) removeScratch(scratch);
  }
}

function removeScratch(scratch: string): void {
  fs.rmSync(scratch, { recursive: true, force: true });
  keepOrRemoved(scratch);
}

/**
 * The first pass with workers: every text file not in the cache is read and analysed by a
 * worker, with a guess at the recurring lines, and its entry written to the cache; the edge
 * lines are counted in corpus order, as the pass without workers counts them. The guess is
 * refined as the count grows. The second pass keeps an entry whose guess was right for its
 * own edge lines, and analyses the others again: the result is the same either way.
 */
async function fillCache(
  files: FoundFile[],
  stats: Map<FoundFile, ReturnType<typeof statOf>>,
  cache: CorpusCache,
  pool: AnalysisPool,
  guess: Set<string>,
  fingerprint: string,
  onProgress: CorpusOptions['onProgress'],
): Promise<{ recurring: Set<string>; total: number; jsonlLeft: boolean }> {
  const counter = new RecurringLineCounter();
  let jsonlLeft = false;
  const held: CachedJsonl[] = [];
  const queue: (string[] | null | Promise<string[] | null>)[] = [];
  let total = 0;
  let nextGuess = FIRST_GUESS;
  const count = async (item: (typeof queue)[number]): Promise<void> => {
    if (item instanceof Promise) {
      pool.flushIfIdle();
      item = await item;
    }
    countNow(item);
  };
  const countNow = (item: string[] | null): void => {
    if (item === null) return;
    counter.add(item);
    total++;
    // The second pass, quick, reports its own progress: this one never says it is done.
    onProgress?.(total, Math.max(total + 1, files.length));
    if (total === nextGuess) {
      nextGuess = Math.min(nextGuess * 2, nextGuess + GUESS_EVERY);
      const better = counter.result();
      if (better.size !== guess.size || [...better].some((k) => !guess.has(k))) {
        guess = better;
        pool.setRecurring(guess);
      }
    }
  };
  cache.begin(null);
  pool.onEntries = (entries) => cache.putLines(entries);
  try {
    for (const file of files) {
      const st = stats.get(file);
      if (formatOf(file.relPath) === 'jsonl') {
        const entries = st && cache.jsonl(st.absPath, st.size, st.mtimeMs);
        if (entries) {
          // Counted and carried over with nothing else in between: the workers' entries are
          // written as they come, and the file's entries must stay together.
          while (queue.length > 0) await count(queue.shift() as (typeof queue)[number]);
          for (const [, stored] of entries.records()) {
            cache.putStored(stored.line);
            countNow(stored.edges);
          }
          cache.putStored(entries.line);
          held.push(entries);
          continue;
        }
        jsonlLeft = true;
        for await (const doc of readJsonl(file, new IdRegistry(), noWarnings)) {
          queue.push(edgeKeys(doc.text));
          while (queue.length > IN_FLIGHT) await count(queue.shift() as (typeof queue)[number]);
        }
        continue;
      }
      const stored = st && cache.get(st.absPath, st.size, st.mtimeMs);
      if (st && stored) {
        cache.putStored(stored.line);
        queue.push(stored.edges);
      } else if (st && st.size <= WORKER_MAX_BYTES && !isGzip(file.relPath)) {
        queue.push(pool.analyseFile({ ...file, format: formatOf(file.relPath), size: st.size, mtimeMs: st.mtimeMs }));
      } else {
        // A big file (or a compressed one, which may be) is analysed by the second pass, here.
        const read = readTextFile(file, noWarnings);
        queue.push(read === null || read === 'skipped' ? null : edgeKeys(read.text));
      }
      while (queue.length > IN_FLIGHT) await count(queue.shift() as (typeof queue)[number]);
    }
    while (queue.length > 0) await count(queue.shift() as (typeof queue)[number]);
  } catch (err) {
    cache.abandon();
    throw err;
  } finally {
    pool.onEntries = null;
  }
  const recurring = counter.result();
  cache.commit({ fingerprint, documents: total, recurring: [...recurring].sort() });
  // Records whose boilerplate the count changed are analysed again in the second pass: by the workers.
  if (!jsonlLeft && held.length > 0) {
    const keys = new RecurringKeys(recurring);
    jsonlLeft = held.some((entries) => !entries.hitsAre(keys));
  }
  return { recurring, total, jsonlLeft };
}

/** What names a corpus for the cache: its inputs, resolved, and the options that change the walk. */
function corpusKey(options: CorpusOptions): unknown {
  return {
    inputs: effectiveInputs(options.inputs).map((i) => path.resolve(options.cwd, i.given)),
    hidden: options.hidden ?? false,
    follow: options.follow ?? false,
    globs: options.globs ?? [],
  };
}
