// Signals through the built bin/corpus: Ctrl-C and kill end a busy run at once, with the shell's
// status for the signal, and the temporary files such a run leaves are removed by the next run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, runBin } from '../helpers/run-bin.js';

const SEED_DIR = path.resolve(__dirname, '../../seeds');
let big: string;
let tmp: string;
let home: string;

/**
 * A corpus big enough that a cold run is still busy for seconds after it starts writing (about
 * 9 s of work on one thread), and folders for its cache and its scratch files.
 */
beforeAll(() => {
  big = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-signal-'));
  const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
  for (let i = 0; i < 12_000; i++)
    fs.writeFileSync(path.join(big, `d${String(i).padStart(5, '0')}.txt`), `${seeds[i % 5]}\nCopy ${i}.\n`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-signal-tmp-'));
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-signal-home-'));
});

afterAll(() => {
  for (const dir of [big, tmp, home]) fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ PATH: process.env.PATH, TMPDIR: tmp, XDG_CACHE_HOME: home, NO_COLOR: '1' });
const cacheDir = () => path.join(home, 'corpus');
const tempFiles = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((f) => f.endsWith('.tmp')) : []);

interface Interrupted {
  pid: number;
  /** The signal that ended the process (null when it ended by itself). */
  signal: NodeJS.Signals | null;
  code: number | null;
  /** Milliseconds from the signal to the end of the process. */
  ms: number;
}

/** Starts `corpus list <big> <args>`, sends `signal` once `busy()` holds, and waits for the end. */
function interrupt(args: string[], signal: NodeJS.Signals, busy: () => boolean): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'list', big, ...args], { env: env(), stdio: 'ignore' });
    let sent = 0;
    const poll = setInterval(() => {
      if (busy()) {
        clearInterval(poll);
        sent = performance.now();
        child.kill(signal);
      }
    }, 5);
    child.on('close', (code, killedBy) => {
      clearInterval(poll);
      resolve({ pid: child.pid as number, signal: killedBy, code, ms: performance.now() - sent });
    });
  });
}

describe('signals', () => {
  test('SIGTERM ends a run busy on its main thread within a second, as the signal', async () => {
    // One job: the whole cold run is analysis on the main thread, with the cache being written.
    const run = await interrupt(['--jobs', '1'], 'SIGTERM', () => tempFiles().length > 0);
    expect({ signal: run.signal, code: run.code }).toEqual({ signal: 'SIGTERM', code: null });
    // Within a second, and some slack for a loaded machine (it was 1.9 s to 33.8 s, or never).
    expect(run.ms).toBeLessThan(1500);
    // Its temporary file stays, named with its process id…
    expect(tempFiles()).toEqual([expect.stringMatching(new RegExp(`\\.jsonl\\.${run.pid}\\.[0-9a-z]*\\.tmp$`))]);
    // …until the next run that writes the cache removes it, the run being gone.
    const next = runBin(['list', big, '--fields', 'id'], { env: env() });
    expect(next.status).toBe(0);
    expect(next.stdout.split('\n')).toHaveLength(12_001);
    expect(tempFiles()).toEqual([]);
    expect(fs.readdirSync(cacheDir())).toEqual([expect.stringMatching(/^corpus-[0-9a-f]{16}\.jsonl$/)]);
  });

  test('SIGINT ends a --no-cache run at once; the next one removes the scratch folder of the dead run only', async () => {
    const run = await interrupt(['--no-cache', '--jobs', '2'], 'SIGINT', () => fs.readdirSync(tmp).length > 0);
    expect({ signal: run.signal, code: run.code }).toEqual({ signal: 'SIGINT', code: null });
    expect(run.ms).toBeLessThan(1500);
    expect(fs.readdirSync(tmp)).toEqual([expect.stringMatching(new RegExp(`^corpus-${run.pid}-[0-9A-Za-z]{6}$`))]);
    // This test's process is alive: a folder named with its id is not a dead run's.
    const alive = `corpus-${process.pid}-abcdef`;
    fs.mkdirSync(path.join(tmp, alive));
    const next = runBin(['list', big, '--no-cache', '--jobs', '2', '--fields', 'id'], { env: env() });
    expect(next.status).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([alive]);
    fs.rmSync(path.join(tmp, alive), { recursive: true });
  });
});
