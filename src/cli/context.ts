// Turns parsed options, the environment and stdin into what core needs: the corpus inputs,
// the filter, the warning sink, the output format and colours.

import os from 'node:os';
import type { ChalkInstance } from 'chalk';
import { buildFilter, FilterError } from '../core/filter.js';
import type { CorpusOptions } from '../core/analyse/corpus-options.js';
import type { CorpusRun } from '../core/input/corpus-files.js';
import { DEFAULT_MAX_FILE_SIZE, parseSize, setMaxFileSize } from '../core/input/limits.js';
import type { WalkInput } from '../core/input/walk.js';
import { paint, useColor } from '../format/color.js';
import type { OutputFormat } from '../format/formats.js';
import { visible } from '../format/sanitize.js';
import { CorpusError, EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { progressBar } from './progress.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from './options.js';

/** A corpus to read and what came of reading it. */
export interface CorpusContext {
  options: CorpusOptions;
  run: CorpusRun;
  /** How many per-document warnings were printed. */
  warnings: { count: number };
}

/** Where output goes and how it looks. */
export interface OutputContext {
  format: OutputFormat;
  color: boolean;
  chalk: ChalkInstance;
}

async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Prints a per-document warning in the one shape docs/spec.md §4 gives. */
export function warner(io: Io, counter: { count: number }): (where: string, why: string) => void {
  return (where, why) => {
    counter.count++;
    const text = io.stderr.isTTY ? visible(`${where}: ${why}`) : `${where}: ${why}`;
    io.stderr.write(`corpus: warning: ${text}\n`).catch(() => {});
  };
}

/**
 * The corpus the user named: positional paths (`-` reads paths from stdin), `--corpus`, or
 * else CORPUS_PATH; with none of them, the bundled seeds.
 */
export async function corpusContext(paths: string[], flags: CorpusFlags & FilterFlags, io: Io): Promise<CorpusContext> {
  const given: WalkInput[] = [];
  for (const p of [...paths, ...(flags.corpus ?? [])]) {
    // Resolved, an empty path would be the current folder: read in full, unasked.
    if (p === '') throw new UsageError("'' is not a path: name a folder, a file or a glob");
    if (p === '-') {
      const text = await readStdin(io);
      const sep = flags.null ? '\0' : /\r?\n/;
      for (const line of text.split(sep)) if (line !== '') given.push({ given: line });
    } else given.push({ given: p });
  }
  if (given.length === 0 && paths.length === 0 && io.env.CORPUS_PATH) {
    for (const p of io.env.CORPUS_PATH.split(':')) if (p !== '') given.push({ given: p });
  }
  if (paths.includes('-') && given.length === 0) throw new CorpusError('no paths on standard input');
  let filter;
  try {
    filter = await buildFilter(flags);
  } catch (err) {
    if (err instanceof FilterError) throw new UsageError(err.message);
    throw err;
  }
  for (const glob of flags.glob ?? [])
    if (glob.replace(/^!/, '') === '')
      throw new UsageError(`--glob takes a pattern such as '*.md' or '!drafts/**', not '${glob}'`);
  const warnings = { count: 0 };
  const jobs = jobsFor(flags, io);
  setMaxFileSize(maxFileSizeOf(flags));
  const { defaultCacheDir } = await import('../core/cache/directory.js');
  return {
    options: {
      cacheDir: flags.cache === false ? null : defaultCacheDir(io.env, os.homedir()),
      jobs,
      onProgress: progressBar(io),
      inputs: given,
      cwd: io.cwd,
      hidden: flags.hidden ?? false,
      follow: flags.follow ?? false,
      globs: flags.glob ?? [],
      filter,
      onWarning: warner(io, warnings),
      backpressure: () => io.stderr.drained?.() ?? null,
    },
    run: { missing: [] },
    warnings,
  };
}

/**
 * The threads a run uses: `--jobs`, at most the cores available (more only add memory and
 * contention: `--jobs 1000` held 10 GB and printed nothing in 8 minutes), else all the cores.
 * `CORPUS_MAX_JOBS` sets the cap instead, for tests of three jobs on a machine of two cores.
 */
function jobsFor(flags: CorpusFlags, io: Io): number {
  const cores = os.availableParallelism();
  if (flags.jobs === undefined) return cores;
  const asked = wholeNumber('--jobs', flags.jobs, 1);
  const most = io.env.CORPUS_MAX_JOBS ? wholeNumber('CORPUS_MAX_JOBS', io.env.CORPUS_MAX_JOBS, 1) : cores;
  if (asked <= most) return asked;
  const available = most === 1 ? '1 core' : `${most} cores`;
  io.stderr
    .write(`corpus: warning: --jobs ${asked} is more than the ${available} available; using ${most}\n`)
    .catch(() => {});
  return most;
}

/** `--max-filesize` in bytes (K, M, G suffixes), else the default: every run sets it, once. */
function maxFileSizeOf(flags: CorpusFlags): number {
  if (flags.maxFilesize === undefined) return DEFAULT_MAX_FILE_SIZE;
  const bytes = parseSize(flags.maxFilesize);
  if (bytes === null)
    throw new UsageError(
      `--max-filesize takes a size in bytes, optionally with K, M or G (512K, 256M, 2G), not '${flags.maxFilesize}'`,
    );
  return bytes;
}

/** The format and colours: `--json`, `--format`, else a table on a terminal and TSV in a pipe. */
export function outputContext(flags: OutputFlags, io: Io): OutputContext {
  const format: OutputFormat = flags.json
    ? 'json'
    : ((flags.format as OutputFormat | undefined) ?? (io.stdout.isTTY ? 'table' : 'tsv'));
  const color = useColor(flags.color, io.stdout.isTTY, io.env);
  return { format, color, chalk: paint(color) };
}

/**
 * The exit status once a command has run: its own (0 results, 1 none), raised to 2 when a
 * named input was missing, or when `--strict` and some document could not be read.
 */
export function finalStatus(status: number, corpus: CorpusContext, flags: CorpusFlags): number {
  if (corpus.run.missing.length > 0) return EXIT.error;
  if (flags.strict && corpus.warnings.count > 0) return EXIT.error;
  return status;
}

/** Loads the analysis: not at start-up, since `--version` and `--help` need none of it. */
export async function loadAnalysis(): Promise<typeof import('../core/analyse/analyse-corpus.js')> {
  return import('../core/analyse/analyse-corpus.js');
}
