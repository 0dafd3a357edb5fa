// Gzipped documents, read through zlib, which is loaded when the first one is met: most corpora
// have none, and loading zlib costs every start (and every worker's) a couple of milliseconds.

import { createRequire } from 'node:module';
import type { Gunzip } from 'node:zlib';

const require = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;
const load = (): typeof import('node:zlib') => (zlib ??= require('node:zlib') as typeof import('node:zlib'));

/** The decompressed bytes of a gzipped file. */
export function gunzipSync(bytes: Buffer): Buffer {
  return load().gunzipSync(bytes);
}

/** A stream that decompresses gzip. */
export function createGunzip(options?: import('node:zlib').ZlibOptions): Gunzip {
  return load().createGunzip(options);
}
