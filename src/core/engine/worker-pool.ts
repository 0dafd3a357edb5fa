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


/** What the main thread sends: a batch of documents, a batch of files, or new recurring lines. */
export type WorkerMessage = { batch: number; docs: SourceDocument[] } | { batch: number; files: WorkerFile[] } | { recurring: string[] };

export interface WorkerReply {
  batch: number;
  /** In the order sent: a document's analysis, a file's edge lines, or null for a file that is not readable text. */
  results: (WorkerResult | string[] | null)[];
  /** For a batch of files: the cache entries of those read, as JSON Lines in UTF-8. */
  entries?: Uint8Array;
}

const WORKER_FILE = fileURLToPath(new URL('./analyse-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 16;
/**
 * A worker's old generation, in MiB. What a worker keeps is small (the language models); left to
 * itself V8 lets garbage grow to hundreds of MiB per thread before collecting it. Documents
 * too big to analyse within it stay in the main thread (see corpus.ts).
 */
const WORKER_HEAP_MB = 64;

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function workersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

type AnyResult = WorkerResult | string[] | null;

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
      const worker = new Worker(WORKER_FILE, { workerData: { recurring: [...recurring] }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: WorkerReply) => {
        slot.busy--;
        if (reply.entries && reply.entries.length > 0) this.onEntries?.(reply.entries);
        const p = this.pending.get(reply.batch);
        this.pending.delete(reply.batch);
        p?.resolve(reply.results);
        // A worker with nothing to do takes what is queued, full batch or not.
        if (slot.busy === 0) this.flush();
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
   * Queues a file for a worker to read; resolves to its edge lines, or null when it is not
   * readable text. Its cache entry goes to {@link onEntries} first, with those of its batch.
   */
  analyseFile(file: WorkerFile): Promise<string[] | null> {
    return this.queue(this.files, file) as Promise<string[] | null>;
  }

  /** Receives the cache entries of the files analysed, a batch at a time (JSON Lines, UTF-8). */
  onEntries: ((entries: Uint8Array) => void) | null = null;

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

  /**
   * Sends what is queued when no batch is out: call it before waiting on a result. (With
   * batches out, the queue goes when a worker is free: sending it at once would cut the batches
   * short, and make one message a document.)
   */
  flushIfIdle(): void {
    if (this.pending.size === 0) this.flush();
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
