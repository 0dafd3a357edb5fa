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
 * The (decompressed) chunks of a file. When reading fails, `fail` is told why after the chunks
 * read until then: compressed data cut short or damaged keeps what came before the damage.
 */
export async function* recordChunks(file: FoundFile, fail: (why: string) => void): AsyncGenerator<Buffer> {
  const source = fs.createReadStream(fsPath(file.absPath), { highWaterMark: RECORD_CHUNK });
  const compression = compressionOf(file.relPath);
  const failures: unknown[] = [];
  source.on('error', (err) => failures.push(err));
  // The limit bounds a record, not the file: a decompressed stream is as long as it is.
  const input: AsyncIterable<Buffer> =
    compression === null ? source : decompressedChunks(source, compression, RECORD_CHUNK, maxFileSize());
  try {
    for await (const chunk of input) yield chunk;
  } catch (err) {
    failures.push(err);
  } finally {
    // Also when the reader stops early: the file is closed, not left to the end of the run.
    source.destroy();
  }
  if (failures.length === 0) return;
  const err = failures[0];
  const damage = damagedData(err);
  if (damage === null) return fail(describeError(err));
  const why = err instanceof Error ? err.message : String(err);
  fail(`compressed data ${damage} (${why}): the records before it kept`);
}
