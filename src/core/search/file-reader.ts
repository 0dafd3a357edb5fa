// Whole files read into one reused buffer, for the grep of many small files: no stat and no buffer
// per file, the size limit checked only when a file outgrows the buffer.

import fs from 'node:fs';
import { fsPath } from '../input/file-names.js';
import { maxFileSize, TooBigError } from '../input/limits.js';

/** A read buffer bigger than this is dropped before the next file. */
const BIG_BUFFER = 64 << 20;

/**
 * Reads whole files into one buffer, grown when a file is bigger: no stat, no buffer per file,
 * but for a file bigger than the buffer, whose size is checked against the limit before it grows.
 */
export class FileReader {
  private buf = Buffer.allocUnsafe(1 << 16);

  /** The file's bytes, at most `limit` of them (else a TooBigError): a view valid until the next call. */
  read(absPath: string, limit: number = maxFileSize()): Buffer {
    // A buffer grown for a giant is not kept for the files after it.
    if (this.buf.length > BIG_BUFFER) this.buf = Buffer.allocUnsafe(1 << 16);
    const fd = fs.openSync(fsPath(absPath), 'r');
    try {
      let n = 0;
      for (;;) {
        if (n === this.buf.length) {
          // A pipe has no size: its bytes read so far tell.
          if (n > limit || fs.fstatSync(fd).size > limit) throw new TooBigError(limit);
          const bigger = Buffer.allocUnsafe(Math.min(this.buf.length * 2, limit + 1));
          this.buf.copy(bigger, 0, 0, n);
          this.buf = bigger;
        }
        // A read takes at most 1 GiB (its length is a 32-bit integer).
        const want = Math.min(this.buf.length - n, 1 << 30);
        const got = fs.readSync(fd, this.buf, n, want, null);
        n += got;
        // A regular file reads short only at its end: no second call to learn that.
        if (got < want) break;
      }
      if (n > limit) throw new TooBigError(limit);
      return this.buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  }
}
