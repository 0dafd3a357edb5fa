// A pool of analysis workers: documents (or files for the workers to read) go in one at a time,
// are sent in small batches to the least busy worker, and each comes back as a promise of its
// record.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocFormat, DocumentRecord, SourceDocument } from '../types.js';
import type { FoundFile } from '../input/walk.js';
import type { FileKey } from '../cache/index.js';
import { WorkerSet, type Unnumbered } from './worker-set.js';

/** What a worker sends back for one document. */
export interface WorkerResult {
  record: DocumentRecord;
  lede: string;
  edges: string[];
  recurringHits: string[];
  /** The body's MinHash signature (null: no word). */
  signature: Uint32Array | null;
  /** For a document whose page the worker extracted (SourceDocument.page): its text, and its page when kept. */
  text?: string;
  raw?: string;
}

/** A file for a worker to read and analyse, with the key (size, times, inode) its cache entry is keyed by. */
export interface WorkerFile extends FoundFile {
  format: DocFormat;
  key: FileKey;
}

/** What the main thread sends: a batch of documents, a batch of files, or new recurring lines. */
export type WorkerMessage =
  { batch: number; docs: SourceDocument[] } | { batch: number; files: WorkerFile[] } | { recurring: string[] };

export interface WorkerReply {
  batch: number;
  /** In the order sent: a document's analysis, a file's edge lines, or null for a file that is not readable text. */
  results: (WorkerResult | string[] | null)[];
  /** For a batch of files: the cache entries of those read, as JSON Lines in UTF-8. */
  entries?: Uint8Array;
}

const WORKER_FILE = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 16;
/**
 * A worker's old generation, in MiB. What a worker keeps is small (the language models); left to
 * itself V8 lets garbage grow to hundreds of MiB per thread before collecting it. Documents
 * too big to analyse within it stay in the main thread (see {@link WORKER_MAX_BYTES}).
 */
const WORKER_HEAP_MB = 64;
/**
 * Bigger documents are analysed in the main thread, not sent to a worker: a worker's heap is
 * kept small, and one huge document must not exhaust it.
 */
export const WORKER_MAX_BYTES = 1024 * 1024;
/** Documents read ahead of the one being handed out (or counted), so the workers stay busy. */
export const IN_FLIGHT = 256;

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function workersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

type AnyResult = WorkerResult | string[] | null;

interface Batch<T> {
  items: T[];
  waiters: ((r: AnyResult) => void)[];
  fails: ((e: Error) => void)[];
}

const emptyBatch = <T>(): Batch<T> => ({ items: [], waiters: [], fails: [] });

type BatchRequest = Extract<WorkerMessage, { batch: number }>;

/** Analysis workers sharing the corpus's recurring lines. */
export class AnalysisPool {
  private readonly workers: WorkerSet<BatchRequest, WorkerReply>;
  private docs: Batch<SourceDocument> = emptyBatch();
  private files: Batch<WorkerFile> = emptyBatch();

  constructor(size: number, recurring: ReadonlySet<string>) {
    this.workers = new WorkerSet(
      WORKER_FILE,
      size,
      'analysis',
      { recurring: [...recurring] },
      { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    );
    // A worker with nothing to do takes what is queued, full batch or not.
    this.workers.onIdle = () => this.flush();
  }

  /** Queues a document; resolves to its analysis. Call {@link flushIfIdle} before waiting on it. */
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
    this.workers.broadcast(message);
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
    if (this.workers.idle) this.flush();
  }

  /** Sends the documents and files queued so far. */
  flush(): void {
    if (this.docs.items.length > 0) {
      const { items, ...rest } = this.docs;
      this.docs = emptyBatch();
      this.send({ docs: items }, rest);
    }
    if (this.files.items.length > 0) {
      const { items, ...rest } = this.files;
      this.files = emptyBatch();
      this.send({ files: items }, rest);
    }
  }

  private send(request: Unnumbered<BatchRequest>, { waiters, fails }: Omit<Batch<unknown>, 'items'>): void {
    this.workers.send(request).then(
      (reply) => {
        if (reply.entries && reply.entries.length > 0) this.onEntries?.(reply.entries);
        reply.results.forEach((r, i) => waiters[i]?.(r));
      },
      (err: Error) => fails.forEach((f) => f(err)),
    );
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.workers.close();
  }
}
