// The plan of a corpus run, made before either pass: its files in walk order, each one's key (size,
// times and inode: what the cache keys entries by, and the corpus's fingerprint), its cache file,
// and whether its analysis is worth worker threads.

import fs from 'node:fs';
import path from 'node:path';
import type { CorpusOptions } from './corpus-options.js';
import { cacheFileFor, fingerprintOf, type FileKey } from '../cache/index.js';
import { corpusFiles, effectiveInputs, type CorpusRun } from '../input/corpus-files.js';
import { formatOf } from '../input/file-kinds.js';
import { readerFor } from '../input/formats/index.js';
import type { FoundFile } from '../input/walk.js';
import { workersAvailable } from '../workers/analysis-pool.js';

/** Fewer documents than this are analysed in this thread: starting workers costs more. */
export const PARALLEL_MIN_DOCUMENTS = 200;

/** A file's path, size, modification and change times and inode: what its cache entry is keyed by. */
export type FileStat = FileKey;

/** What a run knows of its corpus before reading it. */
export interface CorpusPlan {
  /** The files, in walk order. */
  files: FoundFile[];
  /** Each file's key; undefined when it cannot be had. */
  stats: Map<FoundFile, FileStat | undefined>;
  /** The files' keys in one value: the cache's count holds when it is the same. */
  fingerprint: string;
  /** The cache file of this corpus; null without a cache folder. */
  cacheFile: string | null;
  /** Worker threads asked for. */
  jobs: number;
  /** True when the analysis is worth workers: several asked for, available, and enough documents. */
  parallel: boolean;
}

/** Walks the corpus and plans the run. */
export function planCorpus(options: CorpusOptions, run: CorpusRun): CorpusPlan {
  const files = [...corpusFiles(options, run)];
  const stats = new Map<FoundFile, FileStat | undefined>();
  for (const file of files) stats.set(file, statOf(file));
  const jobs = options.jobs ?? 1;
  const plan = {
    files,
    stats,
    fingerprint: fingerprintOf(stats.values()),
    cacheFile: options.cacheDir ? cacheFileFor(options.cacheDir, corpusKey(options)) : null,
    jobs,
    parallel: jobs > 1 && documentsGuess(files, stats) >= PARALLEL_MIN_DOCUMENTS && workersAvailable(),
  };
  options.onPlan?.(plan);
  return plan;
}

/** The file's key as it is now; undefined when it cannot be had. */
export function statOf(file: Pick<FoundFile, 'absPath'>): FileStat | undefined {
  try {
    const st = fs.statSync(file.absPath);
    return { absPath: file.absPath, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
  } catch {
    return undefined;
  }
}

/** True when the file's key is still `stat`: it was not written, touched or replaced since. */
export function unchanged(stat: FileStat): boolean {
  const now = statOf(stat);
  return (
    now !== undefined &&
    now.size === stat.size &&
    now.mtimeMs === stat.mtimeMs &&
    now.ctimeMs === stat.ctimeMs &&
    now.ino === stat.ino
  );
}

/** About how many documents the files hold: one a file that is one document, a guess from its size for records. */
function documentsGuess(files: readonly FoundFile[], stats: Map<FoundFile, FileStat | undefined>): number {
  let n = 0;
  for (const file of files) {
    const reader = readerFor(formatOf(file.relPath));
    n += reader.holds === 'records' ? Math.ceil((stats.get(file)?.size ?? 0) / reader.recordBytesGuess) : 1;
  }
  return n;
}

/** What names a corpus for the cache: its inputs, resolved, and the options that change the walk. */
function corpusKey(options: CorpusOptions): unknown {
  return {
    inputs: effectiveInputs(options.inputs).map((i) => path.resolve(options.cwd, i.given)),
    hidden: options.hidden ?? false,
    follow: options.follow ?? false,
    globs: options.globs ?? [],
    // Only with --no-ignore, as with --type.
    ...(options.noIgnore ? { noIgnore: true } : {}),
    // Only with --type: a run without keeps the key it had.
    ...(options.formats ? { formats: [...options.formats].sort() } : {}),
  };
}
