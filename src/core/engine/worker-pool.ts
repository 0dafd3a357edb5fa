// A pool of analysis workers: documents (or files for the workers to read) go in one at a time,
// are sent in small batches to the least busy worker, and each comes back as a promise of its
// record.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocFormat, DocumentRecord, SourceDocument } from '../types.js';
import type { FoundFile } from '../walk.js';

/** What a worker sends back for one document. */
export interface WorkerResult {
  record: DocumentRecord;
  lede: string;
  edges: string[];
  recurringHits: string[];
}

/** A file for a worker to read and analyse, with the size and time its cache entry is keyed by. */
export interface WorkerFile extends FoundFile {
  format: DocFormat;
  size: number;
  mtimeMs: number;
}

/** What a worker sends back for a file it read: its cache entry, as a line, and its edge lines. */
export interface WorkerFileResult {
  entry: string;
  edges: string[];
}

/** What the main thread sends: a batch of documents, a batch of files, or new recurring lines. */
export type WorkerMessage = { batch: number; docs: SourceDocument[] } | { batch: number; files: WorkerFile[] } | { recurring: string[] };

export interface WorkerReply {
  batch: number;
  /** In the order sent; null for a file the worker could not read as text. */
  results: (WorkerResult | WorkerFileResult | null)[];
}

const WORKER_FILE = fileURLToPath(new URL('./analyse-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 16;

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function workersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

type AnyResult = WorkerResult | WorkerFileResult | null;

interface Pending {
  resolve: (results: AnyResult[]) => void;
  reject: (err: Error) => void;
}

interface Batch<T> {
  items: T[];
  waiters: ((r: AnyResult) => void)[];
  fails: ((e: Error) => void)[];
}

const emptyBatch = <T>(): Batch<T> => ({ items: [], waiters: [], fails: [] });

/** Analysis workers sharing the corpus's recurring lines. */
export class AnalysisPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private docs: Batch<SourceDocument> = emptyBatch();
  private files: Batch<WorkerFile> = emptyBatch();
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
    return this.queue(this.docs, doc) as Promise<WorkerResult>;
  }

  /**
   * Queues a file for a worker to read; resolves to its cache entry and edge lines, or null when
   * it is not readable text. (A line of JSON crosses threads far more cheaply than a record.)
   */
  analyseFile(file: WorkerFile): Promise<WorkerFileResult | null> {
    return this.queue(this.files, file) as Promise<WorkerFileResult | null>;
  }

  /** Replaces the recurring lines used for the documents sent from now on. */
  setRecurring(recurring: ReadonlySet<string>): void {
    this.flush();
    const message: WorkerMessage = { recurring: [...recurring] };
    for (const w of this.workers) w.worker.postMessage(message);
  }

  private queue<T>(batch: Batch<T>, item: T): Promise<AnyResult> {
    return new Promise((resolve, reject) => {
      batch.items.push(item);
      batch.waiters.push(resolve);
      batch.fails.push(reject);
      if (batch.items.length >= BATCH) this.flush();
    });
  }

  /** Sends the documents and files queued so far. */
  flush(): void {
    if (this.docs.items.length > 0) {
      const { items, ...rest } = this.docs;
      this.docs = emptyBatch();
      this.send((batch) => ({ batch, docs: items }), rest);
    }
    if (this.files.items.length > 0) {
      const { items, ...rest } = this.files;
      this.files = emptyBatch();
      this.send((batch) => ({ batch, files: items }), rest);
    }
  }

  private send(message: (batch: number) => WorkerMessage, { waiters, fails }: Omit<Batch<unknown>, 'items'>): void {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const batch = this.nextBatch++;
    this.pending.set(batch, {
      resolve: (results) => results.forEach((r, i) => waiters[i]?.(r)),
      reject: (err) => fails.forEach((f) => f(err)),
    });
    slot.busy++;
    slot.worker.postMessage(message(batch));
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
