// The cache file looked up by path (issue 6): files are met in the order their entries were
// written, so each is looked for after the last one found, and by an index of every line when it
// is not there. Any order of lookups must find what was written, and nothing else.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CorpusCache, type CacheEntry } from '../../src/core/cache.js';
import { rec } from '../helpers/record.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-lookup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Look-alikes: `Ã©` is `é`'s two UTF-8 bytes read as Latin-1; a quote and a newline are escaped.
const paths = ['/c/a.txt', '/c/é.txt', '/c/Ã©.txt', '/c/"q".txt', '/c/new\nline.txt', '/c/b.txt', '/c/b.txt2', '/c/日本.txt'];
const entries: CacheEntry[] = paths.map((f, i) => ({ f, s: 10 + i, m: 1000.5 + i, e: [`k${i}`], h: [], l: `lede ${i}`, r: rec({ id: `id${i}`, path: f, hash: `h${i}` }) }));

function written(): string {
  const file = path.join(dir, 'cache.jsonl');
  const cache = CorpusCache.open(file, () => {});
  cache.begin({ fingerprint: 'x', documents: entries.length, recurring: [] });
  for (const entry of entries) cache.put(entry);
  cache.commit();
  return file;
}

describe('issue 6: cache lookup', () => {
  const file = written();
  const orders = {
    written: paths.map((_, i) => i),
    reversed: paths.map((_, i) => paths.length - 1 - i),
    skipping: [0, 2, 4, 6, 1, 3, 5, 7],
    repeated: [0, 0, 1, 1, 7, 7],
  };

  for (const [name, order] of Object.entries(orders)) {
    test(`finds each entry, looked up in ${name} order`, () => {
      const cache = CorpusCache.open(file, () => {});
      for (const i of order) {
        const found = cache.get(paths[i] as string, 10 + i, 1000.5 + i);
        expect(found?.edges).toEqual([`k${i}`]);
        expect(found?.record().id).toBe(`id${i}`);
        expect(found?.lede()).toBe(`lede ${i}`);
      }
    });
  }

  test('finds nothing for another path, size or time', () => {
    const cache = CorpusCache.open(file, () => {});
    expect(cache.get('/c/a.tx', 10, 1000.5)).toBeNull();
    expect(cache.get('/c/a.txt', 11, 1000.5)).toBeNull();
    expect(cache.get('/c/é.txt', 12, 1001.5)).toBeNull();
    expect(cache.get('/c/b.txt', 15, 1005.5)?.record().id).toBe('id5');
    expect(cache.get('/c/c.txt', 10, 1000.5)).toBeNull();
  });

  test('carries a found entry into the next version as it is stored', () => {
    const before = fs.readFileSync(file, 'utf8');
    const cache = CorpusCache.open(file, () => {});
    cache.begin({ fingerprint: 'x', documents: entries.length, recurring: [] });
    for (const [i, p] of paths.entries()) cache.putStored((cache.get(p, 10 + i, 1000.5 + i) as NonNullable<ReturnType<CorpusCache['get']>>).line);
    cache.commit();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('issue 6: fingerprintOf', () => {
  test('is the SHA-1 of every file written one after the other, however many files', async () => {
    const { createHash } = await import('node:crypto');
    const { fingerprintOf } = await import('../../src/core/cache.js');
    for (const count of [0, 1, 5000]) {
      const files = Array.from({ length: count }, (_, i) => (i % 7 === 3 ? undefined : { absPath: `/corpus/été/${'d'.repeat(i % 50)}/${i}.txt`, size: i * 3, mtimeMs: 1700000000000.25 + i }));
      const one = createHash('sha1');
      for (const f of files) one.update(f ? `${f.absPath}\0${f.size}\0${f.mtimeMs}\n` : '-\n');
      expect(fingerprintOf(files)).toBe(one.digest('hex'));
    }
  });
});
