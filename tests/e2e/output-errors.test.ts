// The built bin/corpus whose stdout cannot be written: a full disk or a closed descriptor is an
// error on stderr and status 2, never a silent success (a closed pipe: list-show.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, TEST_CACHE } from '../helpers/run-bin.js';

const env = { PATH: process.env.PATH, XDG_CACHE_HOME: TEST_CACHE, NO_COLOR: '1' };

/** Runs `sh -c` with `corpus` standing for the built binary; stdout as `stdout` is given. */
function shell(script: string, stdout: 'pipe' | number = 'pipe') {
  const r = spawnSync('sh', ['-c', script.replaceAll('corpus', `"${process.execPath}" "${BIN}"`)], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', stdout, 'pipe'],
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('output that cannot be written', () => {
  test('list --json to a full disk (/dev/full) is an error with status 2', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = shell('corpus list --json', full);
      expect(r.stderr).toBe('corpus: cannot write to standard output: no space left on device (ENOSPC)\n');
      expect(r.status).toBe(2);
    } finally {
      fs.closeSync(full);
    }
  });

  test('list with stdout closed (>&-) is an error with status 2', () => {
    const r = shell('corpus list --json >&-');
    expect(r.stderr).toBe('corpus: cannot write to standard output: bad file descriptor (EBADF)\n');
    expect(r.status).toBe(2);
  });

  test('--version to a full disk is an error too; to /dev/null it is not', () => {
    expect(shell('corpus --version >/dev/full').status).toBe(2);
    expect(shell('corpus --version >/dev/null')).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
