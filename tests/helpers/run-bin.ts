// Runs the built bin/corpus as a child process, as a user's shell would.
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/corpus.js');

export interface BinRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/**
 * A cache folder of the test file's own, never the user's; removed after the file's tests (each
 * test file loads this module afresh, and the hook joins that file's hooks).
 */
export const TEST_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-cache-'));
afterAll(() => fs.rmSync(TEST_CACHE, { recursive: true, force: true }));

/** Runs `corpus <args>` with NO_COLOR and no terminal; stdin from `input`. */
export function runBin(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): BinRun {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    XDG_CACHE_HOME: TEST_CACHE,
    NO_COLOR: '1',
    ...options.env,
  };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // A run that never ends fails its test (status null) instead of hanging the whole suite.
    timeout: options.timeoutMs ?? 120_000,
    killSignal: 'SIGKILL',
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
