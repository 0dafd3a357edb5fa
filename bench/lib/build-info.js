// What a bench run ran on and what it ran: the machine, the commit checked out, and when dist/
// was built (read-only: git is only asked, never told).

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/**
 * The machine, for the report and the JSON results.
 * @param {{ description: string }} memory - how peak memory is measured
 */
export function machine(memory) {
  const cpus = os.cpus();
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    ripgrep: rg.status === 0 ? (rg.stdout.split('\n')[0] ?? '') : null,
    memoryMethod: memory.description,
  };
}

/**
 * The newest modification time under `root`/dist/: tells whether the build changed during the run.
 * @param {string} root - the repository
 * @returns {string | null} an ISO time, or null when there is no build
 */
export function distStamp(root) {
  let newest = 0;
  /** @param {string} d */
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  try {
    walk(join(root, 'dist'));
  } catch {
    return null;
  }
  return newest ? new Date(newest).toISOString() : null;
}

/**
 * The commit checked out, with a + when the work tree has changes.
 * @param {string} root - the repository
 * @returns {string | null} null outside a git work tree
 */
export function gitDescribe(root) {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
  return head.stdout.trim() + (dirty.stdout.trim() ? '+' : '');
}
