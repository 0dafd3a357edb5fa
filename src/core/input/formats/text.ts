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
import type { Encoding, WarningHandler } from '../../types.js';

/** What a file with a NUL byte near its start is told: it is not text. */
export const BINARY_WARNING = 'binary file (NUL byte in the first 8 KiB), skipped';

/**
 * A file's bytes, decompressed: null (with a warning) when it cannot be read, is bigger than the
 * size limit (decompressed), is damaged compressed data or is binary.
 */
export function readFileBytes(file: FoundFile, warn: WarningHandler): Buffer | null {
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
  return bytes;
}

/**
 * A file's bytes decoded (see decode.ts; `encoding` as there: one forced or declared), as a
 * FileText: null (with a warning) when they cannot be held in a string.
 */
export function decodeFile(
  file: FoundFile,
  bytes: Buffer,
  warn: WarningHandler,
  encoding?: Encoding | null,
): FileText | null {
  try {
    const decoded = encoding === undefined ? decode(bytes) : decode(bytes, encoding);
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

/**
 * The decoded text of a text file: null (with a warning) when it cannot be read (see
 * {@link readFileBytes}) or decoded; `'skipped'` when `wantBytes`, asked with its raw
 * (decompressed) bytes, says no.
 */
export function readTextFile(
  file: FoundFile,
  warn: WarningHandler,
  wantBytes?: (bytes: Buffer) => boolean,
): FileText | null | 'skipped' {
  const bytes = readFileBytes(file, warn);
  if (bytes === null) return null;
  if (wantBytes && !wantBytes(bytes)) return 'skipped';
  return decodeFile(file, bytes, warn);
}

/** The reader of text and Markdown files. */
export const textFormat: DocumentFormat = { holds: 'document', read: readTextFile };
