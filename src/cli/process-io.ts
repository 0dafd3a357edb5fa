// The real process behind the io object: stdout, stderr, stdin, the terminal size and a pager.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { outputFrom, writeFailure, type OutputStream } from '../format/output-stream.js';
import { visible } from '../format/sanitize.js';
import type { Io } from './io.js';

/**
 * Pipes text through `$PAGER` (default `less -FRX`); false when the text was not shown, so the
 * caller writes it itself: no pager (`PAGER=cat` or empty), one that cannot start, or one that
 * exits with a non-zero status (`PAGER=false`), which is also a warning. Output is never lost
 * to a broken pager; a pager the user quits early exits 0 and is no failure.
 */
export function pageThrough(text: string, env: NodeJS.ProcessEnv, stderr: OutputStream): Promise<boolean> {
  const pager = env.PAGER === undefined ? null : env.PAGER.trim();
  if (pager === '' || pager === 'cat') return Promise.resolve(false);
  return new Promise((resolve) => {
    const options = { stdio: ['pipe', 'inherit', 'inherit'] as ('pipe' | 'inherit')[], env: { LESS: 'FRX', ...env } };
    // The default runs without a shell: a system without less falls back quietly, with no
    // "less: not found" from the shell.
    const child = pager === null ? spawn('less', ['-FRX'], options) : spawn(pager, { ...options, shell: true });
    let started = true;
    child.on('error', () => {
      started = false;
      resolve(false);
    });
    // The user quitting the pager early closes its stdin: that is not an error.
    child.stdin?.on('error', () => {});
    child.stdin?.end(text);
    child.on('close', (code) => {
      if (!started) return;
      // Killed by a signal (the user's Ctrl-C): it was shown, and the run is ending anyway.
      if (code === null || code === 0) return resolve(true);
      const why = code === 127 ? 'was not found' : `exited with status ${code}`;
      const name = stderr.isTTY ? visible(pager ?? 'less') : (pager ?? 'less');
      stderr.write(`corpus: warning: pager '${name}' ${why}; the text follows unpaged\n`).catch(() => {});
      resolve(false);
    });
  });
}

/**
 * True when this process started with stdout closed (`corpus list >&-`): Node then puts
 * /dev/null, opened read-write, in its place, and every write would vanish without an error.
 * A shell's `>/dev/null` opens it write-only. Linux only (/proc); elsewhere false.
 */
function stdoutWasClosed(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    if (fs.readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(fs.readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    // O_ACCMODE is 3, O_RDWR 2.
    return flags !== undefined && (Number.parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** An output every write to which fails as a closed descriptor would; a run that writes nothing is fine. */
function closedOutput(): OutputStream {
  let written = false;
  const failure = () =>
    writeFailure(Object.assign(new Error('bad file descriptor'), { code: 'EBADF' }), 'standard output');
  return {
    isTTY: false,
    write: async () => {
      written = true;
      throw failure();
    },
    settle: async () => {
      if (written) throw failure();
    },
  };
}

/**
 * The width tables are drawn to: `COLUMNS` when it is a whole number of columns (set by hand,
 * or exported by a shell, it wins over the terminal's own, as ls and git do), else the
 * terminal's, else 80.
 */
export function terminalColumns(env: NodeJS.ProcessEnv, detected: number | undefined): number {
  const given = env.COLUMNS?.trim();
  if (given && /^\d+$/.test(given) && Number(given) > 0) return Number(given);
  return detected || 80;
}

/** The io object of this process. */
export function processIo(): Io {
  const env = process.env;
  const stderr = outputFrom(process.stderr, 'standard error');
  return {
    stdout: stdoutWasClosed() ? closedOutput() : outputFrom(process.stdout),
    stderr,
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    env,
    cwd: process.cwd(),
    columns: terminalColumns(env, process.stdout.columns),
    rows: process.stdout.rows || 24,
    page: (text) => pageThrough(text, env, stderr),
  };
}
