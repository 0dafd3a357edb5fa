// A pool of grep workers: batches of text files go out to the least busy worker, each batch
// coming back as a promise of what became of every file in it, in the batch's order.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MatcherOptions } from '../search/matcher.js';
import type { BatchRequest, BatchResult, GrepSpec } from './grep-task.js';
import { WorkerSet } from './worker-set.js';

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

/** Grep workers sharing one matcher and output mode. */
export class GrepPool {
  private readonly workers: WorkerSet<GrepRequest, GrepReply>;

  constructor(size: number, data: GrepWorkerData) {
    this.workers = new WorkerSet(WORKER_FILE, size, 'grep', data);
  }

  /** Sends a batch to the least busy worker; resolves to the outcome of each of its files. */
  search(files: Omit<GrepRequest, 'batch'>): Promise<GrepReply> {
    return this.workers.send(files);
  }

  /** True when every worker has at least `n` batches under way. */
  allBusy(n: number): boolean {
    return this.workers.allBusy(n);
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.workers.close();
  }
}
