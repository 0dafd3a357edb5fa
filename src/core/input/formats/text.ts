// Plain text and Markdown: a file is one document, its bytes decoded whole (docs/spec.md §1),
// compressed or not, up to the size limit (`--max-filesize`). A file with a NUL byte near its start
// is not text.

import { decode, isBinary } from '../decode.js';
import { decompressSync } from '../compression.js';
import { compressionOf } from '../file-kinds.js';
import { maxFileSize } from '../limits.js';
import { readWhole } from '../read-file.js';
import { describeError } from '../fs-errors.js';
import type { FoundFile } from '../walk.js';
import type { DocumentFormat, FileText } from './format-reader.js';
import type { WarningHandler } from '../../types.js';

/** What a file with a NUL byte near its start is told: it is not text. */
export const BINARY_WARNING = 'binary file (NUL byte in the first 8 KiB), skipped';

/**
 * The decoded text of a text file: null (with a warning) when it cannot be read, is bigger than
 * the size limit (decompressed), is damaged compressed data, is binary or cannot be decoded; `'skipped'`
 * when `wantBytes`, asked with its raw (decompressed) bytes, says no.
 */
export function readTextFile(
  file: FoundFile,
  warn: WarningHandler,
  wantBytes?: (bytes: Buffer) => boolean,
): FileText | null | 'skipped' {
  let bytes: Buffer;
  const limit = maxFileSize();
  try {
    bytes = readWhole(file.absPath, limit);
    const compression = compressionOf(file.relPath);
    if (compression) bytes = decompressSync(bytes, compression, limit);
  } catch (err) {
    warn(file.displayPath, describeError(err));
    return null;
  }
  if (isBinary(bytes)) {
    warn(file.displayPath, BINARY_WARNING);
    return null;
  }
  if (wantBytes && !wantBytes(bytes)) return 'skipped';
  try {
    const decoded = decode(bytes);
    const read: FileText = { bytes: bytes.length, encoding: decoded.encoding, text: decoded.text };
    // Only when set: the records of most files are unchanged.
    if (decoded.fallback) read.encodingFallback = true;
    return read;
  } catch (err) {
    // A limit raised past what one string can hold (about 512 M characters).
    warn(file.displayPath, `${describeError(err)}, skipped`);
    return null;
  }
}

/** The reader of text and Markdown files. */
export const textFormat: DocumentFormat = { holds: 'document', read: readTextFile };
