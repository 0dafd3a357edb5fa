// Runs the program in-process with a fake terminal (or pipe), capturing stdout and stderr.
import { afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { capturedOutput } from '../../src/format/output-stream.js';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number;
  paged: string[];
}

export interface CliOptions {
  tty?: boolean;
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  cwd?: string;
  columns?: number;
  rows?: number;
}

/**
 * A cache folder of the test file's own, never the user's; removed after the file's tests (each
 * test file loads this module afresh, and the hook joins that file's hooks).
 */
export const TEST_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-cache-'));
afterAll(() => fs.rmSync(TEST_CACHE, { recursive: true, force: true }));

/** Runs `corpus <argv>` in-process; the terminal is on when `tty` is true. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  const stdout = capturedOutput(options.tty ?? false);
  const stderr = capturedOutput(options.tty ?? false);
  const paged: string[] = [];
  const io: Io = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdinIsTTY: options.stdin === undefined,
    env: { XDG_CACHE_HOME: TEST_CACHE, ...options.env },
    cwd: options.cwd ?? ROOT,
    columns: options.columns ?? 100,
    rows: options.rows ?? 40,
    page: async (text) => {
      paged.push(text);
      return true;
    },
  };
  const status = await main(argv, io);
  return { stdout: stdout.text(), stderr: stderr.text(), status, paged };
}
