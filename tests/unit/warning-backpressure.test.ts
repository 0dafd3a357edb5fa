// Warnings are written without waiting, so a run that never waits on stdout (a file) while
// stderr is a slow pipe kept every warning in memory: 600,000 of them took a warm `list` of a
// 2 GB JSON Lines file from 235 MB to 925 MB (issue 6). The run now waits, between documents,
// while stderr holds more than its buffer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { outputFrom } from '../../src/format/output-stream.js';
import { analyseCorpus } from '../../src/core/analyse/analyse-corpus.js';
import { grepCorpus } from '../../src/core/search/grep-corpus.js';
import { buildMatcher } from '../../src/core/search/matcher.js';
import { walkFiles } from '../../src/core/input/walk.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-backpressure-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A promise that is settled by hand, and whether it was. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** True when the promise is still pending after the event loop has turned a few times. */
async function pending(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void p.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 30));
  return !settled;
}

describe('warnings wait for a slow stderr instead of piling up in memory', () => {
  test('outputFrom says when the stream holds more than its buffer, and when it has written it out', async () => {
    const callbacks: (() => void)[] = [];
    const slow = new Writable({
      highWaterMark: 8,
      write(_chunk, _encoding, callback) {
        callbacks.push(callback);
      },
    });
    const out = outputFrom(slow);
    expect(out.drained?.()).toBeNull();
    void out.write('corpus: warning: one\n');
    void out.write('corpus: warning: two\n');
    const drained = out.drained?.();
    expect(drained).toBeInstanceOf(Promise);
    expect(await pending(drained as Promise<void>)).toBe(true);
    while (callbacks.length > 0) (callbacks.shift() as () => void)();
    await drained;
    expect(out.drained?.()).toBeNull();
  });

  test('analyseCorpus waits on the backpressure before it hands out each document', async () => {
    const corpus = path.join(dir, 'list');
    fs.mkdirSync(corpus);
    for (const name of ['a', 'b', 'c'])
      fs.writeFileSync(path.join(corpus, `${name}.txt`), `Title ${name}\n\nSome words of ${name} in a line.\n`);
    const held = gate();
    let calls = 0;
    const docs = analyseCorpus({
      inputs: [{ given: corpus }],
      cwd: dir,
      backpressure: () => (++calls === 2 ? held.promise : null),
    });
    expect((await docs.next()).value?.record.path).toMatch(/a\.txt$/);
    const second = docs.next();
    expect(await pending(second)).toBe(true);
    held.open();
    expect((await second).value?.record.path).toMatch(/b\.txt$/);
    expect((await docs.next()).value?.record.path).toMatch(/c\.txt$/);
    expect((await docs.next()).done).toBe(true);
    expect(calls).toBe(3);
  });

  test('grepCorpus waits on it between batches of files, matches or not', async () => {
    const corpus = path.join(dir, 'grep');
    fs.mkdirSync(corpus);
    for (let i = 0; i < 200; i++)
      fs.writeFileSync(
        path.join(corpus, `${String(i).padStart(3, '0')}.txt`),
        i === 150 ? 'a needle here\n' : 'nothing\n',
      );
    const matcherOptions = { patterns: ['needle'], fixedStrings: true };
    const held = gate();
    let calls = 0;
    const found = grepCorpus(walkFiles([{ given: corpus }], { cwd: dir }), buildMatcher(matcherOptions), {
      matcherOptions,
      spec: { mode: 'count', before: 0, after: 0 },
      analyse: false,
      jobs: 1,
      backpressure: () => (++calls === 1 ? held.promise : null),
    });
    const all = (async () => {
      const paths: string[] = [];
      for await (const batch of found) for (const d of batch) paths.push(d.search.doc.path);
      return paths;
    })();
    expect(await pending(all)).toBe(true);
    expect(calls).toBe(1);
    held.open();
    expect(await all).toEqual([path.join(corpus, '150.txt')]);
    expect(calls).toBeGreaterThanOrEqual(3);
  });
});
