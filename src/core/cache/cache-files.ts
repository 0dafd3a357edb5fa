// The files in the cache folder: one cache file per version and corpus, named by a digest of
// both; temporary files beside it while a run writes the next one; and the pruning of what no
// run of this version reads again. (Where the folder is: directory.ts.)

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_VERSION, headerVersion } from './file-format.js';
import { isLeftByDeadRun } from './temp-files.js';

/** The cache file for a corpus: named by the version and everything that changes what is read. */
export function cacheFileFor(dir: string, corpusKey: unknown): string {
  const hash = createHash('sha1')
    .update(JSON.stringify({ version: CACHE_VERSION, corpus: corpusKey }))
    .digest('hex')
    .slice(0, 16);
  return path.join(dir, `corpus-${hash}.jsonl`);
}

/**
 * Creates the folder `dir` and its missing parents, as `mkdir -p` does, in at most two calls per
 * level. Not `fs.mkdirSync` with `recursive`: where mkdir fails with ENOENT although the parent is
 * there (under /proc/self), Node 20's loops forever in C++, deaf to signals. Throws the error of
 * the level that cannot be made; a file where a folder should be is ENOTDIR.
 */
export function makeDir(dir: string, parentMade = false): void {
  try {
    fs.mkdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // Made meanwhile by another run, or a file is in the way.
      if (fs.statSync(dir).isDirectory()) return;
      throw Object.assign(new Error(`not a folder: ${dir}`), { code: 'ENOTDIR' });
    }
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parentMade || parent === dir) throw err;
    makeDir(parent);
    makeDir(dir, true);
  }
}

/** A new temporary file's name beside the cache file `file`, unique to this process and call. */
export function tempFileFor(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** A cache file's name, and a temporary one's beside it (see {@link tempFileFor}). */
const CACHE_NAME = /^corpus-[0-9a-f]{16}\.jsonl$/;
/** The file of a cache's near duplicates (near-file.ts), beside it. */
const NEAR_NAME = /^(corpus-[0-9a-f]{16}\.jsonl)\.near$/;
const TEMP_NAME = /^corpus-[0-9a-f]{16}\.jsonl\.(\d+)\.[0-9a-z]*\.tmp$/;
/**
 * A temporary file was left by a run that was killed when its process is gone, or when it is older
 * than this, whatever its process id says: no run writes that long.
 */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/**
 * Removes from the cache folder what no run of this version reads again: the cache files of
 * other versions (each version keeps its own, so every upgrade would leave a file the size of
 * the corpus's metadata behind, 85 MB for 100,000 documents), the files of near duplicates kept
 * beside cache files that are gone, and the temporary files of runs killed before they could
 * remove them. Files of this version, of other corpora, and anything
 * not named like the cache's, are left. Best effort: what cannot be read or removed is left.
 * Returns the names removed.
 */
export function pruneCacheDir(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  const head = Buffer.alloc(256);
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      let stale = false;
      if (TEMP_NAME.test(name))
        stale = isLeftByDeadRun(name, TEMP_NAME) || now - fs.statSync(file).mtimeMs > STALE_TEMP_MS;
      else if (CACHE_NAME.test(name)) {
        const version = headerVersion(headOf(file, head));
        stale = version !== undefined && version !== CACHE_VERSION;
      } else {
        // A cache's near duplicates go with it.
        const of = NEAR_NAME.exec(name)?.[1];
        stale = of !== undefined && !fs.existsSync(path.join(dir, of));
      }
      if (stale) {
        fs.rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Removed by another run meanwhile, or not ours to read: left as it is.
    }
  }
  return removed;
}

/** The first bytes of a file, as many as `buffer` holds, as text. */
function headOf(file: string, buffer: Buffer): string {
  const fd = fs.openSync(file, 'r');
  let length: number;
  try {
    length = fs.readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return buffer.toString('utf8', 0, length);
}
