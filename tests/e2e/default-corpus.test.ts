import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-e2e-roots-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Two roots of 3 × 90 files each: enough for grep's workers to take whole folders (from 200 files).
const LANGS = ['cmn', 'jpn'];
for (const lang of LANGS)
  for (const sub of ['a', 'b', 'c']) {
    fs.mkdirSync(path.join(dir, 'news', lang, sub), { recursive: true });
    for (let i = 0; i < 90; i++) {
      const name = String(i).padStart(2, '0');
      fs.writeFileSync(path.join(dir, 'news', lang, sub, `${name}.txt`), `Title ${lang}\n\nharbour ${sub} ${name}\n`);
    }
  }
fs.writeFileSync(path.join(dir, 'news/cmn/00.txt'), 'Top\n\nharbour at the top\n');
fs.writeFileSync(path.join(dir, 'news/jpn/00.txt'), 'Top\n\nharbour at the top\n');
fs.writeFileSync(path.join(dir, 'news/jpn/records.jsonl'), '{"text": "harbour one"}\n{"text": "harbour two"}\n');

const PARALLEL = { CORPUS_GREP_PARALLEL_FROM: '200', CORPUS_MAX_JOBS: '3' };
const ROOTS = ['news/cmn', 'news/jpn'];

/** The ids `list` gives, one a line. */
const listed = (args: string[], options: Parameters<typeof runBin>[1] = {}): string[] =>
  runBin(['list', '--fields', 'id', ...args], { cwd: dir, ...options })
    .stdout.split('\n')
    .filter((l) => l !== '');

describe('ids with several roots, from the built binary', () => {
  test('start with the part of the path that tells the roots apart, with no warning', () => {
    const r = runBin(['list', '--fields', 'id', ...ROOTS], { cwd: dir });
    expect(r.stderr).toBe('');
    const ids = r.stdout.split('\n').filter((l) => l !== '');
    expect(ids).toHaveLength(2 * 270 + 2 + 2);
    expect(ids.slice(0, 3)).toEqual(['cmn/00', 'cmn/a/00', 'cmn/a/01']);
    expect(ids).toContain('jpn/00');
    expect(ids).toContain('jpn/records#2');
  });

  test('are the same in grep, with and without workers, as in list', () => {
    const ids = listed(ROOTS);
    for (const jobs of ['1', '2', '3']) {
      const r = runBin(['grep', '-c', '--jobs', jobs, 'harbour', ...ROOTS], { cwd: dir, env: PARALLEL });
      expect(r.stderr).toBe('');
      expect(
        r.stdout
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => l.slice(0, l.lastIndexOf(':'))),
      ).toEqual(ids);
    }
  });

  test('a root inside another is a true clash: ~2, the same in grep and list', () => {
    const ids = listed(['news/jpn', 'news'], { env: {} });
    expect(ids.slice(0, 2)).toEqual(['jpn/00', 'jpn/a/00']);
    expect(ids).toContain('jpn/00~2');
    const grep = runBin(['grep', '-c', '--jobs', '3', 'harbour', 'news/jpn', 'news'], { cwd: dir, env: PARALLEL });
    expect(
      grep.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.slice(0, l.lastIndexOf(':'))),
    ).toEqual(ids);
  });

  test('paths from stdin get ids relative to their common folder', () => {
    const files = ['news/jpn/a/01.txt', 'news/cmn/b/02.txt', 'news/cmn/b/03.txt'];
    const r = runBin(['list', '--fields', 'id', '-0', '-'], { cwd: dir, input: files.join('\0') });
    expect(r).toEqual({ status: 0, stdout: 'jpn/a/01\ncmn/b/02\ncmn/b/03\n', stderr: '' });
  });

  test('a warm run from the cache gives the same ids as a cold one', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-e2e-roots-cache-'));
    try {
      const env = { XDG_CACHE_HOME: cache };
      // The cache first filled by one root alone, whose ids are relative to it.
      expect(listed(['news/jpn'], { env }).slice(0, 2)).toEqual(['00', 'a/00']);
      const cold = listed(ROOTS, { env });
      const warm = listed(ROOTS, { env });
      expect(warm).toEqual(cold);
      expect(warm).toEqual(listed([...ROOTS, '--no-cache']));
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('the default corpus, from the built binary', () => {
  test("in a clone, README's first command summarises the seeds", () => {
    const r = runBin(['summarise', '--only', 'overview', '--format', 'tsv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('overview\tdocuments\t5');
  });

  test('in a folder with no project file above, the current folder', () => {
    const r = runBin(['grep', '-l', 'harbour at the top'], { cwd: path.join(dir, 'news/cmn') });
    expect(r).toEqual({ status: 0, stdout: '00\n', stderr: '' });
  });
});
