// What the second pass makes of each file that is one document: its slot in the queue of documents
// to hand out, holding the cache's entry where it holds for this corpus, else the document read
// and its analysis under way. (The records of a file of records: see record-slots.ts.)

import { unchanged, type FileStat } from './corpus-plan.js';
import type { Analysis, DocumentAnalysis } from './document-analysis.js';
import type { CorpusCache, JsonlFileEntry, RecurringKeys, StoredEntry } from '../cache/index.js';
import type { DocumentFormat, WantId } from '../input/formats/format-reader.js';
import { claimFor, fileId, type IdRegistry } from '../input/ids.js';
import type { FoundFile } from '../input/walk.js';
import type { DocFormat, SourceDocument, WarningHandler } from '../types.js';

/** A document on its way out, in corpus order; or, with `end`, the end of a file of records. */
export interface Slot {
  id: string;
  path: string;
  /** The document as read; null when only the cached record is needed. */
  doc: SourceDocument | null;
  /** Its analysis; null when it came from the cache: see `stored`. */
  result: Analysis | null;
  /** What the cache keeps of the file (a file of records: of each record too). */
  stat?: FileStat;
  /** The cache's entry for it, when it came from the cache. */
  stored?: StoredEntry;
  /** The file the document is, for a file that is one document (not for a record). */
  file?: FoundFile;
  /** The file's place in the walk, and the record's line in it (0 for a file that is one document): the document's place in the corpus. */
  order?: [number, number];
  /** For a record analysed afresh: the id it asks for, which its entry keeps. */
  asked?: string;
  /**
   * Set on the slot after a file's records: the file's own entry, to write after theirs (where
   * its line starts in the cache, or a new one). Such a slot is no document.
   */
  end?: number | JsonlFileEntry;
}

/** What the second pass reads the files with. */
export interface SlotContext {
  /** The ids claimed so far. */
  readonly ids: IdRegistry;
  readonly cache: CorpusCache | null;
  /** The corpus's recurring lines: a cached entry holds when its own agree with them. */
  readonly recurringKeys: RecurringKeys;
  readonly analysis: DocumentAnalysis;
  readonly stats: ReadonlyMap<FoundFile, FileStat | undefined>;
  readonly warn: WarningHandler;
  readonly wantId: WantId | undefined;
  /** Each document's text is wanted (else only its record). */
  readonly withText: boolean;
  /** Each record's text is wanted: it has no file of its own to be read again from. */
  readonly withRecordText: boolean;
}

/**
 * The slot of a file that is one document; null when it is not wanted, or cannot be read (a
 * file held in the cache is read only for its text). A cached record is never given with the
 * text of another version of its file: when the file changed between the plan and its reading,
 * the text read is analysed instead.
 */
export function documentSlot(
  ctx: SlotContext,
  file: FoundFile,
  reader: DocumentFormat,
  format: DocFormat,
): Slot | null {
  const wantedId = fileId(file.relPath);
  if (ctx.wantId && !ctx.wantId(ctx.ids.peek(wantedId), file)) {
    ctx.ids.claim(wantedId);
    return null;
  }
  const stat = ctx.stats.get(file);
  const stored = stat && ctx.cache?.get(stat);
  let read: ReturnType<DocumentFormat['read']> | undefined;
  if (stored?.hitsAre(ctx.recurringKeys)) {
    let doc: SourceDocument | null = null;
    if (ctx.withText) {
      read = reader.read(file, ctx.warn);
      if (read === null || read === 'skipped') return null;
      doc = { id: '', path: file.displayPath, absPath: file.absPath, format, ...read };
    }
    // Still the file the entry was found for, after its text was read: the text is that version's.
    if (doc === null || unchanged(stat as FileStat)) {
      const id = claimFor(ctx.ids, wantedId, file, ctx.warn);
      if (doc) doc.id = id;
      return { id, path: file.displayPath, doc, stat, file, stored, result: null };
    }
  }
  read ??= reader.read(file, ctx.warn);
  if (read === null || read === 'skipped') return null;
  const id = claimFor(ctx.ids, wantedId, file, ctx.warn);
  const doc: SourceDocument = { id, path: file.displayPath, absPath: file.absPath, format, ...read };
  return { id, path: file.displayPath, doc, stat, file, result: ctx.analysis.analyse(doc) };
}
