// What the reader of one input format gives the rest of the tool. A format's file is either one
// document (text, Markdown) or a run of records, each a document with its line number (JSON
// Lines): the two are identified, read and cached differently (docs/spec.md §1–2).

import type { IdRegistry } from '../ids.js';
import type { FoundFile } from '../walk.js';
import type { Encoding, FieldSources, RecordFields, SourceDocument, WarningHandler } from '../../types.js';

/** Asked with a document's id and its file: false leaves the document out. */
export type WantId = (id: string, file: FoundFile) => boolean;

/** What a file that is one document reads as: its size in bytes, how it was decoded, its text. */
export interface FileText {
  bytes: number;
  encoding: Encoding;
  /** True when the encoding is a guess (see SourceDocument). */
  encodingFallback?: boolean;
  text: string;
  /** What the reader found beside the text (an HTML page's metadata, menus…): as in SourceDocument. */
  fields?: RecordFields;
  fieldSources?: FieldSources;
  boilerplate?: number[];
  declaredLang?: string;
}

/** A format whose file is one document, with the file's id (see `fileId`). */
export interface DocumentFormat {
  readonly holds: 'document';
  /**
   * The file's text: null (with a warning) when it cannot be read or is not text; `'skipped'`
   * when `wantBytes`, asked with the file's raw (decompressed) bytes, says no before decoding.
   */
  read(file: FoundFile, warn: WarningHandler, wantBytes?: (bytes: Buffer) => boolean): FileText | null | 'skipped';
}

/**
 * Told, as a file of records is read, of each line that holds no record (`why` is its warning,
 * null for a blank line), and when the file could not be read to its end: what the cache keeps
 * of the file beside its records' entries, to give the same warnings without reading it again.
 */
export interface RecordTrack {
  /** A line that holds no record; `why` null for a blank line, or a bad line not warned of one by one. */
  skipped(lineNo: number, why: string | null): void;
  /** A warning given at the end of the file, at its last line `lineNo` (which may hold a record). */
  warned?(lineNo: number, why: string): void;
  failed(): void;
}

/** A format whose file holds records, one a line: each a document, with its line number. */
export interface RecordFormat {
  readonly holds: 'records';
  /** Bytes a record is taken to have, to guess before reading how many a file holds. */
  readonly recordBytesGuess: number;
  /** The id a record asks for: its own (`fields.id`), else its line's. */
  askedId(file: Pick<FoundFile, 'relPath'>, fields: RecordFields | undefined, lineNo: number): string;
  /**
   * Yields the records of a file, in order, each having claimed its id in `ids`; a line that
   * holds none is a warning. `wantId` (asked with the id) and `wantRecord` (asked with the
   * line's raw bytes) may leave a record out; `track` is told of the lines that hold none.
   * `defer`: a record whose text is extracted from an HTML page (WARC) may come with the page to
   * extract (`SourceDocument.page`) and no text, for the analysis to extract it, in a worker.
   */
  read(
    file: FoundFile,
    ids: IdRegistry,
    warn: WarningHandler,
    wantId?: WantId,
    wantRecord?: (bytes: Buffer) => boolean,
    track?: RecordTrack,
    defer?: boolean,
  ): AsyncGenerator<SourceDocument>;
}

/** The reader of a format: of a file that is one document, or of a file of records. */
export type FormatReader = DocumentFormat | RecordFormat;
