// The file of a partial result (docs/partial-format.md): JSON Lines, one header line naming the
// format, its version, the corpus and the options, then the content, then one `end` line that
// says how many documents it holds (a file cut short has none). Written under a temporary name
// and renamed, so no half-written partial ever stands under the name asked for; read one line
// at a time, so that merging never holds a whole partial.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { PartialError } from '../errors.js';
import { CACHE_VERSION } from '../cache/file-format.js';
import { removeAtExit } from '../cache/temp-files.js';
import type { FoundFile } from '../input/walk.js';

/** The name in every partial's header line. */
export const PARTIAL_FORMAT = 'corpus-partial';
/** The version of the format: a partial of another version is refused. */
export const PARTIAL_VERSION = 1;

/** What a partial holds: a summary's counts (`summarise --partial`), or edge-line counts (`--count-lines`). */
export type PartialKind = 'summary' | 'lines';

/** A partial's first line. */
export interface PartialHeader {
  format: typeof PARTIAL_FORMAT;
  version: number;
  kind: PartialKind;
  /** The analysis that made it: partials of different analyses do not merge. */
  analysis: string;
  /** The corpus: how many files, and a digest of their paths and sizes, in walk order. */
  corpus: { files: number; digest: string };
  /** The options that shape the result, as given (every partial of a merge must have the same). */
  options: Record<string, unknown>;
  /** The shards it holds (1-based), of `of`; none, of 0, for a piece of a stream (`--stdin-docs`). */
  shards: number[];
  of: number;
}

/**
 * A digest of the corpus: its files' paths (relative, as ids are) and sizes, in walk order. Not
 * their times or inodes, which differ between two copies of the same corpus on two machines.
 */
export function corpusDigest(
  files: readonly FoundFile[],
  stats: ReadonlyMap<FoundFile, { size: number } | undefined>,
): PartialHeader['corpus'] {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.relPath}\0${stats.get(file)?.size ?? -1}\n`);
  return { files: files.length, digest: hash.digest('hex').slice(0, 32) };
}

/** A header for a new partial. */
export function partialHeader(
  kind: PartialKind,
  corpus: PartialHeader['corpus'],
  options: Record<string, unknown>,
  shards: number[],
  of: number,
): PartialHeader {
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    kind,
    analysis: CACHE_VERSION,
    corpus,
    options,
    shards,
    of,
  };
}

/** Where a partial goes: a file (written aside, renamed at the end) or standard output. */
export interface PartialSink {
  write(line: string): Promise<void>;
  /** The end: the file renamed into place. */
  close(): Promise<void>;
  /** A failed run: the file removed. */
  abandon(): void;
}

/**
 * Where `-o` sends a partial: `-` to `write` (standard output, a stream for Spark's `RDD.pipe`
 * or Hadoop Streaming), else the file ({@link fileSink}).
 */
export function partialSink(target: string, write: (text: string) => Promise<unknown>): PartialSink {
  if (target !== '-') return fileSink(target);
  return { write: async (line) => void (await write(`${line}\n`)), close: async () => {}, abandon: () => {} };
}

/** Writes lines to a file, under a temporary name until {@link PartialSink.close}. */
export function fileSink(target: string): PartialSink {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'w');
  let buffer: string[] = [];
  let size = 0;
  // A `.gz` target is written a gzip member a chunk (members one after the other are one gzip stream).
  const gzip = target.endsWith('.gz');
  const flush = () => {
    if (buffer.length === 0) return;
    const text = buffer.join('');
    if (gzip) fs.writeSync(fd, zlib.gzipSync(text));
    else fs.writeSync(fd, text);
    buffer = [];
    size = 0;
  };
  return {
    write: async (line) => {
      buffer.push(line, '\n');
      size += line.length;
      if (size > 1 << 20) flush();
    },
    close: async () => {
      flush();
      fs.closeSync(fd);
      fs.renameSync(temp, target);
    },
    abandon: () => {
      try {
        fs.closeSync(fd);
      } catch {
        /* closed */
      }
      fs.rmSync(temp, { force: true });
    },
  };
}

/** One line of a partial, parsed, with where it is for an error. */
export interface PartialLine {
  value: Record<string, unknown>;
  lineNo: number;
}

/**
 * Reads a partial: its header (checked), then its lines one at a time. A gzip-compressed file
 * (`.gz`) is read through gunzip. Every problem is a {@link PartialError} naming the file.
 */
export async function openPartial(
  file: string,
): Promise<{ header: PartialHeader; lines: () => AsyncGenerator<PartialLine> }> {
  // The header alone: the reader is closed at once (a merge of a thousand partials opens each
  // several times, and a reader left suspended would hold its file open).
  const reader = readLines(file);
  const first = await reader.next();
  await reader.return(undefined);
  if (first.done) throw new PartialError(`${file}: empty, not a corpus partial`);
  const header = checkHeader(file, first.value.value);
  async function* lines(): AsyncGenerator<PartialLine> {
    let ended = false;
    for await (const line of readLines(file)) {
      if (line.lineNo === 1) continue;
      if (ended) throw new PartialError(`${file}:${line.lineNo}: a line after the end line`);
      if ('end' in line.value) ended = true;
      yield line;
    }
    if (!ended) throw new PartialError(`${file}: cut short (no end line): was it written to the end?`);
  }
  return { header, lines };
}

/** Pipes read once into a temporary file, by the name given: a partial is read more than once. */
const spooled = new Map<string, string>();

/**
 * The path to read a partial from: the file itself, or, for a pipe (`/dev/stdin`, `<(…)`), a
 * temporary copy of it made once (removed at exit).
 */
function readablePath(file: string): string {
  const done = spooled.get(file);
  if (done !== undefined) return done;
  if (fs.statSync(file).isFile()) return file;
  const temp = path.join(
    os.tmpdir(),
    `corpus-partial-${process.pid}-${spooled.size}${file.endsWith('.gz') ? '.gz' : ''}`,
  );
  removeAtExit(temp);
  // Copied a chunk at a time: a partial may be bigger than memory would like.
  const from = fs.openSync(file, 'r');
  const to = fs.openSync(temp, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (let n; (n = readSome(from, chunk)) > 0;) fs.writeSync(to, chunk, 0, n);
  } finally {
    fs.closeSync(from);
    fs.closeSync(to);
  }
  spooled.set(file, temp);
  return temp;
}

/** Reads what a pipe has (0 at its end), waiting while it is empty but open. */
function readSome(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(fd, buffer, 0, buffer.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

async function* readLines(file: string): AsyncGenerator<PartialLine> {
  let source: fs.ReadStream;
  try {
    source = fs.createReadStream(readablePath(file));
  } catch (err) {
    throw new PartialError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const stream: NodeJS.ReadableStream = file.endsWith('.gz') ? source.pipe(zlib.createGunzip()) : source;
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const text of rl) {
      lineNo++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new PartialError(
          lineNo === 1 ? `${file}: not a corpus partial (its first line is no JSON)` : `${file}:${lineNo}: not JSON`,
        );
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new PartialError(`${file}:${lineNo}: not a corpus partial line`);
      yield { value: value as Record<string, unknown>, lineNo };
    }
  } catch (err) {
    if (err instanceof PartialError) throw err;
    throw new PartialError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  } finally {
    // Stopped early (the header read, a merge's documents taken): the file is closed now.
    rl.close();
    source.destroy();
  }
}

function checkHeader(file: string, value: Record<string, unknown>): PartialHeader {
  if (value.format !== PARTIAL_FORMAT)
    throw new PartialError(`${file}: not a corpus partial (no '${PARTIAL_FORMAT}' header)`);
  if (value.version !== PARTIAL_VERSION)
    throw new PartialError(
      `${file}: a partial of format version ${String(value.version)}; this corpus reads version ${PARTIAL_VERSION}`,
    );
  const h = value as unknown as PartialHeader;
  if (h.kind !== 'summary' && h.kind !== 'lines')
    throw new PartialError(`${file}: a partial of unknown kind '${String(h.kind)}'`);
  if (
    !Array.isArray(h.shards) ||
    !Number.isSafeInteger(h.of) ||
    h.shards.some((s) => !Number.isSafeInteger(s) || s < 1 || s > h.of) ||
    typeof h.corpus?.digest !== 'string'
  )
    throw new PartialError(`${file}: a damaged partial header`);
  return h;
}

/**
 * Checks that partials go together: same kind, analysis, corpus and options, shards of the same
 * count, none twice. Returns the shards they hold, sorted.
 */
export function checkTogether(partials: readonly { file: string; header: PartialHeader }[]): number[] {
  const [first, ...rest] = partials;
  if (!first) throw new PartialError('no partial to merge');
  const seen = new Map<number, string>();
  for (const p of partials) {
    const h = p.header;
    const differs = (what: string) =>
      new PartialError(`${p.file}: ${what} differs from ${first.file}'s: partials of one run only merge together`);
    if (h.kind !== first.header.kind) throw differs(`its kind (${h.kind})`);
    if (h.analysis !== first.header.analysis)
      throw new PartialError(
        `${p.file}: made by analysis ${h.analysis}, ${first.file} by ${first.header.analysis}: run every shard with the same corpus version`,
      );
    if (h.corpus.digest !== first.header.corpus.digest || h.corpus.files !== first.header.corpus.files)
      throw differs('its corpus');
    if (JSON.stringify(h.options) !== JSON.stringify(first.header.options)) throw differs('its options');
    if (h.of !== first.header.of) throw differs(h.of === 0 ? 'being a piece of a stream' : `its shard count (${h.of})`);
    for (const s of h.shards) {
      const other = seen.get(s);
      if (other !== undefined) throw new PartialError(`${p.file}: shard ${s}/${h.of} is also in ${other}`);
      seen.set(s, p.file);
    }
  }
  void rest;
  return [...seen.keys()].sort((a, b) => a - b);
}
