// WARC and WET crawls (`.warc`, `.wet`; gzipped a record a member as Common Crawl writes them,
// gzipped whole, zstd, or not compressed): a document per `response` or `resource` record that
// holds an HTML page (its text extracted, as an `.html` file's) or plain text, and per WET
// `conversion` record (docs/spec.md §1). A file is streamed and cut into records on its bytes
// (warc/records.ts), so a 1 GB segment never sits in memory; a record's place is its number in
// the file, its id its target URI, else its WARC-Record-ID, else `<file id>#<number>`.

import { compressionOf, formatOf } from '../file-kinds.js';
import { fsPath } from '../file-names.js';
import { describeError } from '../fs-errors.js';
import { claimRecordId, type IdRegistry } from '../ids.js';
import { LineWarnings } from '../line-warnings.js';
import { maxFileSize, tooBigWarning } from '../limits.js';
import { gzipMemberChunks, type GzipResync } from '../warc/gzip-members.js';
import { holdsDocument, readRecord, type RecordDocument } from '../warc/record-document.js';
import { WarcRecords, type WarcEvent } from '../warc/records.js';
import type { FoundFile } from '../walk.js';
import type { RecordFormat, RecordTrack, WantId } from './format-reader.js';
import { askedRecordId } from './jsonl.js';
import { recordChunks } from './record-source.js';
import type { SourceDocument, WarningHandler } from '../../types.js';

/** Bytes a record is taken to have, to guess before reading how many a file holds (a page's response, with its request and metadata). */
const WARC_RECORD_BYTES_GUESS = 30_000;

/** Kinds of content not read named at most in the closing warning. */
const KINDS_SHOWN = 5;

let keepRaw = false;

/**
 * Whether a WARC record's document carries its decoded HTML page as `raw`, which only `show
 * --raw` prints (and turns on): off by default. On, a cold `list` of 20,000 pages peaked at
 * 441 MB, not 290 MB (every document in flight held its page twice).
 */
export function setWarcRaw(on: boolean): void {
  keepRaw = on;
}

/**
 * The decompressed chunks of a WARC file, with a {@link GzipResync} where damaged gzip data was
 * skipped. When reading fails, `fail` is told why after the chunks read until then.
 */
async function* warcChunks(file: FoundFile, fail: (why: string) => void): AsyncGenerator<Buffer | GzipResync> {
  if (compressionOf(file.relPath) !== 'gzip') return yield* recordChunks(file, fail);
  try {
    yield* gzipMemberChunks(fsPath(file.absPath));
  } catch (err) {
    fail(describeError(err));
  }
}

/**
 * Yields the documents of a WARC or WET file, in order, each having claimed its id. Damage (a
 * bad header block, bytes that are no record, a record or gzip member cut short) is a warning at
 * the record number, the first few then one that counts the rest (line-warnings.ts), and reading
 * goes on with the next record found; records that are not text are counted and told once, at
 * the end. `wantId` (asked with the id) and `wantRecord` (asked with a WET record's bytes) may
 * leave a document out; `track` is told of the records that hold none.
 */
export async function* readWarc(
  file: FoundFile,
  ids: IdRegistry,
  warn: WarningHandler,
  wantId?: WantId,
  wantRecord?: (bytes: Buffer) => boolean,
  track?: RecordTrack,
  defer = false,
): AsyncGenerator<SourceDocument> {
  const limit = maxFileSize();
  const format = formatOf(file.relPath) === 'wet' ? 'wet' : 'warc';
  const bad = new LineWarnings(warn, file.displayPath);
  const records = new WarcRecords(holdsDocument, limit);
  const notText = new Uncounted('not text', 'not text');
  const notPages = new Uncounted('not a page', 'not pages');
  let failure: string | null = null;
  const noRecord = (number: number, why: string | null): void => {
    const warned = why !== null && bad.line(number, why);
    track?.skipped(number, warned ? why : null);
  };
  const eventsOf = function* (events: WarcEvent[]): Generator<SourceDocument> {
    for (const event of events) {
      if (event.kind === 'damage') {
        noRecord(event.number, event.why);
        continue;
      }
      if (event.tooBig) {
        noRecord(event.number, tooBigWarning(limit));
        continue;
      }
      const read = readRecord(event, limit);
      if (read.kind !== 'document') {
        if (read.kind === 'other') (read.label.startsWith('HTTP ') ? notPages : notText).add(read.label, read.response);
        noRecord(event.number, read.kind === 'bad' ? read.why : null);
        continue;
      }
      const number = event.number;
      const id = claimRecordId(ids, askedRecordId(file, read.fields, number), file, number, warn);
      // Asked before the text is read: decoding and extracting a page is most of the work.
      if (wantRecord && event.headers.get('warc-type') === 'conversion' && !wantRecord(read.bytes)) continue;
      if (wantId && !wantId(id, file)) continue;
      if (defer && read.page !== undefined) {
        yield deferredPage(read, { id, path: file.displayPath, absPath: file.absPath, format, recordLine: number });
        continue;
      }
      const text = read.read();
      const doc: SourceDocument = {
        id,
        path: file.displayPath,
        absPath: file.absPath,
        format,
        // The payload: a response's HTTP body (its codings undone), a WET record's text.
        bytes: read.bytes.length,
        encoding: text.encoding,
        text: text.text,
        recordLine: number,
        fields: text.fields,
        fieldSources: text.fieldSources,
      };
      if (text.encodingFallback) doc.encodingFallback = true;
      if (text.boilerplate.length > 0) doc.boilerplate = text.boilerplate;
      if (text.declaredLang !== undefined) doc.declaredLang = text.declaredLang;
      if (read.fallbackDate !== undefined) doc.fallbackDate = read.fallbackDate;
      if (keepRaw && text.raw !== undefined) doc.raw = text.raw;
      yield doc;
    }
  };
  for await (const chunk of warcChunks(file, (why) => (failure = why))) {
    if (Buffer.isBuffer(chunk)) yield* eventsOf(records.feed(chunk));
    else if (chunk.why === null) records.restart();
    else yield* eventsOf(records.lost(chunk.why));
  }
  if (failure === null) yield* eventsOf(records.end());
  const last = records.number;
  for (const skipped of [notText.warning(), notPages.warning()]) {
    if (skipped === null) continue;
    warn(`${file.displayPath}:${last}`, skipped);
    track?.warned?.(last, skipped);
  }
  bad.finish(last, failure, track);
}

/** A record's document with its HTML page left to extract (see SourceDocument.page). */
function deferredPage(
  read: RecordDocument,
  where: Pick<SourceDocument, 'id' | 'path' | 'absPath' | 'format' | 'recordLine'>,
): SourceDocument {
  const page = read.page as NonNullable<RecordDocument['page']>;
  const doc: SourceDocument = {
    ...where,
    bytes: read.bytes.length,
    // Placeholders until the page is extracted (pending-page.ts).
    encoding: 'utf-8',
    text: '',
    fields: read.fields,
    fieldSources: read.fieldSources,
    // A copy of its own: a view into the decompressed chunk would keep the whole chunk alive while
    // the document waits, and be cloned whole (its whole buffer) when posted to a worker.
    page: { ...page, body: Uint8Array.prototype.slice.call(page.body), raw: keepRaw },
  };
  if (read.fallbackDate !== undefined) doc.fallbackDate = read.fallbackDate;
  return doc;
}

/**
 * The records not read, counted by kind, for the one warning that tells of them: those that are
 * not text (images, PDFs…), and the responses that are not pages (HTTP 404, a redirect…).
 */
class Uncounted {
  private readonly kinds = new Map<string, number>();
  private total = 0;
  private allResponses = true;

  /** What the records are not, said of one and of several: `not a page`, `not pages`. */
  constructor(
    private readonly one: string,
    private readonly many: string,
  ) {}

  add(label: string, response: boolean): void {
    this.kinds.set(label, (this.kinds.get(label) ?? 0) + 1);
    this.total++;
    if (!response) this.allResponses = false;
  }

  /** `skipped 12 responses that are not text (10 image/jpeg, 2 application/pdf)`; null when none. */
  warning(): string | null {
    if (this.total === 0) return null;
    const sorted = [...this.kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = sorted.slice(0, KINDS_SHOWN).map(([label, n]) => `${n} ${label}`);
    const rest = sorted.slice(KINDS_SHOWN).reduce((sum, [, n]) => sum + n, 0);
    if (rest > 0) shown.push(`${rest} other`);
    const noun = this.allResponses ? 'response' : 'record';
    const one = this.total === 1;
    return `skipped ${this.total} ${noun}${one ? '' : 's'} that ${one ? `is ${this.one}` : `are ${this.many}`} (${shown.join(', ')})`;
  }
}

/** The reader of WARC and WET files. */
export const warcFormat: RecordFormat = {
  holds: 'records',
  recordBytesGuess: WARC_RECORD_BYTES_GUESS,
  askedId: askedRecordId,
  read: readWarc,
};
