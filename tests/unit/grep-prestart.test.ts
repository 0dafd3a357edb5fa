// Issue 6: grep's worker started before the program loads (grep-prestart.ts). The guess from the
// command line, and the worker itself: set up by a later message, adopted by the pool that needs
// it, and answering as a worker started with its data does. The worker script exists only as
// built JavaScript, so the worker tests load the built modules (`npm test` builds first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mayUseGrepWorker } from '../../src/cli/early-grep-worker.js';
import { ROOT } from '../helpers/run-bin.js';

type Prestart = typeof import('../../src/core/workers/grep-prestart.js');
type Pool = typeof import('../../src/core/workers/grep-pool.js');
type Batch = typeof import('../../src/core/search/grep-batch.js');
type Reader = typeof import('../../src/core/search/file-reader.js');
type Search = typeof import('../../src/core/search/index.js');

const dist = (module: string): string => path.join(ROOT, 'dist', module);
let prestart: Prestart;
let pools: Pool;
let batch: Batch;
let reader: Reader;
let search: Search;
let dir = '';

beforeAll(async () => {
  prestart = (await import(dist('core/workers/grep-prestart.js'))) as Prestart;
  pools = (await import(dist('core/workers/grep-pool.js'))) as Pool;
  batch = (await import(dist('core/search/grep-batch.js'))) as Batch;
  reader = (await import(dist('core/search/file-reader.js'))) as Reader;
  search = (await import(dist('core/search/index.js'))) as Search;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-prestart-'));
  for (const folder of ['a', 'b']) {
    fs.mkdirSync(path.join(dir, folder));
    for (let i = 0; i < 40; i++) {
      const text = `line ${i}\n${i % 3 === 0 ? 'human dignity\n' : 'nothing here\n'}${i % 5 === 0 ? 'dignity again\n' : ''}`;
      fs.writeFileSync(path.join(dir, folder, `${folder}${String(i).padStart(2, '0')}.txt`), text);
    }
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const data = (word: string) => ({
  matcher: { patterns: [word], fixedStrings: true },
  spec: { mode: 'count' as const, before: 0, after: 0 },
  analyse: false,
  walk: {},
});
const folderOf = (name: string) => ({
  folder: true as const,
  absPath: path.join(dir, name),
  relPath: name,
  displayHead: '',
});

/** What the main thread makes of a folder itself: the oracle. */
function here(name: string, word: string) {
  const d = data(word);
  const result = batch.searchFolder(
    folderOf(name),
    d.walk,
    search.buildMatcher(d.matcher),
    d.spec,
    new reader.FileReader(),
  );
  return { relPaths: result.relPaths, outcomes: [...result.outcomes], details: result.details };
}

describe('a grep worker started ahead', () => {
  test('the command line tells when a worker may be used', () => {
    expect(mayUseGrepWorker(['grep', 'word', 'dir'], 2)).toBe(true);
    expect(mayUseGrepWorker(['grep', '-c', '-j2', 'word'], 4)).toBe(true);
    expect(mayUseGrepWorker(['grep', 'word'], 1)).toBe(false);
    expect(mayUseGrepWorker(['list'], 8)).toBe(false);
    expect(mayUseGrepWorker(['--no-color', 'grep', 'word'], 8)).toBe(false);
    for (const jobs of [['-j1'], ['-j', '1'], ['--jobs', '1'], ['--jobs=1'], ['-j01']]) {
      expect(mayUseGrepWorker(['grep', ...jobs, 'word'], 8), jobs.join(' ')).toBe(false);
    }
    expect(mayUseGrepWorker(['grep', '-j', '12', 'word'], 8)).toBe(true);
    // A worker started ahead would read every file as detected, not in the encoding forced.
    for (const encoding of [['-E', 'koi8-r'], ['-Ekoi8-r'], ['--encoding', 'koi8-r'], ['--encoding=koi8-r']]) {
      expect(mayUseGrepWorker(['grep', ...encoding, 'word'], 8), encoding.join(' ')).toBe(false);
    }
    // After `--`, -j1 is the pattern, not an option.
    expect(mayUseGrepWorker(['grep', '--', '-j1'], 8)).toBe(true);
  });

  test('the pool adopts it: set up by message, it searches a folder as this thread does', async () => {
    prestart.prestartGrepWorker();
    const d = data('dignity');
    prestart.setUpGrepWorker(d);
    const pool = new pools.GrepPool(1, d);
    // Adopted: no worker is left waiting.
    expect(prestart.adoptGrepWorker(d)).toBeNull();
    try {
      for (const name of ['a', 'b']) {
        const reply = await pool.searchFolder(folderOf(name));
        expect({ relPaths: reply.relPaths, outcomes: [...reply.outcomes], details: reply.details }).toEqual(
          here(name, 'dignity'),
        );
      }
      expect(pool.ready).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test('requests sent while it sets up are held, then answered in order', async () => {
    prestart.prestartGrepWorker();
    // With the analysis asked for, the setup waits for a module to load: the requests come first.
    const d = { ...data('human'), analyse: true };
    // Set up by the pool itself, and sent work at once, before it can have said it is ready.
    const pool = new pools.GrepPool(1, d);
    try {
      const replies = await Promise.all(['a', 'b', 'a'].map((name) => pool.searchFolder(folderOf(name))));
      expect(replies.map((r) => r.relPaths)).toEqual(['a', 'b', 'a'].map((name) => here(name, 'human').relPaths));
      expect(replies.map((r) => r.details)).toEqual(['a', 'b', 'a'].map((name) => here(name, 'human').details));
      expect(replies[0]?.details.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  test(
    'a worker that fails before it is adopted is forgotten, and the pool starts its own',
    { timeout: 20_000 },
    async () => {
      prestart.prestartGrepWorker();
      // Not a valid regular expression: the worker's setup throws, and the worker stops.
      const bad = { ...data('dignity'), matcher: { patterns: ['('] } };
      prestart.setUpGrepWorker(bad);
      expect(prestart.hasWaitingGrepWorker()).toBe(true);
      // Waits for it to stop, for 10 s at most (then the test fails, rather than hangs).
      for (const until = Date.now() + 10_000; prestart.hasWaitingGrepWorker() && Date.now() < until;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(prestart.hasWaitingGrepWorker()).toBe(false);
      expect(prestart.adoptGrepWorker(bad)).toBeNull();
      const pool = new pools.GrepPool(1, data('dignity'));
      try {
        const reply = await pool.searchFolder(folderOf('a'));
        expect(reply.details).toEqual(here('a', 'dignity').details);
      } finally {
        await pool.close();
      }
    },
  );

  test('a worker set up for another search is not adopted', async () => {
    prestart.prestartGrepWorker();
    const mine = data('dignity');
    prestart.setUpGrepWorker(mine);
    expect(prestart.adoptGrepWorker(data('human'))).toBeNull();
    const adopted = prestart.adoptGrepWorker(mine);
    expect(adopted).not.toBeNull();
    await adopted?.worker.terminate();
  });
});
