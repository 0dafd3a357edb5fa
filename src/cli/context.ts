// Turns parsed options, the environment and stdin into what core needs: the corpus inputs,
// the filter, the warning sink, the output format and colours.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { buildFilter, FilterError } from '../core/filter.js';
import type { CorpusOptions } from '../core/analyse/corpus-options.js';
import type { CorpusRun } from '../core/input/corpus-files.js';
import { FORMAT_NAMES, formatGlobs, selectFormats, UnknownTypeError } from '../core/input/file-kinds.js';
import { skippedByKind } from '../core/input/skipped-files.js';
import { parseShard, ShardError, type Shard } from '../core/input/shard.js';
import { canonicalEncoding, ENCODINGS, setEncodingOption } from '../core/input/charset.js';
import { DEFAULT_MAX_FILE_SIZE, parseSize, setMaxFileSize } from '../core/input/limits.js';
import { setFieldChoice, type FieldChoice } from '../core/input/formats/fields.js';
import type { DocFormat, Encoding } from '../core/types.js';
import type { WalkInput } from '../core/input/walk.js';
import { defaultCorpus, ProjectFileError, type DefaultCorpus } from '../core/input/project-file.js';
import { paint, useColor, type ColorChoice } from '../format/color.js';
import type { OutputFormat } from '../format/formats.js';
import { visible } from '../format/sanitize.js';
import { CorpusError, EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { progressBar, type ProgressBar } from './progress.js';
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

/**
 * Prints a per-document warning in the one shape docs/spec.md §4 gives; with a progress bar
 * shown, above it (the bar's line cleared, the bar drawn again below the warning).
 */
export function warner(io: Io, counter: { count: number }, bar?: ProgressBar): (where: string, why: string) => void {
  return (where, why) => {
    counter.count++;
    const text = io.stderr.isTTY ? visible(`${where}: ${why}`) : `${where}: ${why}`;
    const line = `corpus: warning: ${text}\n`;
    if (bar) bar.above(line);
    else io.stderr.write(line).catch(() => {});
  };
}

/**
 * The corpus the user named: positional paths (`-` reads paths from stdin) and `--corpus`; with
 * none of them, the default corpus (docs/spec.md §1): the nearest project file's paths, else
 * CORPUS_PATH, else the current folder, said in one dim line on a terminal.
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
  if (paths.includes('-') && given.length === 0) throw new CorpusError('no paths on standard input');
  if (flags.stdinDocs) {
    if (paths.includes('-'))
      throw new UsageError('- reads paths from standard input, --stdin-docs documents: not both');
    given.push(await stdinDocuments(io));
  }
  // The default corpus is said once the flags are found valid: an error comes alone.
  const fallback = given.length === 0 ? defaultInputs(io, (flags as { color?: ColorChoice }).color ?? 'auto') : null;
  if (fallback) given.push(...fallback.inputs);
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
  const shard = shardOf(flags);
  const warnings = { count: 0 };
  const formats = formatsOf(flags);
  const jobs = jobsFor(flags, io);
  setMaxFileSize(maxFileSizeOf(flags));
  const encoding = encodingOf(flags);
  setEncodingOption(encoding);
  const fields = fieldChoiceOf(flags);
  setFieldChoice(fields);
  const { defaultCacheDir } = await import('../core/cache/directory.js');
  if (fallback) await fallback.say();
  // One bar a run: warnings are written above it.
  const bar = progressBar(io);
  return {
    options: {
      // The cache holds the records of the files as detected: a forced encoding reads past it.
      // So does a record's field chosen by name.
      // Documents from standard input are a new corpus every run: nothing to cache.
      cacheDir:
        flags.cache === false || flags.stdinDocs || encoding !== null || Object.keys(fields).length > 0
          ? null
          : defaultCacheDir(io.env, os.homedir()),
      jobs,
      onProgress: bar?.update,
      inputs: given,
      cwd: io.cwd,
      hidden: flags.hidden ?? false,
      follow: flags.follow ?? false,
      noIgnore: flags.ignore === false,
      globs: flags.glob ?? [],
      formats,
      filter,
      // Looked for when filtered by; a command that shows flags asks for them itself (list, summarise).
      nearDuplicates: (flags.flag ?? '').split(',').some((name) => name.trim() === 'near-duplicate'),
      onWarning: warner(io, warnings, bar),
      backpressure: () => io.stderr.drained?.() ?? null,
      shard,
    },
    run: { missing: [], skipped: new Map() },
    warnings,
  };
}

/**
 * `--stdin-docs`: the JSON Lines documents of standard input, copied as they come (a chunk at a
 * time, never whole in memory) into a temporary `stdin.jsonl`, removed at exit; shown as `stdin`.
 */
async function stdinDocuments(io: Io): Promise<WalkInput> {
  const { removeAtExit } = await import('../core/cache/temp-files.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corpus-stdin-${process.pid}-`));
  removeAtExit(dir);
  const file = path.join(dir, 'stdin.jsonl');
  const fd = fs.openSync(file, 'w');
  try {
    for await (const chunk of io.stdin)
      fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } finally {
    fs.closeSync(fd);
  }
  return { given: file, shown: 'stdin' };
}

/** The run's shard (docs/spec.md §1, `--shard i/n`); null for the whole corpus. */
function shardOf(flags: CorpusFlags): Shard | null {
  if (flags.shard === undefined) return null;
  try {
    return parseShard(flags.shard);
  } catch (err) {
    if (err instanceof ShardError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * The corpus read when none is named, and how to say so on a terminal (`corpus: reading seeds/
 * (from /x/.corpus.json)`), so that nobody searches the wrong folder unawares; never in a pipe.
 */
function defaultInputs(io: Io, color: ColorChoice): { inputs: WalkInput[]; say: () => Promise<void> } {
  let chosen: DefaultCorpus;
  try {
    chosen = defaultCorpus(io.cwd, io.env);
  } catch (err) {
    if (err instanceof ProjectFileError) throw new CorpusError(`project file ${err.message}`);
    throw err;
  }
  const say = async (): Promise<void> => {
    if (!io.stderr.isTTY) return;
    const shown = chosen.inputs.map((input) => shownInput(input, io.cwd)).join(', ');
    const from =
      chosen.source.kind === 'project-file'
        ? ` (from ${chosen.source.file})`
        : chosen.source.kind === 'env'
          ? ' (from CORPUS_PATH)'
          : ' (the current folder)';
    // Dim as the run's colour choice says (`--color never`: plain), for stderr, a terminal here.
    const chalk = paint(useColor(color, true, io.env));
    await io.stderr.write(`${chalk.dim(visible(`corpus: reading ${shown}${from}`))}\n`).catch(() => {});
  };
  return { inputs: chosen.inputs, say };
}

/** An input as the line above shows it: relative to the current folder, a folder with its `/`. */
function shownInput(input: WalkInput, cwd: string): string {
  const rel = input.implicit ? path.relative(cwd, input.given) || '.' : input.given;
  let folder = false;
  try {
    folder = fs.statSync(path.resolve(cwd, input.given)).isDirectory();
  } catch {
    // a glob, or a path that is missing: the walk says so
  }
  return folder && !rel.endsWith('/') ? `${rel}/` : rel;
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

/** `--text-field`, `--id-field`, `--title-field`, `--date-field`, those given: every run sets them, once. */
function fieldChoiceOf(flags: CorpusFlags): FieldChoice {
  const choice: FieldChoice = {};
  const given = { text: flags.textField, id: flags.idField, title: flags.titleField, date: flags.dateField };
  for (const [field, name] of Object.entries(given) as [keyof FieldChoice, string | undefined][]) {
    if (name === undefined) continue;
    if (name.trim() === '') throw new UsageError(`--${field}-field takes a field name, not an empty one`);
    choice[field] = name.trim();
  }
  return choice;
}

/** `--encoding` as a WHATWG name, null for `auto` (the default): every run sets it, once. */
function encodingOf(flags: CorpusFlags): Encoding | null {
  if (flags.encoding === undefined || flags.encoding.trim().toLowerCase() === 'auto') return null;
  const encoding = canonicalEncoding(flags.encoding);
  if (encoding === null)
    throw new UsageError(
      `--encoding takes auto or an encoding label (WHATWG: utf-8, latin1, cp1251…): ${['auto', ...ENCODINGS].join(', ')}; not '${flags.encoding}'`,
    );
  return encoding;
}

/** `--type` and `--type-not` as the formats a walk reads; null when neither is given. */
function formatsOf(flags: CorpusFlags): Set<DocFormat> | null {
  try {
    return selectFormats(flags.type, flags.typeNot);
  } catch (err) {
    if (err instanceof UnknownTypeError) throw new UsageError(err.message);
    throw err;
  }
}

/** `--type-list`: each format `--type` takes, with the files a walk reads as it, as ripgrep lists its types. */
export async function printTypeList(io: Io): Promise<number> {
  const lines = FORMAT_NAMES.map((name) => `${name}: ${formatGlobs(name).join(', ')}\n`);
  await io.stdout.write(lines.join(''));
  return EXIT.results;
}

/** Kinds of skipped files named on the line; the rest are `…`. */
const SKIPPED_KINDS_SHOWN = 3;

/**
 * Says, on stderr, how many files the walk found with no reader, by kind (`corpus: skipped 3 files
 * with no reader: 2 .pdf, 1 .docx`): nothing is left unread in silence. Not a warning about a
 * document, so not counted by `--strict`. Said once a run, at its end.
 */
export async function reportSkipped(corpus: CorpusContext, io: Io): Promise<void> {
  if (!corpus.run.skipped || corpus.run.skipped.size === 0) return;
  const { total, kinds } = skippedByKind(corpus.run.skipped);
  const shown = kinds
    .slice(0, SKIPPED_KINDS_SHOWN)
    .map(([kind, n]) => `${n} ${kind === '' ? 'without extension' : kind}`);
  if (kinds.length > SKIPPED_KINDS_SHOWN) shown.push('…');
  const line = `corpus: skipped ${total} ${total === 1 ? 'file' : 'files'} with no reader: ${shown.join(', ')}`;
  await io.stderr.write(`${io.stderr.isTTY ? visible(line) : line}\n`).catch(() => {});
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
