import { describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { capturedOutput } from '../../src/format/output-stream.js';
import { progressBar, progressLine } from '../../src/cli/progress.js';
import { Readable } from 'node:stream';

function io(tty: boolean, env: NodeJS.ProcessEnv = {}) {
  const stderr = capturedOutput(tty);
  const value: Io = {
    stdout: capturedOutput(tty),
    stderr,
    stdin: Readable.from([]),
    stdinIsTTY: true,
    env,
    cwd: '/',
    columns: 80,
    rows: 24,
  };
  return { io: value, stderr };
}

/** A bar on a terminal, with a clock the test sets: `at(ms, done, total)` draws at that time. */
function clockedBar() {
  const { io: value, stderr } = io(true);
  let t = 0;
  const bar = progressBar(value, () => t)!;
  const at = (ms: number, done: number, total: number): void => {
    t = ms;
    bar.update(done, total);
  };
  return { at, stderr };
}

describe('progress', () => {
  test('the line: done, total, rate, time left', () => {
    expect(progressLine(2500, 10000, 500)).toBe('[██████··················] 2,500/10,000 docs  500/s  0:15 left');
  });

  test('drawn on a terminal after a second, at most every 100 ms, cleared at the end', () => {
    const { at, stderr } = clockedBar();
    at(500, 10, 100);
    expect(stderr.text()).toBe('');
    at(1500, 50, 100);
    at(1550, 60, 100);
    at(2000, 100, 100);
    // The rate counts from the first document done: 40 documents in a second.
    expect(stderr.text()).toBe(`\r\u001b[K${progressLine(50, 100, 40)}\r\u001b[K`);
  });

  test('a second pass over the corpus (the count goes back) has a rate of its own, on the same bar', () => {
    const { at, stderr } = clockedBar();
    at(100, 1, 100);
    at(1100, 99, 101);
    at(1200, 1, 100);
    at(1300, 51, 100);
    expect(stderr.text()).toBe(`\r\u001b[K${progressLine(99, 101, 98)}\r\u001b[K${progressLine(99, 100, 500, 80, 49)}`);
  });

  test('never in a pipe or in CI', () => {
    expect(progressBar(io(false).io)).toBeUndefined();
    expect(progressBar(io(true, { CI: 'true' }).io)).toBeUndefined();
  });
});
