import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { pruneCacheDir } from '../../src/core/cache/cache-files.js';
import { isGone, isLeftByDeadRun } from '../../src/core/cache/temp-files.js';

/** The id of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  if (pid === undefined) throw new Error('no process started');
  return pid;
}

test('a process that ended is gone; this one and pid 1 are not', () => {
  expect([isGone(deadPid()), isGone(process.pid), isGone(1)]).toEqual([true, false, false]);
  expect([isGone(0), isGone(-1), isGone(Number.NaN)]).toEqual([false, false, false]);
});

test('a name is left by a dead run when its pid group names a process that is gone', () => {
  const pattern = /^corpus-(\d+)-[0-9A-Za-z]{6}$/;
  const dead = deadPid();
  expect(isLeftByDeadRun(`corpus-${dead}-abcdef`, pattern)).toBe(true);
  expect(isLeftByDeadRun(`corpus-${process.pid}-abcdef`, pattern)).toBe(false);
  expect(isLeftByDeadRun(`corpus-test-cache-abcdef`, pattern)).toBe(false);
});

test('pruning the cache folder removes a fresh temporary file of a dead run, not one of a live run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-prune-'));
  try {
    const dead = `corpus-0123456789abcdef.jsonl.${deadPid()}.k3j.tmp`;
    const alive = `corpus-0123456789abcdef.jsonl.${process.pid}.x9.tmp`;
    for (const name of [dead, alive]) fs.writeFileSync(path.join(dir, name), 'partial');
    expect(pruneCacheDir(dir)).toEqual([dead]);
    expect(fs.readdirSync(dir)).toEqual([alive]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('pruning the cache folder removes the near duplicates of a cache file that is gone, not of one still there', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-prune-'));
  try {
    const kept = 'corpus-0123456789abcdef.jsonl';
    fs.writeFileSync(path.join(dir, kept), '');
    for (const name of [`${kept}.near`, 'corpus-fedcba9876543210.jsonl.near'])
      fs.writeFileSync(path.join(dir, name), '{}');
    expect(pruneCacheDir(dir)).toEqual(['corpus-fedcba9876543210.jsonl.near']);
    expect(fs.readdirSync(dir).sort()).toEqual([kept, `${kept}.near`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
