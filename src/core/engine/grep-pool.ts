// A pool of grep workers: batches of text files go out to the least busy worker, each batch
// coming back as a promise of what became of every file in it, in the batch's order.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MatcherOptions } from '../search/matcher.js';
import type { BatchRequest, BatchResult, GrepSpec } from './grep-task.js';

/** What a grep worker is started with. */
export interface GrepWorkerData {
  matcher: MatcherOptions;
  spec: GrepSpec;
  /** Run the analysis of each matching document (for metadata in the output, or a filter). */
  analyse: boolean;
}

export interface GrepRequest extends BatchRequest {
  batch: number;
}

export interface GrepReply extends BatchResult {
  batch: number;
}

const WORKER_FILE = fileURLToPath(new URL('./grep-worker.js', import.meta.url));

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function grepWorkersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

interface Pending {
  resolve: (reply: GrepReply) => void;
  reject: (err: Error) => void;
}

/** Grep workers sharing one matcher and output mode. */
export class GrepPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending & { slot: { busy: number } }>();
  private nextBatch = 0;
  private failure: Error | null = null;

  constructor(size: number, data: GrepWorkerData) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE, { workerData: data });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: GrepReply) => {
        slot.busy--;
        const p = this.pending.get(reply.batch);
        this.pending.delete(reply.batch);
        p?.resolve(reply);
      });
      const fail = (err: Error) => {
        this.failure ??= err;
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (this.pending.size > 0) fail(new Error(`a grep worker stopped (exit code ${code})`));
      });
      this.workers.push(slot);
    }
  }

  /** Sends a batch to the least busy worker; resolves to the outcome of each of its files. */
  search(files: Omit<GrepRequest, 'batch'>): Promise<GrepReply> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const batch = this.nextBatch++;
    const promise = new Promise<GrepReply>((resolve, reject) => this.pending.set(batch, { resolve, reject, slot }));
    slot.busy++;
    const request: GrepRequest = { batch, ...files };
    slot.worker.postMessage(request);
    return promise;
  }

  /** True when every worker has at least `n` batches under way. */
  allBusy(n: number): boolean {
    return this.workers.every((w) => w.busy >= n);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
