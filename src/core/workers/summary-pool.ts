// The worker threads of `summarise`: each holds one shard (see shard.ts). Documents are queued to
// a given worker, sent in small batches, and each comes back as a promise of its result.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WorkerSet } from './worker-set.js';
import {
  SummaryShard,
  type ShardDocResult,
  type ShardFinal,
  type ShardInput,
  type ShardOptions,
} from '../summary/shard.js';

export type SummaryRequest =
  { type: 'docs'; batch: number; docs: ShardInput[] } | { type: 'finish'; batch: number; top: number };
export type SummaryReply =
  { type: 'docs'; batch: number; results: ShardDocResult[] } | { type: 'finish'; batch: number; final: ShardFinal };

const WORKER_FILE = fileURLToPath(new URL('./summary-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 32;
/**
 * A small young generation for the workers: what a shard keeps is long-lived (its counts), what
 * it makes per document dies at once, and V8's default young generation held some 25 MB a worker
 * more at 100,000 documents, for no measurable gain in time.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function summaryWorkersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

interface Batch {
  docs: ShardInput[];
  waiters: { resolve: (r: ShardDocResult) => void; reject: (e: Error) => void }[];
}

/** What {@link SummaryPool} and {@link LocalShards} share: documents in, results out, per shard. */
export interface Shards {
  readonly size: number;
  submit(shard: number, doc: ShardInput): Promise<ShardDocResult>;
  flush(): void;
  finish(top: number): Promise<ShardFinal[]>;
  close(): Promise<void>;
}

/** The shards in this thread, as the workers would hold them: for tests run from the sources. */
export class LocalShards implements Shards {
  private readonly shards: SummaryShard[];

  constructor(size: number, options: ShardOptions) {
    this.shards = Array.from({ length: size }, () => new SummaryShard(options));
  }

  get size(): number {
    return this.shards.length;
  }

  submit(shard: number, doc: ShardInput): Promise<ShardDocResult> {
    return Promise.resolve((this.shards[shard] as SummaryShard).add(doc));
  }

  flush(): void {}

  finish(top: number): Promise<ShardFinal[]> {
    return Promise.resolve(this.shards.map((s) => s.finish(top)));
  }

  async close(): Promise<void> {}
}

/** Summary workers, one shard each. */
export class SummaryPool implements Shards {
  private readonly workers: WorkerSet<SummaryRequest, SummaryReply>;
  /** Each worker's documents not sent yet. */
  private readonly queued: Batch[];

  constructor(size: number, options: ShardOptions) {
    this.workers = new WorkerSet(WORKER_FILE, size, 'summarise', options, RESOURCE_LIMITS);
    this.queued = Array.from({ length: size }, () => ({ docs: [], waiters: [] }));
    // A worker with nothing to do takes what is queued for it, full batch or not.
    this.workers.onIdle = (index) => this.send(index);
  }

  get size(): number {
    return this.workers.size;
  }

  /** Queues a document for a worker; resolves to its result. Call {@link flush} before waiting on it. */
  submit(worker: number, doc: ShardInput): Promise<ShardDocResult> {
    return new Promise((resolve, reject) => {
      const queued = this.queued[worker] as Batch;
      queued.docs.push(doc);
      queued.waiters.push({ resolve, reject });
      if (queued.docs.length >= BATCH) this.send(worker);
    });
  }

  /**
   * Sends the documents queued for the workers with no batch out: call it before waiting on a
   * result. (A busy worker's queue goes when it is free: sending it at once would cut the
   * batches short, and make one message a document.)
   */
  flush(): void {
    for (let i = 0; i < this.size; i++) if (this.workers.busy(i) === 0) this.send(i);
  }

  private send(index: number): void {
    const { docs, waiters } = this.queued[index] as Batch;
    if (docs.length === 0) return;
    this.queued[index] = { docs: [], waiters: [] };
    this.workers.send({ type: 'docs', docs }, index).then(
      (reply) => {
        if (reply.type === 'docs') reply.results.forEach((r, j) => waiters[j]?.resolve(r));
      },
      (err: Error) => waiters.forEach((w) => w.reject(err)),
    );
  }

  /** Each worker's shard results, once every document sent is done. */
  async finish(top: number): Promise<ShardFinal[]> {
    for (let i = 0; i < this.size; i++) this.send(i);
    const replies = await Promise.all(
      Array.from({ length: this.size }, (_, i) => this.workers.send({ type: 'finish', top }, i)),
    );
    return replies.map((reply) => (reply as Extract<SummaryReply, { type: 'finish' }>).final);
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.workers.close();
  }
}
