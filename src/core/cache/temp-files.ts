// Files and folders a run writes for itself and removes when it is done: the cache being written
// (renamed into place at the end) and the scratch cache of `--no-cache`. A signal ends the process
// at once (bin/corpus.js installs no handler, so a busy run is not deaf to Ctrl-C), so each name
// carries its run's process id, and a later run removes those whose process is gone.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fsReason, ScratchError } from '../errors.js';

const pending = new Set<string>();

/** Marks a path to be removed if the process exits before {@link keepOrRemoved} is called for it. */
export function removeAtExit(target: string): void {
  pending.add(target);
}

/** The path was renamed into place, or removed already: nothing left to do at exit. */
export function keepOrRemoved(target: string): void {
  pending.delete(target);
}

/**
 * Removes every path still marked (synchronously: this runs in the process's exit handler, on a
 * normal end or an error; a signal leaves them to {@link isLeftByDeadRun}).
 */
export function removeTempFiles(): void {
  for (const target of pending) {
    try {
      fs.rmSync(target, { recursive: true, force: true });
    } catch {
      /* nothing more can be done while exiting */
    }
  }
  pending.clear();
}

/**
 * True when the process `pid` no longer runs on this machine. A process of another user answers
 * EPERM: it runs. A pid reused since is taken for the run: its files wait for the next check.
 */
export function isGone(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * True when `name` matches `pattern`, whose first group is a process id, and that process is gone:
 * a temporary file or folder of a run that was killed.
 */
export function isLeftByDeadRun(name: string, pattern: RegExp): boolean {
  const pid = pattern.exec(name)?.[1];
  return pid !== undefined && isGone(Number(pid));
}

/** A scratch folder's name in the system's temporary folder: `corpus-<pid>-<6 random characters>`. */
const SCRATCH_NAME = /^corpus-(\d+)-[0-9A-Za-z]{6}$/;

/**
 * A new scratch folder in the system's temporary folder, named with this process's id and removed
 * at exit; the scratch folders of killed runs are removed first (best effort).
 */
export function makeScratchFolder(): string {
  const tmp = os.tmpdir();
  let names: string[] = [];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    /* mkdtemp below says what is wrong */
  }
  for (const name of names) {
    if (!isLeftByDeadRun(name, SCRATCH_NAME)) continue;
    try {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    } catch {
      // Another user's, or removed by another run meanwhile: left as it is.
    }
  }
  let scratch: string;
  try {
    scratch = fs.mkdtempSync(path.join(tmp, `corpus-${process.pid}-`));
  } catch (err) {
    throw new ScratchError(`cannot make a scratch folder in ${tmp} (set TMPDIR): ${fsReason(err)}`);
  }
  removeAtExit(scratch);
  return scratch;
}

let runScratch: string | undefined;

/**
 * This run's scratch folder for state spilled to disk (signatures, distinctive-term candidates):
 * made at the first call, removed at exit. Only the main thread calls it (a worker's exit does not
 * remove what it marked): a worker is given the folder's path.
 */
export function runScratchFolder(): string {
  if (runScratch === undefined || !fs.existsSync(runScratch)) runScratch = makeScratchFolder();
  return runScratch;
}
