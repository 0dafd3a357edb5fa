// The cache file looked up by path (issue 6): files are met in the order their entries were
// written, so each is looked for after the last one found, and by an index of every line when it
// is not there. Any order of lookups must find what was written, and nothing else.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CorpusCache,
  RecurringKeys,
  type CacheEntry,
  type FileKey,
  type JsonlFileEntry,
} from '../../src/core/cache/index.js';
import { WINDOW } from '../../src/core/cache/window-lines.js';
import { rec } from '../helpers/record.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-lookup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Look-alikes: `Ã©` is `é`'s two UTF-8 bytes read as Latin-1; a quote and a newline are escaped.
const paths = [
  '/c/a.txt',
  '/c/é.txt',
  '/c/Ã©.txt',
  '/c/"q".txt',
  '/c/new\nline.txt',
  '/c/b.txt',
  '/c/b.txt2',
  '/c/日本.txt',
];
/** A file's key: its change time and inode are the same for every file here unless given. */
const key = (absPath: string, size: number, mtimeMs: number, ctimeMs = 2000.25, ino = 77): FileKey => ({
  absPath,
  size,
  mtimeMs,
  ctimeMs,
  ino,
});

const entries: CacheEntry[] = paths.map((f, i) => ({
  f,
  s: 10 + i,
  m: 1000.5 + i,
  c: 2000.25,
  i: 77,
  e: [`k${i}`],
  h: [],
  n: '',
  l: `lede ${i}`,
  r: rec({ id: `id${i}`, path: f, hash: `h${i}` }),
}));

function written(): string {
  const file = path.join(dir, 'cache.jsonl');
  const cache = CorpusCache.open(file, () => {});
  cache.begin({ fingerprint: 'x', documents: entries.length, recurring: [] });
  for (const entry of entries) cache.put(entry);
  cache.commit();
  return file;
}

// The whole file at once, and a window shorter than an entry (each line is read in pieces).
for (const window of [WINDOW, 64]) {
  describe(`cache lookup, read ${window} bytes at a time`, () => {
    const file = written();
    const orders = {
      written: paths.map((_, i) => i),
      reversed: paths.map((_, i) => paths.length - 1 - i),
      skipping: [0, 2, 4, 6, 1, 3, 5, 7],
      repeated: [0, 0, 1, 1, 7, 7],
    };

    for (const [name, order] of Object.entries(orders)) {
      test(`finds each entry, looked up in ${name} order`, () => {
        const cache = CorpusCache.open(file, () => {}, window);
        for (const i of order) {
          const found = cache.get(key(paths[i] as string, 10 + i, 1000.5 + i));
          expect(found?.edges).toEqual([`k${i}`]);
          expect(found?.record().id).toBe(`id${i}`);
          expect(found?.lede()).toBe(`lede ${i}`);
        }
      });
    }

    test('finds nothing for another path, size or time', () => {
      const cache = CorpusCache.open(file, () => {}, window);
      expect(cache.get(key('/c/a.tx', 10, 1000.5))).toBeNull();
      expect(cache.get(key('/c/a.txt', 11, 1000.5))).toBeNull();
      expect(cache.get(key('/c/é.txt', 12, 1001.5))).toBeNull();
      expect(cache.get(key('/c/b.txt', 15, 1005.5))?.record().id).toBe('id5');
      expect(cache.get(key('/c/c.txt', 10, 1000.5))).toBeNull();
    });

    test('finds nothing for a file of the same size and modification time but another change time or inode', () => {
      const cache = CorpusCache.open(file, () => {}, window);
      // Edited keeping its size, its modification time set back: only its change time moved.
      expect(cache.get(key('/c/a.txt', 10, 1000.5, 2000.5, 77))).toBeNull();
      // Replaced by another file (mv): another inode.
      expect(cache.get(key('/c/a.txt', 10, 1000.5, 2000.25, 78))).toBeNull();
      expect(cache.get(key('/c/a.txt', 10, 1000.5, 2000.25, 77))?.record().id).toBe('id0');
    });

    test('carries a found entry into the next version as it is stored', () => {
      const before = fs.readFileSync(file, 'utf8');
      const cache = CorpusCache.open(file, () => {}, window);
      cache.begin({ fingerprint: 'x', documents: entries.length, recurring: [] });
      for (const [i, p] of paths.entries())
        cache.putStored((cache.get(key(p, 10 + i, 1000.5 + i)) as NonNullable<ReturnType<CorpusCache['get']>>).line);
      cache.commit();
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    });

    test('carries entries over after reading past them, as the first that changed starts the next version', () => {
      const before = fs.readFileSync(file, 'utf8');
      const cache = CorpusCache.open(file, () => {}, window);
      const lines = paths.map(
        (p, i) => (cache.get(key(p, 10 + i, 1000.5 + i)) as NonNullable<ReturnType<CorpusCache['get']>>).line,
      );
      cache.begin({ fingerprint: 'x', documents: entries.length, recurring: [] });
      for (const at of lines) cache.putStored(at);
      cache.commit();
      cache.close();
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    });

    test('a damaged file is reported when opened, and serves nothing', () => {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const cases: Record<string, [string, string]> = {
        'another version': [text.replace(/"version":"[^"]*"/, '"version":"0.0.0"'), 'unknown header'],
        'no header': ['', 'truncated'],
        'no trailer': [`${lines.slice(0, -2).join('\n')}\n`, 'truncated'],
        'cut in the middle of a line': [text.slice(0, text.length - 40), 'truncated'],
        'an entry changed': [text.replace('lede 3', 'lede 4'), 'checksum mismatch'],
        'an entry gone': [[...lines.slice(0, 2), ...lines.slice(3)].join('\n'), 'checksum mismatch'],
      };
      for (const [name, [damaged, why]] of Object.entries(cases)) {
        const copy = path.join(dir, `damaged-${window}.jsonl`);
        fs.writeFileSync(copy, damaged);
        const said: string[] = [];
        const cache = CorpusCache.open(copy, (message) => said.push(message), window);
        expect(said, name).toEqual([`damaged cache ignored and rebuilt (${why})`]);
        expect(cache.get(key(paths[0] as string, 10, 1000.5)), name).toBeNull();
        expect(cache.corpus, name).toBeNull();
      }
    });
  });

  describe(`a JSON Lines file's entries, read ${window} bytes at a time`, () => {
    const J = '/c/records.jsonl';
    const record = (k: number, at = J): CacheEntry => ({
      f: at,
      s: 500,
      m: 7.25,
      c: 2000.25,
      i: 77,
      e: [`e${k}`],
      h: k === 1 ? [`e${k}`] : [],
      n: '',
      l: `lede ${k}`,
      r: rec({ id: `asked ${k}`, path: 'records.jsonl', format: 'jsonl' }),
    });
    const own = (n: number, over: Partial<JsonlFileEntry> = {}): JsonlFileEntry => ({
      f: J,
      s: 500,
      m: 7.25,
      c: 2000.25,
      i: 77,
      j: {
        n,
        skip: [2, 3, 6],
        warn: [
          [2, 'bad'],
          [6, 'worse'],
        ],
      },
      ...over,
    });
    /** A cache of a text file, the JSON Lines file's lines, and another text file. */
    function cacheOf(lines: Array<CacheEntry | JsonlFileEntry>): CorpusCache {
      const file = path.join(dir, `jsonl-${Math.random().toString(36).slice(2)}.jsonl`);
      const cache = CorpusCache.open(file, () => {}, window);
      cache.begin({ fingerprint: 'x', documents: 0, recurring: [] });
      cache.put(entries[0] as CacheEntry);
      for (const line of lines) cache.put(line);
      cache.put(entries[5] as CacheEntry);
      cache.commit();
      return CorpusCache.open(file, () => {}, window);
    }

    test('are its records, each with its line number, in order, then what it says of itself', () => {
      for (const order of ['written', 'by index']) {
        const cache = cacheOf([record(0), record(1), record(2), own(3)]);
        if (order === 'written') expect(cache.get(key('/c/a.txt', 10, 1000.5))?.record().id).toBe('id0');
        const held = cache.jsonl(key(J, 500, 7.25));
        expect(held?.file).toEqual(own(3).j);
        expect(
          [...(held?.records() ?? [])].map(([line, stored]) => [line, stored.recordId(), stored.edges, stored.lede()]),
        ).toEqual([
          [1, 'asked 0', ['e0'], 'lede 0'],
          [4, 'asked 1', ['e1'], 'lede 1'],
          [5, 'asked 2', ['e2'], 'lede 2'],
        ]);
        // Found where the file's entry ends: the next file is looked for after it.
        expect(cache.get(key('/c/b.txt', 15, 1005.5))?.record().id).toBe('id5');
        expect(held?.hitsAre(new RecurringKeys(new Set(['e1'])))).toBe(true);
        expect(held?.hitsAre(new RecurringKeys(new Set(['e1', 'e2'])))).toBe(false);
        expect(held?.hitsAre(new RecurringKeys(new Set()))).toBe(false);
      }
    });

    test('a file with no records is its own entry alone', () => {
      const held = cacheOf([own(0, { j: { n: 0, skip: [1], warn: [[1, 'bad']] } })]).jsonl(key(J, 500, 7.25));
      expect(held?.file.n).toBe(0);
      expect([...(held?.records() ?? [])]).toEqual([]);
    });

    test("are not served unless every line is there, laid out for the file's size and time", () => {
      const cases: Record<string, Array<CacheEntry | JsonlFileEntry>> = {
        'no entry of its own (a run that could not read it to its end)': [record(0), record(1)],
        'a record fewer than it says': [record(0), own(2)],
        'a record more than it says': [record(0), record(1), record(2), own(2)],
        "another file's entry among them": [record(0), record(1, '/c/other.jsonl'), own(2)],
        'a record of another size': [record(0), { ...record(1), s: 501 }, own(2)],
        'its own entry of another time': [record(0), record(1), own(2, { m: 8 })],
        'its own entry without its lines': [
          record(0),
          record(1),
          { f: J, s: 500, m: 7.25, c: 2000.25, i: 77, j: { n: 2 } } as unknown as JsonlFileEntry,
        ],
      };
      for (const [name, lines] of Object.entries(cases))
        expect(cacheOf(lines).jsonl(key(J, 500, 7.25)), name).toBeNull();
      expect(cacheOf([record(0), record(1), own(2)]).jsonl(key(J, 500, 7.25))).not.toBeNull();
      expect(cacheOf([record(0), record(1), own(2)]).jsonl(key(J, 501, 7.25))).toBeNull();
      expect(cacheOf([record(0), record(1), own(2)]).jsonl(key(J, 500, 7.25, 2000.5))).toBeNull();
      expect(cacheOf([record(0), record(1), own(2)]).jsonl(key(J, 500, 7.25, 2000.25, 78))).toBeNull();
      expect(cacheOf([record(0), record(1), own(2)]).jsonl(key('/c/elsewhere.jsonl', 500, 7.25))).toBeNull();
    });

    test('are carried into the next version as they are stored', () => {
      const file = path.join(dir, `jsonl-carried-${window}.jsonl`);
      const first = CorpusCache.open(file, () => {}, window);
      first.begin({ fingerprint: 'x', documents: 2, recurring: [] });
      for (const line of [record(0), record(1), own(2)]) first.put(line);
      first.commit();
      const before = fs.readFileSync(file, 'utf8');
      const cache = CorpusCache.open(file, () => {}, window);
      const held = cache.jsonl(key(J, 500, 7.25));
      cache.begin({ fingerprint: 'x', documents: 2, recurring: [] });
      for (const [, stored] of held?.records() ?? []) cache.putStored(stored.line);
      cache.putStored(held?.line as number);
      cache.commit();
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    });
  });
}

describe('fingerprintOf', () => {
  test('is the SHA-1 of every file written one after the other, however many files', async () => {
    const { createHash } = await import('node:crypto');
    const { fingerprintOf } = await import('../../src/core/cache/index.js');
    for (const count of [0, 1, 5000]) {
      const files = Array.from({ length: count }, (_, i) =>
        i % 7 === 3
          ? undefined
          : key(
              `/corpus/été/${'d'.repeat(i % 50)}/${i}.txt`,
              i * 3,
              1700000000000.25 + i,
              1700000000001.5 + i,
              4000 + i,
            ),
      );
      const one = createHash('sha1');
      for (const f of files) one.update(f ? `${f.absPath}\0${f.size}\0${f.mtimeMs}\0${f.ctimeMs}\0${f.ino}\n` : '-\n');
      expect(fingerprintOf(files)).toBe(one.digest('hex'));
    }
  });
});
