// The worker threads of `summarise`: each holds one shard (see shard.ts). Documents are queued to
// a given worker, sent in small batches, and each comes back as a promise of its result.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SummaryShard, type ShardDocResult, type ShardFinal, type ShardInput, type ShardOptions } from './shard.js';

export type SummaryRequest = { type: 'docs'; batch: number; docs: ShardInput[] } | { type: 'finish'; top: number };
export type SummaryReply = { type: 'docs'; batch: number; results: ShardDocResult[] } | { type: 'finish'; final: ShardFinal };

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 32;

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function summaryWorkersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

interface Batch {
  docs: ShardInput[];
  waiters: { resolve: (r: ShardDocResult) => void; reject: (e: Error) => void }[];
}

interface Slot {
  worker: Worker;
  queued: Batch;
  pending: Map<number, Batch['waiters']>;
  finished?: { resolve: (f: ShardFinal) => void; reject: (e: Error) => void };
  failed?: Error;
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
  private readonly slots: Slot[] = [];
  private nextBatch = 0;

  constructor(size: number, options: ShardOptions) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE, { workerData: options });
      const slot: Slot = { worker, queued: { docs: [], waiters: [] }, pending: new Map() };
      worker.on('message', (reply: SummaryReply) => {
        if (reply.type === 'finish') {
          slot.finished?.resolve(reply.final);
          return;
        }
        const waiters = slot.pending.get(reply.batch);
        slot.pending.delete(reply.batch);
        reply.results.forEach((r, j) => waiters?.[j]?.resolve(r));
        // A worker with nothing to do takes what is queued for it, full batch or not.
        if (slot.pending.size === 0) this.send(slot);
      });
      const fail = (err: Error): void => {
        slot.failed ??= err;
        for (const waiters of slot.pending.values()) for (const w of waiters) w.reject(err);
        slot.pending.clear();
        slot.finished?.reject(err);
      };
      worker.on('error', fail);
      // A worker that stops with work outstanding (killed, out of memory) fails it, never hangs.
      worker.on('exit', (code) => fail(new Error(`summarise worker stopped (exit code ${code})`)));
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Queues a document for a worker; resolves to its result. Call {@link flush} before waiting on it. */
  submit(worker: number, doc: ShardInput): Promise<ShardDocResult> {
    const slot = this.slots[worker] as Slot;
    return new Promise((resolve, reject) => {
      if (slot.failed) return reject(slot.failed);
      slot.queued.docs.push(doc);
      slot.queued.waiters.push({ resolve, reject });
      if (slot.queued.docs.length >= BATCH) this.send(slot);
    });
  }

  /**
   * Sends the documents queued for the workers with no batch out: call it before waiting on a
   * result. (A busy worker's queue goes when it is free: sending it at once would cut the
   * batches short, and make one message a document.)
   */
  flush(): void {
    for (const slot of this.slots) if (slot.pending.size === 0) this.send(slot);
  }

  private send(slot: Slot): void {
    const { docs, waiters } = slot.queued;
    if (docs.length === 0) return;
    slot.queued = { docs: [], waiters: [] };
    const batch = this.nextBatch++;
    slot.pending.set(batch, waiters);
    const request: SummaryRequest = { type: 'docs', batch, docs };
    slot.worker.postMessage(request);
  }

  /** Each worker's shard results, once every document sent is done. */
  async finish(top: number): Promise<ShardFinal[]> {
    for (const slot of this.slots) this.send(slot);
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<ShardFinal>((resolve, reject) => {
            if (slot.failed) return reject(slot.failed);
            slot.finished = { resolve, reject };
            const request: SummaryRequest = { type: 'finish', top };
            slot.worker.postMessage(request);
          }),
      ),
    );
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
