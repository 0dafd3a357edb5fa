// The built corpus honours .gitignore (in a git repository), .ignore and .corpusignore while it
// walks, the same whether grep's workers walk the folders or this thread does; --no-ignore reads
// everything; a file named on the command line is read even if ignored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

let dir = '';

/** Every file, and whether the ignore files leave it out. */
const FILES: [string, boolean][] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-ignore-e2e-'));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  fs.mkdirSync(path.join(dir, '.git'));
  write('.gitignore', '*.draft.txt\n/f2/private/\n');
  write('f1/.ignore', '!keep.draft.txt\n');
  write('.corpusignore', 'f0/0*\n');
  // About 300 files in three folders: enough for grep's workers to walk the last whole (see grep-jobs.test.ts).
  for (let i = 0; i < 300; i++) {
    const folder = `f${Math.floor(i / 100)}`;
    const name = `${String(i).padStart(3, '0')}.txt`;
    write(`${folder}/${name}`, `Title ${i}\n\nthe harbour budget\n`);
    FILES.push([`${folder}/${name}`, folder === 'f0' && name.startsWith('0')]);
  }
  for (const [rel, ignored] of [
    ['f0/a.draft.txt', true],
    ['f1/keep.draft.txt', false],
    ['f1/b.draft.txt', true],
    ['f2/private/c.txt', true],
    ['f2/sub/private/d.txt', false],
  ] as const) {
    write(rel, 'the harbour\n');
    FILES.push([rel, ignored]);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PARALLEL = { CORPUS_GREP_PARALLEL_FROM: '200', CORPUS_MAX_JOBS: '3' };

/** The files `grep -l --paths` names, sorted. */
function named(stdout: string): string[] {
  return stdout.split('\n').filter(Boolean).sort();
}

describe('ignore files, end to end', () => {
  test('grep -l leaves out what the ignore files name, the same with workers walking folders', () => {
    const one = runBin(['grep', '--jobs', '1', '-l', '--paths', 'harbour', '--no-cache', '.'], { cwd: dir });
    const three = runBin(['grep', '--jobs', '3', '-l', '--paths', 'harbour', '--no-cache', '.'], {
      cwd: dir,
      env: PARALLEL,
    });
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(named(one.stdout)).toEqual(
      FILES.filter(([, ignored]) => !ignored)
        .map(([rel]) => rel)
        .sort(),
    );
    expect(three).toEqual(one);
  });

  test('--no-ignore reads every file, with workers too', () => {
    const all = FILES.map(([rel]) => rel).sort();
    for (const jobs of ['1', '3']) {
      const run = runBin(['grep', '--jobs', jobs, '-l', '--paths', '--no-ignore', 'harbour', '--no-cache', '.'], {
        cwd: dir,
        env: PARALLEL,
      });
      expect(run.status).toBe(0);
      expect(named(run.stdout)).toEqual(all);
    }
  });

  test('list counts the same documents as grep; --no-ignore all of them', () => {
    const kept = FILES.filter(([, ignored]) => !ignored).length;
    const lines = (args: string[]): number =>
      runBin(['list', '--format', 'tsv', '--no-cache', ...args, '.'], { cwd: dir })
        .stdout.split('\n')
        .filter(Boolean).length;
    expect(lines([])).toBe(kept);
    expect(lines(['--no-ignore'])).toBe(FILES.length);
  });

  test('a file or a folder named on the command line is read even if ignored', () => {
    const file = runBin(['grep', '-l', '--paths', 'harbour', '--no-cache', 'f1/b.draft.txt'], { cwd: dir });
    expect(file).toEqual({ stdout: 'f1/b.draft.txt\n', stderr: '', status: 0 });
    const folder = runBin(['grep', '-l', '--paths', 'harbour', '--no-cache', 'f2/private'], { cwd: dir });
    expect(folder).toEqual({ stdout: 'f2/private/c.txt\n', stderr: '', status: 0 });
  });
});
