// What `show --raw` prints of a document: the source as it came (docs/spec.md §5), not the text
// the tool made of it. A file is read again, its bytes as they are (decompressed); a record with
// a source of its own (a WARC record's HTML page) gives it; any other record, its text as decoded.

import { decodeAs } from './decode.js';
import { readFileBytes } from './formats/text.js';
import type { FoundFile } from './walk.js';
import type { Encoding, WarningHandler } from '../types.js';

/** A document's source: its bytes, when it is a file, and always as text (decoded as its record says). */
export interface RawSource {
  bytes?: Buffer;
  text: string;
}

/** The source of a document; null (with a warning) when its file cannot be read again. */
export function rawSource(
  d: { file?: FoundFile; raw?: string; text: string; record: { encoding: Encoding } },
  warn: WarningHandler,
): RawSource | null {
  if (d.file !== undefined) {
    const bytes = readFileBytes(d.file, warn);
    if (bytes === null) return null;
    return { bytes, text: decodeAs(bytes, d.record.encoding) };
  }
  return { text: d.raw ?? d.text };
}
