// What the second pass makes of a file of records (JSON Lines, CSV, TSV, JSON): a slot per record, then one for
// the file's own cache entry. A file the cache holds whole is replayed from it, unread, when
// no text is wanted; else it is read, each record's entry taken from the cache where it holds.

import { unchanged, type FileStat } from './corpus-plan.js';
import { completePage } from '../input/warc/pending-page.js';
import type { Slot, SlotContext } from './document-slots.js';
import { keyFields, type CachedJsonl, type JsonlFileEntry, type StoredEntry } from '../cache/index.js';
import type { RecordFormat, RecordTrack } from '../input/formats/format-reader.js';
import { claimRecordId } from '../input/ids.js';
import type { FoundFile } from '../input/walk.js';

/** The cache's entries for a file of records, when it holds them for the file as it is now. */
export function heldRecords(ctx: SlotContext, file: FoundFile): CachedJsonl | null {
  const stat = ctx.stats.get(file);
  return (stat && ctx.cache?.jsonl(stat)) || null;
}

/** True when the file need not be read: no text is wanted, and every entry holds for this corpus. */
export function replayable(ctx: SlotContext, held: CachedJsonl): boolean {
  return !ctx.withText && !ctx.withRecordText && held.hitsAre(ctx.recurringKeys);
}

/**
 * The slots of a file of records held in the cache, without reading it: its warnings given and
 * its records' ids claimed as reading it would (see `readJsonl`).
 */
export function* replayRecords(ctx: SlotContext, file: FoundFile, held: CachedJsonl): Generator<Slot> {
  const stat = ctx.stats.get(file);
  const warnings = held.file.warn;
  let w = 0;
  const warnUpTo = (lineNo: number) => {
    for (; w < warnings.length && (warnings[w] as [number, string])[0] < lineNo; w++) {
      const [at, message] = warnings[w] as [number, string];
      ctx.warn(`${file.displayPath}:${at}`, message);
    }
  };
  for (const [lineNo, stored] of held.records()) {
    warnUpTo(lineNo);
    const id = claimRecordId(ctx.ids, stored.recordId() as string, file, lineNo, ctx.warn);
    if (ctx.wantId && !ctx.wantId(id, file)) continue;
    yield { id, path: file.displayPath, doc: null, stat, stored, result: null, order: [0, lineNo] };
  }
  warnUpTo(Infinity);
  yield { id: '', path: file.displayPath, doc: null, stat, result: null, end: held.line };
}

/**
 * The slots of a file of records, read: each record's entry taken from the cache (`found`) when
 * it holds, else the record analysed afresh. A file changed since the plan is analysed as it is
 * read: its entries are of another version, and its text must not be given with their records.
 */
export async function* readRecords(
  ctx: SlotContext,
  file: FoundFile,
  reader: RecordFormat,
  found: CachedJsonl | null,
): AsyncGenerator<Slot> {
  const stat = ctx.stats.get(file);
  const held = found && stat && unchanged(stat) ? found : null;
  const records = held ? held.records() : null;
  let next = records?.next();
  const track = new RecordTracker();
  let n = 0;
  // Pages are left to extract where the records are analysed (in workers): see SourceDocument.page.
  for await (const read of reader.read(file, ctx.ids, ctx.warn, ctx.wantId, undefined, track, true)) {
    n++;
    const lineNo = read.recordLine as number;
    while (next && !next.done && next.value[0] < lineNo) next = records?.next();
    const stored: StoredEntry | undefined =
      next && !next.done && next.value[0] === lineNo && next.value[1].hitsAre(ctx.recurringKeys)
        ? next.value[1]
        : undefined;
    // A record the cache holds is not analysed: its page, if any, is extracted here, for its text.
    const doc = stored && read.page !== undefined ? completePage(read) : read;
    const order: [number, number] = [0, lineNo];
    if (stored) yield { id: doc.id, path: doc.path, doc, stat, stored, result: null, order };
    else {
      const asked = reader.askedId(file, doc.fields, lineNo);
      yield { id: doc.id, path: doc.path, doc, stat, asked, result: ctx.analysis.analyse(doc), order };
    }
  }
  const end = held && n === held.file.n && !track.broken ? held.line : stat && track.entry(stat, n);
  if (end) yield { id: '', path: file.displayPath, doc: null, stat, result: null, end };
}

/** What a read of a file of records tells of the lines that hold no record (see {@link JsonlFileEntry}). */
class RecordTracker implements RecordTrack {
  readonly skip: number[] = [];
  readonly warn: Array<[number, string]> = [];
  broken = false;
  private lastSkipped = -1;

  skipped(lineNo: number, why: string | null): void {
    const { skip } = this;
    // A run of lines is kept as its first and `-k`: a CSV of multi-line rows skips most lines.
    if (lineNo === this.lastSkipped + 1) {
      const last = skip[skip.length - 1] as number;
      if (last < 0) skip[skip.length - 1] = last - 1;
      else skip.push(-1);
    } else skip.push(lineNo);
    this.lastSkipped = lineNo;
    if (why !== null) this.warn.push([lineNo, why]);
  }

  warned(lineNo: number, why: string): void {
    this.warn.push([lineNo, why]);
  }

  failed(): void {
    this.broken = true;
  }

  /** The file's entry, for `records` records; null when the file was not read to its end. */
  entry(stat: FileStat, records: number): JsonlFileEntry | null {
    return this.broken ? null : { ...keyFields(stat), j: { n: records, skip: this.skip, warn: this.warn } };
  }
}
