// The real process behind the io object: stdout, stderr, stdin, the terminal size and a pager.

import { spawn } from 'node:child_process';
import { outputFrom } from '../format/output-stream.js';
import type { Io } from './io.js';

/** Pipes text through `$PAGER` (default `less -FRX`); false when no pager could be started. */
function page(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const pager = env.PAGER === undefined ? 'less -FRX' : env.PAGER.trim();
  if (pager === '' || pager === 'cat') return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', ...env } });
    let started = true;
    child.on('error', () => {
      started = false;
      resolve(false);
    });
    // The user quitting the pager early closes its stdin: that is not an error.
    child.stdin.on('error', () => {});
    child.stdin.end(text);
    child.on('close', (code) => resolve(started && code !== 127));
  });
}

/** The io object of this process. */
export function processIo(): Io {
  const env = process.env;
  return {
    stdout: outputFrom(process.stdout),
    stderr: outputFrom(process.stderr),
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    env,
    cwd: process.cwd(),
    columns: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
    page: (text) => page(text, env),
  };
}
