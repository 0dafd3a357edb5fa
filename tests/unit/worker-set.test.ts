// The worker threads under the analysis, grep and summarise pools (issue 6): replies find their
// requests, and a worker that stops with work outstanding fails it instead of leaving it waiting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { READY, WorkerSet } from '../../src/core/workers/worker-set.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-worker-set-'));
const file = path.join(dir, 'echo.mjs');
// Answers `{ batch, n }` with `{ batch, twice }` after a delay that makes later requests overtake
// earlier ones; exits on `n: -1` without answering.
fs.writeFileSync(
  file,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.n === -1) process.exit(3);
  if (m.hello) return;
  setTimeout(() => parentPort.postMessage({ batch: m.batch, twice: m.n * 2 }), 40 - m.n);
});
`,
);

// Says it is ready once asked to (a worker still starting up is not), then answers as above.
const announcing = path.join(dir, 'announcing.mjs');
fs.writeFileSync(
  announcing,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.hello) parentPort.postMessage(${JSON.stringify(READY)});
  else parentPort.postMessage({ batch: m.batch, twice: m.n * 2 });
});
`,
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Request = { batch: number; n: number };
type Reply = { batch: number; twice: number };

describe('WorkerSet', () => {
  test('each reply resolves its own request, whichever worker and order', async () => {
    const set = new WorkerSet<Request, Reply>(file, 2, 'echo', null);
    const idle: number[] = [];
    set.onIdle = (index) => idle.push(index);
    set.broadcast({ hello: true });
    const replies = await Promise.all([1, 2, 3, 4, 5].map((n) => set.send({ n })));
    expect(replies.map((r) => r.twice)).toEqual([2, 4, 6, 8, 10]);
    expect(set.idle).toBe(true);
    expect(idle.sort()).toEqual([0, 1]);
    await set.close();
  });

  test('a worker that stops with a request outstanding fails it, and what is sent after', async () => {
    const set = new WorkerSet<Request, Reply>(file, 1, 'echo', null);
    await expect(set.send({ n: -1 })).rejects.toThrow('echo worker stopped (exit code 3)');
    await expect(set.send({ n: 1 })).rejects.toThrow('exit code 3');
    await set.close();
  });

  test('a worker that says it is ready is ready; saying so is no reply', async () => {
    const set = new WorkerSet<Request, Reply>(announcing, 1, 'echo', null);
    expect(set.ready).toBe(false);
    const first = set.send({ n: 1 });
    set.broadcast({ hello: true });
    expect((await first).twice).toBe(2);
    await new Promise<void>((resolve) => {
      const poll = (): void => void (set.ready ? resolve() : setTimeout(poll, 5));
      poll();
    });
    expect(set.busy(0)).toBe(0);
    expect(set.idle).toBe(true);
    expect((await set.send({ n: 4 })).twice).toBe(8);
    await set.close();
  });

  test('a reply that arrives after close() starts no more work (list of a JSON Lines file | head -1)', async () => {
    const set = new WorkerSet<Request, Reply>(announcing, 1, 'echo', null);
    expect((await set.send({ n: 1 })).twice).toBe(2);
    let closed = false;
    let idleAfterClose = 0;
    // A pool sends what it has queued when a worker falls idle: after close(), that request
    // would be outstanding when the worker exits, and fail with nobody waiting on it.
    set.onIdle = () => void (closed && idleAfterClose++);
    void set.send({ n: 2 }).catch(() => {});
    // The reply is posted while this thread is blocked: it is waiting when close() is called.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    closed = true;
    await set.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idleAfterClose).toBe(0);
    expect(() => set.send({ n: 3 })).toThrow('after close()');
  });
});
