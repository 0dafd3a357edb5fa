// Compressed documents, whatever the compression (gzip, zstd: see file-kinds.ts): decompressed
// whole up to the size limit, or as a stream of chunks, with damaged data told apart from other
// failures so that a reader keeps what came before it.

import type { Readable } from 'node:stream';
import type { Compression } from './file-kinds.js';
import { createGunzip, gunzipSync } from './gzip.js';
import { ZstdDamageError, zstdChunks, zstdDecompressSync } from './zstd.js';

/**
 * The decompressed bytes of a compressed file, at most `limit` of them: past it, a
 * {@link TooBigError}; damaged data is an error that says where it stops.
 */
export function decompressSync(bytes: Buffer, compression: Compression, limit: number): Buffer {
  if (compression === 'gzip') return gunzipSync(bytes, limit);
  try {
    return zstdDecompressSync(bytes, limit);
  } catch (err) {
    throw err instanceof ZstdDamageError ? new Error(`${err.describe()}, skipped`) : err;
  }
}

/**
 * The decompressed bytes of a file read as a stream, in chunks of about `chunkSize` bytes.
 * Reading fails on damaged data (see {@link damagedData}) once what came before it was given.
 */
export function decompressedChunks(
  source: Readable,
  compression: Compression,
  chunkSize: number,
  limit: number,
): AsyncIterable<Buffer> {
  if (compression === 'zstd') return zstdChunks(source as AsyncIterable<Buffer>, chunkSize, limit);
  const gunzip = createGunzip({ chunkSize });
  // A pipe does not pass on a read error: without this the chunks would wait for ever.
  source.on('error', (err) => gunzip.destroy(err));
  return source.pipe(gunzip);
}

/** How compressed data failed: cut short or damaged; null when the failure is not the data's. */
export function damagedData(err: unknown): 'cut short' | 'damaged' | null {
  if (err instanceof ZstdDamageError) return err.cutShort ? 'cut short' : 'damaged';
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'Z_BUF_ERROR' ? 'cut short' : code === 'Z_DATA_ERROR' ? 'damaged' : null;
}
