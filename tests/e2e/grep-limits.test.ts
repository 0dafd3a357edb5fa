// grep's bounds hold through the worker threads too: a document of many matching lines is
// printed a part at a time as in one thread, and a pattern a worker finds too costly stops the
// run with its message. CORPUS_GREP_PARALLEL_FROM=1 starts the workers from the first file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

let dir = '';
const WORKERS = { CORPUS_GREP_PARALLEL_FROM: '1' };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-limits-e2e-'));
  fs.mkdirSync(path.join(dir, 'many'));
  // 30,000 lines, all matching but every tenth: 30 parts of a thousand.
  const lines = Array.from({ length: 30_000 }, (_, i) => (i % 10 === 9 ? `plain ${i + 1}` : `x ${i + 1}`));
  fs.writeFileSync(path.join(dir, 'many', 'big.txt'), `${lines.join('\n')}\n`);
  for (const name of ['a', 'c']) fs.writeFileSync(path.join(dir, 'many', `${name}.txt`), `x in ${name}\n`);
  fs.mkdirSync(path.join(dir, 'redos'));
  fs.writeFileSync(path.join(dir, 'redos', 'a.txt'), `${'a'.repeat(28)}!\n`.repeat(100));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('grep bounds with worker threads', () => {
  test('a document of many matching lines searched in a worker prints as in one thread', () => {
    const one = runBin(['grep', '-j', '1', '-C', '1', 'x', 'many'], { cwd: dir });
    const two = runBin(['grep', '-j', '2', '-C', '1', 'x', 'many'], { cwd: dir, env: WORKERS });
    expect(two).toEqual(one);
    const out = one.stdout.split('\n');
    expect(out.slice(0, 3)).toEqual(['a:1:x in a', '--', 'big:1:x 1']);
    expect(out.slice(-4)).toEqual(['big-30000-plain 30000', '--', 'c:1:x in c', '']);
    expect(out.length).toBe(30_000 + 5);
  });

  test('a pattern a worker finds too costly stops the run, exit 2', () => {
    const r = runBin(['grep', '-j', '2', '^(a+)+\\1$', 'redos'], { cwd: dir, env: WORKERS });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^corpus: pattern \/\^\(a\+\)\+\\1\$\/ is too costly on this corpus \(catastrophic backtracking\): 10 lines given up on, \d+\.\d s spent on slow lines; search stopped \(write it without nested quantifiers or backreferences, or use -F\)\n$/,
    );
  });
});
