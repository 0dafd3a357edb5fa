// JSON (`.json`, gzipped or not): an array of objects, a document each; or one object, one
// document (or objects one after another, as JSON Lines). Each object's fields are read as a
// JSON Lines record's (fields.ts), its other keys kept as `extra`. The file is streamed, decoded
// to UTF-8 in its charset (stream-decode.ts) and cut into elements on its bytes
// (json-elements.ts), never parsed whole; an element's place is its index from 1, its id
// `<file id>#<index>` unless it has its own.

import { claimRecordId, type IdRegistry } from '../ids.js';
import { LineWarnings } from '../line-warnings.js';
import { maxFileSize, tooBigWarning } from '../limits.js';
import { StreamDecoder, utf8Chunks } from '../stream-decode.js';
import type { FoundFile } from '../walk.js';
import { ExtraCutWarning } from './extra-fields.js';
import { objectRecord, type ReadRecord } from './fields.js';
import type { RecordFormat, RecordTrack, WantId } from './format-reader.js';
import { JsonElements, type JsonElement } from './json-elements.js';
import { askedRecordId } from './jsonl.js';
import { recordChunks } from './record-source.js';
import type { SourceDocument, WarningHandler } from '../../types.js';

/** Bytes an element is taken to have, to guess before reading how many a file holds. */
const JSON_ELEMENT_BYTES_GUESS = 4096;

/** An element's text and fields (its bytes UTF-8); else why it holds no document. */
export function parseJsonElement(bytes: Buffer): ReadRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'not valid JSON, skipped';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object, skipped';
  return objectRecord(value as Record<string, unknown>);
}

/** The elements of a JSON file, in batches: those of each chunk, then the last if whole. */
async function* jsonElements(
  file: FoundFile,
  elements: JsonElements,
  decoder: StreamDecoder,
  fail: (why: string) => void,
): AsyncGenerator<JsonElement[]> {
  let failed = false;
  const chunks = recordChunks(file, (why) => {
    failed = true;
    fail(why);
  });
  for await (const chunk of utf8Chunks(chunks, decoder)) yield elements.feed(chunk);
  if (!failed) yield elements.end();
}

/**
 * Yields the objects of a JSON file as documents, in order, each having claimed its id. An
 * element that holds none is a warning at its index (the first few, then one that counts the
 * rest); a file cut short keeps the elements before the cut, with a warning. `track` is told of
 * the elements that hold no document. A record whose `extra` was cut is told once a file.
 */
export async function* readJson(
  file: FoundFile,
  ids: IdRegistry,
  warn: WarningHandler,
  wantId?: WantId,
  _wantRecord?: (bytes: Buffer) => boolean,
  track?: RecordTrack,
): AsyncGenerator<SourceDocument> {
  const limit = maxFileSize();
  const bad = new LineWarnings(warn, file.displayPath);
  const elements = new JsonElements(limit);
  const decoder = new StreamDecoder();
  const cuts = new ExtraCutWarning(warn, file.displayPath, track);
  let failure: string | null = null;
  let last = 0;
  for await (const batch of jsonElements(file, elements, decoder, (why) => (failure = why))) {
    for (const { index, bytes } of batch) {
      last = index;
      const record = bytes === null ? tooBigWarning(limit) : parseJsonElement(bytes);
      if (typeof record === 'string') {
        const warned = bad.line(index, record);
        track?.skipped(index, warned ? record : null);
        continue;
      }
      cuts.note(index, record.cut);
      const id = claimRecordId(ids, askedRecordId(file, record.fields, index), file, index, warn);
      if (wantId && !wantId(id, file)) continue;
      const doc: SourceDocument = {
        id,
        path: file.displayPath,
        absPath: file.absPath,
        format: 'json',
        bytes: (bytes as Buffer).length,
        encoding: decoder.encoding,
        text: record.text,
        recordLine: index,
        fields: record.fields,
      };
      if (decoder.fallback) doc.encodingFallback = true;
      yield doc;
    }
  }
  bad.finish(last, failure, track);
  if (failure !== null) return;
  const cut = elements.problem;
  if (cut !== null) {
    // At the element it concerns, so that the cache gives it again in the same place.
    const at = Math.max(elements.begun, 1);
    warn(`${file.displayPath}:${at}`, cut);
    track?.warned?.(at, cut);
  }
}

/** The reader of JSON files. */
export const jsonFormat: RecordFormat = {
  holds: 'records',
  recordBytesGuess: JSON_ELEMENT_BYTES_GUESS,
  askedId: askedRecordId,
  read: readJson,
};
