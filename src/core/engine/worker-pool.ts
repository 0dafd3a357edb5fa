// A pool of analysis workers: documents go in one at a time, are sent in small batches to the
// least busy worker, and each comes back as a promise of its record.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentRecord, SourceDocument } from '../types.js';

/** What a worker sends back for one document. */
export interface WorkerResult {
  record: DocumentRecord;
  lede: string;
  edges: string[];
  recurringHits: string[];
}

export interface WorkerRequest {
  batch: number;
  docs: SourceDocument[];
}

export interface WorkerReply {
  batch: number;
  results: WorkerResult[];
}

const WORKER_FILE = fileURLToPath(new URL('./analyse-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 16;

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function workersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

interface Pending {
  resolve: (results: WorkerResult[]) => void;
  reject: (err: Error) => void;
}

/** Analysis workers sharing the corpus's recurring lines. */
export class AnalysisPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private batch: { docs: SourceDocument[]; waiters: ((r: WorkerResult) => void)[]; fails: ((e: Error) => void)[] } = { docs: [], waiters: [], fails: [] };
  private nextBatch = 0;

  constructor(size: number, recurring: ReadonlySet<string>) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE, { workerData: { recurring: [...recurring] } });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: WorkerReply) => {
        slot.busy--;
        const p = this.pending.get(reply.batch);
        this.pending.delete(reply.batch);
        p?.resolve(reply.results);
      });
      worker.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(slot);
    }
  }

  /** Queues a document; resolves to its analysis. Call {@link flush} before waiting on it. */
  analyse(doc: SourceDocument): Promise<WorkerResult> {
    return new Promise((resolve, reject) => {
      this.batch.docs.push(doc);
      this.batch.waiters.push(resolve);
      this.batch.fails.push(reject);
      if (this.batch.docs.length >= BATCH) this.flush();
    });
  }

  /** Sends the documents queued so far. */
  flush(): void {
    const { docs, waiters, fails } = this.batch;
    if (docs.length === 0) return;
    this.batch = { docs: [], waiters: [], fails: [] };
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const batch = this.nextBatch++;
    this.pending.set(batch, {
      resolve: (results) => results.forEach((r, i) => waiters[i]?.(r)),
      reject: (err) => fails.forEach((f) => f(err)),
    });
    slot.busy++;
    const request: WorkerRequest = { batch, docs };
    slot.worker.postMessage(request);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
