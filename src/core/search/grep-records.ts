// Greps a file of records (CSV, TSV, JSON, JSON Lines): each record a document, searched whole in
// this thread as it is read. JSON Lines records are skipped on their raw bytes first; a big JSON
// Lines file may instead be cut into pieces for the workers (grep-jsonl.ts).

import { readerFor } from '../input/formats/index.js';
import type { RecordFormat } from '../input/formats/format-reader.js';
import type { FoundFile } from '../input/walk.js';
import type { DocFormat, SourceDocument } from '../types.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import { DocumentSearcher, PART_CHARS, PART_HITS } from './grep.js';
import type { GrepContext } from './grep-context.js';
import { readJsonl } from '../input/formats/jsonl.js';
import { restParts } from './grep-parts.js';
import type { GrepDocument } from './grep-settle.js';
import { maxLines } from './grep-task.js';

/** Matching documents a file of records holds back at most before they are yielded. */
const RECORDS_BATCH = 256;
/** Records read at most before the matches among them are yielded. */
const RECORDS_READ = 1024;

/** Yields the matching records of a file of records of the format, read and searched in this thread. */
export function grepRecordFile(
  file: FoundFile,
  format: DocFormat,
  context: GrepContext,
): AsyncGenerator<GrepDocument[]> {
  const { matcher, ids, warn } = context;
  // JSON Lines records whose bytes cannot match are not searched (their ids are claimed all the
  // same); the other formats' records are found by parsing the stream, so all are searched.
  const docs =
    format === 'jsonl'
      ? readJsonl(file, ids, warn, undefined, (bytes) => matcher.mayMatchJson(bytes))
      : (readerFor(format) as RecordFormat).read(file, ids, warn);
  return searchRecords(docs, context);
}

/** Yields the matching documents among records, searched in this thread as they come. */
async function* searchRecords(
  docs: AsyncIterable<SourceDocument>,
  context: GrepContext,
): AsyncGenerator<GrepDocument[]> {
  const { matcher, spec, warn, analyse, caughtUp } = context;
  const parts = spec.mode === 'lines';
  let found: GrepDocument[] = [];
  let records = 0;
  for await (const doc of docs) {
    const searcher = new DocumentSearcher(doc, matcher, {
      maxCount: maxLines(spec),
      withLines: parts,
      onLineError: (line, err) => {
        if (!(err instanceof MatchTimeoutError)) throw err;
        warn(`${doc.path}:${line}`, err.message);
      },
    });
    // In `lines` mode a part at a time (a record may hold millions of matching lines); else only counted.
    const hits = parts ? searcher.next(PART_HITS, PART_CHARS) : searcher.next(Infinity, Infinity, false);
    if (searcher.found > 0) {
      const first: GrepDocument = {
        search: { doc, lines: searcher.lines, hits, count: parts ? hits.length : searcher.found },
        count: parts ? hits.length : searcher.found,
        record: analyse ? analyse(doc) : null,
      };
      found.push(first);
      if (!searcher.done) {
        yield found;
        found = [];
        yield* restParts({ doc, searcher, warnings: [] }, first, context);
      }
    }
    // Rare matches in a big file still come out as they are found, near enough.
    const every = ++records % RECORDS_READ === 0;
    if (found.length >= RECORDS_BATCH || (every && found.length > 0)) {
      yield found;
      found = [];
    }
    if (every) await caughtUp();
  }
  if (found.length > 0) yield found;
}
