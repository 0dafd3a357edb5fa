// Files and folders a run writes for itself and removes when it is done: the cache being written
// (renamed into place at the end) and the scratch cache of `--no-cache`. They are listed here so
// that a run cut short by a signal (Ctrl-C) removes them too: bin/corpus.js calls
// `removeTempFiles` when the process exits, however it exits.

import fs from 'node:fs';

const pending = new Set<string>();

/** Marks a path to be removed if the process exits before {@link keepOrRemoved} is called for it. */
export function removeAtExit(target: string): void {
  pending.add(target);
}

/** The path was renamed into place, or removed already: nothing left to do at exit. */
export function keepOrRemoved(target: string): void {
  pending.delete(target);
}

/** Removes every path still marked (synchronously: this runs in the process's exit handler). */
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
