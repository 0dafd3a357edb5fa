// The two ways `summarise` reads the corpus: every document analysed here, in one shard; or the
// languages shared out among shards (worker threads), while this thread keeps the corpus order.

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { LocalShards, SummaryPool, summaryWorkersAvailable, type Shards } from '../workers/summary-pool.js';
import { SummaryShard, type GroupBy, type ShardDocResult, type ShardFinal, type ShardInput } from './shard.js';
import { useStopwords, type StopwordSettings } from '../stats/stopwords.js';
import { runScratchFolder } from '../cache/temp-files.js';
import type { PreparedLines } from './prepare-lines.js';

/** Fewer documents than this are summarised in this thread: starting workers costs more. */
export const PARALLEL_MIN_DOCUMENTS = 200;
/** Documents handed to the workers ahead of the one being merged. */
const IN_FLIGHT = 1024;

/** What this thread does with each document, in corpus order. */
export interface InOrder {
  /** A document as it is read (its record's figures are taken at once). */
  record(d: AnalysedDocument): void;
  /** What the document's shard found in its text. */
  result(d: AnalysedDocument, r: ShardDocResult): void;
  /** Every document is in; the shards may still be finishing theirs. */
  end(): void;
}

/** How a pass runs. */
export interface PassOptions {
  top: number;
  by?: GroupBy;
  /** Shards (worker threads) from {@link PARALLEL_MIN_DOCUMENTS} documents; 1: all here. */
  jobs?: number;
  /** Keep the `jobs` shards in this thread (for tests: the workers run only from the build). */
  localShards?: boolean;
  /** The run's stop words, as set in this thread: sent to the worker threads. */
  stopwords?: StopwordSettings;
  /** Characters of distinctive-term candidates, and signatures, held in memory before they spill to disk (for tests). */
  spillAt?: number;
}

/**
 * Reads every document once, handing each to `inOrder` and to its shard; resolves to the
 * shards' results. A small corpus is summarised here: its first documents decide.
 */
export async function runPass(
  docs: AsyncIterable<AnalysedDocument>,
  inOrder: InOrder,
  options: PassOptions,
): Promise<ShardFinal[]> {
  // The run's stop words, here and (through the options) in the workers; none given: each language's.
  useStopwords(options.stopwords);
  const jobs = options.jobs ?? 1;
  const threads = jobs > 1 && !options.localShards && summaryWorkersAvailable();
  const sharded = threads || (jobs > 1 && options.localShards === true);
  const reader = await readAhead(docs, sharded ? PARALLEL_MIN_DOCUMENTS : 0);
  if (jobs > 1 && reader.head >= PARALLEL_MIN_DOCUMENTS) {
    const pool: Shards = threads
      ? new SummaryPool(jobs, {
          by: options.by,
          stopwords: options.stopwords,
          scratch: runScratchFolder(),
          spillAt: options.spillAt,
        })
      : new LocalShards(jobs, { by: options.by, spillAt: options.spillAt });
    return inShards(reader.all(), pool, inOrder, options.top);
  }
  return inOneShard(reader.all(), inOrder, options);
}

/**
 * A document's prepared lines as strings of their own. The lines are slices of the document's
 * text, and a slice V8 keeps as a view holds the whole text: the boilerplate section keeps every
 * distinct line, and `--jobs 1` on 100,000 documents peaked at 1,057 MB with them, 690 MB
 * without. A worker's lines are copied on their way to this thread; here they are copied alike.
 */
export function detachedLines(lines: PreparedLines): PreparedLines {
  return JSON.parse(JSON.stringify(lines)) as PreparedLines;
}

/** All the documents in one shard, in this thread. */
async function inOneShard(
  docs: AsyncIterable<AnalysedDocument>,
  inOrder: InOrder,
  options: PassOptions,
): Promise<ShardFinal[]> {
  const shard = new SummaryShard({ by: options.by, spillAt: options.spillAt });
  let seq = 0;
  for await (const d of docs) {
    inOrder.record(d);
    const result = shard.add(shardInput(seq++, d));
    inOrder.result(d, { ...result, lines: detachedLines(result.lines) });
  }
  // The near duplicates first: their signatures are freed before the shard's results are made.
  inOrder.end();
  return [shard.finish(options.top)];
}

/**
 * The documents shared out among the pool's shards by language, each language's documents to
 * one shard in corpus order; the results come back to `inOrder` in corpus order too.
 */
async function inShards(
  docs: AsyncIterable<AnalysedDocument>,
  pool: Shards,
  inOrder: InOrder,
  top: number,
): Promise<ShardFinal[]> {
  try {
    const shardOf = languageShares(pool.size);
    const queue: { d: AnalysedDocument; result: Promise<ShardDocResult>; done: ShardDocResult | null }[] = [];
    const settle = async (): Promise<void> => {
      const slot = queue.shift() as (typeof queue)[number];
      if (slot.done === null) pool.flush();
      inOrder.result(slot.d, slot.done ?? (await slot.result));
    };
    let seq = 0;
    for await (const d of docs) {
      inOrder.record(d);
      const slot: (typeof queue)[number] = {
        d,
        result: pool.submit(shardOf(d.record), shardInput(seq++, d)),
        done: null,
      };
      slot.result.then(
        (r) => (slot.done = r),
        () => {},
      );
      queue.push(slot);
      while (queue.length > IN_FLIGHT) await settle();
    }
    while (queue.length > 0) await settle();
    // The near duplicates are found here while the workers finish their shards.
    const finishing = pool.finish(top);
    inOrder.end();
    return await finishing;
  } finally {
    await pool.close();
  }
}

/** Each language goes to the shard with the fewest words so far when it is first seen. */
function languageShares(shards: number): (record: { lang: string; words: number }) => number {
  const shardOf = new Map<string, number>();
  const load = new Array<number>(shards).fill(0);
  return (record) => {
    let shard = shardOf.get(record.lang);
    if (shard === undefined) {
      shard = load.indexOf(Math.min(...load));
      shardOf.set(record.lang, shard);
    }
    load[shard] = (load[shard] ?? 0) + record.words + 50;
    return shard;
  };
}

/**
 * The documents, the first `ahead` of them read at once (to tell a small corpus); `head` is how
 * many were there. `all` yields them all, and lets the reader close early if stopped.
 */
async function readAhead(
  docs: AsyncIterable<AnalysedDocument>,
  ahead: number,
): Promise<{ head: number; all: () => AsyncGenerator<AnalysedDocument> }> {
  const iterator = docs[Symbol.asyncIterator]();
  const head: AnalysedDocument[] = [];
  let ended = false;
  while (head.length < ahead) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
  }
  async function* all(): AsyncGenerator<AnalysedDocument> {
    try {
      yield* head;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else yield next.value;
      }
    } finally {
      // Stopped early (an error): let the reader close what it opened.
      if (!ended) await iterator.return?.();
    }
  }
  return { head: head.length, all };
}

/** What a document needs to be summarised in a shard, from what the corpus reader gives. */
export function shardInput(seq: number, d: AnalysedDocument): ShardInput {
  const { id, lang, hash, boilerplate, boilerplateKinds, source, date } = d.record;
  const record = { id, lang, hash, boilerplate, boilerplateKinds, source, date };
  if (d.lines.length > 0 || d.paragraphs.length > 0) return { seq, record, lines: d.lines, paragraphs: d.paragraphs };
  if (d.text !== '') return { seq, record, text: d.text };
  if (d.file)
    return { seq, record, file: { absPath: d.file.absPath, relPath: d.file.relPath, displayPath: d.file.displayPath } };
  return { seq, record, lines: [], paragraphs: [] };
}
