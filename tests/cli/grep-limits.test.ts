// grep on hostile inputs: a pattern that blows up on line after line, an alternation of 15,000
// words, a concordance and JSON of one line holding thousands of matches. The big inputs are
// made here, in a temporary folder; each test's time limit is part of what it guards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-limits-'));
  fs.mkdirSync(path.join(dir, 'redos'));
  fs.writeFileSync(path.join(dir, 'redos', 'a.txt'), `${'a'.repeat(28)}!\n`.repeat(100));
  fs.mkdirSync(path.join(dir, 'words'));
  fs.writeFileSync(path.join(dir, 'words', 'one.txt'), 'w0q and w1q\nnothing\nxw2qx\nw3q\n');
  fs.writeFileSync(path.join(dir, 'words', 'two.txt'), 'none here\nw9999q at last\n');
  fs.mkdirSync(path.join(dir, 'long'));
  fs.writeFileSync(
    path.join(dir, 'long', 'one.txt'),
    `${'Lorem ipsum dolor sit amet, consectetur. '.repeat(25_000)}\n`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('grep within bounds', () => {
  test('a pattern that keeps blowing up stops the run after 10 lines given up on, exit 2', async () => {
    const r = await runCli(['grep', '-c', '^(a+)+\\1$', 'redos'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // The lines of the file being searched when the budget ran out are counted, not listed.
    expect(r.stderr).toMatch(
      /^corpus: pattern \/\^\(a\+\)\+\\1\$\/ is too costly on this corpus \(catastrophic backtracking\): 10 lines given up on, \d+\.\d s spent on slow lines; search stopped \(write it without nested quantifiers or backreferences, or use -F\)\n$/,
    );
  });

  test('an alternation of 15,000 words counts as each word would', async () => {
    const words = Array.from({ length: 15_000 }, (_, i) => `w${i}q`);
    const r = await runCli(['grep', '-c', words.join('|'), 'words'], { cwd: dir });
    expect(r).toEqual({ status: 0, stdout: 'one:3\ntwo:1\n', stderr: '', paged: [] });
    const fixed = await runCli(['grep', '-c', '-w', '-F', ...words.flatMap((w) => ['-e', w]), 'words'], { cwd: dir });
    expect(fixed.stdout).toBe('one:2\ntwo:1\n');
  });

  test('the concordance of a line of a megabyte holding 25,000 matches: a row each, its width a side', async () => {
    const r = await runCli(['grep', '--kwic', '--width', '12', 'amet', 'long'], { cwd: dir });
    const rows = r.stdout.split('\n').filter((row) => row !== '');
    expect(rows.length).toBe(25_000);
    expect(rows[0]).toBe('one\t1\tdolor sit \tamet\t, consectetu');
    expect(rows[24_999]).toBe('one\t1\tdolor sit \tamet\t, consectetu');
  });

  test('JSON Lines of a line of a megabyte holding 25,000 matches: the line once, its matches in it', async () => {
    const r = await runCli(['grep', '--format', 'jsonl', 'amet', 'long'], { cwd: dir });
    const lines = r.stdout.split('\n');
    expect(lines.length).toBe(2);
    const object = JSON.parse(lines[0] as string) as { text: string; matches: { column: number; match: string }[] };
    expect(object.text.length).toBe(41 * 25_000);
    expect(object.matches.length).toBe(25_000);
    expect(object.matches[24_999]).toEqual({ column: 24_999 * 41 + 23, match: 'amet' });
  });
});
