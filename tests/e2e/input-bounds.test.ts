// A bad file beside good ones: a gzip bomb, a sparse giant, a JSON Lines record over the limit,
// a name that is not UTF-8, a FIFO, a pipe named on the command line. Each is one warning (or is
// read), and every command goes on with the other documents.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, runBin, TEST_CACHE } from '../helpers/run-bin.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bounds-e2e-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const at = (...names: string[]): string => path.join(work, ...names);

beforeAll(() => {
  fs.mkdirSync(at('c'));
  for (const n of ['a', 'b', 'c'])
    fs.writeFileSync(at('c', `${n}.txt`), `Title ${n}\n\nA few words about ${n} and amet.\n`);
  // 4 MiB of text from a few KB: a bomb under a limit of 1M.
  fs.writeFileSync(at('c', 'bomb.txt.gz'), zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 'amet ')));
  // A record of 2 MiB between two small ones.
  const big = JSON.stringify({ id: 'big', text: 'amet '.repeat(400_000) });
  fs.writeFileSync(at('c', 'records.jsonl'), `{"id":"r1","text":"amet one"}\n${big}\n{"id":"r2","text":"amet two"}\n`);
  // A sparse giant over the default limit (256M): it costs no disk.
  fs.mkdirSync(at('giant'));
  fs.writeFileSync(at('giant', 'ok.txt'), 'A small document about amet.\n');
  fs.writeFileSync(at('giant', 'sparse.txt'), 'word '.repeat(2000));
  fs.truncateSync(at('giant', 'sparse.txt'), 300 * 1024 * 1024);
  // A name that is not UTF-8, and a FIFO, found by a walk.
  fs.mkdirSync(at('odd'));
  fs.writeFileSync(Buffer.from(`${at('odd')}/caf\xe9.txt`, 'latin1'), 'Le café, amet.\n');
  spawnSync('mkfifo', [at('odd', 'fifo.txt')]);
});

const LIMIT = ['--max-filesize', '1M', '--no-cache'];
const BOMB = 'c/bomb.txt.gz: bigger than --max-filesize (1M), skipped; a larger --max-filesize reads it';
const RECORD = 'c/records.jsonl:2: bigger than --max-filesize (1M), skipped; a larger --max-filesize reads it';

describe('a file or record over --max-filesize', () => {
  test('a gzip bomb is cut at --max-filesize in list, and the other documents are listed', () => {
    const r = runBin(['list', 'c', ...LIMIT], { cwd: work });
    expect(r.stderr).toBe(`corpus: warning: ${BOMB}\ncorpus: warning: ${RECORD}\n`);
    expect(r.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['a', 'b', 'c', 'r1', 'r2', '']);
    expect(r.status).toBe(0);
  });

  test.each([[['grep', '-c', 'amet']], [['grep', '-c', '-F', 'amet']], [['grep', '-c', 'am[e]t']], [['grep', 'amet']]])(
    'a gzip bomb and a huge record are warnings in %j, the other documents searched',
    (args) => {
      const r = runBin([...args, 'c', ...LIMIT], { cwd: work });
      expect(r.stderr).toBe(`corpus: warning: ${BOMB}\ncorpus: warning: ${RECORD}\n`);
      expect(r.stdout).toMatch(/^a:/);
      expect(r.stdout).toContain('r2:');
      expect(r.status).toBe(0);
    },
  );

  test('summarise goes on past a gzip bomb', () => {
    const r = runBin(['summarise', 'c', ...LIMIT, '--format', 'tsv'], { cwd: work });
    expect(r.stderr).toBe(`corpus: warning: ${BOMB}\ncorpus: warning: ${RECORD}\n`);
    expect(r.stdout).toContain('documents\t5');
    expect(r.status).toBe(0);
  });

  test('a sparse giant beside a normal document is one warning, in list, summarise and grep', () => {
    const warning =
      'corpus: warning: giant/sparse.txt: bigger than --max-filesize (256M), skipped; a larger --max-filesize reads it\n';
    const list = runBin(['list', 'giant', '--no-cache'], { cwd: work });
    expect([list.stderr, list.stdout.split('\t')[0], list.status]).toEqual([warning, 'ok', 0]);
    const grep = runBin(['grep', 'amet', 'giant'], { cwd: work });
    expect([grep.stderr, grep.stdout, grep.status]).toEqual([warning, 'ok:1:A small document about amet.\n', 0]);
    const summarise = runBin(['summarise', 'giant', '--no-cache'], { cwd: work });
    expect([summarise.stderr, summarise.status]).toEqual([warning, 0]);
  });

  test('a size --max-filesize cannot read is refused with the forms it takes', () => {
    const r = runBin(['list', 'c', '--max-filesize', '1.5M'], { cwd: work });
    expect(r.stderr).toBe(
      "corpus: --max-filesize takes a size in bytes, optionally with K, M or G (512K, 256M, 2G), not '1.5M'\n",
    );
    expect(r.status).toBe(2);
  });
});

describe('names and files that are not plain', () => {
  test('a file whose name is not UTF-8 is read, its bad byte shown as \\xNN; a FIFO met walking is a warning', () => {
    const r = runBin(['list', 'odd', '--no-cache', '--json'], { cwd: work });
    expect((JSON.parse(r.stdout) as { id: string; path: string }[]).map((d) => [d.id, d.path])).toEqual([
      ['caf\\xE9', 'odd/caf\\xE9.txt'],
    ]);
    expect(r.stderr).toBe(
      'corpus: warning: odd/fifo.txt: not a regular file (a FIFO), skipped; named on the command line, it is read\n',
    );
    const grep = runBin(['grep', 'café', 'odd'], { cwd: work });
    expect(grep.stdout).toBe('caf\\xE9:1:Le café, amet.\n');
  });

  test('a pipe named on the command line (<(…), a FIFO) is read as a document, under --strict', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" list --strict --no-cache --json <(printf 'Piped title\\n\\nPiped text.\\n')`,
      ],
      {
        cwd: work,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: TEST_CACHE },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    // Bash names the pipe /dev/fd/63: its id is its name.
    const docs = JSON.parse(r.stdout) as { id: string; path: string; words: number }[];
    expect([docs.map((d) => [d.id, d.path, d.words]), r.stderr, r.status]).toEqual([[['63', '/dev/fd/63', 4]], '', 0]);
  });

  test('a socket named on the command line is a warning, never silence', () => {
    // spawnSync gives the child a socket as its standard input.
    const r = runBin(['list', '--strict', '--no-cache', '/dev/stdin'], { cwd: work });
    expect([r.stdout, r.stderr, r.status]).toEqual([
      '',
      'corpus: warning: /dev/stdin: not a regular file (a socket), skipped\n',
      2,
    ]);
  });
});
