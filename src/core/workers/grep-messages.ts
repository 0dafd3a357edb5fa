// What crosses between the main thread and a grep worker: the setup a worker is started (or set
// up) with, the requests it answers and its replies. Apart from the pool and the worker started
// ahead (grep-prestart.ts), which both use them, so that neither imports the other for them.

import type { MatcherOptions } from '../search/matcher.js';
import type { FoundFolder } from '../input/walk.js';
import type { BatchRequest, BatchResult, FolderResult, FolderWalk } from '../search/grep-batch.js';
import type { JsonlChunkRequest, JsonlChunkResult } from '../search/grep-jsonl-chunk.js';
import type { GrepSpec } from '../search/grep-task.js';

/** What a grep worker is started with. */
export interface GrepWorkerData {
  matcher: MatcherOptions;
  spec: GrepSpec;
  /** Run the analysis of each matching document (for metadata in the output, or a filter). */
  analyse: boolean;
  /** How folders are walked. */
  walk: FolderWalk;
}

/** A request to a grep worker: a batch of files, a folder to walk, or a piece of a JSON Lines file. */
export type GrepRequest = (
  ({ kind: 'batch' } & BatchRequest) | { kind: 'folder'; folder: FoundFolder } | ({ kind: 'jsonl' } & JsonlChunkRequest)
) & { batch: number };

/** The reply to a request whose search found the pattern too costly: the run must stop. */
export interface TooCostlyReply {
  tooCostly: { pattern: string; linesGivenUp: number; slowMs: number };
}

/** A grep worker's reply to a {@link GrepRequest}, by its number. */
export type GrepReply = (BatchResult | FolderResult | JsonlChunkResult | TooCostlyReply) & { batch: number };
