// Greps a corpus in corpus order. Text files are read and searched in worker threads when the
// corpus is big enough (else in this thread, the same way); this thread walks, claims the ids,
// reports warnings and reads JSON Lines files, so the output never depends on the worker count.

import type { DocumentSearch } from '../grep.js';
import { searchDocument } from '../grep.js';
import { claimFor, fileId, formatOf, IdRegistry, readJsonl } from '../read-documents.js';
import { MatchTimeoutError } from '../search/backtracking-guard.js';
import type { Matcher, MatcherOptions } from '../search/matcher.js';
import type { DocumentRecord, SourceDocument, WarningHandler } from '../types.js';
import { describeError, type FoundFile } from '../walk.js';
import { GrepPool, grepWorkersAvailable } from './grep-pool.js';
import { FileReader, Outcome, searchBatch, searchFile, sparseLines, type BatchResult, type FileResult, type GrepSpec } from './grep-task.js';

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
  onWarning?: WarningHandler;
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
 * literal on the raw bytes is so cheap that they pay only on a big corpus.
 */
export function parallelMinFiles(matcher: Matcher, spec: GrepSpec, analyse: boolean): number {
  if (analyse) return 200;
  if (matcher.lineLiterals && spec.mode !== 'lines') return 20000;
  return 2000;
}
/** Files sent to a worker at once. */
const BATCH = 64;
/** Batches under way per job, so workers stay busy while this thread prints. */
const AHEAD_PER_WORKER = 16;
/** Batches a worker may have under way before this thread searches the next batch itself. */
const BUSY = 4;

const isGzip = (relPath: string): boolean => relPath.length >= 3 && relPath.charCodeAt(relPath.length - 3) === 0x2e && relPath.slice(-2).toLowerCase() === 'gz';

type Unit =
  | { kind: 'batch'; files: FoundFile[]; reply?: Promise<BatchResult>; done?: BatchResult }
  | { kind: 'jsonl'; file: FoundFile };

/** Yields each matching document of the files, in order. */
export async function* grepCorpus(files: Iterable<FoundFile>, matcher: Matcher, options: GrepCorpusOptions): AsyncGenerator<GrepDocument> {
  const warn = options.onWarning ?? (() => {});
  const { spec } = options;
  const ids = new IdRegistry();
  const analyseDocument = options.analyse ? (await import('../analyse.js')).analyseDocument : null;

  const it = files[Symbol.iterator]();
  const head: FoundFile[] = [];
  let ended = false;
  const minFiles = options.minParallelFiles ?? parallelMinFiles(matcher, spec, options.analyse);
  if (options.jobs > 1) {
    while (head.length < minFiles) {
      const next = it.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
    }
  }
  function* all(): Generator<FoundFile> {
    yield* head;
    if (!ended) {
      for (let next = it.next(); !next.done; next = it.next()) yield next.value;
    }
  }

  /** The matching document a file's result stands for, once its id is claimed; warnings reported. */
  const settle = (file: FoundFile, outcome: Outcome, result: FileResult | undefined): GrepDocument | null => {
    if (outcome === Outcome.Unread) {
      if (result?.error) warn(file.displayPath, describeError(Object.assign(new Error(result.error.message), { code: result.error.code })));
      if (result?.warnings) for (const [where, why] of result.warnings) warn(where, why);
      return null;
    }
    const id = claimFor(ids, fileId(file.relPath), file, warn);
    if (result === undefined) return null;
    if (result.warnings) for (const [where, why] of result.warnings) warn(where, why);
    const m = result.match;
    if (outcome !== Outcome.Match || !m) return null;
    const doc: SourceDocument = { id, path: file.displayPath, absPath: file.absPath, format: m.format, bytes: m.bytes, encoding: m.encoding, text: '' };
    const lines = spec.mode === 'lines' ? sparseLines(m) : [];
    return { search: { doc, lines, hits: m.hits ?? [], count: m.count }, count: m.count, record: m.record ? { ...m.record, id } : null };
  };

  const jsonl = async function* (file: FoundFile): AsyncGenerator<GrepDocument> {
    for await (const doc of readJsonl(file, ids, warn)) {
      const search = searchDocument(doc, matcher, {
        maxCount: spec.mode === 'files' ? Math.min(spec.maxCount ?? Infinity, 1) : spec.maxCount,
        withLines: spec.mode === 'lines',
        onLineError: (line, err) => {
          if (!(err instanceof MatchTimeoutError)) throw err;
          warn(`${doc.path}:${line}`, err.message);
        },
      });
      if (search.hits.length === 0) continue;
      search.count = search.hits.length;
      yield { search, count: search.hits.length, record: analyseDocument ? analyseDocument(doc).record : null };
    }
  };

  // This thread is one of the jobs: it walks, and searches a batch itself whenever every worker
  // is busy, so `jobs - 1` workers keep the cores full without a thread too many.
  const pool = options.jobs > 1 && head.length >= minFiles && grepWorkersAvailable()
    ? new GrepPool(options.jobs - 1, { matcher: options.matcherOptions, spec, analyse: options.analyse })
    : null;
  const reader = new FileReader();
  const analyse = analyseDocument ? (doc: SourceDocument) => analyseDocument(doc).record : undefined;

  if (!pool) {
    for (const file of all()) {
      const format = formatOf(file.relPath);
      if (format === 'jsonl') {
        yield* jsonl(file);
        continue;
      }
      const result = searchFile({ absPath: file.absPath, displayPath: file.displayPath, format, gzip: isGzip(file.relPath) }, matcher, spec, reader, { analyse });
      const found = settle(file, result.outcome, result);
      if (found) yield found;
    }
    return;
  }

  try {
    const queue: Unit[] = [];
    let batch: FoundFile[] = [];
    let kinds = '';
    const send = (): void => {
      if (batch.length === 0) return;
      if (pool.allBusy(BUSY)) queue.push({ kind: 'batch', files: batch, done: searchBatch(batch, kinds, matcher, spec, reader, { analyse }) });
      else {
        const request = {
          absPaths: batch.map((f) => f.absPath).join('\0'),
          displayPaths: batch.map((f) => f.displayPath).join('\0'),
          kinds,
        };
        const unit: Unit = { kind: 'batch', files: batch, reply: pool.search(request) };
        // Handled when its turn comes; a failure meanwhile must not count as unhandled.
        unit.reply?.then((reply) => (unit.done = reply), () => {});
        queue.push(unit);
      }
      batch = [];
      kinds = '';
    };
    const drain = async function* (unit: Unit): AsyncGenerator<GrepDocument> {
      if (unit.kind === 'jsonl') {
        yield* jsonl(unit.file);
        return;
      }
      const { outcomes, details } = unit.done ?? (await (unit.reply as Promise<BatchResult>));
      let d = 0;
      for (let i = 0; i < unit.files.length; i++) {
        const detail = details[d];
        let result: FileResult | undefined;
        if (detail !== undefined && detail[0] === i) {
          result = detail[1];
          d++;
        }
        const found = settle(unit.files[i] as FoundFile, outcomes[i] as Outcome, result);
        if (found) yield found;
      }
    };
    const ahead = options.jobs * AHEAD_PER_WORKER;
    for (const file of all()) {
      const format = formatOf(file.relPath);
      if (format === 'jsonl') {
        send();
        queue.push({ kind: 'jsonl', file });
      } else {
        batch.push(file);
        const kind = format === 'markdown' ? 'm' : 't';
        kinds += isGzip(file.relPath) ? kind.toUpperCase() : kind;
        if (batch.length >= BATCH) {
          send();
          // A turn of the event loop, for the workers' replies to come in.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      // Print what is ready without waiting; wait only when too much is under way.
      while (queue.length > 0 && (queue.length > ahead || isDone(queue[0] as Unit))) yield* drain(queue.shift() as Unit);
    }
    send();
    while (queue.length > 0) yield* drain(queue.shift() as Unit);
  } finally {
    await pool.close();
  }
}

const isDone = (unit: Unit): boolean => unit.kind === 'jsonl' || unit.done !== undefined;
