// Worker threads that answer numbered requests: a request goes to one worker (the least busy, or
// the one named), and its reply, carrying the same number, comes back as a promise. A worker
// that fails, or stops with requests outstanding, fails them: nothing waits forever. The
// analysis, grep and summarise pools each build their batches on top of one.

import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A request or a reply, by its number. */
export interface Numbered {
  batch: number;
}

/** A request before it is numbered (a union keeps its members apart). */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'batch'> : never;

interface Outstanding<Reply> {
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
}

/**
 * What a worker may post, once set up, before any reply: that it is ready ({@link WorkerSet.ready}).
 * A worker need not: the others answer requests sent while they start up, in turn.
 */
export const READY: Numbered = { batch: -1 };

export class WorkerSet<Request extends Numbered, Reply extends Numbered> {
  private readonly workers: { worker: Worker; busy: number; ready: boolean }[] = [];
  private readonly outstanding = new Map<number, Outstanding<Reply>>();
  private nextBatch = 0;
  private failure: Error | null = null;
  /** Set by {@link close}: what comes after (a reply on its way, the exit) is ignored. */
  private closed = false;
  /** Called when a worker has answered everything sent to it, with its index. */
  onIdle: ((index: number) => void) | null = null;

  /**
   * @param file - The compiled worker script.
   * @param what - What the workers do, for the error when one stops ("grep").
   * @param adopted - Workers of `file` started earlier and given the same data another way (the
   *   first of the `size`), and whether each has said it is {@link READY}.
   */
  constructor(
    file: string,
    size: number,
    what: string,
    workerData: unknown,
    resourceLimits?: ResourceLimits,
    adopted: readonly { worker: Worker; ready: boolean }[] = [],
  ) {
    for (let index = 0; index < size; index++) {
      const started = adopted[index];
      const worker = started?.worker ?? new Worker(file, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
      const slot = { worker, busy: 0, ready: started?.ready ?? false };
      worker.on('message', (reply: Reply) => {
        // A reply posted before the worker was told to stop must not start more work.
        if (this.closed) return;
        if (reply.batch === READY.batch) {
          slot.ready = true;
          return;
        }
        slot.busy--;
        const waiting = this.outstanding.get(reply.batch);
        this.outstanding.delete(reply.batch);
        waiting?.resolve(reply);
        if (slot.busy === 0) this.onIdle?.(index);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (!this.closed && this.outstanding.size > 0)
          this.fail(new Error(`${what} worker stopped (exit code ${code})`));
      });
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** True when no request is outstanding. */
  get idle(): boolean {
    return this.outstanding.size === 0;
  }

  /** How many requests worker `index` has outstanding. */
  busy(index: number): number {
    return this.workers[index]?.busy ?? 0;
  }

  /** True when every worker has at least `n` requests outstanding. */
  allBusy(n: number): boolean {
    return this.workers.every((w) => w.busy >= n);
  }

  /** True when some worker has said it is {@link READY}. */
  get ready(): boolean {
    return this.workers.some((w) => w.ready);
  }

  /** Numbers a request and sends it to worker `index` (by default the least busy); resolves to the reply. */
  send(request: Unnumbered<Request>, index?: number): Promise<Reply> {
    if (this.closed) throw new Error('WorkerSet: a request sent after close()');
    if (this.failure) return Promise.reject(this.failure);
    const slot =
      index === undefined
        ? this.workers.reduce((a, b) => (b.busy < a.busy ? b : a))
        : (this.workers[index] as (typeof this.workers)[number]);
    const batch = this.nextBatch++;
    const reply = new Promise<Reply>((resolve, reject) => this.outstanding.set(batch, { resolve, reject }));
    slot.busy++;
    slot.worker.postMessage({ ...request, batch });
    return reply;
  }

  /** Sends every worker a message that has no reply. */
  broadcast(message: unknown): void {
    for (const w of this.workers) w.worker.postMessage(message);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiting of this.outstanding.values()) waiting.reject(err);
    this.outstanding.clear();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    this.onIdle = null;
    this.outstanding.clear();
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
