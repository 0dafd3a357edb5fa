// Plain text and Markdown: a file is one document, its bytes decoded whole (docs/spec.md §1),
// gzipped or not. A file with a NUL byte near its start is not text.

import fs from 'node:fs';
import { decode, isBinary } from '../decode.js';
import { isGzip } from '../file-kinds.js';
import { gunzipSync } from '../gzip.js';
import { describeError, type FoundFile } from '../walk.js';
import type { DocumentFormat, FileText } from './format-reader.js';
import type { WarningHandler } from '../../types.js';

/** What a file with a NUL byte near its start is told: it is not text. */
export const BINARY_WARNING = 'binary file (NUL byte in the first 8 KiB), skipped';

/**
 * The decoded text of a text file: null (with a warning) when it cannot be read or is binary;
 * `'skipped'` when `wantBytes`, asked with its raw (decompressed) bytes, says no.
 */
export function readTextFile(
  file: FoundFile,
  warn: WarningHandler,
  wantBytes?: (bytes: Buffer) => boolean,
): FileText | null | 'skipped' {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absPath);
    if (isGzip(file.relPath)) bytes = gunzipSync(bytes);
  } catch (err) {
    warn(file.displayPath, describeError(err));
    return null;
  }
  if (isBinary(bytes)) {
    warn(file.displayPath, BINARY_WARNING);
    return null;
  }
  if (wantBytes && !wantBytes(bytes)) return 'skipped';
  const decoded = decode(bytes);
  return { bytes: bytes.length, encoding: decoded.encoding, text: decoded.text };
}

/** The reader of text and Markdown files. */
export const textFormat: DocumentFormat = { holds: 'document', read: readTextFile };
