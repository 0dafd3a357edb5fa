// Gzipped documents, read through zlib, which is loaded when the first one is met: most corpora
// have none, and loading zlib costs every start (and every worker's) a couple of milliseconds.
// Inflating stops at the size limit (a bomb costs that much memory, not what it would inflate to),
// and damaged data is described by where it stops.

import { constants as bufferConstants } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Gunzip } from 'node:zlib';
import { TooBigError } from './limits.js';

const require = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;
const load = (): typeof import('node:zlib') => (zlib ??= require('node:zlib') as typeof import('node:zlib'));

/** Compressed files up to this size are searched for the end of their good data when damaged. */
const RECOVERABLE_BYTES = 8 * 1024 * 1024;

const outputLimit = (limit: number): number => Math.min(Math.max(limit, 1), bufferConstants.MAX_LENGTH);

/** The code zlib gives an error: `Z_BUF_ERROR` for data cut short, `Z_DATA_ERROR` for damage. */
const codeOf = (err: unknown): unknown => (err as NodeJS.ErrnoException | undefined)?.code;

/**
 * The decompressed bytes of a gzipped file, at most `limit` of them: past it, a
 * {@link TooBigError}. Damaged data is an error that says where it stops ({@link gzipDamage}).
 */
export function gunzipSync(bytes: Buffer, limit: number): Buffer {
  try {
    return load().gunzipSync(bytes, { maxOutputLength: outputLimit(limit) });
  } catch (err) {
    if (codeOf(err) === 'ERR_BUFFER_TOO_LARGE') throw new TooBigError(limit);
    const damage = gzipDamage(err, bytes.length);
    throw damage === null ? err : new Error(`${damage}, skipped`);
  }
}

/**
 * What damaged gzip data is told, from zlib's error: cut short (`unexpected end of file`), or
 * damaged (garbage after a member, a bad block) after `at` compressed bytes; null for any other error.
 */
export function gzipDamage(err: unknown, at: number): string | null {
  const code = codeOf(err);
  const why = err instanceof Error ? err.message : String(err);
  if (code === 'Z_BUF_ERROR') return `gzip data cut short after ${at} bytes (${why})`;
  if (code === 'Z_DATA_ERROR') return `gzip data damaged within its first ${at} bytes (${why})`;
  return null;
}

/**
 * The bytes of the longest good start of damaged gzip data (a member followed by garbage, say),
 * with where its good part ends and whether it is whole members; null when the data is too big to
 * search, or nothing is good.
 * Each try inflates a prefix, at most `limit` bytes of output: done only once a file failed.
 */
export function recoverGzip(bytes: Buffer, limit: number): { bytes: Buffer; end: number; complete: boolean } | null {
  if (bytes.length > RECOVERABLE_BYTES) return null;
  const z = load();
  const options = { finishFlush: z.constants.Z_SYNC_FLUSH, maxOutputLength: outputLimit(limit) };
  const inflate = (end: number): Buffer | null => {
    try {
      return z.gunzipSync(bytes.subarray(0, end), options);
    } catch {
      return null;
    }
  };
  // A prefix ending before the damage inflates (data cut short is allowed by the flush); one
  // ending past it does not.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (inflate(mid) === null) bad = mid;
    else good = mid;
  }
  const out = good > 0 ? inflate(good) : null;
  if (out === null || out.length === 0) return null;
  // Complete when the good start is whole members (garbage followed them): its last line, even
  // without a line end, is then whole too; a stream cut short ends in a piece of a line.
  let complete = true;
  try {
    z.gunzipSync(bytes.subarray(0, good), { maxOutputLength: outputLimit(limit) });
  } catch {
    complete = false;
  }
  return { bytes: out, end: good, complete };
}

/** A stream that decompresses gzip. */
export function createGunzip(options?: import('node:zlib').ZlibOptions): Gunzip {
  return load().createGunzip(options);
}
