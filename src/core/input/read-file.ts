// A whole file's bytes, read up to the size limit and no further: a regular file bigger than the
// limit is refused on its size before a byte is read (a sparse giant costs nothing), anything
// else (a device, a pipe) is read until it ends or passes the limit.

import fs from 'node:fs';
import { fsPath } from './file-names.js';
import { TooBigError } from './limits.js';

/** Bytes read at a time from a file whose size is not known in advance. */
const CHUNK = 1 << 16;

/** The bytes of the file at `absPath`, at most `limit` of them: past it, a {@link TooBigError}. */
export function readWhole(absPath: string, limit: number): Buffer {
  const fd = fs.openSync(fsPath(absPath), 'r');
  try {
    const st = fs.fstatSync(fd);
    // A regular file of size 0 may still hold bytes (as in /proc): read it as a stream.
    if (!st.isFile() || st.size === 0) return readStream(fd, limit);
    if (st.size > limit) throw new TooBigError(limit);
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    // A read takes at most 1 GiB (its length is a 32-bit integer).
    for (let got; n < buf.length && (got = fs.readSync(fd, buf, n, Math.min(buf.length - n, 1 << 30), null)) > 0;)
      n += got;
    return n < buf.length ? buf.subarray(0, n) : buf;
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads until the end, or until more than `limit` bytes came. */
function readStream(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const got = fs.readSync(fd, chunk, 0, CHUNK, null);
    if (got === 0) break;
    total += got;
    if (total > limit) throw new TooBigError(limit);
    chunks.push(got < CHUNK ? chunk.subarray(0, got) : chunk);
  }
  return Buffer.concat(chunks, total);
}
