// The cache when its folder or file is not what it should be, and when a document changes under
// it (issue 23): a folder that cannot be made is one warning and a run without the cache, never
// a hang; a folder in the cache file's place is rebuilt or said once; and a cached record is never
// given with the text of another version of its file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyseCorpus } from '../../src/core/analyse/analyse-corpus.js';
import { makeDir } from '../../src/core/cache/cache-files.js';
import { CorpusCache, type CacheEntry, type FileKey } from '../../src/core/cache/index.js';
import { rec } from '../helpers/record.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-faults-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KEY: FileKey = { absPath: '/c/a.txt', size: 10, mtimeMs: 1000.5, ctimeMs: 2000.25, ino: 77 };
const ENTRY: CacheEntry = {
  f: KEY.absPath,
  s: KEY.size,
  m: KEY.mtimeMs,
  c: KEY.ctimeMs,
  i: KEY.ino,
  e: ['k'],
  h: [],
  n: '',
  l: 'lede',
  r: rec({ id: 'a', path: 'a.txt', hash: 'h' }),
};

/** Opens the cache file `file`, writes one entry through it and commits; what it said. */
function writeThrough(file: string): string[] {
  const said: string[] = [];
  const cache = CorpusCache.open(file, (why) => said.push(why));
  cache.begin({ fingerprint: 'x', documents: 1, recurring: [] });
  cache.put(ENTRY);
  cache.commit();
  cache.close();
  return said;
}

/** What opening the cache file says, and whether it then holds the entry. */
function reopened(file: string): { said: string[]; found: boolean } {
  const said: string[] = [];
  const cache = CorpusCache.open(file, (why) => said.push(why));
  const found = cache.get(KEY)?.record().id === 'a';
  cache.close();
  return { said, found };
}

describe('makeDir', () => {
  test('makes a folder and its missing parents, and accepts one that is there', () => {
    const deep = path.join(dir, 'make', 'a', 'b', 'c');
    makeDir(deep);
    makeDir(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
  });

  test('a file in the way is ENOTDIR', () => {
    const file = path.join(dir, 'in-the-way');
    fs.writeFileSync(file, 'x');
    expect(() => makeDir(file)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeDir(path.join(file, 'below'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  test('a folder mkdir cannot make although its parent is there (/proc/self) fails at once with ENOENT', () => {
    expect(() => makeDir('/proc/self/corpus')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => makeDir('/proc/self/corpus/deeper')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('a cache that cannot be written', () => {
  test('a cache folder that cannot be created is one warning, and nothing is written', () => {
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, 'not a folder');
    expect(writeThrough(path.join(blocker, 'corpus', 'corpus-0000000000000000.jsonl'))).toEqual([
      'cache not written (cannot create its folder: ENOTDIR)',
    ]);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
    expect(writeThrough('/proc/self/corpus/corpus-0000000000000000.jsonl')).toEqual([
      'cache not written (cannot create its folder: ENOENT)',
    ]);
  });

  test('a cache file replaced by an empty folder is rebuilt, with one warning', () => {
    const file = path.join(dir, 'empty-folder.jsonl');
    fs.mkdirSync(file);
    expect(writeThrough(file)).toEqual(['damaged cache ignored and rebuilt (a folder, removed)']);
    expect(fs.statSync(file).isFile()).toBe(true);
    expect(reopened(file)).toEqual({ said: [], found: true });
  });

  test('a cache file replaced by a folder that is not empty is said once, left as it is, and neither read nor written', () => {
    const file = path.join(dir, 'full-folder.jsonl');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'keep.txt'), 'mine');
    const why = 'the cache file is a folder, not empty: no cache is read or written until it is removed';
    expect(writeThrough(file)).toEqual([why]);
    expect(fs.readdirSync(file)).toEqual(['keep.txt']);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('full-folder.jsonl.'))).toEqual([]);
    expect(reopened(file)).toEqual({ said: [why], found: false });
  });

  test("a FIFO in the cache file's place is not waited on: it is replaced", () => {
    const file = path.join(dir, 'fifo.jsonl');
    execFileSync('mkfifo', [file]);
    expect(writeThrough(file)).toEqual(['damaged cache ignored and rebuilt (not a file)']);
    expect(reopened(file)).toEqual({ said: [], found: true });
  });
});

describe('a document that changes under the cache', () => {
  test('a document changed after the plan is given with the record of the text read, never the cached one', async () => {
    const corpus = path.join(dir, 'changing');
    const cacheDir = path.join(dir, 'changing-cache');
    fs.mkdirSync(corpus);
    const doc = path.join(corpus, 'story.txt');
    const old = 'The Old Title\n\nAn old body of words, the first version.\n';
    const edited = 'The New Title\n\nAn new body of words, the later version.\n';
    expect(edited.length).toBe(old.length);
    fs.writeFileSync(doc, old);
    fs.writeFileSync(path.join(corpus, 'other.txt'), 'Another\n\nA second document.\n');
    const options = { inputs: [{ given: corpus }], cwd: dir, cacheDir };
    for await (const d of analyseCorpus(options)) expect(d.record.title).not.toBe('The New Title');
    // Between the plan (which saw the old file and finds its entry) and the reading of its text.
    const seen: Array<[string | null, string]> = [];
    const wantId = (id: string) => {
      if (id === 'story') fs.writeFileSync(doc, edited);
      return id === 'story';
    };
    for await (const d of analyseCorpus({ ...options, wantId })) seen.push([d.record.title, d.text]);
    expect(seen).toEqual([['The New Title', edited]]);
  });
});
