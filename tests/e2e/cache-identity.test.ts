// What the cache knows a file by, and what it does when its folder or file is not what it should
// be, through the built bin/corpus (issue 23): an edit that keeps the size and sets the
// modification time back, or a file replaced by `mv`, is analysed again by every command; a cache
// folder that cannot be made is one warning, never a hang; a folder in the cache file's place is
// rebuilt, or said once per run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-identity-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let corpus: string;
let cacheHome: string;
const OLD = 'Old Title\nDate: 2021-01-01\n\nSome body text here in English, with several words to read.\n';
const NEW = 'New Title\nDate: 2024-06-30\n\nSome body text here in English, with several words to read.\n';

beforeEach(() => {
  corpus = fs.mkdtempSync(path.join(root, 'corpus-'));
  cacheHome = fs.mkdtempSync(path.join(root, 'cache-'));
  fs.writeFileSync(path.join(corpus, 'a.txt'), OLD);
  fs.writeFileSync(path.join(corpus, 'b.txt'), 'Other doc\nDate: 2022-02-02\n\nAnother body, in other words.\n');
});

const corpusRun = (...args: string[]) => runBin(args, { env: { XDG_CACHE_HOME: cacheHome } });
const titles = () => corpusRun('list', corpus, '--fields', 'id,title,date').stdout;
const dateRange = () =>
  corpusRun('summarise', corpus, '--format', 'tsv')
    .stdout.split('\n')
    .filter((l) => l.startsWith('overview\tdateRange.'));
const shown = () =>
  JSON.parse(corpusRun('show', 'a', '--corpus', corpus, '--json').stdout) as Array<Record<string, unknown>>;

/** Every command, warm, sees the new version of a.txt. */
function expectNewVersion(): void {
  expect(titles()).toBe('a\tNew Title\t2024-06-30\nb\tOther doc\t2022-02-02\n');
  expect(dateRange()).toEqual(['overview\tdateRange.from\t2022-02-02', 'overview\tdateRange.to\t2024-06-30']);
  const [doc] = shown();
  expect([doc?.title, doc?.date, doc?.text]).toEqual(['New Title', '2024-06-30', NEW]);
  expect(corpusRun('grep', '-l', 'New Title', corpus).stdout).toBe('a\n');
}

describe('the key of a cache entry', () => {
  test('an edit that keeps the size, its modification time set back, is seen by list, summarise and show', () => {
    expect(titles()).toBe('a\tOld Title\t2021-01-01\nb\tOther doc\t2022-02-02\n');
    expect(dateRange()).toEqual(['overview\tdateRange.from\t2021-01-01', 'overview\tdateRange.to\t2022-02-02']);
    const file = path.join(corpus, 'a.txt');
    const before = fs.statSync(file);
    // `touch -r` copies the times to the nanosecond (utimes from JavaScript would round them).
    const times = path.join(root, `times-${path.basename(corpus)}`);
    fs.writeFileSync(times, '');
    execFileSync('touch', ['-r', file, times]);
    expect(NEW.length).toBe(OLD.length);
    fs.writeFileSync(file, NEW);
    execFileSync('touch', ['-r', times, file]);
    const after = fs.statSync(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expectNewVersion();
  });

  test('a document replaced by another of the same size and modification time (mv) is seen', () => {
    expect(titles()).toBe('a\tOld Title\t2021-01-01\nb\tOther doc\t2022-02-02\n');
    const file = path.join(corpus, 'a.txt');
    const before = fs.statSync(file);
    const next = path.join(root, `next-${path.basename(corpus)}`);
    fs.writeFileSync(next, NEW);
    execFileSync('touch', ['-r', file, next]);
    fs.renameSync(next, file);
    const after = fs.statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(after.ino).not.toBe(before.ino);
    expectNewVersion();
  });

  test('a cold run then a warm run reads the cache: nothing changed, nothing is written again', () => {
    expect(titles()).toBe('a\tOld Title\t2021-01-01\nb\tOther doc\t2022-02-02\n');
    const dir = path.join(cacheHome, 'corpus');
    const [name] = fs.readdirSync(dir);
    const written = fs.statSync(path.join(dir, name as string));
    expect(titles()).toBe('a\tOld Title\t2021-01-01\nb\tOther doc\t2022-02-02\n');
    // Not rewritten: every entry was found, and the corpus's fingerprint is the same.
    expect(fs.statSync(path.join(dir, name as string)).ino).toBe(written.ino);
  });
});

describe('a cache that cannot be written', () => {
  test('XDG_CACHE_HOME=/proc/self is one warning and a run without the cache, never a hang', () => {
    const r = runBin(['list', corpus, '--fields', 'id,title'], {
      env: { XDG_CACHE_HOME: '/proc/self' },
      timeoutMs: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('a\tOld Title\nb\tOther doc\n');
    expect(r.stderr).toMatch(
      /^corpus: warning: \/proc\/self\/corpus\/corpus-[0-9a-f]{16}\.jsonl: cache not written \(cannot create its folder: ENOENT\)\n$/,
    );
  });

  test('a cache file replaced by an empty folder is rebuilt: one warning, then none', () => {
    expect(titles()).toBe('a\tOld Title\t2021-01-01\nb\tOther doc\t2022-02-02\n');
    const dir = path.join(cacheHome, 'corpus');
    const file = path.join(dir, fs.readdirSync(dir)[0] as string);
    fs.rmSync(file);
    fs.mkdirSync(file);
    const r = corpusRun('list', corpus, '--fields', 'id,title');
    expect(r.stdout).toBe('a\tOld Title\nb\tOther doc\n');
    expect(r.stderr).toMatch(
      /^corpus: warning: .*corpus-[0-9a-f]{16}\.jsonl: damaged cache ignored and rebuilt \(a folder, removed\)\n$/,
    );
    expect(fs.statSync(file).isFile()).toBe(true);
    expect(corpusRun('list', corpus, '--fields', 'id,title')).toEqual({
      status: 0,
      stdout: 'a\tOld Title\nb\tOther doc\n',
      stderr: '',
    });
  });

  test('a cache file replaced by a folder that is not empty is said once per run, and the folder is left', () => {
    expect(titles()).toBe('a\tOld Title\t2021-01-01\nb\tOther doc\t2022-02-02\n');
    const dir = path.join(cacheHome, 'corpus');
    const file = path.join(dir, fs.readdirSync(dir)[0] as string);
    fs.rmSync(file);
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'keep.txt'), 'mine');
    for (let run = 0; run < 2; run++) {
      const r = corpusRun('list', corpus, '--fields', 'id,title');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('a\tOld Title\nb\tOther doc\n');
      expect(r.stderr).toMatch(
        /^corpus: warning: .*corpus-[0-9a-f]{16}\.jsonl: the cache file is a folder, not empty: no cache is read or written until it is removed\n$/,
      );
    }
    expect(fs.readdirSync(file)).toEqual(['keep.txt']);
  });
});
