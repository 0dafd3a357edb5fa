// JSON Lines (`.jsonl`, `.ndjson`): a file holds a record a line, each a document with its text
// and its metadata in its fields (`text`, `title` … or those chosen: fields.ts; the others kept
// as `extra`). A file is streamed a chunk at a time, decoded to UTF-8 in its charset
// (stream-decode.ts) and cut into lines on its bytes, so a 2 GB file never sits in memory; a
// line longer than the size limit is dropped as it comes.

import fs from 'node:fs';
import { byteLines, linesOf, OVERSIZE_LINE } from '../byte-lines.js';
import { compressionOf } from '../file-kinds.js';
import { fsPath } from '../file-names.js';
import { damagedData } from '../compression.js';
import { recoverGzip } from '../gzip.js';
import { claimRecordId, fileId, type IdRegistry } from '../ids.js';
import { LineWarnings } from '../line-warnings.js';
import { maxFileSize, tooBigWarning } from '../limits.js';
import { describeError } from '../fs-errors.js';
import { StreamDecoder, utf8Chunks } from '../stream-decode.js';
import type { FoundFile } from '../walk.js';
import { ExtraCutWarning } from './extra-fields.js';
import { fieldPlan, objectRecord, type ReadRecord } from './fields.js';
import type { RecordFormat, RecordTrack, WantId } from './format-reader.js';
import { fileChunks } from './record-source.js';
import type { RecordFields, SourceDocument, WarningHandler } from '../../types.js';

/** The BOM a JSON Lines file's first line may start with. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes a JSON Lines record is taken to have, to guess before reading how many a file holds. */
export const JSONL_RECORD_BYTES_GUESS = 4096;

/** The id a JSON Lines record asks for: its own (`fields.id`), else its line's, `<file id>#<line>`. */
export function askedRecordId(
  file: Pick<FoundFile, 'relPath'>,
  fields: RecordFields | undefined,
  lineNo: number,
): string {
  return fields?.id ?? `${fileId(file.relPath)}#${lineNo}`;
}

/**
 * Yields the records of a JSON Lines file (compressed or not), read a chunk at a time and cut into
 * lines on its bytes: a line is decoded only to be parsed. Invalid lines, and lines longer than the
 * size limit, are warnings (the first few, then one that counts the rest: see line-warnings.ts).
 * Every record claims its id; `wantId` (asked with the id) and `wantRecord` (asked with the line's
 * bytes) may then leave it out, and a record left out is not decoded when its id can be read
 * without (see {@link recordIdOf}). `track` is told of the lines that hold no record. A record
 * whose `extra` was cut is told once a file. `wantRecord` is given the line in UTF-8, whatever
 * the file's charset.
 */
export async function* readJsonl(
  file: FoundFile,
  ids: IdRegistry,
  warn: WarningHandler,
  wantId?: WantId,
  wantRecord?: (bytes: Buffer) => boolean,
  track?: RecordTrack,
): AsyncGenerator<SourceDocument> {
  const limit = maxFileSize();
  const bad = new LineWarnings(warn, file.displayPath);
  const decoder = new StreamDecoder();
  const cuts = new ExtraCutWarning(warn, file.displayPath, track);
  let failure: string | null = null;
  let lineNo = 0;
  for await (const lines of jsonlLines(file, limit, decoder, (why) => (failure = why))) {
    for (let k = 0; k < lines.length; k++) {
      lineNo++;
      let bytes = lines[k] as Buffer;
      if (bytes === OVERSIZE_LINE) {
        const why = tooBigWarning(limit);
        // Warned of first: `track?.` would not even work out its arguments without a track.
        const warned = bad.line(lineNo, why);
        track?.skipped(lineNo, warned ? why : null);
        continue;
      }
      if (lineNo === 1 && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
      const wanted = wantRecord ? wantRecord(bytes) : true;
      let claimed: string | undefined;
      if (!wanted || wantId) {
        // Its id, read without decoding the record, may be all that is needed of it.
        const asked = recordIdOf(bytes);
        if (asked !== undefined) {
          claimed = claimRecordId(ids, asked ?? askedRecordId(file, undefined, lineNo), file, lineNo, warn);
          if (!wanted || (wantId && !wantId(claimed, file))) continue;
        }
      }
      const record = parseJsonlLine(bytes);
      if (record === null || typeof record === 'string') {
        const warned = record !== null && bad.line(lineNo, record);
        track?.skipped(lineNo, warned ? record : null);
        continue;
      }
      cuts.note(lineNo, record.cut);
      const id = claimed ?? claimRecordId(ids, askedRecordId(file, record.fields, lineNo), file, lineNo, warn);
      if (!wanted || (claimed === undefined && wantId && !wantId(id, file))) continue;
      const doc: SourceDocument = {
        id,
        path: file.displayPath,
        absPath: file.absPath,
        format: 'jsonl',
        bytes: bytes.length,
        encoding: decoder.encoding,
        text: record.text,
        recordLine: lineNo,
        fields: record.fields,
      };
      if (decoder.fallback) doc.encodingFallback = true;
      yield doc;
    }
  }
  bad.finish(lineNo, failure, track);
}

/**
 * The lines of a JSON Lines file, in batches (see {@link byteLines}), decompressed when its name
 * says so, in UTF-8 (`decoder`). When reading fails, `fail` is told why, after the lines read until then: compressed
 * data cut short or damaged keeps the complete lines before the damage (for gzip, found again by
 * {@link recoverGzip} in a file small enough), and the warning says after which line it was cut.
 */
async function* jsonlLines(
  file: FoundFile,
  limit: number,
  decoder: StreamDecoder,
  fail: (why: string) => void,
): AsyncGenerator<Buffer[]> {
  const compression = compressionOf(file.relPath);
  let err: unknown;
  let lines = 0;
  try {
    for await (const batch of byteLines(utf8Chunks(fileChunks(file), decoder), limit)) {
      lines += batch.length;
      yield batch;
    }
    return;
  } catch (thrown) {
    err = thrown;
  }
  const what = compression ? damagedData(err) : null;
  if (what === null) return fail(describeError(err));
  if (compression === 'gzip') {
    // Also when cut short: zlib says so of garbage after a member, whose last line is whole.
    const rest = recoveredLines(file, limit).slice(lines);
    if (rest.length > 0) yield rest;
    lines += rest.length;
  }
  const why = err instanceof Error ? err.message : String(err);
  const name = compression === 'gzip' ? 'gzip' : 'zstd';
  fail(
    lines === 0
      ? `${name} data ${what} before its first line ended (${why}): no record read`
      : `${name} data ${what} after line ${lines} (${why}): the records before it kept`,
  );
}

/** The lines of the good start of a damaged gzipped file; none when it cannot be found. */
function recoveredLines(file: FoundFile, limit: number): Buffer[] {
  try {
    const good = recoverGzip(fs.readFileSync(fsPath(file.absPath)), limit);
    if (good === null) return [];
    // In UTF-8, as the lines read before were: its start decides the charset again, alike.
    const decoder = new StreamDecoder();
    const bytes = Buffer.concat([decoder.push(good.bytes), decoder.end()]);
    const lines = linesOf(bytes).map((line) => (line.length > limit ? OVERSIZE_LINE : line));
    // A stream cut short ends in a piece of a line, unless it was cut right after a line end or
    // the piece is a whole object (zlib cannot always tell garbage after a member from a cut).
    const last = bytes[bytes.length - 1];
    if (!good.complete && last !== 0x0a && last !== 0x0d && !isWholeObject(lines[lines.length - 1])) lines.pop();
    return lines;
  } catch {
    return [];
  }
}

/** True when the line holds one JSON object, whole. */
function isWholeObject(line: Buffer | undefined): boolean {
  try {
    const value: unknown = line === undefined ? null : JSON.parse(line.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * The id a JSON Lines record asks for, read without decoding its UTF-8: its bytes parsed as
 * Latin-1, a copy and not a decoding. JSON's syntax is ASCII, so the bytes are valid JSON, an
 * object, with a string text field, read either way alike; only the strings differ where they
 * hold non-ASCII bytes, and of the strings only an ASCII id is taken. Null when it asks for its
 * line's id (`<file id>#<line>`); undefined when {@link parseJsonlLine} must tell: a line that is
 * blank, invalid, not an object or without text (each rare), or an id with non-ASCII characters.
 */
export function recordIdOf(bytes: Buffer): string | null | undefined {
  let record: unknown;
  try {
    record = JSON.parse(bytes.toString('latin1'));
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const obj = record as Record<string, unknown>;
  const fields = fieldPlan();
  if (!fields.text.some((k) => typeof obj[k] === 'string')) return undefined;
  const id = obj[fields.id];
  if (typeof id === 'number') return String(id);
  if (typeof id !== 'string') return null;
  if (NON_ASCII.test(id)) return undefined;
  const trimmed = id.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A line of a JSON Lines file (UTF-8), decoded and parsed: its text and metadata fields
 * (`fields.id` the id it asks for, if any) and `extra`; null for a blank line; else why it holds
 * no document.
 */
export function parseJsonlLine(bytes: Buffer): ReadRecord | string | null {
  const line = bytes.toString('utf8');
  if (line.trim() === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return 'not valid JSON, skipped';
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return 'not a JSON object, skipped';
  // The same fields as a JSON file's objects and a table's columns (fields.ts).
  return objectRecord(record as Record<string, unknown>);
}

/** The reader of JSON Lines files. */
export const jsonlFormat: RecordFormat = {
  holds: 'records',
  recordBytesGuess: JSONL_RECORD_BYTES_GUESS,
  askedId: askedRecordId,
  read: readJsonl,
};
