// The progress bar on a terminal: a warning is written above it, never onto it, and a run
// draws one bar whatever its passes over the corpus.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { progressBar, progressLine } from '../../src/cli/progress.js';
import { capturedOutput } from '../../src/format/output-stream.js';
import { runCli } from '../helpers/run-cli.js';

const CLEAR = '\r\u001b[K';
const made: string[] = [];
afterEach(() => vi.restoreAllMocks());
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Forty short documents and, among them, a gzip file cut short, which is warned of. */
function corpusWithBadFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-progress-'));
  made.push(dir);
  for (let i = 0; i < 40; i++)
    fs.writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}.txt`), `Document ${i}.\n\nIt says ${i} things.\n`);
  fs.writeFileSync(path.join(dir, '20-bad.txt.gz'), zlib.gzipSync('whole text').subarray(0, 15));
  return dir;
}

/** A bar on a terminal of `columns` columns, with a clock the test sets: `at(ms, done, total)`. */
function clockedBar(columns = 80) {
  const stderr = capturedOutput(true);
  const io: Io = {
    stdout: capturedOutput(true),
    stderr,
    stdin: Readable.from([]),
    stdinIsTTY: true,
    env: {},
    cwd: '/',
    columns,
    rows: 24,
  };
  let t = 0;
  const bar = progressBar(io, () => t)!;
  const at = (ms: number, done: number, total: number): void => {
    t = ms;
    bar.update(done, total);
  };
  return { at, bar, stderr };
}

describe('warnings and the progress bar', () => {
  test('a warning clears the bar’s line, then the bar is drawn again below it', async () => {
    const dir = corpusWithBadFile();
    // Each reading of the clock is 150 ms on: the bar shows from the seventh document.
    let t = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 150));
    const r = await runCli(['list', dir, '--no-cache', '--jobs', '1'], { tty: true, columns: 80 });
    const warning = `corpus: warning: ${dir}/20-bad.txt.gz: gzip data cut short after 15 bytes (unexpected end of file), skipped\n`;
    const before = `${CLEAR}${progressLine(20, 40, 7)}`;
    expect(r.stderr).toContain(
      `${before}${CLEAR}${warning}${progressLine(20, 40, 7)}${CLEAR}${progressLine(21, 40, 7)}`,
    );
    // The warning is said once, at the start of a line, and the bar is cleared at the end.
    expect(r.stderr.split(warning)).toHaveLength(2);
    expect(r.stderr.endsWith(`${progressLine(39, 40, 7)}${CLEAR}`)).toBe(true);
  });

  test('a warning before the bar shows is written as it is', () => {
    const { at, bar, stderr } = clockedBar();
    at(500, 10, 100);
    bar.above('corpus: warning: a: b\n');
    at(1500, 50, 100);
    expect(stderr.text()).toBe(`corpus: warning: a: b\n${CLEAR}${progressLine(50, 100, 40)}`);
  });

  test('a second pass does not start a second bar: the bar holds until the pass overtakes it', () => {
    const { at, stderr } = clockedBar();
    at(100, 1, 100);
    at(1100, 80, 100);
    at(1200, 1, 100);
    // The second pass, at 40 of 100, still shows 80; its time left is its own: 60 at 400 a second.
    at(1300, 41, 100);
    at(1400, 90, 100);
    expect(stderr.text()).toBe(
      `${CLEAR}${progressLine(80, 100, 79)}${CLEAR}${progressLine(80, 100, 400, 80, 59)}${CLEAR}${progressLine(90, 100, 445, 80, 10)}`,
    );
  });

  test('once the bar has ended, a later pass (show reads the corpus twice) draws none', () => {
    const { at, bar, stderr } = clockedBar();
    at(100, 1, 10);
    at(1100, 5, 10);
    at(1200, 10, 10);
    at(2500, 1, 10);
    at(3500, 5, 10);
    bar.above('corpus: warning: a: b\n');
    expect(stderr.text()).toBe(`${CLEAR}${progressLine(5, 10, 4)}${CLEAR}corpus: warning: a: b\n`);
  });

  test('a pass is drawn once it has run 100 ms: a rate from documents a millisecond apart is noise', () => {
    const { at, stderr } = clockedBar();
    at(1000, 1, 100);
    at(1001, 2, 100);
    at(1050, 3, 100);
    expect(stderr.text()).toBe('');
    at(1100, 11, 100);
    expect(stderr.text()).toBe(`${CLEAR}${progressLine(11, 100, 100)}`);
  });

  test('the bar fits the terminal: narrower, then without the bar, then the count alone', () => {
    expect(progressLine(2500, 10000, 500, 80)).toBe('[██████··················] 2,500/10,000 docs  500/s  0:15 left');
    expect(progressLine(2500, 10000, 500, 50)).toBe('[███········] 2,500/10,000 docs  500/s  0:15 left');
    expect(progressLine(2500, 10000, 500, 40)).toBe('2,500/10,000 docs  500/s  0:15 left');
    expect(progressLine(2500, 10000, 500, 30)).toBe('[██·······] 2,500/10,000 docs');
    expect(progressLine(2500, 10000, 500, 15)).toBe('2,500/10,000 d');
  });
});
