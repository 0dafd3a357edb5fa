// A grep worker started before the program has loaded. Booting a worker thread (Node's own
// start-up, then its modules) takes about 45 ms on an idle core, but over 100 ms when it starts
// beside a main thread already searching, with V8 compiling that thread's hot functions on the
// same cores. Started first, it boots while the main thread loads and parses the command line,
// then waits, idle, for its setup; the pool adopts it when the corpus turns out big enough.
// Left unadopted (a small corpus), it does not keep the process alive.

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { GrepWorkerData } from './grep-messages.js';
import { READY, type Numbered } from './worker-set.js';

const WORKER_URL = new URL('./grep-worker.js', import.meta.url);

interface Waiting {
  worker: Worker;
  /** The setup sent, if any. */
  data: GrepWorkerData | null;
  /** True once it has said it is set up ({@link READY}). */
  ready: boolean;
}

let waiting: Waiting | null = null;

/** Starts a grep worker, to be set up later; does nothing if one is waiting already. */
export function prestartGrepWorker(): void {
  if (waiting || !fs.existsSync(WORKER_URL)) return;
  const worker = new Worker(WORKER_URL, { workerData: null });
  const slot: Waiting = { worker, data: null, ready: false };
  // Until it is adopted, nothing must come of it: no failure thrown (a worker that fails or
  // stops is forgotten, and the pool starts its own), the one message it may send (READY) kept,
  // and no exit held up (unref after the listeners: a 'message' listener refs the worker again).
  const forget = (): void => {
    if (waiting === slot) waiting = null;
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  worker.on('message', (message: Numbered) => {
    if (message.batch === READY.batch) slot.ready = true;
  });
  worker.unref();
  waiting = slot;
}

/** True when a worker started ahead is waiting to be adopted (and has not failed). */
export function hasWaitingGrepWorker(): boolean {
  return waiting !== null;
}

/** Sends the waiting worker, if any, its setup, so that it is ready when a pool adopts it. */
export function setUpGrepWorker(data: GrepWorkerData): void {
  if (!waiting || waiting.data) return;
  waiting.data = data;
  waiting.worker.postMessage({ setup: data });
}

/**
 * The waiting worker, set up with `data`, and whether it has said so: now the caller's, with
 * no listener left on it. Null when none is waiting, or when it was set up with other data.
 */
export function adoptGrepWorker(data: GrepWorkerData): { worker: Worker; ready: boolean } | null {
  const slot = waiting;
  if (!slot) return null;
  setUpGrepWorker(data);
  if (slot.data !== data) return null;
  waiting = null;
  for (const event of ['error', 'exit', 'message']) slot.worker.removeAllListeners(event);
  slot.worker.ref();
  return { worker: slot.worker, ready: slot.ready };
}
