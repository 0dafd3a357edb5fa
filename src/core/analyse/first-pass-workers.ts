// The first pass with workers, when the cache cannot give the count: every file that is one
// document and not in the cache is read and analysed by a worker, with a guess at the recurring
// lines, and its entry written to the cache (a scratch one under `--no-cache`), while the edge
// lines are counted in corpus order. The second pass is then a warm run over that cache.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CorpusPlan } from './corpus-plan.js';
import { countRecurring, recordEdges, type FirstPass } from './first-pass.js';
import { edgeKeys, RecurringLineCounter } from './recurring-lines.js';
import { CorpusCache, RecurringKeys, type CachedJsonl } from '../cache/index.js';
import { keepOrRemoved, makeScratchFolder } from '../cache/temp-files.js';
import { formatOf, isCompressed } from '../input/file-kinds.js';
import { readerFor } from '../input/formats/index.js';
import { AnalysisPool, IN_FLIGHT, WORKER_MAX_BYTES } from '../workers/analysis-pool.js';
import type { WarningHandler } from '../types.js';

/** The workers' guess at the recurring lines is refined at 64, 128, 256… documents, */
const FIRST_GUESS = 64;
/** …and then every so many documents. */
const GUESS_EVERY = 4096;
const noWarnings = () => {};

/**
 * The first pass with workers: fills the cache (`opened`, the last run's, or a new one) and
 * counts. The workers are kept for the second pass when records are left for them to analyse.
 */
export async function firstPassWithWorkers(
  plan: CorpusPlan,
  opened: CorpusCache | null,
  warn: WarningHandler,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<FirstPass> {
  let scratch: string | null;
  try {
    scratch = plan.cacheFile ? null : makeScratchFolder();
  } catch (err) {
    // No scratch cache for the workers to fill (the temporary folder cannot be written): the
    // count is made in this thread, and the second pass analyses with workers of its own.
    warn(os.tmpdir(), `no scratch cache for the first pass (${(err as NodeJS.ErrnoException).code ?? err})`);
    return { ...(await countRecurring(plan, null)), cache: null, pool: null, scratch: null, speculated: false };
  }
  const target = plan.cacheFile ?? path.join(scratch as string, 'cache.jsonl');
  const guess = new Set(opened?.corpus?.recurring ?? []);
  const pool = new AnalysisPool(plan.jobs, guess);
  const last = opened ?? CorpusCache.open(target, (why) => warn(target, why));
  let filled: Awaited<ReturnType<typeof fillCache>>;
  try {
    filled = await fillCache(plan, last, pool, guess, onProgress);
  } catch (err) {
    await pool.close();
    if (scratch) removeScratch(scratch);
    throw err;
  } finally {
    last.close();
  }
  const { recurring, total, recordsLeft } = filled;
  // The workers' memory is given back before the cache is loaded: the few documents whose
  // guess was wrong are analysed again in this thread. The records not in the cache are
  // analysed in the second pass, so for them the workers stay.
  if (recordsLeft) pool.setRecurring(recurring);
  else await pool.close();
  // What was said of the cache while it was filled is not said again.
  const cache = CorpusCache.open(target, (why) => last.reported.includes(why) || warn(target, why));
  return { recurring, total, cache, pool: recordsLeft ? pool : null, scratch, speculated: true };
}

/** Removes the folder of a scratch cache. */
export function removeScratch(scratch: string): void {
  fs.rmSync(scratch, { recursive: true, force: true });
  keepOrRemoved(scratch);
}

type Edges = string[] | null;

/**
 * The edge lines of the documents, counted in corpus order as they come (a worker's come as a
 * promise), as the pass without workers counts them; the workers' guess at the recurring lines
 * is refined as the count grows.
 */
class EdgeCount {
  private readonly counter = new RecurringLineCounter();
  private readonly queue: (Edges | Promise<Edges>)[] = [];
  total = 0;
  private nextGuess = FIRST_GUESS;

  constructor(
    private guess: Set<string>,
    private readonly pool: AnalysisPool,
    private readonly files: number,
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
  ) {}

  /** Documents queued and not counted yet. */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues a document's edge lines (null: no document), or a worker's promise of them. */
  push(edges: Edges | Promise<Edges>): void {
    this.queue.push(edges);
  }

  /** Counts the queued documents until no more than `left` wait. */
  async countUntil(left: number): Promise<void> {
    while (this.queue.length > left) {
      let edges = this.queue.shift() as Edges | Promise<Edges>;
      if (edges instanceof Promise) {
        this.pool.flushIfIdle();
        edges = await edges;
      }
      this.add(edges);
    }
  }

  /** Counts a document now (call with nothing queued: the count keeps corpus order). */
  add(edges: Edges): void {
    if (edges === null) return;
    this.counter.add(edges);
    this.total++;
    // The second pass, quick, reports its own progress: this one never says it is done.
    this.onProgress?.(this.total, Math.max(this.total + 1, this.files));
    if (this.total === this.nextGuess) {
      this.nextGuess = Math.min(this.nextGuess * 2, this.nextGuess + GUESS_EVERY);
      const better = this.counter.result();
      if (better.size !== this.guess.size || [...better].some((k) => !this.guess.has(k))) {
        this.guess = better;
        this.pool.setRecurring(better);
      }
    }
  }

  /** The recurring lines, as counted so far. */
  result(): Set<string> {
    return this.counter.result();
  }
}

/**
 * Every file that is one document not in the cache is read and analysed by a worker and its
 * entry written to the cache; the records of a file the cache does not hold are read here, to
 * be counted. The second pass keeps an entry whose guess was right for its own edge lines, and
 * analyses the others again: the result is the same either way.
 */
async function fillCache(
  plan: CorpusPlan,
  cache: CorpusCache,
  pool: AnalysisPool,
  guess: Set<string>,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<{ recurring: Set<string>; total: number; recordsLeft: boolean }> {
  const count = new EdgeCount(guess, pool, plan.files.length, onProgress);
  const held: CachedJsonl[] = [];
  let recordsLeft = false;
  cache.begin(null);
  pool.onEntries = (entries) => cache.putLines(entries);
  try {
    for (const file of plan.files) {
      const st = plan.stats.get(file);
      const reader = readerFor(formatOf(file.relPath));
      if (reader.holds === 'records') {
        const entries = st && cache.jsonl(st);
        if (entries) {
          // Counted and carried over with nothing else in between: the workers' entries are
          // written as they come, and the file's entries must stay together.
          await count.countUntil(0);
          for (const [, stored] of entries.records()) {
            cache.putStored(stored.line);
            count.add(stored.edges);
          }
          cache.putStored(entries.line);
          held.push(entries);
          continue;
        }
        recordsLeft = true;
        for await (const edges of recordEdges(reader, file)) {
          count.push(edges);
          if (count.pending > IN_FLIGHT) await count.countUntil(IN_FLIGHT);
        }
        continue;
      }
      const stored = st && cache.get(st);
      if (st && stored) {
        cache.putStored(stored.line);
        count.push(stored.edges);
      } else if (st && st.size <= WORKER_MAX_BYTES && !isCompressed(file.relPath)) {
        count.push(pool.analyseFile({ ...file, format: formatOf(file.relPath), key: st }));
      } else {
        // A big file (or a compressed one, which may be) is analysed by the second pass, here.
        const read = reader.read(file, noWarnings);
        count.push(read === null || read === 'skipped' ? null : edgeKeys(read.text));
      }
      if (count.pending > IN_FLIGHT) await count.countUntil(IN_FLIGHT);
    }
    await count.countUntil(0);
  } catch (err) {
    cache.abandon();
    throw err;
  } finally {
    pool.onEntries = null;
  }
  const recurring = count.result();
  cache.commit({ fingerprint: plan.fingerprint, documents: count.total, recurring: [...recurring].sort() });
  // Records whose boilerplate the count changed are analysed again in the second pass: by the workers.
  if (!recordsLeft && held.length > 0) {
    const keys = new RecurringKeys(recurring);
    recordsLeft = held.some((entries) => !entries.hitsAre(keys));
  }
  return { recurring, total: count.total, recordsLeft };
}
