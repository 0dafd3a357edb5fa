// A pool of grep workers: batches of text files, whole folders, or pieces of a JSON Lines file go
// out to the least busy worker, each coming back as a promise of what became of every file (or
// record) in it, in walk order.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FoundFolder } from '../input/walk.js';
import { adoptGrepWorker } from './grep-prestart.js';
import type { BatchRequest, BatchResult, FolderResult } from '../search/grep-batch.js';
import type { JsonlChunkRequest, JsonlChunkResult } from '../search/grep-jsonl-chunk.js';
import type { GrepReply, GrepRequest, GrepWorkerData } from './grep-messages.js';
import { WorkerSet } from './worker-set.js';
import { PatternTooCostlyError } from '../search/backtracking-guard.js';

const WORKER_FILE = fileURLToPath(new URL('./grep-worker.js', import.meta.url));

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function grepWorkersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

/**
 * A worker's reply as what was asked for; a pattern the worker found too costly rejects it
 * with the error the search would have thrown in this thread.
 */
function searched<T>(reply: GrepReply): T {
  if ('tooCostly' in reply) {
    const { pattern, linesGivenUp, slowMs } = reply.tooCostly;
    throw new PatternTooCostlyError(pattern, linesGivenUp, slowMs);
  }
  return reply as unknown as T;
}

/** Grep workers sharing one matcher and output mode. */
export class GrepPool {
  private readonly workers: WorkerSet<GrepRequest, GrepReply>;

  constructor(size: number, data: GrepWorkerData) {
    const started = size > 0 ? adoptGrepWorker(data) : null;
    this.workers = new WorkerSet(WORKER_FILE, size, 'grep', data, undefined, started ? [started] : []);
  }

  /** Sends a batch to the least busy worker; resolves to the outcome of each of its files. */
  search(files: { kind: 'batch' } & BatchRequest): Promise<BatchResult> {
    return this.workers.send(files).then(searched<BatchResult>);
  }

  /** Sends a folder to the least busy worker, to walk and search; resolves to what became of its files. */
  searchFolder(folder: FoundFolder): Promise<FolderResult> {
    return this.workers.send({ kind: 'folder', folder }).then(searched<FolderResult>);
  }

  /** Sends a piece of a JSON Lines file to the least busy worker; resolves to what its lines hold. */
  searchJsonl(chunk: JsonlChunkRequest): Promise<JsonlChunkResult> {
    return this.workers.send({ kind: 'jsonl', ...chunk }).then(searched<JsonlChunkResult>);
  }

  /** True when every worker has at least `n` batches under way. */
  allBusy(n: number): boolean {
    return this.workers.allBusy(n);
  }

  /** True once a worker is set up and searching (before, what is sent to it waits). */
  get ready(): boolean {
    return this.workers.ready;
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.workers.close();
  }
}
