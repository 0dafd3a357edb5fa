// The worker threads of `corpus collocates`: each holds one share of the counts (see
// collocates/shard.ts), and so does this thread. Documents go in batches to the least busy
// worker; when every worker has its fill, this thread counts the batch itself between reading
// records, so that `--jobs 2` runs one worker, not two beside a main thread that would be idle
// half the time (one V8 heap fewer: the peak memory stays under 400 MB). At the end each share
// is asked for its candidates, then for the corpus frequencies of the merged candidates.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WorkerSet } from './worker-set.js';
import type {
  CollocatesInput,
  CollocatesShard,
  CollocatesSpec,
  ShareCandidates,
  ShareTotals,
} from '../collocates/shard.js';

export type CollocatesRequest =
  | { type: 'docs'; batch: number; docs: CollocatesInput[] }
  | { type: 'candidates'; batch: number }
  | { type: 'counts'; batch: number; keys: string[] };
export type CollocatesReply =
  | { type: 'docs'; batch: number; warnings: [string, string][] }
  | { type: 'candidates'; batch: number; candidates: ShareCandidates; totals: ShareTotals }
  | { type: 'counts'; batch: number; counts: Int32Array }
  | { type: 'error'; batch: number; message: string };

const WORKER_FILE = fileURLToPath(new URL('./collocates-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 64;
/** Batches out per worker at most: enough to keep it busy, few enough to bound the memory. */
const IN_FLIGHT = 3;
/**
 * A worker's young generation kept small: each document's text is garbage at once, and the
 * default lets every worker grow by tens of megabytes before it collects.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 4 };

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function collocatesWorkersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

type Warn = (path: string, message: string) => void;

/** Collocates workers, one share each, and the share of this thread. */
export class CollocatesPool {
  private readonly workers: WorkerSet<CollocatesRequest, CollocatesReply>;
  private queued: CollocatesInput[] = [];
  private readonly pending = new Set<Promise<void>>();
  /** The first failure of a batch (a worker that stopped, a pattern that timed out). */
  private failure: Error | null = null;

  /**
   * @param size - Worker threads (at least 1).
   * @param local - This thread's share.
   */
  constructor(
    size: number,
    spec: CollocatesSpec,
    private readonly local: CollocatesShard,
    private readonly onWarning: Warn,
  ) {
    this.workers = new WorkerSet(WORKER_FILE, size, 'collocates', spec, RESOURCE_LIMITS);
  }

  /**
   * Queues a document; a full batch goes to a worker with room, else is counted here. The replies
   * are let in first (a warm corpus reader may yield many records without giving the event loop
   * a turn): a worker done with its batches must not wait while this thread counts.
   */
  async add(doc: CollocatesInput): Promise<void> {
    this.queued.push(doc);
    if (this.queued.length < BATCH) return;
    if (this.pending.size >= this.workers.size * IN_FLIGHT) await new Promise((resolve) => setImmediate(resolve));
    if (this.failure) throw this.failure;
    if (this.pending.size < this.workers.size * IN_FLIGHT) this.send();
    else {
      for (const d of this.queued) for (const [path, message] of this.local.add(d)) this.onWarning(path, message);
      this.queued = [];
    }
  }

  private send(): void {
    if (this.queued.length === 0) return;
    const docs = this.queued;
    this.queued = [];
    const done: Promise<void> = this.workers
      .send({ type: 'docs', docs })
      .then(
        (reply) => {
          if (reply.type === 'error') this.failure ??= new Error(reply.message);
          if (reply.type === 'docs') for (const [path, message] of reply.warnings) this.onWarning(path, message);
        },
        (err: Error) => {
          this.failure ??= err;
        },
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Every document counted: each share's candidates and totals, this thread's first. */
  async candidates(): Promise<{ candidates: ShareCandidates; totals: ShareTotals }[]> {
    this.send();
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
    const replies = await Promise.all(
      Array.from({ length: this.workers.size }, (_, i) => this.workers.send({ type: 'candidates' }, i)),
    );
    const shares = replies.map((reply) => {
      if (reply.type !== 'candidates') throw new Error('collocates worker: unexpected reply');
      return { candidates: reply.candidates, totals: reply.totals };
    });
    return [{ candidates: this.local.candidates(), totals: this.local.totals }, ...shares];
  }

  /** Each share's corpus frequencies of the keys, this thread's first. */
  async counts(keys: string[]): Promise<Int32Array[]> {
    const replies = await Promise.all(
      Array.from({ length: this.workers.size }, (_, i) => this.workers.send({ type: 'counts', keys }, i)),
    );
    const shares = replies.map((reply) => {
      if (reply.type !== 'counts') throw new Error('collocates worker: unexpected reply');
      return reply.counts;
    });
    return [this.local.counts(keys), ...shares];
  }

  async close(): Promise<void> {
    await this.workers.close();
  }
}
