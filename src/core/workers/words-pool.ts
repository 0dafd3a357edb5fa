// The worker threads of `words` and `keywords`: each holds one shard (words/words-shard.ts).
// Counts add up in any order, so any shard may take any document; a language's documents go to
// as few shards as keep the shards' loads even (see LanguageShares), since each shard keeps the
// foldings of every form it meets. At the end each is asked for its totals, then for the detail
// of the terms the run shows.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WorkerSet } from './worker-set.js';
import {
  WordsShard,
  type CountOptions,
  type DetailRequest,
  type ShardDetail,
  type ShardTotals,
  type WordsInput,
} from '../words/words-shard.js';

export type WordsRequest =
  | { type: 'docs'; batch: number; docs: WordsInput[] }
  | { type: 'totals'; batch: number }
  | { type: 'detail'; batch: number; request: DetailRequest };
export type WordsReply =
  | { type: 'docs'; batch: number; warnings: [string, string][] }
  | { type: 'totals'; batch: number; totals: ShardTotals }
  | { type: 'detail'; batch: number; detail: ShardDetail };

const WORKER_FILE = fileURLToPath(new URL('./words-worker.js', import.meta.url));
/** Documents sent together: fewer messages, while each batch stays small. */
const BATCH = 32;
/** Batches out at once, per worker: enough to keep each busy, few enough to bound memory. */
const IN_FLIGHT = 4;
/**
 * A worker's old generation, in MiB: what a shard keeps on the heap is its table of terms (its
 * postings are outside it, in typed arrays); left to itself V8 lets the garbage of the texts
 * read grow to hundreds of MiB per thread before collecting it.
 */
const WORKER_HEAP_MB = 256;

/** True when the compiled worker exists (it does not when running from the TypeScript sources). */
export function wordsWorkersAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

/** Shards that count documents, in threads or in this one. */
export interface WordShards {
  /** Hands a document of about `words` words over; resolves once the shards can take more. */
  add(doc: WordsInput, words?: number): Promise<void>;
  totals(): Promise<ShardTotals[]>;
  detail(request: DetailRequest): Promise<ShardDetail[]>;
  close(): Promise<void>;
}

/** One shard in this thread: a small corpus, one job, or tests run from the sources. */
export class LocalWordShards implements WordShards {
  private readonly shards: WordsShard[];
  private next = 0;

  constructor(
    size: number,
    options: CountOptions,
    private readonly onWarning?: (path: string, message: string) => void,
  ) {
    this.shards = Array.from({ length: size }, () => new WordsShard(options));
  }

  add(doc: WordsInput): Promise<void> {
    // Round robin, as the workers would share them: the results must not depend on it.
    const shard = this.shards[this.next++ % this.shards.length] as WordsShard;
    for (const [path, message] of shard.add(doc)) this.onWarning?.(path, message);
    return Promise.resolve();
  }

  totals(): Promise<ShardTotals[]> {
    return Promise.resolve(this.shards.map((s) => s.totals()));
  }

  detail(request: DetailRequest): Promise<ShardDetail[]> {
    return Promise.resolve(this.shards.map((s) => s.detail(request)));
  }

  async close(): Promise<void> {}
}

/**
 * Which shard takes a document: one of the shards its language already went to, the least
 * loaded of them, unless that one is more than {@link SLACK} words ahead of the least loaded
 * shard of all, which then takes the language too. A corpus in one language is spread over every
 * shard; a corpus of many keeps each language (its forms, its foldings) mostly in one.
 */
export class LanguageShares {
  private readonly shards = new Map<string, number[]>();
  private readonly load: number[];

  constructor(size: number) {
    this.load = new Array<number>(size).fill(0);
  }

  /** The shard for a document of `lang` with `words` words. */
  pick(lang: string, words: number): number {
    const load = this.load;
    let least = 0;
    for (let i = 1; i < load.length; i++) if ((load[i] as number) < (load[least] as number)) least = i;
    let set = this.shards.get(lang);
    if (set === undefined) this.shards.set(lang, (set = [least]));
    let shard = set[0] as number;
    for (const i of set) if ((load[i] as number) < (load[shard] as number)) shard = i;
    if ((load[shard] as number) > (load[least] as number) + SLACK) {
      set.push(least);
      shard = least;
    }
    load[shard] = (load[shard] as number) + words + 50;
    return shard;
  }
}

/** Words a shard may be ahead of the least loaded before a language spreads to another shard. */
const SLACK = 200_000;

/** Words workers, one shard each. */
export class WordsPool implements WordShards {
  private readonly workers: WorkerSet<WordsRequest, WordsReply>;
  /** Each worker's documents not sent yet. */
  private readonly queued: WordsInput[][];
  private readonly pending: Promise<unknown>[] = [];
  private readonly shares: LanguageShares;

  constructor(
    size: number,
    options: CountOptions,
    private readonly onWarning?: (path: string, message: string) => void,
  ) {
    this.workers = new WorkerSet(WORKER_FILE, size, 'words', options, {
      maxOldGenerationSizeMb: WORKER_HEAP_MB,
      maxYoungGenerationSizeMb: 16,
    });
    this.queued = Array.from({ length: size }, () => []);
    this.shares = new LanguageShares(size);
  }

  async add(doc: WordsInput, words = 0): Promise<void> {
    const worker = this.shares.pick(doc.record.lang, words);
    const queued = this.queued[worker] as WordsInput[];
    queued.push(doc);
    if (queued.length >= BATCH) this.send(worker);
    while (this.pending.length > IN_FLIGHT * this.workers.size) await this.pending.shift();
  }

  private send(worker: number): void {
    const docs = this.queued[worker] as WordsInput[];
    if (docs.length === 0) return;
    this.queued[worker] = [];
    this.pending.push(
      this.workers.send({ type: 'docs', docs }, worker).then((reply) => {
        if (reply.type === 'docs') for (const [path, message] of reply.warnings) this.onWarning?.(path, message);
      }),
    );
  }

  async totals(): Promise<ShardTotals[]> {
    for (let i = 0; i < this.workers.size; i++) this.send(i);
    await Promise.all(this.pending.splice(0));
    const replies = await Promise.all(
      Array.from({ length: this.workers.size }, (_, i) => this.workers.send({ type: 'totals' }, i)),
    );
    return replies.map((r) => (r as Extract<WordsReply, { type: 'totals' }>).totals);
  }

  async detail(request: DetailRequest): Promise<ShardDetail[]> {
    const replies = await Promise.all(
      Array.from({ length: this.workers.size }, (_, i) => this.workers.send({ type: 'detail', request }, i)),
    );
    return replies.map((r) => (r as Extract<WordsReply, { type: 'detail' }>).detail);
  }

  close(): Promise<void> {
    return this.workers.close();
  }
}
