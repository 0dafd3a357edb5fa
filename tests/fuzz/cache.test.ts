// Fuzzing the cache reader: a cache file of random bytes, or a valid one with bytes flipped, cut,
// inserted or removed, is either reported damaged or read for entries, never a crash or a stall;
// one that is not reported damaged serves exactly what was written. Entries damaged behind a
// checksum made again (as a writer's bug would) are looked up without a crash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CorpusCache,
  RecurringKeys,
  type CacheEntry,
  type FileKey,
  type JsonlFileEntry,
} from '../../src/core/cache/index.js';
import { trailerLine } from '../../src/core/cache/file-format.js';
import { rec } from '../helpers/record.js';
import { fuzzParameters, since, testTimeout } from './settings.js';

/** What opening and reading a small cache may take: it is a few kilobytes. */
const CASE_MS = 2000;
/** The one warning of a damaged cache: one line, with no control character from the file in it. */
const DAMAGE = /^damaged cache ignored and rebuilt \([^\0-\x1f\x7f-\x9f]+\)$/;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-fuzz-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'cache.jsonl');

// A signature as the cache stores it (its value plays no part in finding entries).
const SIGNATURE = Buffer.alloc(512, 7).toString('base64');
const text = fc.string({ unit: 'binary', maxLength: 20 });
const hex = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength, maxLength });
const time = fc.tuple(fc.nat(2 ** 40), fc.constantFrom(0, 0.5, 0.125)).map(([ms, part]) => ms + part);
const stamp = fc.record({ s: fc.nat(1 << 30), m: time, c: time, i: fc.nat(2 ** 40) });
const PATHS = ['/c/a.txt', '/c/é.txt', '/c/"q".txt', '/c/new\nline.txt', '/c/b.txt', '/c/日本.txt', '/c/r.jsonl'];

/** A text file's entry, or a JSON Lines file's record entries and its own entry. */
const fileEntries = fc
  .record({
    f: fc.constantFrom(...PATHS),
    stamp,
    records: fc.array(
      fc.record({
        e: fc.array(fc.oneof(text, hex(8, 8)), { maxLength: 3 }),
        hits: fc.nat(3),
        l: text,
        id: text,
        title: fc.option(text),
        hash: hex(0, 16),
        paragraphs: fc.nat(9),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    jsonl: fc.boolean(),
  })
  .map(({ f, stamp: { s, m, c, i }, records, jsonl }) => {
    const key: FileKey = { absPath: f, size: s, mtimeMs: m, ctimeMs: c, ino: i };
    const entries: (CacheEntry | JsonlFileEntry)[] = records
      .slice(0, jsonl ? records.length : 1)
      .map(({ e, hits, l, id, title, hash, paragraphs }) => ({
        f,
        s,
        m,
        c,
        i,
        e,
        h: e.slice(0, hits),
        n: hits % 2 === 0 ? '' : SIGNATURE,
        l,
        r: rec({ id, path: f, title, hash, paragraphs }),
      }));
    if (jsonl) entries.push({ f, s, m, c, i, j: { n: entries.length, skip: [], warn: [] } });
    return { key, jsonl, entries };
  });
/** A corpus's entries: one file a path. */
const corpusEntries = fc.uniqueArray(fileEntries, { minLength: 1, maxLength: 4, selector: (e) => e.key.absPath });
type CorpusFile = { key: FileKey; jsonl: boolean; entries: (CacheEntry | JsonlFileEntry)[] };

/** The bytes of a valid cache file holding the entries. */
function cacheBytes(files: CorpusFile[]): Buffer {
  fs.rmSync(file, { force: true });
  const cache = CorpusCache.open(file, () => {});
  cache.begin({ fingerprint: 'x', documents: files.length, recurring: ['k'] });
  for (const { entries } of files) for (const entry of entries) cache.put(entry);
  cache.commit();
  cache.close();
  return fs.readFileSync(file);
}

type Mutation = { kind: 'set' | 'delete' | 'insert' | 'truncate' | 'newline'; at: number; bytes: number[] };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'delete', 'insert', 'truncate', 'newline'),
  at: fc.nat(),
  bytes: fc.array(fc.oneof(fc.nat(255), fc.constantFrom(0x0a, 0x22, 0x5c, 0x7b, 0x7d, 0x2c, 0x3a)), {
    minLength: 1,
    maxLength: 6,
  }),
});

/** `bytes` changed by each mutation, placed in `from…to` (the whole file by default). */
function mutate(bytes: Buffer, mutations: Mutation[], from = 0, to = bytes.length): Buffer {
  const head = bytes.subarray(0, from);
  let body = Buffer.from(bytes.subarray(from, to));
  const tail = bytes.subarray(to);
  for (const { kind, at: rawAt, bytes: some } of mutations) {
    const at = rawAt % (body.length + 1);
    if (kind === 'set')
      body = Buffer.concat([body.subarray(0, at), Buffer.from(some), body.subarray(at + some.length)]);
    else if (kind === 'delete') body = Buffer.concat([body.subarray(0, at), body.subarray(at + some.length)]);
    else if (kind === 'insert') body = Buffer.concat([body.subarray(0, at), Buffer.from(some), body.subarray(at)]);
    else if (kind === 'newline') body = Buffer.concat([body.subarray(0, at), Buffer.from('\n'), body.subarray(at)]);
    else body = body.subarray(0, at);
    if (kind === 'truncate') return Buffer.concat([head, body]);
  }
  return Buffer.concat([head, body, tail]);
}

/** Opens the cache file holding `bytes`, with a window of `window` bytes: the damage reported, and the cache. */
function open(bytes: Buffer, window: number): { damage: string[]; cache: CorpusCache } {
  fs.writeFileSync(file, bytes);
  const damage: string[] = [];
  const cache = CorpusCache.open(file, (why) => damage.push(why), window);
  expect(damage.length).toBeLessThanOrEqual(1);
  for (const why of damage) expect(why).toMatch(DAMAGE);
  return { damage, cache };
}

const recurring = new RecurringKeys(new Set(['k', 'a']));

/**
 * Everything a run asks of each file's entries; what it serves, by path (undefined for a miss).
 * Without `parse`, the record and lede are not parsed: what it asks before it trusts an entry.
 */
function lookAt(cache: CorpusCache, files: CorpusFile[], parse = true) {
  const served = new Map<string, unknown>();
  for (const { key, jsonl } of files) {
    if (jsonl) {
      const found = cache.jsonl(key);
      if (found === null) continue;
      const records = [...found.records()].map(([line, stored]) => [line, stored.recordId(), parse && stored.record()]);
      found.hitsAre(recurring);
      served.set(key.absPath, { n: found.file.n, records });
    } else {
      cache.edges(key);
      const stored = cache.get(key);
      if (stored === null) continue;
      stored.hitsAre(recurring);
      stored.recordJsonWith('x', 'y');
      const [l, r] = parse ? [stored.lede(), stored.record()] : [];
      served.set(key.absPath, { e: stored.edges, h: stored.hits, l, id: stored.recordId(), r });
    }
  }
  // Files not in the cache, or changed since.
  const { key } = files[0] as CorpusFile;
  expect(cache.get({ ...key, absPath: '/c/none.txt' })).toBeNull();
  expect(cache.get({ ...key, size: key.size + 1 })).toBeNull();
  expect(cache.get({ ...key, ctimeMs: key.ctimeMs + 1 })).toBeNull();
  expect(cache.get({ ...key, ino: key.ino + 1 })).toBeNull();
  return served;
}

/** What a cache that holds the files' entries intact serves. */
function intact(files: CorpusFile[]) {
  const served = new Map<string, unknown>();
  for (const { key, jsonl, entries } of files) {
    const f = key.absPath;
    const records = entries.filter((e): e is CacheEntry => 'r' in e);
    if (jsonl) served.set(f, { n: records.length, records: records.map((e, i) => [i + 1, e.r.id, e.r]) });
    else {
      const [{ e, h, l, r }] = records as [CacheEntry];
      served.set(f, { e, h, l, id: r.id, r });
    }
  }
  return served;
}

const window = fc.oneof(fc.constant(4 << 20), fc.integer({ min: 1, max: 512 }));

describe('fuzzing the cache reader', { timeout: testTimeout }, () => {
  test('a cache file of random bytes is reported damaged or read, never a crash', () => {
    const randomFile = fc.oneof(
      fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
      fc
        .array(fc.constantFrom(0x00, 0x0a, 0x0d, 0x1b, 0x20, 0x22, 0x5b, 0x7b, 0x7d, 0x9b), { maxLength: 12 })
        .map((b) => Buffer.from(b)),
      fc.array(fc.oneof(fc.json({ maxDepth: 2 }), text), { maxLength: 6 }).map((ls) => Buffer.from(ls.join('\n'))),
    );
    fc.assert(
      fc.property(randomFile, corpusEntries, window, (bytes, files, w) => {
        const start = performance.now();
        const { cache } = open(bytes, w);
        lookAt(cache, files);
        cache.close();
        expect(since(start)).toBeLessThan(CASE_MS);
      }),
      fuzzParameters(500),
    );
  });

  test('a valid cache file, mutated, is reported damaged or serves exactly what was written', () => {
    fc.assert(
      fc.property(corpusEntries, fc.array(mutation, { minLength: 1, maxLength: 3 }), window, (files, mutations, w) => {
        const bytes = mutate(cacheBytes(files), mutations);
        const start = performance.now();
        const { damage, cache } = open(bytes, w);
        const served = lookAt(cache, files);
        cache.close();
        expect(since(start)).toBeLessThan(CASE_MS);
        if (damage.length === 0) expect(served).toEqual(intact(files));
      }),
      fuzzParameters(500),
    );
  });

  // The checksum is what finds damage inside an entry: behind one made again, an entry's record
  // may not parse, but looking it up, its edge lines and its id must not crash.
  test('entries damaged behind a checksum made again are looked up without a crash', () => {
    fc.assert(
      fc.property(corpusEntries, fc.array(mutation, { minLength: 1, maxLength: 3 }), window, (files, mutations, w) => {
        const valid = cacheBytes(files);
        const first = valid.indexOf(0x0a) + 1;
        const trailer = valid.lastIndexOf(0x0a, valid.length - 2) + 1;
        const entries = mutate(valid.subarray(0, trailer), mutations, first).subarray(first);
        const sha256 = createHash('sha256').update(entries).digest('hex');
        const resealed = Buffer.concat([valid.subarray(0, first), entries, Buffer.from(trailerLine(sha256))]);
        const start = performance.now();
        const { cache } = open(resealed, w);
        lookAt(cache, files, false);
        cache.close();
        expect(since(start)).toBeLessThan(CASE_MS);
      }),
      fuzzParameters(500),
    );
  });
});

describe('cache inputs found by fuzzing', () => {
  const fixture = fileURLToPath(new URL('../fixtures/fuzz/cache-header-nul.jsonl', import.meta.url));

  test('a cache file whose header holds a control byte is reported damaged in one line free of it', () => {
    const bytes = fs.readFileSync(fixture);
    expect([...bytes]).toEqual([0x00, 0x0a]);
    const { damage, cache } = open(bytes, 4 << 20);
    expect(damage).toHaveLength(1);
    expect(cache.get({ absPath: '/c/a.txt', size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 })).toBeNull();
    cache.close();
  });
});
