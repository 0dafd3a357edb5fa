// The bytes of a file of records that is parsed as one stream (CSV, TSV, JSON), a chunk at a
// time, decompressed when its name says so (compression.ts): a 2 GB file never sits in memory. What went wrong
// reading it is told once, after the chunks read until then.

import fs from 'node:fs';
import { damagedData, decompressedChunks } from '../compression.js';
import { compressionOf } from '../file-kinds.js';
import { fsPath } from '../file-names.js';
import { maxFileSize } from '../limits.js';
import { describeError } from '../fs-errors.js';
import type { FoundFile } from '../walk.js';

/** Bytes read from a file of records at a time. */
export const RECORD_CHUNK = 1 << 20;

/**
 * The (decompressed) chunks of a file, read {@link RECORD_CHUNK} bytes at a time; throws the
 * first error reading or decompressing it, after the chunks read until then. The file is closed
 * either way, also when the reader stops early.
 */
export async function* fileChunks(file: FoundFile): AsyncGenerator<Buffer> {
  const source = fs.createReadStream(fsPath(file.absPath), { highWaterMark: RECORD_CHUNK });
  const compression = compressionOf(file.relPath);
  // The file's own error first: a decompressor fed by it may report only its own.
  let sourceError: unknown = null;
  source.on('error', (err) => (sourceError ??= err));
  // The limit bounds a record, not the file: a decompressed stream is as long as it is.
  const input: AsyncIterable<Buffer> =
    compression === null ? source : decompressedChunks(source, compression, RECORD_CHUNK, maxFileSize());
  try {
    for await (const chunk of input) yield chunk;
  } catch (err) {
    throw sourceError ?? err;
  } finally {
    source.destroy();
  }
  if (sourceError !== null) throw sourceError;
}

/**
 * The (decompressed) chunks of a file. When reading fails, `fail` is told why after the chunks
 * read until then: compressed data cut short or damaged keeps what came before the damage.
 */
export async function* recordChunks(file: FoundFile, fail: (why: string) => void): AsyncGenerator<Buffer> {
  try {
    yield* fileChunks(file);
  } catch (err) {
    const damage = damagedData(err);
    if (damage === null) return fail(describeError(err));
    const why = err instanceof Error ? err.message : String(err);
    fail(`compressed data ${damage} (${why}): the records before it kept`);
  }
}
